/**
 * What a plan asks of its resources: every work assignment of a scheduled task as units over the
 * task's dates, counted only where the assignment's calendar works (the resource's own calendar,
 * unless the task ignores it). From that, over-allocations (a resource asked for more than its max
 * units) and per-day histograms.
 */
import { ELAPSED } from '../../calendar/working-time.ts';
import type { WorkingTime } from '../../calendar/working-time.ts';
import type { LocalDate, Project } from '../../model/project.ts';
import { dayOf, formatLocal, formatLocalDate } from '../../time/local-time.ts';
import type { Minutes } from '../../time/local-time.ts';

/** Units of one resource that one task needs while it runs. */
export interface AssignmentLoad {
  /** Task index in `project.tasks`. */
  task: number;
  units: number;
  /** When the assignment works. */
  cal: WorkingTime;
}

export interface ResourceDemand {
  /** Index in `project.resources`. */
  index: number;
  id: string;
  name: string;
  /** 1 = 100% (MS Project's default when the plan says nothing). */
  maxUnits: number;
  /** The resource's calendar (the project's when it has none): the days of its histogram. */
  cal: WorkingTime;
  loads: AssignmentLoad[];
}

/** A stretch of time in which a resource is asked for more than its max units. */
export interface OverAllocation {
  resourceId: string;
  start: Minutes;
  finish: Minutes;
  /** The most units asked for at once in the stretch. */
  peakUnits: number;
  maxUnits: number;
  /** Tasks assigned to the resource in the stretch, in plan order. */
  taskIds: string[];
}

export interface HistogramDay {
  date: LocalDate;
  /** The most units in use at once that day. */
  peakUnits: number;
  /** Working minutes of work assigned that day (units × working time). */
  workMinutes: number;
  overallocated: boolean;
}

export interface ResourceHistogram {
  resourceId: string;
  name: string;
  maxUnits: number;
  /** Every working day of the resource from the project start to its finish, and any day with work. */
  days: HistogramDay[];
}

const EPSILON = 1e-9;

/**
 * The work assignments of every active, non-summary task with a duration, by resource. Material and
 * cost resources and zero-unit assignments take no capacity and are left out.
 */
export function resourceDemands(
  project: Project,
  calendars: ReadonlyMap<string, WorkingTime>,
  projectCal: WorkingTime,
  isSummary: ArrayLike<number>,
): ResourceDemand[] {
  const index = new Map(project.tasks.map((t, i) => [t.id, i]));
  const calendar = (id: string | undefined) =>
    id === undefined ? projectCal : (calendars.get(id) ?? projectCal);
  const demands = project.resources.map((r, i): ResourceDemand => ({
    index: i,
    id: r.id,
    name: r.name,
    maxUnits: r.maxUnits ?? 1,
    cal: calendar(r.calendarId),
    loads: [],
  }));
  const byId = new Map(demands.map((d) => [d.id, d]));
  for (const a of project.assignments) {
    const i = index.get(a.taskId);
    const demand = byId.get(a.resourceId);
    const resource = demand && project.resources[demand.index];
    if (i === undefined || !demand || resource?.type !== 'work' || !(a.units > 0)) continue;
    const task = project.tasks[i]!;
    if (isSummary[i] || task.inactive || task.duration.minutes <= 0) continue;
    const elapsed = task.duration.elapsed === true;
    const ownCalendar =
      resource.calendarId !== undefined && !(task.ignoreResourceCalendar && task.calendarId);
    const cal = elapsed ? ELAPSED : ownCalendar ? demand.cal : calendar(task.calendarId);
    demand.loads.push({ task: i, units: a.units, cal });
  }
  return demands;
}

/** A stretch between two consecutive task starts or finishes, with the loads running through it. */
export interface LoadSegment {
  start: Minutes;
  finish: Minutes;
  loads: AssignmentLoad[];
}

/**
 * Splits the resource's time at every start and finish of its tasks.
 * Complexity: O(m log m + Σ running) for m assignments.
 */
export function loadSegments(
  loads: readonly AssignmentLoad[],
  start: ArrayLike<number>,
  finish: ArrayLike<number>,
): LoadSegment[] {
  const live = loads.filter((l) => finish[l.task]! > start[l.task]!);
  live.sort((x, y) => start[x.task]! - start[y.task]!);
  const times = [...new Set(live.flatMap((l) => [start[l.task]!, finish[l.task]!]))].sort((a, b) => a - b);
  const result: LoadSegment[] = [];
  let running: AssignmentLoad[] = [];
  let next = 0;
  for (let k = 0; k + 1 < times.length; k++) {
    const a = times[k]!;
    running = running.filter((l) => finish[l.task]! > a);
    // Starts are event times, so "starts before the next event" means "starts at or before a".
    while (next < live.length && start[live[next]!.task]! <= a) running.push(live[next++]!);
    if (running.length > 0) result.push({ start: a, finish: times[k + 1]!, loads: running.slice() });
  }
  return result;
}

/** Units in use in [a, b): the loads whose calendar works somewhere in it. */
export function unitsIn(loads: readonly AssignmentLoad[], a: Minutes, b: Minutes): number {
  let units = 0;
  for (const l of loads) if (l.cal.between(a, b) > 0) units += l.units;
  return units;
}

/**
 * Where each resource is asked for more than its max units, given the tasks' dates (`start` and
 * `finish` by task index). Stretches separated only by non-working time are reported as one.
 *
 * @example
 * findOverAllocations(project, demands, start, finish);
 * // [{ resourceId: 'ana', start, finish, peakUnits: 2, maxUnits: 1, taskIds: ['design', 'review'] }]
 *
 * Complexity: O(m log m + m·s) per resource for m assignments, s of them at once.
 */
export function findOverAllocations(
  project: Project,
  demands: readonly ResourceDemand[],
  start: ArrayLike<number>,
  finish: ArrayLike<number>,
): OverAllocation[] {
  const result: OverAllocation[] = [];
  for (const demand of demands) {
    let open: { start: number; finish: number; peak: number; tasks: Set<number> } | undefined;
    const close = () => {
      if (!open) return;
      result.push({
        resourceId: demand.id,
        start: open.start,
        finish: open.finish,
        peakUnits: open.peak,
        maxUnits: demand.maxUnits,
        taskIds: [...open.tasks].sort((a, b) => a - b).map((i) => project.tasks[i]!.id),
      });
      open = undefined;
    };
    for (const s of loadSegments(demand.loads, start, finish)) {
      const units = unitsIn(s.loads, s.start, s.finish);
      if (units === 0) continue; // non-working time: neither starts nor ends a stretch
      if (units <= demand.maxUnits + EPSILON) {
        close();
        continue;
      }
      if (!open) open = { start: s.start, finish: s.finish, peak: units, tasks: new Set() };
      open.finish = s.finish;
      open.peak = Math.max(open.peak, units);
      for (const l of s.loads) open.tasks.add(l.task);
    }
    close();
  }
  return result.sort((a, b) => a.start - b.start || a.resourceId.localeCompare(b.resourceId));
}

/**
 * Per resource and day, the peak units in use and the work assigned, over-allocated days flagged:
 * MS Project's resource graph and resource usage views in one.
 * Complexity: O(m·d) per resource for m assignments of d days.
 */
export function resourceHistograms(
  demands: readonly ResourceDemand[],
  start: ArrayLike<number>,
  finish: ArrayLike<number>,
  projectStart: Minutes,
  projectFinish: Minutes,
): ResourceHistogram[] {
  return demands.map((demand) => {
    const first = dayOf(projectStart);
    const last = Math.max(first, dayOf(Math.max(projectStart, projectFinish - 1)));
    const peak = new Map<number, number>();
    const work = new Map<number, number>();
    for (const s of loadSegments(demand.loads, start, finish)) {
      for (let d = dayOf(s.start); d * 1440 < s.finish; d++) {
        const units = unitsIn(s.loads, Math.max(s.start, d * 1440), Math.min(s.finish, (d + 1) * 1440));
        if (units > (peak.get(d) ?? 0)) peak.set(d, units);
      }
    }
    for (const l of demand.loads) {
      const s = start[l.task]!;
      const f = finish[l.task]!;
      for (let d = dayOf(s); d * 1440 < f; d++) {
        const minutes = l.cal.between(Math.max(s, d * 1440), Math.min(f, (d + 1) * 1440));
        if (minutes > 0) work.set(d, (work.get(d) ?? 0) + l.units * minutes);
      }
    }
    const days = new Set<number>([...peak.keys(), ...work.keys()]);
    for (let d = first; d <= last; d++) if (demand.cal.isWorkingDay(d)) days.add(d);
    return {
      resourceId: demand.id,
      name: demand.name,
      maxUnits: demand.maxUnits,
      days: [...days]
        .sort((a, b) => a - b)
        .map((d): HistogramDay => {
          const peakUnits = round(peak.get(d) ?? 0);
          return {
            date: formatLocalDate(d * 1440),
            peakUnits,
            workMinutes: round(work.get(d) ?? 0),
            overallocated: peakUnits > demand.maxUnits + EPSILON,
          };
        }),
    };
  });
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** `Ana: 200% of 100% from 2026-03-02T08:00:00 to 2026-03-04T17:00:00 (design, review)`. */
export function describeOverAllocation(o: OverAllocation): string {
  const pct = (u: number) => `${Math.round(u * 100)}%`;
  return `${o.resourceId}: ${pct(o.peakUnits)} of ${pct(o.maxUnits)} from ${formatLocal(o.start)} to ${formatLocal(o.finish)} (${o.taskIds.join(', ')})`;
}
