/**
 * Calendar periods for time-phased reports and charts: days, weeks (Monday to Sunday, as ISO 8601) and
 * months, as half-open intervals of local minutes `[start, end)`.
 */
import { type Minutes, dayOf, weekdayOfDay } from '../../time/local-time.ts';

export type PeriodUnit = 'day' | 'week' | 'month';

export const PERIOD_UNITS: readonly PeriodUnit[] = ['day', 'week', 'month'];

export interface Period {
  /** 1 for the first period. */
  index: number;
  start: Minutes;
  end: Minutes;
}

const DAY = 1440;

/** The start of the period containing `t` (midnight; Monday for weeks; the 1st for months). */
export function periodStart(t: Minutes, unit: PeriodUnit): Minutes {
  const day = dayOf(t);
  switch (unit) {
    case 'day':
      return day * DAY;
    case 'week':
      return (day - ((weekdayOfDay(day) + 6) % 7)) * DAY;
    case 'month': {
      const d = new Date(day * 86_400_000);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 60_000;
    }
  }
}

/** The start of the period after the one that starts at `start`. */
export function nextPeriodStart(start: Minutes, unit: PeriodUnit): Minutes {
  switch (unit) {
    case 'day':
      return start + DAY;
    case 'week':
      return start + 7 * DAY;
    case 'month': {
      const d = new Date(start * 60_000);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 60_000;
    }
  }
}

/**
 * The periods that cover `[from, to]`, the first containing `from` and the last containing `to` (or
 * ending at it). Throws a `RangeError` beyond `maxPeriods`, so a typo in a date cannot ask for millions.
 *
 * @example
 * periodsCovering(parseLocal('2026-03-04'), parseLocal('2026-03-17'), 'week').length; // 3
 */
export function periodsCovering(from: Minutes, to: Minutes, unit: PeriodUnit, maxPeriods = 50_000): Period[] {
  const periods: Period[] = [];
  let start = periodStart(from, unit);
  do {
    const end = nextPeriodStart(start, unit);
    periods.push({ index: periods.length + 1, start, end });
    if (periods.length > maxPeriods)
      throw new RangeError(`More than ${maxPeriods} ${unit}s between the dates: choose a longer period`);
    start = end;
  } while (start < to);
  return periods;
}
