/**
 * Governance of the demo projects (issue 7): the bank's risk matrix and scored risks with residuals,
 * an ADR, an escalated issue, the pending wallet change request with its change set, impact analysis
 * and the PM's sign-off, a "key engineer on leave" scenario, and phase gates with the project in
 * Execution (Initiation and Planning passed with both sign-offs). The IT rollout, which has no TPM,
 * passed its gates on its IT PM's sign-off alone.
 */
import {
  DEFAULT_RISK_MATRIX,
  type ChangeSet,
  type GatePhase,
  type Project,
  formatLocalDate,
  impactAnalysis,
  scheduleProject,
  standardCalendar,
} from '@tandem/core';
import { storedScores } from '../governance/register-risks.ts';
import { appendChangeLog } from '../repositories/change-log-repository.ts';
import { updateChangeRequest } from '../repositories/change-request-repository.ts';
import { ensurePhaseGates, updatePhaseGate } from '../repositories/phase-gate-repository.ts';
import { loadPlan } from '../repositories/plan-repository.ts';
import { getProject, updateProject } from '../repositories/project-repository.ts';
import { createRaidEntry, updateRaidEntry } from '../repositories/raid-entry-repository.ts';
import { createRiskMatrix } from '../repositories/risk-matrix-repository.ts';
import { createScenario } from '../repositories/scenario-repository.ts';
import { createSignOff } from '../repositories/sign-off-repository.ts';
import type { Db, WriteContext } from '../repositories/transaction.ts';
import type { User } from '../repositories/user-repository.ts';
import type { DemoPerson } from './seed-demo-workspace.ts';
import { workItemIds } from './work-item-keys.ts';

/** Impact level (1–5) and residual probability/impact of the plan's risks, by key. */
const RISK_LEVELS: Record<
  string,
  { impact: number; residualProbability: number; residualImpact: number; strategy: string; trigger: string }
> = {
  'vendor-late': {
    impact: 4,
    residualProbability: 0.2,
    residualImpact: 3,
    strategy: 'mitigate',
    trigger: 'Contract not signed by 20 February',
  },
  'core-api-limits': {
    impact: 4,
    residualProbability: 0.15,
    residualImpact: 3,
    strategy: 'mitigate',
    trigger: 'Load test above 60% of the core’s connection limit',
  },
  'pen-test-findings': {
    impact: 3,
    residualProbability: 0.3,
    residualImpact: 2,
    strategy: 'mitigate',
    trigger: 'High or critical findings in the interim report',
  },
  'app-store-rejection': {
    impact: 2,
    residualProbability: 0.1,
    residualImpact: 2,
    strategy: 'mitigate',
    trigger: 'Rejection notice from Apple or Google',
  },
  'regulator-change': {
    impact: 5,
    residualProbability: 0.1,
    residualImpact: 4,
    strategy: 'accept',
    trigger: 'FCA consultation paper on strong authentication',
  },
  'key-engineer-leave': {
    impact: 3,
    residualProbability: 0.15,
    residualImpact: 2,
    strategy: 'transfer',
    trigger: 'Leave request from the lead mobile engineer',
  },
};

/** The plan as stored, with the standard calendar it may only name. */
async function storedPlan(db: Db, workspaceId: string, projectId: string): Promise<Project> {
  const plan = await loadPlan(db, workspaceId, projectId);
  return plan.calendars.some((c) => c.id === plan.calendarId)
    ? plan
    : { ...plan, calendars: [...plan.calendars, standardCalendar(plan.calendarId)] };
}

async function passGates(
  db: Db,
  ctx: WriteContext,
  projectId: string,
  phases: GatePhase[],
  signers: { role: 'pm' | 'tpm'; user: User }[],
  passedAt: Record<string, string>,
): Promise<void> {
  const gates = await ensurePhaseGates(db, ctx, projectId);
  for (const gate of gates) {
    if (!phases.includes(gate.phase)) continue;
    for (const s of signers)
      await createSignOff(db, ctx, {
        project_id: projectId,
        target_type: 'phase_gate',
        target_id: gate.id,
        role: s.role,
        user_id: s.user.id,
        decision: 'approved',
        comment: null,
      });
    await updatePhaseGate(db, ctx, gate.id, gate.version, {
      checklist: gate.checklist.map((i) => ({ ...i, done: true })),
      status: 'passed',
      passed_at: passedAt[gate.phase] ?? null,
      passed_by: signers[0]?.user.id ?? null,
    });
  }
}

export async function seedGovernanceDemo(
  db: Db,
  ctx: WriteContext,
  projects: { banking: string; itRollout: string },
  people: Record<DemoPerson, User>,
): Promise<void> {
  const bank = projects.banking;
  const matrix = DEFAULT_RISK_MATRIX;
  await createRiskMatrix(db, ctx, {
    project_id: bank,
    probability_levels: matrix.probabilityLevels,
    impact_levels: matrix.impactLevels,
    rating_thresholds: matrix.thresholds,
  });

  // The plan's risks get impact levels, residuals and responses; every risk is scored on the matrix.
  const risks = await db
    .selectFrom('raid_entries')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('project_id', '=', bank)
    .where('kind', '=', 'risk')
    .execute();
  for (const risk of risks) {
    const levels = RISK_LEVELS[risk.key];
    const values = {
      impact: levels?.impact ?? risk.impact,
      // Risks of the log without a plan entry: the response halves the likelihood.
      residual_probability:
        levels?.residualProbability ??
        risk.residual_probability ??
        (risk.probability !== null ? Math.round(risk.probability * 50) / 100 : null),
      residual_impact: levels?.residualImpact ?? risk.residual_impact ?? risk.impact,
    };
    await updateRaidEntry(db, ctx, risk.id, risk.version, {
      ...values,
      ...storedScores(matrix, { probability: risk.probability, ...values }),
      ...(levels && risk.response_strategy === null ? { response_strategy: levels.strategy } : {}),
      ...(levels && risk.trigger === null ? { trigger: levels.trigger } : {}),
    });
  }

  const ids = await workItemIds(db, ctx.workspaceId, bank);
  await createRaidEntry(db, ctx, {
    project_id: bank,
    kind: 'decision',
    title: 'ADR-002: one React Native code base for iOS and Android',
    category: 'technical',
    owner: 'Elena Rossi',
    owner_id: people.architect.id,
    status: 'accepted',
    context: 'Three mobile engineers must ship both platforms by November; the web team already uses React.',
    options: [
      {
        name: 'React Native',
        pros: ['one code base', 'shared components with web'],
        cons: ['native modules for the secure enclave'],
      },
      {
        name: 'Native Swift and Kotlin apps',
        pros: ['best platform fit'],
        cons: ['two code bases for three engineers'],
      },
    ],
    decision: 'React Native, with native modules for biometrics and the secure enclave.',
    consequences: 'Native expertise needed for two modules; UI components shared with the web team.',
    linked_work_item_ids: ids('mobile-app'),
  });
  await createRaidEntry(db, ctx, {
    project_id: bank,
    kind: 'issue',
    title: 'Identity-verification vendor has not countersigned the contract',
    description: 'Legal returned the redlines on 9 February; the vendor has not answered.',
    category: 'business',
    impact: 4,
    owner: 'Priya Shah',
    owner_id: people.pm.id,
    status: 'open',
    due_date: '2026-02-27',
    escalation_level: 3,
    escalated_to: 'Helen Marsh (Sponsor)',
    escalated_at: '2026-02-16T09:00:00.000Z',
    linked_work_item_ids: ids('vendor-contract', 'identity'),
  });

  // The pending wallet change request: its change set, its impact, the PM's sign-off (the TPM's is due).
  const wallet = await db
    .selectFrom('change_requests')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('project_id', '=', bank)
    .where('status', '=', 'submitted')
    .orderBy('key')
    .executeTakeFirst();
  const plan = await storedPlan(db, ctx.workspaceId, bank);
  if (wallet) {
    const changeSet: ChangeSet = [
      {
        op: 'addTask',
        id: 'wallet-provisioning',
        name: 'Apple Pay and Google Pay provisioning',
        durationMinutes: 15 * 480,
        afterId: 'mobile-app',
        parentId: 'channels-track',
        fixedCost: 40_000,
      },
      { op: 'addLink', predecessorId: 'mobile-app', successorId: 'wallet-provisioning' },
      { op: 'addLink', predecessorId: 'wallet-provisioning', successorId: 'pen-test' },
      { op: 'assign', taskId: 'wallet-provisioning', resourceId: 'mobile', units: 2 },
      { op: 'setDuration', taskId: 'pen-test', durationMinutes: 13 * 480 },
    ];
    const analysis = impactAnalysis(plan, changeSet, { iterations: 200, seed: 1 });
    const revision = (await getProject(db, ctx.workspaceId, bank)).plan_revision;
    const updated = await updateChangeRequest(db, ctx, wallet.id, wallet.version, {
      change_set: changeSet,
      impact_analysis: { ...analysis, at: '2026-02-11T14:00:00.000Z', planRevision: revision },
      schedule_impact_minutes: Math.round(analysis.delta.finishWorkingDays * plan.units.minutesPerDay),
      cost_impact_amount: analysis.delta.cost,
    });
    await createSignOff(db, ctx, {
      project_id: bank,
      target_type: 'change_request',
      target_id: updated.id,
      role: 'pm',
      user_id: people.pm.id,
      decision: 'approved',
      comment: 'Worth it if the launch date holds; TPM to confirm the token-service effort.',
    });
    await appendChangeLog(db, ctx, {
      projectId: bank,
      changeRequestId: updated.id,
      action: 'impact_analysed',
      summary: `${updated.key}: finish ${analysis.delta.finishWorkingDays} working days, cost ${analysis.delta.cost}, P80 ${analysis.delta.p80WorkingDays} working days`,
      details: { delta: analysis.delta as never },
    });
    await appendChangeLog(db, ctx, {
      projectId: bank,
      changeRequestId: updated.id,
      action: 'signed_off',
      summary: `${updated.key}: PM approved`,
      details: { role: 'pm', decision: 'approved' },
    });
  }

  // Decided requests of both projects: their recorded approvals as sign-offs.
  const decided = await db
    .selectFrom('change_requests')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('project_id', 'in', [bank, projects.itRollout])
    .where('status', 'in', ['approved', 'rejected', 'implemented'])
    .execute();
  for (const cr of decided)
    for (const approval of cr.approvals)
      if ((approval.role === 'pm' || approval.role === 'tpm') && approval.decision !== 'pending')
        await createSignOff(db, ctx, {
          project_id: cr.project_id,
          target_type: 'change_request',
          target_id: cr.id,
          role: approval.role,
          user_id: approval.userId ?? null,
          decision: approval.decision,
          comment: approval.comment ?? null,
        });

  // What if the solution architect is away for three weeks while the core adapter is built?
  const schedule = scheduleProject(plan);
  const adapter = schedule.tasks.find((t) => t.id === 'core-adapter');
  const leaveStart = adapter ? adapter.start + 10 * 1440 : undefined;
  if (leaveStart !== undefined)
    await createScenario(db, ctx, {
      project_id: bank,
      name: 'Key engineer on leave',
      description:
        'Elena Rossi (solution architect) away for three weeks while the core-banking adapter is built.',
      change_set: [
        {
          op: 'addLeave',
          resourceId: 'architect',
          from: formatLocalDate(leaveStart),
          to: formatLocalDate(leaveStart + 20 * 1440),
          name: 'Elena Rossi: leave',
        },
      ],
      comparison: null,
      status: 'open',
      created_by: people.pm.id,
      decided_at: null,
    });

  // Gates: the bank passed Initiation and Planning with both sign-offs and is in Execution.
  await passGates(
    db,
    ctx,
    bank,
    ['initiation', 'planning'],
    [
      { role: 'pm', user: people.pm },
      { role: 'tpm', user: people.tpm },
    ],
    { initiation: '2026-01-23T16:00:00.000Z', planning: '2026-02-20T16:00:00.000Z' },
  );
  const bankRow = await getProject(db, ctx.workspaceId, bank);
  await updateProject(db, ctx, bank, bankRow.version, { phase: 'execution' });
  // The IT rollout has no TPM: its IT PM's sign-off passed its gates.
  await passGates(
    db,
    ctx,
    projects.itRollout,
    ['initiation', 'planning'],
    [{ role: 'pm', user: people.itpm }],
    {
      initiation: '2026-02-06T16:00:00.000Z',
      planning: '2026-03-06T16:00:00.000Z',
    },
  );
}
