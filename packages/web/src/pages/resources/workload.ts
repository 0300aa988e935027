// Workload per resource per week from the schedule: each assignment loads its resource with its
// units on every working day (Mon–Fri) of its task; a week's load is the average over five days.
import type { ScheduledTask, WorkItem } from '../../api/types.ts';
import type { Assignment, Resource } from '../../api/work-collections.ts';

export interface Workload {
  /** Monday of each week, `YYYY-MM-DD`. */
  weeks: string[];
  /** resource id → load per week (in units: 1 = one full-time person). */
  load: Map<string, number[]>;
}

const DAY = 86_400_000;
const utc = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const mondayOf = (ms: number) => ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY;

export function computeWorkload(
  tasks: readonly ScheduledTask[],
  items: readonly WorkItem[],
  assignments: readonly Assignment[],
  resources: readonly Resource[],
): Workload {
  const byKey = new Map(tasks.map((t) => [t.id, t]));
  const keyOf = new Map(items.map((i) => [i.id, i.key]));
  const spans = assignments
    .map((a) => {
      const key = keyOf.get(a.workItemId);
      const task = key ? byKey.get(key) : undefined;
      return task && !task.summary && !task.milestone
        ? { a, start: utc(task.start), finish: utc(task.finish) }
        : null;
    })
    .filter((x) => x !== null);
  if (!spans.length) return { weeks: [], load: new Map() };
  const first = mondayOf(Math.min(...spans.map((s) => s.start)));
  const last = Math.max(...spans.map((s) => s.finish));
  const weeks: string[] = [];
  for (let w = first; w <= last; w += 7 * DAY) weeks.push(iso(w));
  const load = new Map(resources.map((r) => [r.id, weeks.map(() => 0)]));
  for (const { a, start, finish } of spans) {
    const row = load.get(a.resourceId);
    if (!row) continue;
    for (let d = start; d <= finish; d += DAY) {
      const weekday = new Date(d).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const week = Math.floor((mondayOf(d) - first) / (7 * DAY));
      row[week] = (row[week] ?? 0) + a.units / 5;
    }
  }
  for (const row of load.values())
    for (let i = 0; i < row.length; i++) row[i] = Math.round(row[i]! * 100) / 100;
  return { weeks, load };
}
