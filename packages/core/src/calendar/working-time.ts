/**
 * Working-time arithmetic: a calendar compiled once into per-day tables, then queried in O(1) or
 * O(log days) by the scheduler ("add 3 working days to Friday 15:00", "working minutes between two
 * dates"). Instants are local wall-clock `Minutes` (time/local-time.ts).
 *
 * Working time is counted from the calendar's origin, 1984-01-01T00:00: `toWork(t)` is the number of
 * working minutes before `t`, and `fromWork` its inverse. Where `toWork` is flat (a lunch break, a
 * night, a weekend), one working-minute count names every instant of the gap; `side` picks its end:
 * a task finishing at that count finishes at the gap's start ('finish', e.g. Friday 17:00) and a task
 * starting there starts at the gap's end ('start', Monday 08:00).
 */
import type { Calendar, WorkingPeriod } from '../model/calendar.ts';
import { ScheduleError } from '../schedule/schedule-errors.ts';
import type { Minutes } from '../time/local-time.ts';
import { resolveCalendarDays } from './calendar-days.ts';
import { CompiledCalendar } from './compiled-calendar.ts';

export { ELAPSED } from './elapsed-time.ts';

/** Which end of a non-working gap a working-minute count maps to. */
export type WorkSide = 'start' | 'finish';

/**
 * A compiled calendar. Every method throws `ScheduleError('DATE_OUT_OF_RANGE')` for instants or days
 * outside 1984-01-01 … 2149-12-31 (MS Project's range), naming the date.
 *
 * @example
 * const cal = compileCalendar(standardCalendar(), []);
 * const friday = parseLocal('2024-03-08T13:00');
 * formatLocal(cal.add(friday, 8 * 60, 'finish')); // '2024-03-11T12:00:00' (Monday, before lunch)
 * formatLocal(cal.add(friday, 4 * 60, 'finish')); // '2024-03-08T17:00:00'
 * formatLocal(cal.add(friday, 4 * 60, 'start'));  // '2024-03-11T08:00:00'
 */
export interface WorkingTime {
  readonly calendarId: string;
  /**
   * Working minutes from 1984-01-01T00:00 up to `t`; monotone non-decreasing and continuous (24:00 of
   * one day and 00:00 of the next are the same instant). Complexity: O(1) (periods of one day).
   */
  toWork(t: Minutes): number;
  /**
   * The inverse of `toWork`. When `w` falls between two working periods, every instant of the gap has
   * that count: 'finish' returns the gap's start (the end of the earlier period), 'start' its end (the
   * start of the next). Inside a period both are the same instant. Throws DATE_OUT_OF_RANGE when no
   * such working time exists in the range: `w` < 0 or beyond the last working minute, 'start' after the
   * last period, 'finish' before the first one (so a calendar without working time never loops).
   * Complexity: O(log days) worst case, O(1) typically: an index by working minute narrows the binary
   * search to a day or two, then the day's periods are scanned.
   */
  fromWork(w: number, side: WorkSide): Minutes;
  /** `fromWork(toWork(t) + minutes, side)`; `minutes` may be negative. Complexity: O(log days). */
  add(t: Minutes, minutes: number, side: WorkSide): Minutes;
  /** `toWork(b) - toWork(a)`, negative when `b` is before `a`. Complexity: O(1). */
  between(a: Minutes, b: Minutes): number;
  /**
   * `fromWork(toWork(t), 'start')`: `t` itself inside a working period, else the start of the next one.
   * Complexity: O(log days).
   */
  nextStart(t: Minutes): Minutes;
  /**
   * `fromWork(toWork(t), 'finish')`: `t` itself inside a working period (but not at its very start),
   * else the end of the previous one. Complexity: O(log days).
   */
  prevFinish(t: Minutes): Minutes;
  /**
   * Working periods of `day` (days since 1970-01-01), sorted, merged and frozen, as resolved through
   * exceptions, work weeks, the week and the base calendars. Complexity: O(1).
   */
  periodsOf(day: number): readonly WorkingPeriod[];
  /** Whether `day` has any working time. Complexity: O(1). */
  isWorkingDay(day: number): boolean;
  /** Working minutes in `day`. Complexity: O(1). */
  minutesOf(day: number): number;
}

/**
 * Compiles `calendar` over the supported range, resolving its base calendars (looked up by id in
 * `calendars`, each compiled once). A derived calendar that defines nothing of its own (the usual MS
 * Project resource calendar) shares its base's tables.
 *
 * Throws `ScheduleError('UNKNOWN_CALENDAR')` for a missing base and `ScheduleError('INVALID')` for a
 * cycle of bases.
 *
 * Complexity: O(D + E) per calendar in the base chain for D ≈ 60 600 days and E exception days (about
 * 1.5 ms for a standard calendar); about 0.7 MB per calendar with definitions of its own (a Uint16 pattern
 * id, a Float64 cumulative count and a Uint16 work-index entry per day).
 */
export function compileCalendar(
  calendar: Calendar,
  calendars: ReadonlyMap<string, Calendar> | Calendar[],
): WorkingTime {
  return compileWith(calendar, toLookup(calendars), new Map(), []);
}

/**
 * Compiles every calendar of a project, each once (bases are shared, memoised by id).
 * Complexity: O(C · D) for C calendars with definitions of their own.
 */
export function compileCalendars(calendars: Calendar[]): Map<string, WorkingTime> {
  const lookup = toLookup(calendars);
  const memo = new Map<string, CompiledCalendar>();
  const result = new Map<string, WorkingTime>();
  for (const calendar of calendars) result.set(calendar.id, compileWith(calendar, lookup, memo, []));
  return result;
}

function toLookup(calendars: ReadonlyMap<string, Calendar> | Calendar[]): ReadonlyMap<string, Calendar> {
  return Array.isArray(calendars) ? new Map(calendars.map((c) => [c.id, c])) : calendars;
}

function compileWith(
  calendar: Calendar,
  lookup: ReadonlyMap<string, Calendar>,
  memo: Map<string, CompiledCalendar>,
  chain: string[],
): CompiledCalendar {
  const done = memo.get(calendar.id);
  if (done) return done;
  if (chain.includes(calendar.id)) {
    const cycle = [...chain.slice(chain.indexOf(calendar.id)), calendar.id].map((id) => `"${id}"`);
    throw new ScheduleError('INVALID', `Base calendars form a cycle: ${cycle.join(' → ')}`);
  }
  let base: CompiledCalendar | undefined;
  if (calendar.baseCalendarId) {
    const baseCalendar = lookup.get(calendar.baseCalendarId);
    if (!baseCalendar) {
      throw new ScheduleError(
        'UNKNOWN_CALENDAR',
        `Calendar "${calendar.name}" (${calendar.id}) is based on calendar ${calendar.baseCalendarId}, which does not exist`,
      );
    }
    base = compileWith(baseCalendar, lookup, memo, [...chain, calendar.id]);
  }
  const days = base && definesNothing(calendar) ? base.days : resolveCalendarDays(calendar, base?.days);
  const compiled = new CompiledCalendar(calendar.id, days);
  memo.set(calendar.id, compiled);
  return compiled;
}

function definesNothing(calendar: Calendar): boolean {
  return (
    calendar.week.every((day) => day === undefined) &&
    !calendar.workWeeks?.length &&
    calendar.exceptions.length === 0
  );
}
