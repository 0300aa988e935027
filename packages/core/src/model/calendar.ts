/**
 * Calendars as users and MS Project describe them: a working week (several working periods a day),
 * alternate work weeks for date ranges, and exceptions (holidays, changed days), recurring or not.
 * A calendar may derive from a base calendar: days it leaves undefined come from the base.
 * Compile one with `compileCalendar` (calendar/working-time.ts) to compute with it.
 */
import type { LocalDate } from './project.ts';

/** A working period within a day, in minutes from midnight: `[from, to)`; `to` may be 1440. */
export interface WorkingPeriod {
  from: number;
  to: number;
}

/**
 * Working periods for one weekday; `[]` means non-working; `undefined` means "as the base calendar"
 * (or the default 08:00–12:00, 13:00–17:00 Monday to Friday when there is no base).
 */
export type DayPattern = WorkingPeriod[] | undefined;

/** Index 0 = Sunday … 6 = Saturday, as `Date.getUTCDay()`. */
export type WeekPattern = [
  DayPattern,
  DayPattern,
  DayPattern,
  DayPattern,
  DayPattern,
  DayPattern,
  DayPattern,
];

/** A work week that replaces the default week between two dates (inclusive). */
export interface WorkWeek {
  name?: string;
  from: LocalDate;
  to: LocalDate;
  week: WeekPattern;
}

export type RecurrenceType = 'daily' | 'weekly' | 'monthly' | 'yearly';

/**
 * How an exception repeats, with MS Project's options. The first occurrence is on or after `from` of the
 * exception; the series ends after `occurrences` or at the exception's `to`, whichever is given.
 */
export interface Recurrence {
  type: RecurrenceType;
  /** Every `period` days/weeks/months (yearly: ignored). Default 1. */
  period?: number;
  /** Weekly: which weekdays (0 = Sunday). Monthly/yearly relative: the one weekday. */
  daysOfWeek?: number[];
  /** Monthly/yearly absolute: the day of the month (1..31). */
  dayOfMonth?: number;
  /** Monthly/yearly relative: 1..4 for first..fourth, 5 for last. */
  weekOfMonth?: number;
  /** Yearly: the month, 1..12. */
  month?: number;
  occurrences?: number;
}

export interface CalendarException {
  name?: string;
  /** First day (inclusive). */
  from: LocalDate;
  /** Last day (inclusive). */
  to: LocalDate;
  /** Working periods on the affected days; empty for a non-working exception (a holiday). */
  periods: WorkingPeriod[];
  recurrence?: Recurrence;
}

export interface Calendar {
  id: string;
  name: string;
  /** A derived (resource or task) calendar names its base. */
  baseCalendarId?: string;
  week: WeekPattern;
  workWeeks?: WorkWeek[];
  exceptions: CalendarException[];
  /** The resource this calendar belongs to (MS Project resource calendars). */
  resourceId?: string;
}

/** 08:00–12:00 and 13:00–17:00, Monday to Friday: MS Project's "Standard" calendar. */
export const STANDARD_DAY: WorkingPeriod[] = [
  { from: 480, to: 720 },
  { from: 780, to: 1020 },
];

export function standardCalendar(id = 'standard', name = 'Standard'): Calendar {
  const day = STANDARD_DAY.map((p) => ({ ...p }));
  return {
    id,
    name,
    week: [[], day, day, day, day, day, []],
    exceptions: [],
  };
}
