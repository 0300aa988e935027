/**
 * Service level objectives: uptime (from availability samples, or from incident downtime), the error
 * budget the objective leaves over the window, how much of it is spent, and the burn rate.
 *
 * Burn rate is the rate of spending relative to the rate that would use the budget exactly by the
 * window's end: 1 = on track to spend all of it, 2 = twice too fast (Google SRE workbook, ch. 5).
 */
import type { TimeWindow } from './dora-events.ts';

/** One measurement: `good` of `total` requests or probes succeeded in the interval. */
export interface AvailabilitySample {
  at: number;
  good: number;
  total: number;
}

/** An outage interval: open outages end at `now`. */
export interface Outage {
  start: number;
  end: number | null;
}

/** Good ÷ total over the samples in the window; null without any. */
export function uptimeFromSamples(samples: readonly AvailabilitySample[], window: TimeWindow): number | null {
  let good = 0;
  let total = 0;
  for (const s of samples)
    if (s.at >= window.from && s.at < window.to) {
      good += s.good;
      total += s.total;
    }
  return total === 0 ? null : good / total;
}

/** Milliseconds of the window covered by at least one outage (overlaps counted once). */
export function downtimeMs(outages: readonly Outage[], window: TimeWindow, now: number): number {
  const spans = outages
    .map((o) => [Math.max(o.start, window.from), Math.min(o.end ?? now, window.to, now)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [a, b] of spans) {
    if (a > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = a;
      curEnd = b;
    } else curEnd = Math.max(curEnd, b);
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

/** 1 − downtime ÷ elapsed part of the window (up to `now`). */
export function uptimeFromOutages(
  outages: readonly Outage[],
  window: TimeWindow,
  now: number,
): number | null {
  const elapsed = Math.min(now, window.to) - window.from;
  if (elapsed <= 0) return null;
  return 1 - downtimeMs(outages, window, now) / elapsed;
}

export interface ErrorBudget {
  objective: number;
  uptime: number | null;
  /** Allowed unavailability over the whole window, in ms of time (1 − objective) × window. */
  budgetMs: number;
  /** Unavailability spent so far, in ms of time ((1 − uptime) × elapsed). */
  spentMs: number;
  /** Share of the budget left: 1 = untouched, 0 = spent, negative = overspent. */
  remaining: number;
  /** Spending rate relative to the sustainable one (1 = all of the budget by the window's end). */
  burnRate: number;
}

/**
 * @param objective e.g. 0.999
 * @example errorBudget(0.999, 0.9995, { from, to }, now).remaining // 0.5 half-way through a month
 */
export function errorBudget(
  objective: number,
  uptime: number | null,
  window: TimeWindow,
  now: number,
): ErrorBudget {
  if (!(objective > 0 && objective < 1))
    throw new RangeError(`objective must be between 0 and 1, got ${objective}`);
  const length = window.to - window.from;
  const elapsed = Math.max(0, Math.min(now, window.to) - window.from);
  const badRatio = uptime === null ? 0 : 1 - uptime;
  const budgetMs = (1 - objective) * length;
  const spentMs = badRatio * elapsed;
  return {
    objective,
    uptime,
    budgetMs,
    spentMs,
    remaining: budgetMs === 0 ? 0 : 1 - spentMs / budgetMs,
    burnRate: badRatio / (1 - objective),
  };
}
