/**
 * The bank project's governance around its plan: the PM's and the TPM's tracks, sprints for the
 * channel teams, RAID entries beyond the plan's risks, change requests with dual sign-off,
 * stakeholders, requirements and releases.
 */
import type { User } from '../repositories/user-repository.ts';
import { createChangeRequest } from '../repositories/change-request-repository.ts';
import { createRaidEntry } from '../repositories/raid-entry-repository.ts';
import { createRelease } from '../repositories/release-repository.ts';
import { type NewRequirement, createRequirement } from '../repositories/requirement-repository.ts';
import { createSprint } from '../repositories/sprint-repository.ts';
import { type NewStakeholder, createStakeholder } from '../repositories/stakeholder-repository.ts';
import type { Db, WriteContext } from '../repositories/transaction.ts';
import { updateWorkItem } from '../repositories/work-item-repository.ts';
import type { DemoPerson } from './seed-demo-workspace.ts';
import { workItemIds } from './work-item-keys.ts';

/** The PM's lens: scope, vendors, stakeholders, business readiness. Everything else is technical. */
const BUSINESS = new Set([
  'business-case',
  'stakeholders',
  'charter-signoff',
  'requirements',
  'vendor-selection',
  'vendor-contract',
  'budget',
  'planning-gate',
  'training',
  'customer-comms',
  'uat',
  'uat-signoff',
  'go-no-go',
  'closure',
]);

export async function seedBankingGovernance(
  db: Db,
  ctx: WriteContext,
  projectId: string,
  people: Record<DemoPerson, User>,
): Promise<void> {
  const ids = await workItemIds(db, ctx.workspaceId, projectId);
  const items = await db
    .selectFrom('work_items')
    .select(['id', 'key', 'type', 'version'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('project_id', '=', projectId)
    .execute();

  const sprint1 = await createSprint(db, ctx, {
    project_id: projectId,
    name: 'Channels sprint 1',
    goal: 'Customer journeys and design system foundations',
    start_date: '2026-01-26',
    finish_date: '2026-02-06',
    status: 'closed',
    capacity_points: 34,
  });
  const sprint2 = await createSprint(db, ctx, {
    project_id: projectId,
    name: 'Channels sprint 2',
    goal: 'Accessible login and account overview designs signed off',
    start_date: '2026-02-09',
    finish_date: '2026-02-20',
    status: 'active',
    capacity_points: 36,
  });
  await createSprint(db, ctx, {
    project_id: projectId,
    name: 'Channels sprint 3',
    goal: 'Payments journeys; first web components against the gateway mock',
    start_date: '2026-02-23',
    finish_date: '2026-03-06',
    capacity_points: 36,
  });

  const sprintOf: Record<string, string> = { requirements: sprint1.id, 'ux-design': sprint2.id };
  const assignee: Record<string, string> = {
    architecture: people.architect.id,
    'arch-review': people.tpm.id,
    'vendor-selection': people.pm.id,
    'vendor-contract': people.pm.id,
    budget: people.pm.id,
    nfr: people.tpm.id,
  };
  for (const item of items) {
    if (item.type === 'summary') continue;
    await updateWorkItem(db, ctx, item.id, item.version, {
      track: BUSINESS.has(item.key) ? 'business' : 'technical',
      ...(sprintOf[item.key] ? { sprint_id: sprintOf[item.key] } : {}),
      ...(assignee[item.key] ? { assignee_id: assignee[item.key] } : {}),
      ...(item.key === 'ux-design' ? { story_points: 21, labels: ['accessibility', 'design'] } : {}),
    });
  }

  await createRaidEntry(db, ctx, {
    project_id: projectId,
    kind: 'risk',
    title: 'App store review rejects the first mobile release',
    description: 'Banking apps are often sent back for privacy labelling or login flows.',
    category: 'technical',
    probability: 0.2,
    impact: 3,
    score: 0.6,
    owner: 'Tom Okafor',
    owner_id: people.tpm.id,
    response_strategy: 'mitigate',
    response_plan: 'Pre-submission review with the app store checklist; submit a TestFlight build early.',
    trigger: 'Rejection notice from Apple or Google',
    residual_score: 0.3,
    linked_work_item_ids: ids('app-store'),
    schedule_impact: { optimistic: 1350, mostLikely: 2250, pessimistic: 4500 },
  });
  await createRaidEntry(db, ctx, {
    project_id: projectId,
    kind: 'assumption',
    title: 'The core banking team can give us two days a week from March',
    owner: 'Priya Shah',
    owner_id: people.pm.id,
    status: 'open',
    linked_work_item_ids: ids('core-adapter', 'migration-scripts'),
  });
  await createRaidEntry(db, ctx, {
    project_id: projectId,
    kind: 'issue',
    title: 'No core banking test environment until 16 March',
    description: 'The adapter team builds against recorded responses until then.',
    category: 'technical',
    impact: 3,
    owner: 'Tom Okafor',
    owner_id: people.tpm.id,
    due_date: '2026-03-16',
    linked_work_item_ids: ids('core-adapter'),
  });
  await createRaidEntry(db, ctx, {
    project_id: projectId,
    kind: 'decision',
    title: 'ADR-001: one API gateway in front of the core banking system',
    category: 'technical',
    owner: 'Elena Rossi',
    owner_id: people.architect.id,
    status: 'accepted',
    context:
      'Web, mobile and partner channels all need accounts and payments; the core system allows a limited number of connections.',
    options: [
      {
        name: 'Managed API gateway',
        pros: ['rate limiting and auth in one place', 'developer portal'],
        cons: ['vendor cost'],
      },
      {
        name: 'Each channel calls the core directly',
        pros: ['no new component'],
        cons: ['connection limits', 'duplicated security'],
      },
    ],
    decision: 'A managed API gateway with a core-banking adapter behind it.',
    consequences: 'One more platform component to run; every channel shares authentication and throttling.',
    linked_work_item_ids: ids('api-gateway', 'core-adapter'),
  });

  await createChangeRequest(db, ctx, {
    project_id: projectId,
    title: 'Add Apple Pay and Google Pay provisioning to the mobile app',
    description: 'Marketing wants wallet provisioning at launch.',
    requester: 'Helen Marsh',
    requester_id: people.sponsor.id,
    reason: 'Competitors launched wallet provisioning last year.',
    status: 'submitted',
    schedule_impact_minutes: 15 * 450,
    cost_impact_amount: 85_000,
    scope_impact: 'Card provisioning journeys in the mobile app.',
    technical_impact: 'Token service integration with the card processor; extra penetration testing.',
    affected_work_item_ids: ids('mobile-app', 'pen-test'),
    approvals: [
      {
        role: 'pm',
        userId: people.pm.id,
        name: 'Priya Shah',
        decision: 'approved',
        at: '2026-02-11T15:00:00.000Z',
      },
      { role: 'tpm', userId: people.tpm.id, name: 'Tom Okafor', decision: 'pending' },
    ],
  });
  await createChangeRequest(db, ctx, {
    project_id: projectId,
    title: 'Move the vendor contract signature to the legal team’s February slot',
    requester: 'Priya Shah',
    requester_id: people.pm.id,
    status: 'approved',
    schedule_impact_minutes: 5 * 450,
    cost_impact_amount: 0,
    affected_work_item_ids: ids('vendor-contract', 'identity'),
    approvals: [
      { role: 'pm', userId: people.pm.id, decision: 'approved', at: '2026-02-02T10:00:00.000Z' },
      { role: 'tpm', userId: people.tpm.id, decision: 'approved', at: '2026-02-02T11:30:00.000Z' },
    ],
    decided_at: '2026-02-02T11:30:00.000Z',
  });

  const stakeholders: Omit<NewStakeholder, 'project_id'>[] = [
    {
      name: 'Helen Marsh',
      title: 'Director of Digital (sponsor)',
      influence: 5,
      interest: 5,
      attitude: 'supportive',
      detail_level: 'executive',
      communication: [
        { audience: 'Steering committee', cadence: 'monthly', channel: 'meeting', owner: 'Priya Shah' },
      ],
    },
    {
      name: 'Raj Patel',
      title: 'Head of Retail Operations',
      influence: 4,
      interest: 4,
      attitude: 'neutral',
      detail_level: 'business',
      communication: [{ cadence: 'fortnightly', channel: 'status report', owner: 'Priya Shah' }],
    },
    {
      name: 'Ingrid Sørensen',
      title: 'Chief Information Security Officer',
      influence: 5,
      interest: 3,
      attitude: 'cautious',
      detail_level: 'technical',
      communication: [{ cadence: 'monthly', channel: 'security review', owner: 'Tom Okafor' }],
    },
    {
      name: 'Contact centre managers',
      title: 'Customer Services',
      influence: 2,
      interest: 5,
      attitude: 'supportive',
      detail_level: 'business',
      communication: [{ cadence: 'monthly', channel: 'newsletter', owner: 'Priya Shah' }],
    },
    {
      name: 'Core banking vendor account team',
      organisation: 'Core banking vendor',
      influence: 3,
      interest: 2,
      attitude: 'neutral',
      detail_level: 'technical',
      communication: [{ cadence: 'weekly', channel: 'call', owner: 'Tom Okafor' }],
    },
  ];
  for (const s of stakeholders)
    await createStakeholder(db, ctx, {
      project_id: projectId,
      ...s,
      satisfaction: [{ at: '2026-02-06', score: s.attitude === 'supportive' ? 4 : 3 }],
    });

  const requirements: Omit<NewRequirement, 'project_id'>[] = [
    {
      title: 'Customers sign in with strong customer authentication (PSD2 SCA)',
      kind: 'functional',
      priority: 'must',
      acceptance_criteria: [
        'Two independent factors at sign-in and for payments to new payees',
        'Biometrics on mobile',
      ],
      links: { workItemIds: ids('identity') },
    },
    {
      title: 'Customers see balances and 24 months of transactions',
      kind: 'functional',
      priority: 'must',
      acceptance_criteria: ['Balances within 5 s of the core system', 'Search by amount, date and payee'],
      links: { workItemIds: ids('accounts-api', 'web-app', 'mobile-app') },
    },
    {
      title: 'Faster Payments and standing orders',
      kind: 'functional',
      priority: 'must',
      acceptance_criteria: [
        'Payment confirmation within 10 s',
        'Standing orders created, amended and cancelled',
      ],
      links: { workItemIds: ids('payments') },
    },
    {
      title: '2,000 sign-ins a minute at p95 under 800 ms',
      kind: 'non_functional',
      category: 'performance',
      priority: 'must',
      acceptance_criteria: ['Load test at 2,000 sign-ins/min for 1 hour, p95 < 800 ms, errors < 0.1%'],
      links: { workItemIds: ids('perf-test'), tests: ['load/login-peak'] },
    },
    {
      title: '99.95% availability outside agreed maintenance windows',
      kind: 'non_functional',
      category: 'availability',
      priority: 'must',
      acceptance_criteria: ['Active-active across two zones', 'DR rehearsal restores service within 1 hour'],
      links: { workItemIds: ids('dr-test', 'landing-zone') },
    },
    {
      title: 'WCAG 2.2 AA on web and mobile',
      kind: 'non_functional',
      category: 'compliance',
      priority: 'must',
      acceptance_criteria: ['External accessibility audit with no AA failures'],
      links: { workItemIds: ids('ux-design') },
    },
    {
      title: 'No critical or high findings open at go-live',
      kind: 'non_functional',
      category: 'security',
      priority: 'must',
      acceptance_criteria: ['External penetration test retested clean'],
      links: { workItemIds: ids('pen-test', 'remediation') },
    },
  ];
  for (const r of requirements)
    await createRequirement(db, ctx, {
      project_id: projectId,
      status: 'approved',
      ...r,
    });

  await createRelease(db, ctx, {
    project_id: projectId,
    name: 'Staff beta',
    tag: '0.9.0',
    description: 'Web and mobile for 500 staff customers before public launch.',
    environment: 'production (staff only)',
    planned_date: '2026-09-28',
    cutover_checklist: [
      { item: 'Feature flags limit access to staff accounts', done: false },
      { item: 'Support rota in place', done: false },
    ],
    rollback_plan: 'Disable the staff flag; legacy platform remains live throughout.',
    work_item_ids: ids('web-app', 'mobile-app', 'accounts-api'),
  });
  await createRelease(db, ctx, {
    project_id: projectId,
    name: 'Public launch',
    tag: '1.0.0',
    description: 'All retail customers migrated; legacy platform switched off.',
    environment: 'production',
    planned_date: '2026-10-31',
    cutover_checklist: [
      { item: 'Go/no-go signed by PM and TPM', done: false },
      { item: 'Final migration reconciled to the penny', done: false },
      { item: 'DNS and app store releases switched', done: false },
      { item: 'Legacy platform read-only', done: false },
    ],
    rollback_plan:
      'Until the legacy platform is switched off: point DNS back to it and replay the payments journal (rehearsed in mock migration 3).',
    work_item_ids: ids('cutover', 'go-live'),
  });
}
