import type { Project } from '../model/project.ts';
import { prepareSchedule } from './prepared-schedule.ts';
import type { PreparedSchedule, ScheduleOptions } from './prepared-schedule.ts';
import type { Schedule, ScheduledTask } from './schedule-result.ts';
import { C_ALAP } from './task-timing.ts';

export type { ScheduleOptions } from './prepared-schedule.ts';

/** Shared by every task without warnings; callers must not mutate `warnings`. */
const NO_WARNINGS: readonly string[] = Object.freeze([]);

/**
 * Schedules a project the way Microsoft Project does: a forward pass for early dates, a backward pass
 * for late dates, then total and free float, the critical flag and the driving predecessor of every task.
 * Summary tasks roll up their children; links on a summary apply to all its children.
 * Throws `CycleError` naming the tasks of a dependency cycle and `ScheduleError` for other invalid input.
 *
 * @example
 * const schedule = scheduleProject(project);
 * schedule.criticalPath; // ['design', 'build', 'launch']
 *
 * Complexity: O(tasks + links) calendar operations, each O(1) or O(log days).
 */
export function scheduleProject(project: Project, options: ScheduleOptions = {}): Schedule {
  return schedulePrepared(prepareSchedule(project, options));
}

/**
 * `scheduleProject` of a plan prepared already: `schedulePrepared(prepareSchedule(project, options))`
 * is `scheduleProject(project, options)`. With `reprepareSchedule`, a plan edited one task at a time is
 * scheduled again without rebuilding its network.
 *
 * @example
 * const schedule = schedulePrepared(reprepareSchedule(prepared, edited, [7]) ?? prepareSchedule(edited));
 *
 * Complexity: that of one `run` plus O(tasks).
 */
export function schedulePrepared(prepared: PreparedSchedule): Schedule {
  const project = prepared.project;
  const run = prepared.run();
  const { network: net, timing, context: ctx, projectCalendar } = prepared;
  const floats = run.floats!;

  // One object shape for every task, built in a plain loop: this is the hot path of large plans.
  const n = project.tasks.length;
  const tasks = new Array<ScheduledTask>(n);
  for (let i = 0; i < n; i++) {
    const summary = net.isSummary[i] === 1;
    const alap = timing.constraint[i] === C_ALAP && !summary;
    let warnings = ctx.warnings.get(i) ?? NO_WARNINGS;
    const deadline = timing.deadline[i]!;
    if (!Number.isNaN(deadline) && run.ef[i]! > deadline)
      warnings = [...warnings, 'Finishes after its deadline'];
    const e = run.drivingEdge[i]!;
    tasks[i] = {
      id: project.tasks[i]!.id,
      index: i,
      summary,
      milestone: !summary && timing.milestone[i] === 1,
      start: alap ? run.ls[i]! : run.es[i]!,
      finish: alap ? run.lf[i]! : run.ef[i]!,
      earlyStart: run.es[i]!,
      earlyFinish: run.ef[i]!,
      lateStart: run.ls[i]!,
      lateFinish: run.lf[i]!,
      totalFloat: floats.total[i]!,
      freeFloat: floats.free[i]!,
      critical: floats.critical[i] === 1,
      drivingPredecessorId: e >= 0 ? project.links[net.edgeLink[e]!]!.predecessorId : undefined,
      durationMinutes: summary ? projectCalendar.between(run.es[i]!, run.ef[i]!) : timing.totalDuration[i]!,
      warnings,
    };
  }
  const criticalPath = tasks
    .filter((t) => t.critical && !t.summary && timing.active[t.index])
    .sort((a, b) => a.earlyStart - b.earlyStart || a.index - b.index)
    .map((t) => t.id);
  return { projectStart: run.projectStart, projectFinish: run.projectFinish, tasks, criticalPath };
}
