/**
 * Resource levelling of a real plan, as Microsoft Project does it: where a resource is asked for more
 * than its max units, delay the tasks that matter least until it has room, in working time, keeping
 * every link and constraint.
 *
 * Design: levelling never reimplements the scheduler. A delay is a start floor, given to the
 * scheduler as a hidden "levelling delay" milestone (start no earlier than the floor) linked
 * finish-to-start to the task, so the task keeps its own links, constraint and calendars, and the
 * delay pushes its successors the way any predecessor would. Floors only rise, so no task ever starts
 * before its unlevelled early start.
 *
 * Tasks are placed one by one (a serial schedule generation scheme in working time): the next task is
 * the highest-ranked one whose predecessors are all placed; while its resources lack room somewhere in
 * its dates, given the tasks placed before it, its floor rises past the last stretch without room and
 * the plan is scheduled again. A placed task never moves again, because everything placed after it is
 * not among its predecessors, so levelling ends after at most one placement per task.
 *
 * Ranking: higher `priority` first (default 500), then less total float before levelling (tasks with
 * float are delayed first, within it where it suffices, beyond it where not), then task id; a task
 * ranks at least as high as anything that depends on it (a high-priority task cannot start before its
 * predecessors, so they take its rank). Tasks that cannot move keep their dates and are placed from
 * the start: manually scheduled, started, must-start-on, must-finish-on, as-late-as-possible, and
 * priority 1000 (MS Project's "do not level"), and a task already at its start- or
 * finish-no-later-than date. A task whose such constraint stops it short of the room it needs stays
 * where it was, with a warning.
 */
import type { WorkingTime } from '../../calendar/working-time.ts';
import type { Project, Task } from '../../model/project.ts';
import { prepareSchedule } from '../../schedule/prepared-schedule.ts';
import type { ScheduleOptions } from '../../schedule/prepared-schedule.ts';
import { scheduleProject } from '../../schedule/schedule-project.ts';
import type { Schedule } from '../../schedule/schedule-result.ts';
import { parseLocal } from '../../time/local-time.ts';
import { DEFAULT_PRIORITY, inheritRanks, placementOrder, rankTasks } from './placement-order.ts';
import {
  describeOverAllocation,
  findOverAllocations,
  loadSegments,
  resourceDemands,
  resourceHistograms,
  unitsIn,
} from './resource-load.ts';
import type { AssignmentLoad, OverAllocation, ResourceHistogram } from './resource-load.ts';
import { levelledSchedule, withFloors } from './start-floors.ts';

export type LevelProjectOptions = ScheduleOptions;

export interface LevellingDelay {
  taskId: string;
  /** Elapsed minutes the start moved (MS Project's Leveling Delay, which it shows in edays). */
  delayMinutes: number;
  /** The same in working minutes of the task's calendar. */
  delayWorkingMinutes: number;
  /** Whether the delay fits in the task's total float before levelling. */
  withinFloat: boolean;
}

export interface ProjectLevelling {
  /** The levelled schedule; early dates include the levelling delays, as MS Project's do. */
  schedule: Schedule;
  unlevelled: Schedule;
  /** Tasks that moved, in plan order. */
  delays: LevellingDelay[];
  overAllocationsBefore: OverAllocation[];
  /** What levelling could not resolve (fixed tasks, a task alone above its resource's max units). */
  overAllocationsAfter: OverAllocation[];
  histogramsBefore: ResourceHistogram[];
  histogramsAfter: ResourceHistogram[];
  /** How many times the plan was scheduled while levelling. */
  runs: number;
  warnings: string[];
}

const EPSILON = 1e-9;
const DO_NOT_LEVEL = 1000;
const FIXED_CONSTRAINTS = new Set(['MSO', 'MFO', 'ALAP']);

interface Dates {
  start: Float64Array;
  finish: Float64Array;
}

/**
 * Levels `project`. Throws what `scheduleProject` throws for an invalid plan.
 *
 * @example
 * const { schedule, delays, overAllocationsAfter } = levelProject(project);
 * delays; // [{ taskId: 'review', delayMinutes: 2880, delayWorkingMinutes: 960, withinFloat: true }]
 *
 * Complexity: O(runs · (tasks + links)) plus O(m log m) per placement check for m assignments of a
 * resource; runs ≤ 1 + 2 × (floor raises), about the number of tasks that must move times the
 * placed tasks each one has to pass.
 */
export function levelProject(project: Project, options: LevelProjectOptions = {}): ProjectLevelling {
  const prepared = prepareSchedule(project, options);
  const net = prepared.network;
  const scheduleOptions: ScheduleOptions = { ...options, compiledCalendars: prepared.calendars };
  const unlevelled = scheduleProject(project, scheduleOptions);
  const n = project.tasks.length;
  const demands = resourceDemands(project, prepared.calendars, prepared.projectCalendar, net.isSummary);
  const warnings: string[] = [];

  const before: Dates = {
    start: Float64Array.from(unlevelled.tasks, (t) => t.start),
    finish: Float64Array.from(unlevelled.tasks, (t) => t.finish),
  };
  const overAllocationsBefore = findOverAllocations(project, demands, before.start, before.finish);

  // Loads by task, with their resource's max units.
  const loadsOf: OwnLoad[][] = Array.from({ length: n }, () => []);
  demands.forEach((d, r) => {
    for (const load of d.loads) loadsOf[load.task]!.push({ load, resource: r, maxUnits: d.maxUnits });
  });

  const floors = new Float64Array(n).fill(-Infinity);
  const hasAlap = project.tasks.some((t) => t.constraint?.type === 'ALAP');
  const ids = new Set(project.tasks.map((t) => t.id));
  let runs = 0;
  let current = before;
  let stale = false;
  const refresh = () => {
    if (!stale) return;
    current = dates(project, withFloors(project, floors, ids), scheduleOptions, hasAlap, net.isSummary);
    runs++;
    stale = false;
  };

  if (overAllocationsBefore.length > 0) {
    // Loads of the tasks placed so far, by resource: fixed tasks from the start.
    const placed: AssignmentLoad[][] = demands.map(() => []);
    const movable = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      movable[i] =
        canMove(project.tasks[i]!, net.isSummary[i] === 1) &&
        loadsOf[i]!.length > 0 &&
        !pinned(project.tasks[i]!, before.start[i]!, before.finish[i]!)
          ? 1
          : 0;
      if (!movable[i]) for (const { load, resource } of loadsOf[i]!) placed[resource]!.push(load);
    }
    const rank = inheritRanks(net, rankTasks(project, unlevelled));
    for (const i of placementOrder(net, rank)) {
      if (!movable[i]) continue;
      for (;;) {
        refresh();
        const clear = roomFrom(i, current, loadsOf[i]!, placed, prepared.timing.cal[i]!);
        if (clear === undefined) break;
        floors[i] = Math.max(floors[i]!, clear);
        stale = true;
        refresh();
        // A constraint (start or finish no later than) can hold the task before its floor.
        if (current.start[i]! < floors[i]! - EPSILON) {
          warnings.push(`${label(project.tasks[i]!)} cannot be delayed: its constraint holds it in place`);
          floors[i] = -Infinity;
          stale = true;
          break;
        }
      }
      for (const { load, resource } of loadsOf[i]!) placed[resource]!.push(load);
    }
  }

  refresh();
  const schedule = runs > 0 ? levelledSchedule(project, floors, ids, scheduleOptions) : unlevelled;
  const after: Dates = {
    start: Float64Array.from(schedule.tasks, (t) => t.start),
    finish: Float64Array.from(schedule.tasks, (t) => t.finish),
  };
  const overAllocationsAfter = findOverAllocations(project, demands, after.start, after.finish);
  for (const o of overAllocationsAfter)
    warnings.push(`Over-allocation remains: ${describeOverAllocation(o)}`);

  const delays: LevellingDelay[] = [];
  for (let i = 0; i < n; i++) {
    const moved = after.start[i]! - before.start[i]!;
    if (net.isSummary[i] || moved <= EPSILON) continue;
    const cal: WorkingTime = prepared.timing.cal[i]!;
    const working = cal.between(before.start[i]!, after.start[i]!);
    delays.push({
      taskId: project.tasks[i]!.id,
      delayMinutes: moved,
      delayWorkingMinutes: working,
      withinFloat: working <= unlevelled.tasks[i]!.totalFloat + EPSILON,
    });
  }
  const histograms = (d: Dates, s: Schedule) =>
    resourceHistograms(demands, d.start, d.finish, s.projectStart, s.projectFinish);
  return {
    schedule,
    unlevelled,
    delays,
    overAllocationsBefore,
    overAllocationsAfter,
    histogramsBefore: histograms(before, unlevelled),
    histogramsAfter: histograms(after, schedule),
    runs,
    warnings,
  };
}

/**
 * Where task `i` must start at the earliest for its resources to have room among the placed loads;
 * undefined when it fits where it is. Searched on the task's calendar, keeping its working length, so
 * one scheduling run usually confirms it (the scheduler has the last word: links, resource calendars).
 */
function roomFrom(
  i: number,
  dates: Dates,
  own: readonly OwnLoad[],
  placed: readonly AssignmentLoad[][],
  cal: WorkingTime,
): number | undefined {
  const { start, finish } = dates;
  let clear = lastConflictEnd(i, dates, own, placed);
  if (clear === undefined) return undefined;
  const [s0, f0] = [start[i]!, finish[i]!];
  const length = cal.between(s0, f0);
  try {
    for (let k = 0; k < 10_000; k++) {
      start[i] = cal.nextStart(clear);
      finish[i] = cal.add(start[i]!, length, 'finish');
      const next = lastConflictEnd(i, dates, own, placed);
      if (next === undefined) break;
      clear = next;
    }
    return clear;
  } finally {
    start[i] = s0;
    finish[i] = f0;
  }
}

interface OwnLoad {
  load: AssignmentLoad;
  resource: number;
  maxUnits: number;
}

/**
 * The end of the last stretch within task `i`'s dates where one of its resources lacks room for it
 * among the placed loads; undefined when there is none (or the task alone asks more than a resource
 * has: no delay helps).
 */
function lastConflictEnd(
  i: number,
  { start, finish }: Dates,
  own: readonly OwnLoad[],
  placed: readonly AssignmentLoad[][],
): number | undefined {
  const s = start[i]!;
  const f = finish[i]!;
  if (!(f > s)) return undefined;
  let clear: number | undefined;
  for (const { load, resource, maxUnits } of own) {
    if (load.units > maxUnits + EPSILON) continue;
    const others = placed[resource]!.filter((l) => start[l.task]! < f && finish[l.task]! > s);
    if (others.length === 0) continue;
    for (const segment of loadSegments([...others, load], start, finish)) {
      if (segment.finish <= s || segment.start >= f || load.cal.between(segment.start, segment.finish) <= 0)
        continue;
      if (unitsIn(segment.loads, segment.start, segment.finish) > maxUnits + EPSILON)
        clear = Math.max(clear ?? -Infinity, segment.finish);
    }
  }
  return clear;
}

/** Start and finish of every task of `levelled` (the first `project.tasks.length` of them). */
function dates(
  project: Project,
  levelled: Project,
  options: ScheduleOptions,
  hasAlap: boolean,
  isSummary: Uint8Array,
): Dates {
  const run = prepareSchedule(levelled, options).run({ forwardOnly: !hasAlap });
  const n = project.tasks.length;
  const start = new Float64Array(n);
  const finish = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const alap = project.tasks[i]!.constraint?.type === 'ALAP' && !isSummary[i];
    start[i] = alap ? run.ls[i]! : run.es[i]!;
    finish[i] = alap ? run.lf[i]! : run.ef[i]!;
  }
  return { start, finish };
}

function canMove(task: Task, summary: boolean): boolean {
  return (
    !summary &&
    !task.inactive &&
    task.manual === undefined &&
    task.progress?.actualStart === undefined &&
    (task.priority ?? DEFAULT_PRIORITY) < DO_NOT_LEVEL &&
    !FIXED_CONSTRAINTS.has(task.constraint?.type ?? 'ASAP')
  );
}

/** A start-no-later-than or finish-no-later-than constraint that leaves the task no room to move. */
function pinned(task: Task, start: number, finish: number): boolean {
  const c = task.constraint;
  if (c?.date === undefined) return false;
  if (c.type === 'SNLT') return parseLocal(c.date) <= start + EPSILON;
  if (c.type === 'FNLT') return parseLocal(c.date) <= finish + EPSILON;
  return false;
}

const label = (task: Task) => `Task "${task.name}" (${task.id})`;
