/**
 * The four keys over time: one point per day, week (ISO, from Monday) or month (UTC) of the window,
 * each computed with the same definitions as `doraKeys` over that period alone.
 */
import { deploymentContents } from './deployment-contents.ts';
import { DAY_MS, type DoraHistory, type TimeWindow } from './dora-events.ts';
import { doraKeys } from './dora-keys.ts';

export type SeriesBucket = 'day' | 'week' | 'month';

export interface DoraSeriesPoint {
  /** Period start and end (exclusive), epoch ms. */
  from: number;
  to: number;
  deployments: number;
  failedDeployments: number;
  changeFailureRate: number | null;
  leadTimeMedianMs: number | null;
  changes: number;
  incidents: number;
  timeToRestoreMedianMs: number | null;
}

/** Period starts covering the window. */
export function periods(window: TimeWindow, bucket: SeriesBucket): TimeWindow[] {
  const out: TimeWindow[] = [];
  let start = periodStart(window.from, bucket);
  while (start < window.to) {
    const next = nextPeriod(start, bucket);
    out.push({ from: Math.max(start, window.from), to: Math.min(next, window.to) });
    start = next;
  }
  return out;
}

function periodStart(t: number, bucket: SeriesBucket): number {
  const day = Math.floor(t / DAY_MS) * DAY_MS;
  if (bucket === 'day') return day;
  if (bucket === 'week') {
    const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
    return day - weekday * DAY_MS;
  }
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function nextPeriod(start: number, bucket: SeriesBucket): number {
  if (bucket === 'day') return start + DAY_MS;
  if (bucket === 'week') return start + 7 * DAY_MS;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** @example doraSeries(history, { from, to }, 'week').map((p) => p.deployments) */
export function doraSeries(
  history: DoraHistory,
  window: TimeWindow,
  bucket: SeriesBucket,
  options: { releaseId?: string } = {},
): DoraSeriesPoint[] {
  const contents = deploymentContents(history);
  return periods(window, bucket).map((p) => {
    const keys = doraKeys(history, p, { ...options, contents });
    return {
      from: p.from,
      to: p.to,
      deployments: keys.changeFailureRate.deployments,
      failedDeployments: keys.changeFailureRate.failedDeployments,
      changeFailureRate: keys.changeFailureRate.rate,
      leadTimeMedianMs: keys.leadTime.medianMs,
      changes: keys.leadTime.count,
      incidents: keys.timeToRestore.count + keys.timeToRestore.openIncidents,
      timeToRestoreMedianMs: keys.timeToRestore.medianMs,
    };
  });
}
