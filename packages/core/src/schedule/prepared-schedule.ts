/**
 * A plan compiled once for scheduling many times: calendars, network and per-task timing are built on
 * `prepareSchedule`; `run` does only the passes. Monte Carlo risk analysis and levelling re-run the same
 * plan thousands of times with other durations or start dates, so this is the engine's hot entry point.
 */
import { compileCalendars } from '../calendar/working-time.ts';
import type { WorkingTime } from '../calendar/working-time.ts';
import { standardCalendar } from '../model/calendar.ts';
import type { Project } from '../model/project.ts';
import { parseLocal } from '../time/local-time.ts';
import type { Minutes } from '../time/local-time.ts';
import { backwardPass } from './backward-pass.ts';
import { computeFloats } from './floats.ts';
import type { Floats } from './floats.ts';
import { forwardPass } from './forward-pass.ts';
import { buildNetwork } from './network.ts';
import type { Network } from './network.ts';
import type { PassContext } from './pass-context.ts';
import { ScheduleError } from './schedule-errors.ts';
import { retimeTasks, taskTimings } from './task-timing.ts';
import type { TaskTiming } from './task-timing.ts';

export interface ScheduleOptions {
  /** Overrides the project's status date (`YYYY-MM-DDTHH:mm:ss`). */
  statusDate?: string;
  /** Calendars compiled earlier (e.g. by a caller scheduling many what-ifs of one plan). */
  compiledCalendars?: Map<string, WorkingTime>;
}

export interface RunOptions {
  /**
   * Working minutes per task (index as in `project.tasks`) replacing the planned durations for this run,
   * e.g. one Monte Carlo sample. Summary entries are ignored.
   */
  durations?: Float64Array;
  /** Skip the backward pass and floats (forward dates and project finish only). */
  forwardOnly?: boolean;
}

/** The typed-array result of one run; valid until the next `run` on the same prepared plan. */
export interface RunResult {
  projectStart: Minutes;
  projectFinish: Minutes;
  es: Float64Array;
  ef: Float64Array;
  ls: Float64Array;
  lf: Float64Array;
  floats?: Floats;
  drivingEdge: Int32Array;
}

export interface PreparedSchedule {
  readonly project: Project;
  readonly network: Network;
  readonly timing: TaskTiming;
  readonly projectCalendar: WorkingTime;
  readonly calendars: Map<string, WorkingTime>;
  /** Passes context of the last run (warnings, driving edges). */
  readonly context: PassContext;
  run(options?: RunOptions): RunResult;
}

/**
 * Compiles a project for scheduling. Throws `CycleError` naming the tasks of a dependency cycle and
 * `ScheduleError` for other invalid input (unknown ids or calendars, bad dates).
 * Complexity: O(tasks + links + calendars × days).
 */
export function prepareSchedule(project: Project, options: ScheduleOptions = {}): PreparedSchedule {
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
  return assemble(project, options, calendars, projectCal, timing, net);
}

/**
 * `prepareSchedule(project, options)` for a project that differs from `prepared.project` only in the
 * tasks at `changed` — a task's duration, dates, constraint, progress or calendar edited — reusing the
 * network, the compiled calendars and the other tasks' timing: what a server does when one task of a
 * large plan is updated. Undefined when the change reaches further — another task object, a changed
 * task's id, parent or `inactive`, or any other field of the project not the same value (links,
 * calendars, resources, assignments: compared by reference) — then prepare afresh. `prepared` is left
 * as it is (runs with `durations` included) and may be used on.
 *
 * @example
 * const before = prepareSchedule(project);
 * const tasks = project.tasks.slice();
 * tasks[7] = { ...tasks[7]!, duration: { minutes: 960 } };
 * const after = reprepareSchedule(before, { ...project, tasks }, [7]) ?? prepareSchedule({ ...project, tasks });
 *
 * Complexity: O(tasks + links) copying and the changed tasks' timing, without the network's build.
 */
export function reprepareSchedule(
  prepared: PreparedSchedule,
  project: Project,
  changed: readonly number[],
  options: ScheduleOptions = {},
): PreparedSchedule | undefined {
  const before = prepared.project;
  const planned = pristine.get(prepared);
  if (
    !planned ||
    project.tasks.length !== before.tasks.length ||
    (options.compiledCalendars !== undefined && options.compiledCalendars !== prepared.calendars) ||
    options.statusDate !== planned.options.statusDate
  )
    return undefined;
  // Every field but the tasks is the same value (links, calendars, resources, assignments, dates…).
  for (const key of new Set([...Object.keys(project), ...Object.keys(before)]) as Set<keyof Project>)
    if (key !== 'tasks' && project[key] !== before[key]) return undefined;
  const isChanged = new Uint8Array(project.tasks.length);
  for (const i of changed) {
    const now = project.tasks[i];
    const was = before.tasks[i];
    if (!now || !was) return undefined;
    if (
      now.id !== was.id ||
      now.parentId !== was.parentId ||
      (now.inactive ?? false) !== (was.inactive ?? false)
    )
      return undefined;
    isChanged[i] = 1;
  }
  for (let i = 0; i < project.tasks.length; i++)
    if (!isChanged[i] && project.tasks[i] !== before.tasks[i]) return undefined;
  const timing = retimeTasks(
    project,
    prepared.calendars,
    prepared.projectCalendar,
    { ...prepared.timing, duration: planned.duration, totalDuration: planned.totalDuration },
    changed,
  );
  return assemble(project, options, prepared.calendars, prepared.projectCalendar, timing, prepared.network);
}

/** What a prepared schedule was made from, as `run` with `durations` cannot have changed it. */
const pristine = new WeakMap<
  PreparedSchedule,
  { duration: Float64Array; totalDuration: Float64Array; options: ScheduleOptions }
>();

function assemble(
  project: Project,
  options: ScheduleOptions,
  calendars: Map<string, WorkingTime>,
  projectCal: WorkingTime,
  timing: TaskTiming,
  net: Network,
): PreparedSchedule {
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
    edgePercent: new Float64Array(net.edgeFrom.length).fill(NaN),
    es: new Float64Array(n),
    ef: new Float64Array(n),
    ls: new Float64Array(n),
    lf: new Float64Array(n),
    gateStart: new Float64Array(n),
    limitStart: new Float64Array(n),
    limitFinish: new Float64Array(n),
    drivingEdge: new Int32Array(n),
    warnings: new Map(),
  };
  const percentEdges = resolveLags(project, ctx);
  const planned = timing.duration.slice();
  const plannedTotal = timing.totalDuration.slice();
  const criticalLimit = (project.criticalSlackLimitMinutes ?? 0) + 1e-6;

  const run = (options: RunOptions = {}): RunResult => {
    const d = options.durations;
    if (d) {
      // A sampled duration replaces what is left to do (tasks not started) or scales it (in progress).
      for (let i = 0; i < n; i++) {
        const total = plannedTotal[i]!;
        const sample = Math.max(0, d[i]!);
        timing.totalDuration[i] = sample;
        timing.duration[i] = total > 0 ? (planned[i]! * sample) / total : sample;
      }
      for (const [e, percent] of percentEdges)
        ctx.edgeLag[e] = (percent / 100) * timing.totalDuration[net.edgeFrom[e]!]!;
    }
    ctx.limitStart.fill(Infinity);
    ctx.limitFinish.fill(Infinity);
    ctx.drivingEdge.fill(-1);
    ctx.warnings.clear();
    forwardPass(ctx);
    let projectFinish = ctx.projectStart;
    for (let i = 0; i < n; i++)
      if (timing.active[i] && ctx.ef[i]! > projectFinish) projectFinish = ctx.ef[i]!;
    const result: RunResult = {
      projectStart: ctx.projectStart,
      projectFinish,
      es: ctx.es,
      ef: ctx.ef,
      ls: ctx.ls,
      lf: ctx.lf,
      drivingEdge: ctx.drivingEdge,
    };
    if (options.forwardOnly) return result;
    backwardPass(ctx, projectFinish);
    rollUpLateDates(ctx);
    result.floats = computeFloats(ctx, projectFinish, criticalLimit);
    return result;
  };
  const prepared: PreparedSchedule = {
    project,
    network: net,
    timing,
    projectCalendar: projectCal,
    calendars,
    context: ctx,
    run,
  };
  pristine.set(prepared, { duration: planned, totalDuration: plannedTotal, options });
  return prepared;
}

function parseDate(value: string, what: string): number {
  try {
    return parseLocal(value);
  } catch {
    throw new ScheduleError('INVALID', `Invalid ${what} "${value}"`);
  }
}

/** Lags in minutes per edge; returns the percent-lag edges, which follow their predecessor's duration. */
function resolveLags(project: Project, ctx: PassContext): [number, number][] {
  const { net, timing } = ctx;
  const percentEdges: [number, number][] = [];
  for (let e = 0; e < net.edgeLink.length; e++) {
    const k = net.edgeLink[e]!;
    if (k < 0) continue;
    const lag = project.links[k]!.lag;
    if (!lag) continue;
    const pred = net.edgeFrom[e]!;
    if (lag.percent !== undefined) {
      percentEdges.push([e, lag.percent]);
      ctx.edgePercent[e] = lag.percent;
      ctx.edgeLag[e] = (lag.percent / 100) * timing.totalDuration[pred]!;
    } else ctx.edgeLag[e] = lag.minutes;
    ctx.edgeElapsed[e] = lag.elapsed ? 1 : 0;
  }
  return percentEdges;
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
