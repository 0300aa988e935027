/**
 * What a change does to a plan: the plan is re-scheduled with the change set applied to a copy, and
 * the finish date, cost, critical path and P80 finish (seeded Monte Carlo) are compared with the plan
 * as it is. Scenarios use the same measures side by side.
 */
import { budgetAtCompletion } from '../analytics/evm/task-costs.ts';
import { runRiskAnalysisSync } from '../analytics/risk/risk-analysis-sync.ts';
import { compileCalendars } from '../calendar/working-time.ts';
import type { Assignment, Project, Resource } from '../model/project.ts';
import { scheduleProject } from '../schedule/schedule-project.ts';
import { formatLocal, parseLocal } from '../time/local-time.ts';
import { type ChangeSet, applyChangeSet } from './change-set.ts';

export interface ImpactOptions {
  /** Monte Carlo iterations for the P80 (e.g. 2,000). */
  iterations: number;
  seed: number;
}

/** The measures of one plan. */
export interface PlanMeasures {
  start: string;
  finish: string;
  /** Working days from the project start to the finish (project calendar). */
  durationWorkingDays: number;
  /** Budget at completion: work × rates + cost per use + fixed cost of every non-summary task. */
  cost: number;
  criticalPath: string[];
  /** The P80 finish of the risk analysis (estimates and risk events), seeded. */
  p80: { date: string; workingDays: number };
  p50: { date: string; workingDays: number };
}

export interface PlanDelta {
  /** Working days (project calendar) from the old finish to the new; negative when earlier. */
  finishWorkingDays: number;
  cost: number;
  p80WorkingDays: number;
  p50WorkingDays: number;
  criticalPathAdded: string[];
  criticalPathRemoved: string[];
}

export interface ImpactAnalysis {
  before: PlanMeasures;
  after: PlanMeasures;
  delta: PlanDelta;
  iterations: number;
  seed: number;
}

/** Total budgeted cost of the plan's non-summary, active tasks. */
export function planCost(project: Project): number {
  const resources = new Map<string, Resource>(project.resources.map((r) => [r.id, r]));
  const assignmentsByTask = new Map<string, Assignment[]>();
  for (const a of project.assignments) {
    const list = assignmentsByTask.get(a.taskId);
    if (list) list.push(a);
    else assignmentsByTask.set(a.taskId, [a]);
  }
  const parents = new Set(project.tasks.map((t) => t.parentId).filter((id) => id !== undefined));
  let cost = 0;
  for (const task of project.tasks)
    if (!parents.has(task.id) && !task.inactive)
      cost += budgetAtCompletion(task, {}, { resources, assignmentsByTask }).value;
  return Math.round(cost * 100) / 100;
}

/**
 * Schedules `project` and measures it. Throws what `scheduleProject` and `runRiskAnalysisSync` throw.
 *
 * Complexity: one schedule plus `iterations` Monte Carlo iterations (O(iterations × (tasks + links))).
 */
export function measurePlan(project: Project, options: ImpactOptions): PlanMeasures {
  const schedule = scheduleProject(project);
  const forecast = runRiskAnalysisSync(project, {
    iterations: options.iterations,
    seed: options.seed,
    threads: 1,
    criticality: false,
    percentiles: [50, 80],
  });
  const percentile = (n: number) => {
    const p = forecast.finish.percentiles.find((x) => x.percent === n);
    return p ? { date: p.date, workingDays: p.workingDays } : { ...forecast.finish.planned };
  };
  const calendar = compileCalendars(project.calendars).get(project.calendarId);
  const days = calendar
    ? calendar.between(schedule.projectStart, schedule.projectFinish) / project.units.minutesPerDay
    : 0;
  return {
    start: formatLocal(schedule.projectStart),
    finish: formatLocal(schedule.projectFinish),
    durationWorkingDays: round(days),
    cost: planCost(project),
    criticalPath: [...schedule.criticalPath],
    p80: percentile(80),
    p50: percentile(50),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The difference between two measures of the same project (`after` − `before`). */
export function compareMeasures(project: Project, before: PlanMeasures, after: PlanMeasures): PlanDelta {
  const calendar = compileCalendars(project.calendars).get(project.calendarId);
  const finishMinutes = calendar ? calendar.between(parseLocal(before.finish), parseLocal(after.finish)) : 0;
  const was = new Set(before.criticalPath);
  const now = new Set(after.criticalPath);
  return {
    finishWorkingDays: round(finishMinutes / project.units.minutesPerDay),
    cost: Math.round((after.cost - before.cost) * 100) / 100,
    p80WorkingDays: round(after.p80.workingDays - before.p80.workingDays),
    p50WorkingDays: round(after.p50.workingDays - before.p50.workingDays),
    criticalPathAdded: after.criticalPath.filter((id) => !was.has(id)),
    criticalPathRemoved: before.criticalPath.filter((id) => !now.has(id)),
  };
}

/**
 * The impact of a change set on a plan: the plan and a what-if copy with the change applied, each
 * scheduled and measured, and the deltas. The same seed gives the same P80 figures.
 *
 * @example
 * const impact = impactAnalysis(plan, [{ op: 'setDuration', taskId: '4', durationMinutes: 9600 }], { iterations: 2000, seed: 7 });
 * impact.delta.finishWorkingDays; // 10
 */
export function impactAnalysis(
  project: Project,
  changeSet: ChangeSet,
  options: ImpactOptions,
): ImpactAnalysis {
  const changed = applyChangeSet(project, changeSet);
  const before = measurePlan(project, options);
  const after = measurePlan(changed, options);
  return {
    before,
    after,
    delta: compareMeasures(project, before, after),
    iterations: options.iterations,
    seed: options.seed,
  };
}

export interface ScenarioInput {
  name: string;
  changeSet: ChangeSet;
}

export interface ScenarioComparison {
  live: PlanMeasures;
  scenarios: { name: string; measures: PlanMeasures; delta: PlanDelta }[];
  iterations: number;
  seed: number;
}

/** The live plan and each scenario's what-if copy measured side by side (same seed for all). */
export function compareScenarios(
  project: Project,
  scenarios: readonly ScenarioInput[],
  options: ImpactOptions,
): ScenarioComparison {
  const changed = scenarios.map((s) => applyChangeSet(project, s.changeSet));
  const live = measurePlan(project, options);
  return {
    live,
    scenarios: scenarios.map((s, i) => {
      const measures = measurePlan(changed[i] as Project, options);
      return { name: s.name, measures, delta: compareMeasures(project, live, measures) };
    }),
    iterations: options.iterations,
    seed: options.seed,
  };
}
