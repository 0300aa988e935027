/**
 * Calendar-date arithmetic on day numbers (days since 1970-01-01, as `dayOf` in local-time.ts), for code
 * that steps through months and years: recurring calendar exceptions, timescales.
 */

const MS_PER_DAY = 86_400_000;

export interface CivilDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

/**
 * The day number of a calendar date; out-of-range months and days roll over as in `Date.UTC`
 * (`dayOfDate(2024, 13, 1)` is 2025-01-01).
 */
export function dayOfDate(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The calendar date of a day number. */
export function dateOfDay(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Number of days in a month (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
