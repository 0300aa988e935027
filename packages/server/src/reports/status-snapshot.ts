/**
 * Gathers one project's status at a status date into the core's `StatusSnapshot`, from which every
 * status report is told: the plan scheduled at that date (forecast, baseline variance, milestones,
 * critical path), earned value with its weekly curves, the RAID log scored on the project's risk
 * matrix, change requests, blockers, releases, stakeholder satisfaction up to that date, and the
 * engineering signals (DORA, SLOs) when the project has any.
 *
 * The same database content and status date give the same snapshot, so a report can be produced
 * again for any date.
 */
import {
  EvmError,
  type Project,
  type RegisterRisk,
  type SnapshotRisk,
  type StatusSnapshot,
  assessRisk,
  earnedValue,
  formatLocal,
  isOpenRisk,
  parseLocal,
  percentComplete,
  satisfactionTrend,
  scheduleProject,
} from '@tandem/core';
import { projectRiskMatrix, registerRiskOf } from '../governance/register-risks.ts';
import { summarizeProject } from '../http/summary/summarize-project.ts';
import { loadPlan } from '../repositories/plan-repository.ts';
import { getProject } from '../repositories/project-repository.ts';
import { ValidationError } from '../repositories/errors.ts';
import type { Db } from '../repositories/transaction.ts';
import { engineeringSignals } from './engineering-signals.ts';

const CLOSED = ['closed', 'resolved', 'done', 'cancelled', 'retired', 'accepted', 'rejected', 'superseded'];
const AWAITING_DECISION = ['submitted', 'under_review', 'in_review', 'pending'];
const OPEN_DECISION = ['proposed', 'open', 'pending', 'draft'];

/**
 * The status date to report at: `YYYY-MM-DD` (at the project's default finish time, 17:00 unless
 * set) or a local date-time; the project's own status date when none is given.
 */
export function resolveStatusDate(
  given: string | undefined,
  projectStatusDate: string | null,
  defaultFinishMinute: number | null,
): string {
  const value = given ?? projectStatusDate;
  if (value === null || value === undefined || value === '')
    throw new ValidationError([
      { path: 'statusDate', message: 'the project has no status date: pass one (YYYY-MM-DD)' },
    ]);
  const finish = defaultFinishMinute ?? 17 * 60;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `${value}T${String(Math.floor(finish / 60)).padStart(2, '0')}:${String(finish % 60).padStart(2, '0')}:00`
    : value;
  try {
    return formatLocal(parseLocal(text));
  } catch {
    throw new ValidationError([{ path: 'statusDate', message: `not a date: ${value}` }]);
  }
}

export async function projectStatusSnapshot(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: { statusDate?: string } = {},
): Promise<StatusSnapshot> {
  const row = await getProject(db, workspaceId, projectId);
  const statusDate = resolveStatusDate(options.statusDate, row.status_date, row.default_finish_minute);
  const loaded = await loadPlan(db, workspaceId, projectId);
  const plan: Project = { ...loaded, statusDate };
  const schedule = scheduleProject(plan, { statusDate });
  const summary = summarizeProject({
    plan,
    schedule,
    budget: row.budget,
    currency: row.currency,
    workItemIds: new Map(),
    counts: { openRisks: 0, openIssues: 0, openChangeRequests: 0, blockedWorkItems: 0 },
  });
  const minutesPerDay = plan.units.minutesPerDay || 480;
  const workDays = (minutes: number) => Math.round((minutes / minutesPerDay) * 10) / 10;
  const byId = new Map(schedule.tasks.map((t) => [t.id, t]));
  const day = statusDate.slice(0, 10);

  const criticalPath = schedule.criticalPath.flatMap((id) => {
    const s = byId.get(id);
    const task = s ? plan.tasks[s.index] : undefined;
    if (!s || !task) return [];
    const pct = percentComplete(task);
    if (pct >= 100) return [];
    const remaining = task.progress?.remainingMinutes ?? s.durationMinutes * (1 - pct / 100);
    return [
      {
        id: task.id,
        name: task.name,
        start: formatLocal(s.start),
        finish: formatLocal(s.finish),
        percentComplete: pct,
        totalFloatDays: workDays(s.totalFloat),
        remainingDays: workDays(remaining),
      },
    ];
  });

  const [raid, changes, blocked, releases, stakeholders, scores, matrix] = await Promise.all([
    db
      .selectFrom('raid_entries')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .orderBy('key')
      .execute(),
    db
      .selectFrom('change_requests')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .orderBy('key')
      .execute(),
    db
      .selectFrom('work_items')
      .select(['id', 'key', 'name', 'notes', 'labels', 'status'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .where('status', '=', 'blocked')
      .orderBy('sort_key')
      .execute(),
    db
      .selectFrom('releases')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .orderBy('planned_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('stakeholders')
      .select(['id'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .execute(),
    db
      .selectFrom('satisfaction_scores')
      .select(['stakeholder_id', 'score', 'scored_on'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .execute(),
    projectRiskMatrix(db, workspaceId, projectId),
  ]);

  const risks: SnapshotRisk[] = raid
    .filter((r) => r.kind === 'risk')
    .map((r) => ({ row: r, risk: registerRiskOf(r) as RegisterRisk }))
    .filter(({ risk }) => isOpenRisk(risk))
    .map(({ row, risk }) => {
      const a = assessRisk(matrix, risk);
      const score = a.inherent?.score ?? (row.probability ?? 0) * (row.impact ?? 0);
      return {
        key: row.key,
        title: row.title,
        category: row.category,
        probability: row.probability,
        impact: row.impact,
        score,
        rating: a.inherent?.rating ?? 'unrated',
        owner: row.owner,
        response: row.response_plan ?? row.response_strategy,
        status: row.status,
      };
    })
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key, 'en', { numeric: true }));

  const evm = earnedValueSeries(plan, statusDate);
  const trend = satisfactionTrend(
    scores
      .filter((s) => stakeholders.some((k) => k.id === s.stakeholder_id))
      .map((s) => ({ stakeholderId: s.stakeholder_id, score: s.score, on: s.scored_on })),
    day,
  );
  const signals = await engineeringSignals(db, workspaceId, projectId, statusDate);

  return {
    project: {
      name: row.name,
      currency: row.currency,
      phase: row.phase,
      methodology: row.methodology,
      budget: row.budget,
    },
    statusDate,
    recordedHealth: row.health ? { rag: row.health, reason: row.health_reason } : null,
    schedule: {
      start: summary.schedule.start,
      finish: summary.schedule.finish,
      baselineFinish: summary.schedule.baselineFinish,
      finishVarianceDays: summary.schedule.finishVarianceDays,
      percentComplete: summary.schedule.percentComplete * 100,
      tasks: schedule.tasks.filter((t) => !t.summary).length,
      tasksDone: schedule.tasks.filter((t) => !t.summary && percentComplete(plan.tasks[t.index]!) >= 100)
        .length,
      criticalPath,
    },
    milestones: summary.milestones.map((m) => ({
      id: m.key,
      name: m.name,
      baselineFinish: m.baselineDate ?? undefined,
      forecastFinish: m.date,
      done: m.done,
      varianceDays: m.varianceDays ?? undefined,
      totalFloatDays: workDays(byId.get(m.key)?.totalFloat ?? 0),
    })),
    evm: evm.evm,
    evmNote: evm.note,
    risks,
    issues: raid
      .filter((r) => r.kind === 'issue' && !CLOSED.includes(r.status))
      .map((r) => ({ key: r.key, title: r.title, owner: r.owner, dueDate: r.due_date })),
    decisionsNeeded: [
      ...changes
        .filter((c) => AWAITING_DECISION.includes(c.status))
        .map((c) => ({
          key: c.key,
          title: c.title,
          detail: impactText(c.schedule_impact_minutes, c.cost_impact_amount, row.currency),
          kind: 'change_request' as const,
        })),
      ...raid
        .filter((r) => r.kind === 'decision' && OPEN_DECISION.includes(r.status))
        .map((r) => ({ key: r.key, title: r.title, detail: r.context, kind: 'decision' as const })),
    ],
    changeRequests: changes.map((c) => ({
      key: c.key,
      title: c.title,
      status: c.status,
      scheduleImpactDays: c.schedule_impact_minutes === null ? null : workDays(c.schedule_impact_minutes),
      costImpact: c.cost_impact_amount,
    })),
    blockers: blocked.map((w) => ({ id: w.key, name: w.name, reason: w.notes })),
    dora: signals.dora,
    doraNote: signals.doraNote,
    quality: signals.quality,
    slos: signals.slos,
    releases: releases.map((r) => ({
      name: r.name,
      tag: r.tag,
      status: r.status,
      plannedDate: r.planned_date,
      actualDate: r.actual_date,
    })),
    satisfaction:
      trend.length === 0
        ? null
        : {
            average: trend.at(-1)!.average,
            previous: trend.length > 1 ? trend.at(-2)!.average : null,
            stakeholders: trend.at(-1)!.stakeholders,
          },
  };

  function impactText(minutes: number | null, cost: number | null, currency: string | null) {
    const parts: string[] = [];
    if (minutes !== null && minutes !== 0)
      parts.push(`${minutes > 0 ? '+' : '−'}${Math.abs(workDays(minutes))} working days`);
    if (cost !== null && cost !== 0)
      parts.push(`${cost > 0 ? '+' : '−'}${moneyText(Math.abs(cost), currency)}`);
    return parts.length > 0 ? parts.join(', ') : null;
  }
}

function earnedValueSeries(
  plan: Project,
  statusDate: string,
): { evm: StatusSnapshot['evm']; note: string | null } {
  try {
    const r = earnedValue(plan, { statusDate, period: 'week' });
    const i = r.indicators;
    return {
      evm: {
        bac: i.bac,
        pv: i.pv,
        ev: i.ev,
        ac: i.ac,
        sv: i.sv,
        cv: i.cv,
        spi: i.spi,
        cpi: i.cpi,
        eac: i.eac.cpi ?? (i.ev === 0 ? i.bac : null),
        vac: i.vac.cpi ?? (i.ev === 0 ? 0 : null),
        tcpi: i.tcpi.bac,
        baselineName: r.baseline.displayName,
        series: (r.series?.points ?? []).map((p) => ({ label: p.end, pv: p.pv, ev: p.ev, ac: p.ac })),
      },
      note: null,
    };
  } catch (error) {
    if (error instanceof EvmError) return { evm: null, note: error.message };
    throw error;
  }
}

function moneyText(amount: number, currency: string | null): string {
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: currency ?? 'USD',
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return `${currency ?? ''} ${Math.round(amount)}`.trim();
  }
}
