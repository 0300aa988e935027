/**
 * Time-phased, cumulative PV, EV and AC per day, week or month: the three S-curves of an earned value
 * chart. PV follows the baseline; EV and AC are known only up to the status date and are spread, for the
 * lack of a history, linearly over each task's working time from its actual start to its actual finish
 * (or the status date).
 */
import type { LocalDate } from '../../model/project.ts';
import { type Minutes, formatLocalDate } from '../../time/local-time.ts';
import { type EarnedScheduleIndicators, earnedSchedule } from './earned-schedule.ts';
import { type PeriodUnit, periodsCovering } from './periods.ts';
import { type PhasedAmount, totalBefore } from './time-phasing.ts';

export interface EvmSeriesPoint {
  /** 1 for the first period. */
  index: number;
  /** First and last day of the period. */
  start: LocalDate;
  end: LocalDate;
  /** Cumulative planned value at the end of the period. */
  pv: number;
  /** Cumulative earned value and actual cost at the end of the period, or at the status date for the
   * period that contains it; `null` for periods after the status date. */
  ev: number | null;
  ac: number | null;
}

export interface EvmSeries {
  unit: PeriodUnit;
  points: EvmSeriesPoint[];
  /**
   * Earned schedule counted in these periods (Lipke's period table; AT and PD count the partial period
   * they end in by its share of calendar time), or `null` when nothing is baselined.
   */
  earnedSchedule: EarnedScheduleIndicators | null;
}

export interface SeriesInput {
  budgets: readonly PhasedAmount[];
  earned: readonly PhasedAmount[];
  costs: readonly PhasedAmount[];
  status: Minutes;
  unit: PeriodUnit;
}

/**
 * The series from the first baseline start or actual start to the later of the baseline finish and the
 * status date.
 *
 * Complexity: O(P · T) calendar operations for P periods and T tasks.
 */
export function evmSeries(input: SeriesInput): EvmSeries {
  const { budgets, earned, costs, status, unit } = input;
  const spans = [...budgets, ...earned, ...costs];
  const from = Math.min(status, ...spans.map((s) => s.start));
  const to = Math.max(status, ...spans.map((s) => s.finish));
  const periods = periodsCovering(from, to, unit);
  const points = periods.map((p): EvmSeriesPoint => {
    const known = p.start <= status;
    const at = Math.min(p.end, status);
    return {
      index: p.index,
      start: formatLocalDate(p.start),
      end: formatLocalDate(p.end - 1),
      pv: totalBefore(budgets, p.end),
      ev: known ? totalBefore(earned, at) : null,
      ac: known ? totalBefore(costs, at) : null,
    };
  });

  let es: EarnedScheduleIndicators | null = null;
  if (budgets.length > 0) {
    const elapsed = (t: Minutes) => {
      const i = periods.findIndex((p) => t < p.end);
      const p = periods[i < 0 ? periods.length - 1 : i]!;
      return p.index - 1 + Math.min(1, (t - p.start) / (p.end - p.start));
    };
    const plannedFinish = Math.max(...budgets.map((b) => b.finish));
    const plannedStart = elapsed(Math.min(...budgets.map((b) => b.start)));
    const ev = totalBefore(earned, status);
    // Periods before the baseline starts (work that began early) do not count as planned time.
    const base = Math.floor(plannedStart);
    const curve = points.slice(base).map((pt) => pt.pv);
    const pd = elapsed(plannedFinish) - base;
    es = earnedSchedule(curve, ev, Math.max(0, elapsed(status) - base), pd);
  }
  return { unit, points, earnedSchedule: es };
}
