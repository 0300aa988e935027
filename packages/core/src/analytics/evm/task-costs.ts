/**
 * What a task was budgeted to cost and what it has cost so far, as MS Project computes them: a baseline
 * cost when the baseline has one, else work × rates + cost per use + fixed cost; the actual cost when it
 * is known, else actual work × rates + cost per use + the fixed cost accrued so far (prorated, MS
 * Project's default accrual, so in proportion to % complete).
 */
import type { Assignment, BaselineTask, Resource, Task } from '../../model/project.ts';

export type BudgetSource = 'baseline cost' | 'work × rates';
export type ActualCostSource = 'actual cost' | 'actual work × rates';

/** What the cost rules need to look up resources and a task's assignments. */
export interface CostContext {
  resources: ReadonlyMap<string, Resource>;
  assignmentsByTask: ReadonlyMap<string, readonly Assignment[]>;
}

/** % complete in 0..100: the task's own, else 100 when it has finished, else from remaining duration. */
export function percentComplete(task: Task): number {
  const p = task.progress;
  if (!p) return 0;
  let pct = 0;
  if (p.percentComplete !== undefined) pct = p.percentComplete;
  else if (p.actualFinish !== undefined) pct = 100;
  else if (p.remainingMinutes !== undefined && task.duration.minutes > 0)
    pct = 100 * (1 - p.remainingMinutes / task.duration.minutes);
  return Math.min(100, Math.max(0, pct));
}

/**
 * Budget at completion of one task against `baseline` (its entry in the baseline, if any).
 *
 * @example
 * // MS Project's EAC example: 10 hours of work for two resources at $20 an hour cost $200.
 * budgetAtCompletion(task, {}, context); // { value: 200, source: 'work × rates' }
 */
export function budgetAtCompletion(
  task: Task,
  baseline: BaselineTask,
  context: CostContext,
): { value: number; source: BudgetSource } {
  if (baseline.cost !== undefined) return { value: baseline.cost, source: 'baseline cost' };
  const assignments = context.assignmentsByTask.get(task.id) ?? [];
  const duration = baseline.durationMinutes ?? task.duration.minutes;
  const work = assignments.map((a) => plannedWork(a, duration, context.resources));
  const total = work.reduce((sum, w) => sum + w, 0);
  // A baseline that kept its work but not its cost: share that work out as the assignments share theirs.
  const scale = baseline.workMinutes !== undefined && total > 0 ? baseline.workMinutes / total : 1;
  let value = task.fixedCost ?? 0;
  assignments.forEach((a, i) => {
    const resource = context.resources.get(a.resourceId);
    if (resource) value += assignmentCost(resource, a, (work[i] as number) * scale, 1);
  });
  return { value, source: 'work × rates' };
}

/**
 * Actual cost of one task so far: its actual cost when known, else actual work × rates (actual work
 * from % complete when an assignment does not report it, as MS Project does when task status updates
 * resource status).
 */
export function actualCost(task: Task, context: CostContext): { value: number; source: ActualCostSource } {
  if (task.actualCost !== undefined) return { value: task.actualCost, source: 'actual cost' };
  const done = percentComplete(task) / 100;
  let value = (task.fixedCost ?? 0) * done;
  for (const a of context.assignmentsByTask.get(task.id) ?? []) {
    const resource = context.resources.get(a.resourceId);
    if (!resource) continue;
    const work = plannedWork(a, task.duration.minutes, context.resources);
    const actual = a.actualWorkMinutes ?? work * done;
    const started = actual > 0 || done > 0;
    value += assignmentCost(resource, a, actual, started ? 1 : 0, work > 0 ? actual / work : done);
  }
  return { value, source: 'actual work × rates' };
}

/** Work of an assignment in minutes: its own, else units × the task's duration (work resources only). */
function plannedWork(
  a: Assignment,
  durationMinutes: number,
  resources: ReadonlyMap<string, Resource>,
): number {
  if (a.workMinutes !== undefined) return a.workMinutes;
  const type = resources.get(a.resourceId)?.type ?? 'work';
  return type === 'work' ? a.units * durationMinutes : 0;
}

/**
 * Cost of `workMinutes` of a work resource (rate per hour), or of a share `fraction` of a material
 * resource's units (rate per unit); `uses` is 1 when the cost per use is incurred.
 */
function assignmentCost(
  resource: Resource,
  a: Assignment,
  workMinutes: number,
  uses: number,
  fraction = 1,
): number {
  const perUse = (resource.costPerUse ?? 0) * uses;
  const rate = resource.standardRate ?? 0;
  switch (resource.type) {
    case 'work':
      return (workMinutes / 60) * rate + perUse;
    case 'material':
      return a.units * rate * fraction + perUse;
    case 'cost':
      // A cost resource's amount is entered per assignment, which the model does not carry.
      return perUse;
  }
}
