/**
 * `summarizeProject(plan, schedule, …)`: what the portfolio and the project overview show at a glance —
 * schedule dates against the baseline, milestones, the next milestone, earned value and the budget's
 * state. Pure: the route hands it the cached plan and schedule and a few counts.
 */
import {
  type EarnedValueResult,
  EvmError,
  type Project,
  type Schedule,
  compileCalendars,
  earnedValue,
  formatLocal,
  parseLocal,
  percentComplete,
} from '@tandem/core';

export type BudgetState = 'on_track' | 'at_risk' | 'over' | 'unknown';

export interface MilestoneSummary {
  /** The work item's row id (for links) and its key (the plan's id). */
  workItemId: string | null;
  key: string;
  name: string;
  date: string;
  baselineDate: string | null;
  /** Working days late (+) or early (−) against the baseline; null without one. */
  varianceDays: number | null;
  critical: boolean;
  done: boolean;
}

export interface ProjectSummary {
  statusDate: string | null;
  currency: string | null;
  schedule: {
    start: string;
    finish: string;
    baselineFinish: string | null;
    /** Working days the forecast finish is behind (+) or ahead of (−) the baseline. */
    finishVarianceDays: number | null;
    taskCount: number;
    criticalTaskCount: number;
    /** 0–1: earned value / BAC, or duration-weighted % complete without a baseline. */
    percentComplete: number;
  };
  milestones: MilestoneSummary[];
  nextMilestone: MilestoneSummary | null;
  evm: {
    baseline: string;
    bac: number;
    pv: number;
    ev: number;
    ac: number;
    sv: number;
    cv: number;
    spi: number | null;
    cpi: number | null;
    eac: number | null;
    vac: number | null;
    tcpi: number | null;
    /** Earned schedule: working days ahead (+) or behind (−). */
    scheduleVarianceDays: number | null;
  } | null;
  /** Why `evm` is null (no baseline, no status date…). */
  evmUnavailable: string | null;
  budget: {
    /** The approved budget (the project's), else the baseline's BAC. */
    budget: number | null;
    /** Actual cost to date. */
    actualCost: number | null;
    /** Estimate at completion (BAC / CPI, or BAC before any progress). */
    forecast: number | null;
    state: BudgetState;
    reason: string;
  };
  counts: { openRisks: number; openIssues: number; openChangeRequests: number; blockedWorkItems: number };
}

export interface SummaryInput {
  plan: Project;
  schedule: Schedule;
  /** The project's approved budget (projects.budget). */
  budget: number | null;
  currency: string | null;
  /** Work item key → row id. */
  workItemIds: ReadonlyMap<string, string>;
  counts: ProjectSummary['counts'];
}

/** Overrunning the baseline's cost by more than this fraction (or coming this close to the budget) is amber. */
const OVERRUN_TOLERANCE = 0.05;

export function summarizeProject(input: SummaryInput): ProjectSummary {
  const { plan, schedule } = input;
  const minutesPerDay = plan.units?.minutesPerDay ?? 480;
  const calendar = compileCalendars(plan.calendars).get(plan.calendarId);
  const workingDays = (from: number, to: number): number => {
    const minutes = calendar
      ? to >= from
        ? calendar.between(from, to)
        : -calendar.between(to, from)
      : to - from;
    return Math.round((minutes / minutesPerDay) * 10) / 10;
  };
  const baseline = plan.baselines.find((b) => b.name === 'Baseline' || b.name === '0') ?? plan.baselines[0];
  const status = plan.statusDate ? parseLocal(plan.statusDate) : null;

  const milestones: MilestoneSummary[] = [];
  let baselineFinish: number | null = null;
  let weighted = 0;
  let weight = 0;
  let critical = 0;
  for (const scheduled of schedule.tasks) {
    const task = plan.tasks[scheduled.index]!;
    const entry = baseline?.tasks[task.id];
    const entryFinish = entry?.finish ? parseLocal(entry.finish) : null;
    if (entryFinish !== null && (baselineFinish === null || entryFinish > baselineFinish))
      baselineFinish = entryFinish;
    if (scheduled.summary || task.inactive) continue;
    if (scheduled.critical) critical += 1;
    const pct = percentComplete(task);
    weighted += pct * Math.max(scheduled.durationMinutes, 1);
    weight += Math.max(scheduled.durationMinutes, 1);
    if (scheduled.milestone) {
      milestones.push({
        workItemId: input.workItemIds.get(task.id) ?? null,
        key: task.id,
        name: task.name,
        date: formatLocal(scheduled.finish),
        baselineDate: entryFinish === null ? null : formatLocal(entryFinish),
        varianceDays: entryFinish === null ? null : workingDays(entryFinish, scheduled.finish),
        critical: scheduled.critical,
        done: pct >= 100,
      });
    }
  }
  milestones.sort((a, b) => a.date.localeCompare(b.date));
  const nextMilestone =
    milestones.find((m) => !m.done && (status === null || parseLocal(m.date) >= status)) ??
    milestones.find((m) => !m.done) ??
    null;

  const { evm, evmUnavailable } = earnedValueOf(plan);
  const budget = budgetState(input.budget, evm, input.currency);
  return {
    statusDate: plan.statusDate ?? null,
    currency: input.currency,
    schedule: {
      start: formatLocal(schedule.projectStart),
      finish: formatLocal(schedule.projectFinish),
      baselineFinish: baselineFinish === null ? null : formatLocal(baselineFinish),
      finishVarianceDays:
        baselineFinish === null ? null : workingDays(baselineFinish, schedule.projectFinish),
      taskCount: plan.tasks.length,
      criticalTaskCount: critical,
      percentComplete: evm && evm.bac > 0 ? evm.ev / evm.bac : weight > 0 ? weighted / weight / 100 : 0,
    },
    milestones,
    nextMilestone,
    evm,
    evmUnavailable,
    budget,
    counts: input.counts,
  };
}

function earnedValueOf(plan: Project): { evm: ProjectSummary['evm']; evmUnavailable: string | null } {
  let result: EarnedValueResult;
  try {
    result = earnedValue(plan);
  } catch (error) {
    if (error instanceof EvmError) return { evm: null, evmUnavailable: error.message };
    throw error;
  }
  const i = result.indicators;
  const es = result.earnedSchedule;
  return {
    evm: {
      baseline: result.baseline.displayName,
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
      scheduleVarianceDays: es ? Math.round(es.svT * 10) / 10 : null,
    },
    evmUnavailable: null,
  };
}

function money(amount: number, currency: string | null): string {
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: currency ?? 'USD',
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return String(Math.round(amount));
  }
}

function budgetState(
  approved: number | null,
  evm: ProjectSummary['evm'],
  currency: string | null,
): ProjectSummary['budget'] {
  const budget = approved ?? evm?.bac ?? null;
  const forecast = evm?.eac ?? null;
  const actualCost = evm?.ac ?? null;
  if (budget === null || budget <= 0) {
    return { budget, actualCost, forecast, state: 'unknown', reason: 'No budget is set for this project.' };
  }
  if (forecast === null || !evm) {
    return {
      budget,
      actualCost,
      forecast,
      state: 'unknown',
      reason: 'No forecast yet: earned value needs a baseline and a status date.',
    };
  }
  // Red: the forecast passes the approved budget. Amber: it overruns the baseline's cost by more than
  // the tolerance, or eats into the last 5% of the budget. Green otherwise.
  const overBaseline = evm.bac > 0 ? (forecast - evm.bac) / evm.bac : 0;
  const cpi = evm.cpi === null ? '' : ` (CPI ${evm.cpi.toFixed(2)})`;
  if (forecast > budget) {
    const pct = Math.round(((forecast - budget) / budget) * 1000) / 10;
    return {
      budget,
      actualCost,
      forecast,
      state: 'over',
      reason: `Forecast ${money(forecast, currency)}${cpi} is ${pct}% over the budget of ${money(budget, currency)}.`,
    };
  }
  const atRisk = overBaseline > OVERRUN_TOLERANCE || forecast > budget * (1 - OVERRUN_TOLERANCE);
  const versusBaseline =
    Math.abs(overBaseline) < 0.005
      ? `on the baseline cost of ${money(evm.bac, currency)}`
      : `${Math.abs(Math.round(overBaseline * 1000) / 10)}% ${overBaseline > 0 ? 'over' : 'under'} the baseline cost of ${money(evm.bac, currency)}`;
  return {
    budget,
    actualCost,
    forecast,
    state: atRisk ? 'at_risk' : 'on_track',
    reason: `Forecast ${money(forecast, currency)}${cpi} is ${versusBaseline}, within the budget of ${money(budget, currency)}.`,
  };
}
