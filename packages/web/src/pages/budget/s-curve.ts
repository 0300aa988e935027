// The planned value S-curve: each leaf task's baseline cost spread evenly over its baseline working
// days (Mon–Fri), accumulated per week.
import type { WorkItem } from '../../api/types.ts';
import type { Baseline } from '../../api/work-collections.ts';

const DAY = 86_400_000;
const utc = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const weekday = (ms: number) => {
  const d = new Date(ms).getUTCDay();
  return d !== 0 && d !== 6;
};

export interface Curve {
  /** Week ends (Fridays), `YYYY-MM-DD`. */
  dates: string[];
  cumulative: number[];
  total: number;
}

export function plannedCurve(baseline: Baseline, items: readonly WorkItem[]): Curve {
  const leaves = new Set(items.filter((i) => i.type !== 'summary').map((i) => i.id));
  const perDay = new Map<number, number>();
  let total = 0;
  for (const [id, snap] of Object.entries(baseline.snapshot)) {
    if (!leaves.has(id) || !snap.cost || !snap.start || !snap.finish) continue;
    const days: number[] = [];
    for (let d = utc(snap.start); d <= utc(snap.finish); d += DAY) if (weekday(d)) days.push(d);
    if (!days.length) days.push(utc(snap.finish));
    for (const d of days) perDay.set(d, (perDay.get(d) ?? 0) + snap.cost / days.length);
    total += snap.cost;
  }
  if (!perDay.size) return { dates: [], cumulative: [], total: 0 };
  const first = Math.min(...perDay.keys());
  const last = Math.max(...perDay.keys());
  const firstFriday = first + ((5 - new Date(first).getUTCDay() + 7) % 7) * DAY;
  const dates: string[] = [];
  const cumulative: number[] = [];
  let sum = 0;
  const sorted = [...perDay.entries()].sort((a, b) => a[0] - b[0]);
  let i = 0;
  for (let end = firstFriday; ; end += 7 * DAY) {
    while (i < sorted.length && sorted[i]![0] <= end) sum += sorted[i++]![1];
    dates.push(isoDay(end));
    cumulative.push(Math.round(sum));
    if (end >= last) break;
  }
  return { dates, cumulative, total };
}
