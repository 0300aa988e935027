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
import type { Link, Project, Task } from '../../model/project.ts';
import type { Network } from '../../schedule/network.ts';
import { prepareSchedule } from '../../schedule/prepared-schedule.ts';
import type { ScheduleOptions } from '../../schedule/prepared-schedule.ts';
import { scheduleProject } from '../../schedule/schedule-project.ts';
import type { Schedule } from '../../schedule/schedule-result.ts';
import { formatLocal, parseLocal } from '../../time/local-time.ts';
import {
  describeOverAllocation,
  findOverAllocations,
  loadSegments,
  resourceDemands,
  resourceHistograms,
  unitsIn,
} from './resource-load.ts';
import type { AssignmentLoad, OverAllocation, ResourceHistogram } from './resource-load.ts';

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
const DEFAULT_PRIORITY = 500;
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

/** Position of each task in the order priority, float, id (0 first). */
function rankTasks(project: Project, unlevelled: Schedule): Int32Array {
  const order = project.tasks.map((_, i) => i);
  const priority = (i: number) => project.tasks[i]!.priority ?? DEFAULT_PRIORITY;
  order.sort(
    (a, b) =>
      priority(b) - priority(a) ||
      unlevelled.tasks[a]!.totalFloat - unlevelled.tasks[b]!.totalFloat ||
      compareIds(project.tasks[a]!.id, project.tasks[b]!.id),
  );
  const rank = new Int32Array(order.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

/**
 * Each task ranks at least as high as anything that depends on it (priority inheritance); ties go to
 * the task's own rank. Complexity: O(nodes + edges).
 */
function inheritRanks(net: Network, rank: Int32Array): Int32Array {
  const n = net.taskCount;
  const best = new Int32Array(net.nodeCount).fill(0x7fffffff);
  for (let k = net.order.length - 1; k >= 0; k--) {
    const v = net.order[k]!;
    let r = v < n && !net.isSummary[v] ? rank[v]! : 0x7fffffff;
    for (let e = net.outStart[v]!; e < net.outStart[v + 1]!; e++)
      r = Math.min(r, best[net.edgeTo[net.outEdge[e]!]!]!);
    best[v] = r;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => best[a]! - best[b]! || rank[a]! - rank[b]!,
  );
  const inherited = new Int32Array(n);
  order.forEach((i, r) => (inherited[i] = r));
  return inherited;
}

/**
 * Leaf tasks in the order they are placed: a topological order of the network (so every predecessor,
 * through links and summaries, comes first) taking the best-ranked ready task each time.
 * Complexity: O((nodes + edges) log nodes).
 */
function placementOrder(net: Network, rank: Int32Array): number[] {
  const n = net.taskCount;
  const missing = new Int32Array(net.nodeCount);
  for (let v = 0; v < net.nodeCount; v++) missing[v] = net.inStart[v + 1]! - net.inStart[v]!;
  // Structural nodes (summary gates and roll-ups) pass at once: key -1.
  const key = (v: number) => (v < n && !net.isSummary[v] ? rank[v]! : -1);
  const heap = new MinHeap(key);
  for (let v = 0; v < net.nodeCount; v++) if (missing[v] === 0) heap.push(v);
  const order: number[] = [];
  while (heap.size > 0) {
    const v = heap.pop();
    if (v < n && !net.isSummary[v]) order.push(v);
    for (let e = net.outStart[v]!; e < net.outStart[v + 1]!; e++) {
      const w = net.edgeTo[net.outEdge[e]!]!;
      missing[w] = missing[w]! - 1;
      if (missing[w] === 0) heap.push(w);
    }
  }
  return order;
}

class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly key: (v: number) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(v: number): void {
    const { items, key } = this;
    items.push(v);
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (key(items[p]!) <= key(v)) break;
      items[i] = items[p]!;
      i = p;
    }
    items[i] = v;
  }

  pop(): number {
    const { items, key } = this;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length === 0) return top;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= items.length) break;
      if (c + 1 < items.length && key(items[c + 1]!) < key(items[c]!)) c++;
      if (key(items[c]!) >= key(last)) break;
      items[i] = items[c]!;
      i = c;
    }
    items[i] = last;
    return top;
  }
}

/** Numbers as numbers (`2` before `10`), anything else as text. */
function compareIds(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

const DELAY_PREFIX = 'levelling-delay:';

/** The plan with a hidden start-no-earlier-than milestone linked FS before every floored task. */
function withFloors(project: Project, floors: Float64Array, ids: Set<string>): Project {
  const tasks: Task[] = [];
  const links: Link[] = [];
  for (let i = 0; i < floors.length; i++) {
    const floor = floors[i]!;
    if (floor === -Infinity) continue;
    const task = project.tasks[i]!;
    let id = `${DELAY_PREFIX}${task.id}`;
    while (ids.has(id)) id = `${id}'`;
    tasks.push({
      id,
      name: `Levelling delay of ${task.name}`,
      duration: { minutes: 0 },
      milestone: true,
      constraint: { type: 'SNET', date: formatLocal(Math.ceil(floor)) },
    });
    links.push({ predecessorId: id, successorId: task.id, type: 'FS' });
  }
  if (tasks.length === 0) return project;
  return { ...project, tasks: [...project.tasks, ...tasks], links: [...project.links, ...links] };
}

/** The full schedule with the floors, of the original tasks only (the delay milestones come last). */
function levelledSchedule(
  project: Project,
  floors: Float64Array,
  ids: Set<string>,
  options: ScheduleOptions,
): Schedule {
  const levelled = withFloors(project, floors, ids);
  const schedule = scheduleProject(levelled, options);
  const n = project.tasks.length;
  const hidden = new Set(levelled.tasks.slice(n).map((t) => t.id));
  return {
    projectStart: schedule.projectStart,
    projectFinish: schedule.projectFinish,
    tasks: schedule.tasks.slice(0, n).map((t) => {
      if (t.drivingPredecessorId === undefined || !hidden.has(t.drivingPredecessorId)) return t;
      const { drivingPredecessorId: _, ...rest } = t;
      return rest;
    }),
    criticalPath: schedule.criticalPath.filter((id) => !hidden.has(id)),
  };
}

const label = (task: Task) => `Task "${task.name}" (${task.id})`;
