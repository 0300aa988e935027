/**
 * Earned value and earned schedule of a project against one of its baselines at a status date, task by
 * task and in total, with the time-phased S-curves on request.
 */
import { ELAPSED, type WorkingTime, compileCalendars } from '../../calendar/working-time.ts';
import type { Assignment, LocalDateTime, Project, Resource, Task } from '../../model/project.ts';
import { type Minutes, formatLocal, parseLocal } from '../../time/local-time.ts';
import { EvmError } from './evm-error.ts';
import { type EvmIndicators, evmIndicators, ratio } from './evm-indicators.ts';
import { type EvmSeries, evmSeries } from './evm-series.ts';
import type { PeriodUnit } from './periods.ts';
import { type ProjectEarnedSchedule, projectEarnedSchedule } from './project-earned-schedule.ts';
import { displayName, selectBaseline } from './select-baseline.ts';
import {
  type ActualCostSource,
  type BudgetSource,
  type CostContext,
  actualCost,
  budgetAtCompletion,
  percentComplete,
} from './task-costs.ts';
import { type PhasedAmount, amountBefore } from './time-phasing.ts';

export interface EarnedValueOptions {
  /** Baseline name ("Baseline", "Baseline1", "1", or any name); default "Baseline", else the first. */
  baseline?: string;
  /** Measure as of this instant; default the project's status date. */
  statusDate?: LocalDateTime;
  /** Also return the time-phased PV, EV and AC by this period. */
  period?: PeriodUnit;
}

export interface TaskEarnedValue {
  id: string;
  name: string;
  wbs?: string;
  percentComplete: number;
  /** Baseline dates, when the baseline has them. */
  baselineStart?: LocalDateTime;
  baselineFinish?: LocalDateTime;
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  sv: number;
  cv: number;
  spi: number | null;
  cpi: number | null;
  budgetSource: BudgetSource;
  actualCostSource: ActualCostSource;
}

export interface EarnedValueResult {
  baseline: { name: string; displayName: string };
  statusDate: LocalDateTime;
  currencyCode?: string;
  /** Project totals and every indicator derived from them. */
  indicators: EvmIndicators;
  /** Earned schedule in working days of the project calendar; `null` when no task has baseline dates. */
  earnedSchedule: ProjectEarnedSchedule | null;
  /** Detail tasks (not summaries, not inactive) in project order. */
  tasks: TaskEarnedValue[];
  series?: EvmSeries;
  /** What the analysis had to assume or leave out. */
  warnings: string[];
}

interface Phased {
  budget: PhasedAmount | null;
  earned: PhasedAmount | null;
  cost: PhasedAmount | null;
}

/**
 * Earned value of `project` at its status date (or `options.statusDate`) against a baseline.
 *
 * Per task: BAC is the baseline cost (or work × rates + fixed cost when the baseline has no cost); PV is
 * BAC spread linearly over the baseline's working time on the task's calendar, up to the status date;
 * EV = % complete × BAC; AC is the actual cost (or actual work × rates + accrued fixed cost). Totals are
 * over detail tasks: summary tasks roll up and would count twice. Tasks missing from the baseline have
 * no budget (they still have actual cost) and are named in `warnings`.
 *
 * Throws `EvmError` with `NO_BASELINE`, `UNKNOWN_BASELINE`, `NO_STATUS_DATE` or `UNKNOWN_CALENDAR`.
 *
 * @example
 * // A four-day, $100 task, Monday to Thursday, 60% done by Tuesday evening (MS Project's SPI example):
 * const result = earnedValue(project, { baseline: 'Baseline', statusDate: '2026-03-03T17:00' });
 * result.indicators.spi; // 1.2 (EV $60 / PV $50)
 * result.earnedSchedule?.forecastFinish; // '2026-03-05T10:40:00' (IEAC(t) = 4 / 1.2 working days)
 *
 * Complexity: O(T + D · T + P · T) calendar operations for T tasks, D planned working days and P periods.
 */
export function earnedValue(project: Project, options: EarnedValueOptions = {}): EarnedValueResult {
  const baseline = selectBaseline(project, options.baseline);
  const statusText = options.statusDate ?? project.statusDate;
  if (statusText === undefined)
    throw new EvmError(
      'NO_STATUS_DATE',
      'Earned value is measured at a status date: set the project status date or pass one.',
    );
  const status = parseLocal(statusText);
  const calendars = compileCalendars(project.calendars);
  const projectCalendar = calendars.get(project.calendarId);
  if (!projectCalendar)
    throw new EvmError('UNKNOWN_CALENDAR', `The project calendar "${project.calendarId}" does not exist`);

  const context = costContext(project);
  const summaries = new Set(project.tasks.flatMap((t) => (t.parentId !== undefined ? [t.parentId] : [])));
  const warnings: string[] = [];
  const missing: string[] = [];
  const rows: TaskEarnedValue[] = [];
  const phased: Phased[] = [];

  for (const task of project.tasks) {
    if (summaries.has(task.id) || task.inactive) continue;
    const entry = baseline.tasks[task.id];
    const calendar = taskCalendar(task, calendars, projectCalendar);
    const pct = percentComplete(task);
    const ac = actualCost(task, context);
    const budget = entry
      ? budgetAtCompletion(task, entry, context)
      : { value: 0, source: 'baseline cost' as const };
    if (!entry) missing.push(task.id);
    const span = entry ? baselineSpan(entry.start, entry.finish, budget.value, calendar) : null;
    if (entry && !span && budget.value !== 0)
      warnings.push(
        `Task ${task.id} has a baseline cost but no baseline dates: its planned value is left out.`,
      );
    const pv = span ? amountBefore(span, status) : 0;
    const ev = (budget.value * pct) / 100;
    rows.push({
      id: task.id,
      name: task.name,
      ...(task.wbs !== undefined ? { wbs: task.wbs } : {}),
      percentComplete: pct,
      ...(entry?.start !== undefined ? { baselineStart: formatLocal(parseLocal(entry.start)) } : {}),
      ...(entry?.finish !== undefined ? { baselineFinish: formatLocal(parseLocal(entry.finish)) } : {}),
      bac: budget.value,
      pv,
      ev,
      ac: ac.value,
      sv: ev - pv,
      cv: ev - ac.value,
      spi: ratio(ev, pv),
      cpi: ratio(ev, ac.value),
      budgetSource: budget.source,
      actualCostSource: ac.source,
    });
    const progress = progressSpan(task, span, status, calendar);
    phased.push({
      budget: span,
      earned: ev !== 0 ? { ...progress, amount: ev } : null,
      cost: ac.value !== 0 ? { ...progress, amount: ac.value } : null,
    });
  }
  if (missing.length > 0)
    warnings.push(
      `${missing.length} task${missing.length === 1 ? ' is' : 's are'} not in baseline "${displayName(baseline.name)}" ` +
        `and have no budget: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}.`,
    );

  const sum = (key: 'bac' | 'pv' | 'ev' | 'ac') => rows.reduce((s, r) => s + r[key], 0);
  const indicators = evmIndicators({ bac: sum('bac'), pv: sum('pv'), ev: sum('ev'), ac: sum('ac') });
  const budgets = phased.flatMap((p) => (p.budget ? [p.budget] : []));
  const result: EarnedValueResult = {
    baseline: { name: baseline.name, displayName: displayName(baseline.name) },
    statusDate: formatLocal(status),
    ...(project.currencyCode !== undefined ? { currencyCode: project.currencyCode } : {}),
    indicators,
    earnedSchedule: projectEarnedSchedule(
      budgets,
      indicators.ev,
      status,
      projectCalendar,
      project.units.minutesPerDay,
    ),
    tasks: rows,
    warnings,
  };
  if (options.period)
    result.series = evmSeries({
      budgets,
      earned: phased.flatMap((p) => (p.earned ? [p.earned] : [])),
      costs: phased.flatMap((p) => (p.cost ? [p.cost] : [])),
      status,
      unit: options.period,
    });
  return result;
}

function costContext(project: Project): CostContext {
  const resources = new Map<string, Resource>(project.resources.map((r) => [r.id, r]));
  const assignmentsByTask = new Map<string, Assignment[]>();
  for (const a of project.assignments) {
    const list = assignmentsByTask.get(a.taskId);
    if (list) list.push(a);
    else assignmentsByTask.set(a.taskId, [a]);
  }
  return { resources, assignmentsByTask };
}

function taskCalendar(task: Task, calendars: Map<string, WorkingTime>, fallback: WorkingTime): WorkingTime {
  if (task.duration.elapsed) return ELAPSED;
  if (task.calendarId === undefined) return fallback;
  const calendar = calendars.get(task.calendarId);
  if (!calendar)
    throw new EvmError(
      'UNKNOWN_CALENDAR',
      `Task "${task.name}" (${task.id}) uses calendar ${task.calendarId}, which does not exist`,
    );
  return calendar;
}

function baselineSpan(
  start: LocalDateTime | undefined,
  finish: LocalDateTime | undefined,
  amount: number,
  calendar: WorkingTime,
): PhasedAmount | null {
  if (start === undefined || finish === undefined) return null;
  const s = parseLocal(start);
  const f = parseLocal(finish);
  return { amount, start: s, finish: Math.max(s, f), calendar };
}

/**
 * Where progress happened: actual start (else baseline start, else the status date) to actual finish
 * (else the status date).
 */
function progressSpan(
  task: Task,
  baseline: PhasedAmount | null,
  status: Minutes,
  calendar: WorkingTime,
): PhasedAmount {
  const p = task.progress;
  const start = p?.actualStart !== undefined ? parseLocal(p.actualStart) : (baseline?.start ?? status);
  const s = Math.min(start, status);
  const finish = p?.actualFinish !== undefined ? Math.min(parseLocal(p.actualFinish), status) : status;
  return { amount: 0, start: s, finish: Math.max(s, finish), calendar };
}
