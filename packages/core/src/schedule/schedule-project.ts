import { compileCalendars } from '../calendar/working-time.ts';
import type { WorkingTime } from '../calendar/working-time.ts';
import { standardCalendar } from '../model/calendar.ts';
import type { Project } from '../model/project.ts';
import { parseLocal } from '../time/local-time.ts';
import { backwardPass } from './backward-pass.ts';
import { computeFloats } from './floats.ts';
import { forwardPass } from './forward-pass.ts';
import { buildNetwork } from './network.ts';
import type { PassContext } from './pass-context.ts';
import { ScheduleError } from './schedule-errors.ts';
import type { Schedule, ScheduledTask } from './schedule-result.ts';
import { C_ALAP, taskTimings } from './task-timing.ts';

export interface ScheduleOptions {
  /** Overrides the project's status date (`YYYY-MM-DDTHH:mm:ss`). */
  statusDate?: string;
  /** Calendars compiled earlier (e.g. by a caller scheduling many what-ifs of one plan). */
  compiledCalendars?: Map<string, WorkingTime>;
}

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
  const calendars = options.compiledCalendars ?? compileCalendars(project.calendars);
  const projectCal =
    calendars.get(project.calendarId) ??
    (project.calendars.length === 0
      ? compileCalendars([standardCalendar(project.calendarId)]).get(project.calendarId)
      : undefined);
  if (!projectCal)
    throw new ScheduleError('UNKNOWN_CALENDAR', `Project calendar "${project.calendarId}" is not defined`);

  const timing = taskTimings(project, calendars, projectCal);
  const net = buildNetwork(project, (i) => timing.active[i] === 1);
  const n = net.taskCount;
  const statusText = options.statusDate ?? project.statusDate;
  const ctx: PassContext = {
    net,
    timing,
    projectCal,
    projectStart: parseDate(project.start, 'project start'),
    statusDate: statusText === undefined ? NaN : parseDate(statusText, 'status date'),
    edgeLag: new Float64Array(net.edgeFrom.length),
    edgeElapsed: new Uint8Array(net.edgeFrom.length),
    es: new Float64Array(n),
    ef: new Float64Array(n),
    ls: new Float64Array(n),
    lf: new Float64Array(n),
    gateStart: new Float64Array(n),
    limitStart: new Float64Array(n).fill(Infinity),
    limitFinish: new Float64Array(n).fill(Infinity),
    drivingEdge: new Int32Array(n).fill(-1),
    warnings: new Map(),
  };
  resolveLags(project, ctx);

  forwardPass(ctx);
  let projectFinish = ctx.projectStart;
  for (let i = 0; i < n; i++) if (timing.active[i] && ctx.ef[i]! > projectFinish) projectFinish = ctx.ef[i]!;
  backwardPass(ctx, projectFinish);
  rollUpLateDates(ctx);
  const floats = computeFloats(ctx, projectFinish, (project.criticalSlackLimitMinutes ?? 0) + 1e-6);

  const tasks: ScheduledTask[] = project.tasks.map((task, i) => {
    const summary = net.isSummary[i] === 1;
    const alap = timing.constraint[i] === C_ALAP && !summary;
    const warnings = ctx.warnings.get(i) ?? [];
    const deadline = timing.deadline[i]!;
    if (!Number.isNaN(deadline) && ctx.ef[i]! > deadline) warnings.push('Finishes after its deadline');
    const e = ctx.drivingEdge[i]!;
    const link = e >= 0 ? project.links[net.edgeLink[e]!] : undefined;
    const result: ScheduledTask = {
      id: task.id,
      index: i,
      summary,
      milestone: !summary && timing.milestone[i] === 1,
      start: alap ? ctx.ls[i]! : ctx.es[i]!,
      finish: alap ? ctx.lf[i]! : ctx.ef[i]!,
      earlyStart: ctx.es[i]!,
      earlyFinish: ctx.ef[i]!,
      lateStart: ctx.ls[i]!,
      lateFinish: ctx.lf[i]!,
      totalFloat: floats.total[i]!,
      freeFloat: floats.free[i]!,
      critical: floats.critical[i] === 1,
      durationMinutes: summary ? projectCal.between(ctx.es[i]!, ctx.ef[i]!) : timing.totalDuration[i]!,
      warnings,
    };
    if (link) result.drivingPredecessorId = link.predecessorId;
    return result;
  });
  const criticalPath = tasks
    .filter((t) => t.critical && !t.summary && timing.active[t.index])
    .sort((a, b) => a.earlyStart - b.earlyStart || a.index - b.index)
    .map((t) => t.id);
  return { projectStart: ctx.projectStart, projectFinish, tasks, criticalPath };
}

function parseDate(value: string, what: string): number {
  try {
    return parseLocal(value);
  } catch {
    throw new ScheduleError('INVALID', `Invalid ${what} "${value}"`);
  }
}

function resolveLags(project: Project, ctx: PassContext): void {
  const { net, timing } = ctx;
  for (let e = 0; e < net.edgeLink.length; e++) {
    const k = net.edgeLink[e]!;
    if (k < 0) continue;
    const lag = project.links[k]!.lag;
    if (!lag) continue;
    const pred = net.edgeFrom[e]!;
    ctx.edgeLag[e] =
      lag.percent !== undefined ? (lag.percent / 100) * timing.totalDuration[pred]! : lag.minutes;
    ctx.edgeElapsed[e] = lag.elapsed ? 1 : 0;
  }
}

/** Summary late dates: the earliest late start and latest late finish of their children. */
function rollUpLateDates(ctx: PassContext): void {
  const { net } = ctx;
  const n = net.taskCount;
  for (let i = 0; i < n; i++) {
    if (!net.isSummary[i]) continue;
    ctx.ls[i] = Infinity;
    ctx.lf[i] = -Infinity;
  }
  // Children follow their parents in outline order, so walking backwards sees children first.
  for (let i = n - 1; i >= 0; i--) {
    const p = net.parent[i]!;
    if (p < 0) continue;
    ctx.ls[p] = Math.min(ctx.ls[p]!, ctx.ls[i]!);
    ctx.lf[p] = Math.max(ctx.lf[p]!, ctx.lf[i]!);
  }
}
