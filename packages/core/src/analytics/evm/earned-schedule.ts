/**
 * Earned schedule (Walt Lipke, "Schedule is Different", The Measurable News, March 2003): the time at
 * which the work performed so far should have been earned, found on the planned value curve.
 *
 *   ES = C + I, C = the number of periods whose cumulative PV the EV has reached,
 *               I = (EV − PV_C) / (PV_C+1 − PV_C)   (linear interpolation within period C + 1)
 *   SV(t) = ES − AT,  SPI(t) = ES / AT,  IEAC(t) = PD / SPI(t),  TSPI = (PD − ES) / (PD − AT)
 *
 * where AT is the actual time elapsed and PD the planned duration, all in the same unit (periods,
 * working days…).
 */
import { ratio } from './evm-indicators.ts';

export interface EarnedScheduleIndicators {
  /** Earned schedule, in the unit of the curve's times. */
  es: number;
  /** Actual time. */
  at: number;
  /** Planned duration (the time at which the PV curve reaches the budget). */
  pd: number;
  /** SV(t) = ES − AT: negative when behind schedule. */
  svT: number;
  /** SPI(t) = ES / AT. */
  spiT: number | null;
  /** Independent estimate at completion (time): IEAC(t) = PD / SPI(t). */
  ieacT: number | null;
  /** To-complete schedule performance index (PD − ES) / (PD − AT). */
  tspi: number | null;
}

/**
 * Earned schedule on a curve given as points: `times[i]` (increasing) and the cumulative planned value
 * `pv[i]` reached at that time (non-decreasing). ES is the last time the EV has reached on the curve,
 * interpolated linearly inside the segment the EV falls in; an EV at or above the end of the curve earns
 * the whole planned duration. A flat stretch that the EV has reached counts as earned (Lipke's C counts
 * every period whose PV the EV is at least).
 *
 * Complexity: O(log n) (binary search).
 */
export function earnedScheduleOnCurve(times: readonly number[], pv: readonly number[], ev: number): number {
  const n = Math.min(times.length, pv.length);
  if (n === 0) return 0;
  if (ev < (pv[0] as number)) return times[0] as number;
  // Largest j with pv[j] <= ev.
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pv[mid] as number) <= ev) lo = mid;
    else hi = mid - 1;
  }
  if (lo === n - 1) return times[n - 1] as number;
  const t0 = times[lo] as number;
  const t1 = times[lo + 1] as number;
  const p0 = pv[lo] as number;
  const p1 = pv[lo + 1] as number;
  return t0 + ((ev - p0) / (p1 - p0)) * (t1 - t0);
}

/** The time indicators of an earned schedule `es` at actual time `at` for a planned duration `pd`. */
export function earnedScheduleIndicators(es: number, at: number, pd: number): EarnedScheduleIndicators {
  const spiT = ratio(es, at);
  return {
    es,
    at,
    pd,
    svT: es - at,
    spiT,
    ieacT: spiT === null ? null : ratio(pd, spiT),
    tspi: ratio(pd - es, pd - at),
  };
}

/**
 * Earned schedule from a period table, as in Lipke's calculator: `pvCumulative[i]` is the cumulative
 * planned value at the end of period i + 1 (the curve starts at 0 at time 0), `ev` the cumulative earned
 * value at the status date, `at` the periods elapsed (may be fractional). The planned duration is the
 * number of periods, unless given; ES is at most PD.
 *
 * @example
 * // PV of 10%, 20%, 40%, 70%, 100% of $100,000 over five periods; $35,000 earned after three.
 * earnedSchedule([10_000, 20_000, 40_000, 70_000, 100_000], 35_000, 3).es; // 2.75
 *
 * Complexity: O(n).
 */
export function earnedSchedule(
  pvCumulative: readonly number[],
  ev: number,
  at: number,
  pd: number = pvCumulative.length,
): EarnedScheduleIndicators {
  const times = [0, ...pvCumulative.map((_, i) => i + 1)];
  // ES never exceeds the planned duration: once everything planned is earned, ES = PD.
  const es = Math.min(pd, earnedScheduleOnCurve(times, [0, ...pvCumulative], ev));
  return earnedScheduleIndicators(es, at, pd);
}
