/** The IT rollout's governance around its plan: RAID, a change request, stakeholders, requirements, releases. */
import type { User } from '../repositories/user-repository.ts';
import { createChangeRequest } from '../repositories/change-request-repository.ts';
import { createRaidEntry } from '../repositories/raid-entry-repository.ts';
import { createRelease } from '../repositories/release-repository.ts';
import { createRequirement } from '../repositories/requirement-repository.ts';
import { createStakeholder } from '../repositories/stakeholder-repository.ts';
import type { Db, WriteContext } from '../repositories/transaction.ts';
import type { DemoPerson } from './seed-demo-workspace.ts';
import { workItemIds } from './work-item-keys.ts';

export async function seedItRolloutGovernance(
  db: Db,
  ctx: WriteContext,
  projectId: string,
  people: Record<DemoPerson, User>,
): Promise<void> {
  const ids = await workItemIds(db, ctx.workspaceId, projectId);
  const owner = { owner: 'Grace Adeyemi', owner_id: people.itpm.id };

  await createRaidEntry(db, ctx, {
    project_id: projectId,
    kind: 'issue',
    title: 'Conditional access blocks the practice-management system’s legacy sign-in',
    category: 'technical',
    impact: 3,
    ...owner,
    due_date: '2026-03-27',
    linked_work_item_ids: ids('tenant'),
  });
  await createRaidEntry(db, ctx, {
    project_id: projectId,
    kind: 'assumption',
    title: 'The landlord hands over the comms room with power and cooling by 16 March',
    ...owner,
    linked_work_item_ids: ids('comms-room'),
  });
  await createRaidEntry(db, ctx, {
    project_id: projectId,
    kind: 'decision',
    title: 'ADR-001: immutable backups on a hardened on-site repository plus an offsite object-lock copy',
    category: 'technical',
    ...owner,
    status: 'accepted',
    context: 'Ransomware now targets backups first; the firm needs restores within 8 hours.',
    options: [
      {
        name: 'Hardened Linux repository + offsite object lock',
        pros: ['fast local restores', 'offsite copy cannot be deleted'],
      },
      { name: 'Cloud backup only', pros: ['no hardware'], cons: ['slow full restores over the office line'] },
    ],
    decision: 'Hardened on-site repository with a 30-day immutable offsite copy.',
    consequences: 'One more server in the comms room; quarterly restore tests.',
    linked_work_item_ids: ids('immutable-backups', 'restore-test'),
  });

  await createChangeRequest(db, ctx, {
    project_id: projectId,
    title: 'Add 20 laptops for the September trainee intake',
    requester: 'Martin Finch',
    requester_id: people.sponsor.id,
    status: 'approved',
    schedule_impact_minutes: 0,
    cost_impact_amount: 23_000,
    scope_impact: '20 more devices in wave 2.',
    affected_work_item_ids: ids('laptop-order', 'wave-2'),
    approvals: [{ role: 'pm', userId: people.itpm.id, decision: 'approved', at: '2026-03-04T09:30:00.000Z' }],
    decided_at: '2026-03-04T09:30:00.000Z',
  });

  for (const s of [
    {
      name: 'Martin Finch',
      title: 'Chief Operating Officer (sponsor)',
      influence: 5,
      interest: 4,
      attitude: 'supportive',
      detail_level: 'executive' as const,
    },
    {
      name: 'Office move committee',
      title: 'Partners and office manager',
      influence: 4,
      interest: 5,
      attitude: 'supportive',
      detail_level: 'business' as const,
    },
    {
      name: 'Fee earners',
      title: 'Lawyers and accountants',
      influence: 3,
      interest: 3,
      attitude: 'resistant',
      detail_level: 'business' as const,
    },
  ])
    await createStakeholder(db, ctx, {
      project_id: projectId,
      ...s,
      communication: [{ cadence: 'fortnightly', channel: 'email update', owner: 'Grace Adeyemi' }],
    });

  for (const r of [
    {
      title: 'Every account signs in with MFA',
      kind: 'non_functional' as const,
      category: 'security',
      acceptance_criteria: ['100% of accounts enrolled; legacy authentication blocked'],
      links: { workItemIds: ids('mfa') },
    },
    {
      title: 'Restores within RTO 8 h and RPO 4 h',
      kind: 'non_functional' as const,
      category: 'reliability',
      acceptance_criteria: ['Full restore test of the file and practice-management servers within 8 hours'],
      links: { workItemIds: ids('restore-test') },
    },
    {
      title: 'Staff keep their files, mail and desktop shortcuts on the new laptop',
      kind: 'functional' as const,
      acceptance_criteria: [
        'OneDrive known-folder move before swap',
        'No tickets for lost files in the pilot',
      ],
      links: { workItemIds: ids('pilot', 'wave-1', 'wave-2') },
    },
  ])
    await createRequirement(db, ctx, { project_id: projectId, priority: 'must', status: 'approved', ...r });

  await createRelease(db, ctx, {
    project_id: projectId,
    name: 'Wave 1 — Finance and HR',
    environment: 'production',
    planned_date: '2026-04-22',
    cutover_checklist: [
      { item: 'Devices enrolled and compliant', done: false },
      { item: 'Floor-walkers booked', done: false },
    ],
    rollback_plan: 'Old laptops kept for two weeks; mail stays reachable from both.',
    work_item_ids: ids('wave-1'),
  });
  await createRelease(db, ctx, {
    project_id: projectId,
    name: 'Wave 2 — everyone else',
    environment: 'production',
    planned_date: '2026-05-14',
    rollback_plan: 'Per floor: swap back to the old laptop; shared drives stay read-only until the cut-over.',
    work_item_ids: ids('wave-2', 'file-migration'),
  });
}
