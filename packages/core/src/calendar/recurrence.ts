/**
 * Expands a recurring calendar exception into the days it falls on, with Microsoft Project's rules as
 * MPXJ's `RecurringData` implements them (checked against the dates MS Project 2016 saved).
 */
import type { Recurrence } from '../model/calendar.ts';
import { dateOfDay, dayOfDate, daysInMonth } from '../time/civil-date.ts';
import { weekdayOfDay } from '../time/local-time.ts';

/**
 * The days (days since 1970-01-01) of a recurring series, ascending.
 *
 * The series starts on `first` (nothing before it counts) and ends after `recurrence.occurrences`
 * occurrences when that is given, else with the last occurrence on or before `last`. Occurrences on
 * or after `endDay` are not generated (the caller's range), which also bounds the work.
 *
 * - daily: every `period` days from `first`.
 * - weekly: weeks run Sunday to Saturday; the week containing `first` is week 0, then every `period`
 *   weeks, on each of `daysOfWeek` (default: the weekday of `first`).
 * - monthly: every `period` months from the month of `first`, on `dayOfMonth` (clamped to the month's
 *   length; default: the day of `first`) or, when `weekOfMonth` is set, on the 1st..4th or last (5)
 *   `daysOfWeek[0]` of the month.
 * - yearly: every year in `month` (default: the month of `first`), on the same choices as monthly.
 *
 * @example
 * // the first Monday of every other month, three times from 2002-01-01: Jan 7, Mar 4, May 6
 * recurrenceDays(dayOfDate(2002, 1, 1), dayOfDate(2002, 12, 31),
 *   { type: 'monthly', period: 2, weekOfMonth: 1, daysOfWeek: [1], occurrences: 3 }, END_DAY);
 *
 * Complexity: O(occurrences + days from `first` to the last occurrence / 7) time; O(occurrences) space.
 */
export function recurrenceDays(
  first: number,
  last: number,
  recurrence: Recurrence,
  endDay: number,
): number[] {
  const count = recurrence.occurrences !== undefined ? Math.max(1, recurrence.occurrences) : Infinity;
  const stop = recurrence.occurrences !== undefined ? endDay : Math.min(endDay, last + 1);
  const days: number[] = [];
  for (const day of candidates(first, recurrence)) {
    if (day >= stop || days.length >= count) break;
    if (day >= first) days.push(day);
  }
  return days;
}

/** Candidate days in ascending order; some may fall before `first` (the caller skips them). */
function* candidates(first: number, r: Recurrence): Generator<number> {
  const period = Math.max(1, Math.floor(r.period ?? 1));
  const start = dateOfDay(first);
  switch (r.type) {
    case 'daily':
      for (let day = first; ; day += period) yield day;
    case 'weekly': {
      const chosen = (r.daysOfWeek ?? []).filter((wd) => wd >= 0 && wd <= 6);
      const weekdays = [...new Set(chosen.length ? chosen : [weekdayOfDay(first)])].sort((a, b) => a - b);
      for (let sunday = first - weekdayOfDay(first); ; sunday += 7 * period) {
        for (const wd of weekdays) yield sunday + wd;
      }
    }
    case 'monthly': {
      // Absolute days before the start day of the first month roll to the next month (as MS Project).
      const skipFirst = r.weekOfMonth === undefined && (r.dayOfMonth ?? start.day) < start.day;
      for (let i = skipFirst ? 1 : 0; ; i += period) yield dayInMonth(start.year, start.month + i, r, first);
    }
    case 'yearly': {
      const month = r.month ?? start.month;
      for (let year = start.year; ; year++) yield dayInMonth(year, month, r, first);
    }
  }
}

/** The day a monthly or yearly recurrence picks in a month; `month` may exceed 12 (rolls over). */
function dayInMonth(year: number, month: number, r: Recurrence, first: number): number {
  const firstOfMonth = dayOfDate(year, month, 1);
  const { year: y, month: m } = dateOfDay(firstOfMonth);
  const length = daysInMonth(y, m);
  if (r.weekOfMonth === undefined) {
    const wanted = r.dayOfMonth ?? dateOfDay(first).day;
    return firstOfMonth + Math.min(Math.max(1, wanted), length) - 1;
  }
  const weekday = r.daysOfWeek?.[0] ?? weekdayOfDay(first);
  if (r.weekOfMonth >= 5) {
    const lastOfMonth = firstOfMonth + length - 1;
    return lastOfMonth - ((weekdayOfDay(lastOfMonth) - weekday + 7) % 7);
  }
  const firstMatch = firstOfMonth + ((weekday - weekdayOfDay(firstOfMonth) + 7) % 7);
  return firstMatch + 7 * (Math.max(1, r.weekOfMonth) - 1);
}
