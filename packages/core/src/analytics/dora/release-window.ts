/**
 * The period a release's keys are measured over: the days it was deployed in, from the first
 * deployment's day to the end of the last one's (never past `to`). Over all time instead, a release
 * deployed twice a week for a month would count thousands of empty weeks and rate "yearly".
 */
import { DAY_MS, type DoraHistory, type TimeWindow } from './dora-events.ts';

/** Null when the release has no deployment before `to`. */
export function releaseWindow(history: DoraHistory, releaseId: string, to: number): TimeWindow | null {
  let first = Infinity;
  let last = -Infinity;
  for (const d of history.deployments)
    if (d.releaseId === releaseId && d.at < to) {
      first = Math.min(first, d.at);
      last = Math.max(last, d.at);
    }
  if (first === Infinity) return null;
  const dayStart = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;
  return { from: dayStart(first), to: Math.min(to, dayStart(last) + DAY_MS) };
}
