/**
 * Resolves which working periods apply on every supported day of a calendar, with MS Project's
 * precedence, and accumulates the working minutes: the data `CompiledCalendar` computes with.
 */
import { STANDARD_DAY, type Calendar, type CalendarException, type DayPattern } from '../model/calendar.ts';
import { ScheduleError } from '../schedule/schedule-errors.ts';
import { dayOf, parseLocal, weekdayOfDay } from '../time/local-time.ts';
import { DayPatternTable } from './day-patterns.ts';
import { recurrenceDays } from './recurrence.ts';
import { DAY_COUNT, END_DAY, FIRST_DAY } from './supported-range.ts';

/** A calendar resolved over the supported range. Indices are days since 1984-01-01 (`day - FIRST_DAY`). */
export interface CalendarDays {
  readonly patterns: DayPatternTable;
  /** Pattern id of each day. */
  readonly dayPattern: Uint16Array;
  /** Working minutes from 1984-01-01T00:00 to the start of each day; one more entry than days. */
  readonly cumulative: Float64Array;
  /**
   * Entry j is the first day whose end reaches working minute j · `workBucket`, so the day holding
   * minute w lies between entries ⌊w / workBucket⌋ and the next: a search over a day or two.
   */
  readonly workIndex: Uint16Array;
  /** The power of two at or above the average working minutes of a day (at most 2048). */
  readonly workBucket: number;
  /**
   * Days set by an exception of this calendar or of one of its bases, ascending. A base calendar's
   * exception (a company holiday) also applies on a derived calendar's own working days.
   */
  readonly exceptionDays: Int32Array;
}

const DEFAULT_WEEK: readonly DayPattern[] = [
  [],
  STANDARD_DAY,
  STANDARD_DAY,
  STANDARD_DAY,
  STANDARD_DAY,
  STANDARD_DAY,
  [],
];
const FIRST_WEEKDAY = weekdayOfDay(FIRST_DAY);

/**
 * Resolves each day's periods from, first to last: an exception of the calendar (a non-recurring one
 * before a recurring one, then the first listed); an exception of its base calendars (nearest first);
 * the first work week covering the day that defines its weekday; the calendar's week; the base
 * calendar's resolved day; the default week (08:00–12:00, 13:00–17:00 Monday to Friday).
 *
 * @example
 * const days = resolveCalendarDays(standardCalendar(), undefined);
 * days.cumulative[7]; // 2400: the first week of 1984 has five 8-hour days
 *
 * Complexity: O(D + E) time for D = 60 631 supported days and E exception days; O(D) space.
 */
export function resolveCalendarDays(calendar: Calendar, base: CalendarDays | undefined): CalendarDays {
  const table = new DayPatternTable();
  const count = DAY_COUNT; // a local: loops over imported bindings are slow under tsx and Vitest
  const days = new Uint16Array(count);
  const inherited = base ? baseIds(base, table) : undefined;
  const baseDays = base?.dayPattern;
  const fallback = DEFAULT_WEEK.map((p) => (base ? -1 : table.intern(p ?? [])));
  const own = weekIds(calendar.week, table);
  for (let i = 0, wd = FIRST_WEEKDAY; i < count; i++, wd = wd === 6 ? 0 : wd + 1) {
    const id = own[wd]!;
    days[i] = id >= 0 ? id : inherited && baseDays ? inherited[baseDays[i]!]! : fallback[wd]!;
  }

  for (const workWeek of [...(calendar.workWeeks ?? [])].reverse()) {
    const ids = weekIds(workWeek.week, table);
    const [lo, hi] = indexRange(workWeek.from, workWeek.to);
    for (let i = lo, wd = weekdayOfDay(lo + FIRST_DAY); i <= hi; i++, wd = wd === 6 ? 0 : wd + 1) {
      if (ids[wd]! >= 0) days[i] = ids[wd]!;
    }
  }

  const marked = new Uint8Array(count);
  if (inherited && baseDays && base) {
    for (const i of base.exceptionDays) {
      days[i] = inherited[baseDays[i]!]!;
      marked[i] = 1;
    }
  }
  // Applied lowest precedence first, so that later writes win.
  const ordered = [
    ...calendar.exceptions.filter((e) => e.recurrence).reverse(),
    ...calendar.exceptions.filter((e) => !e.recurrence).reverse(),
  ];
  for (const exception of ordered) {
    const id = table.intern(exception.periods);
    for (const i of exceptionIndices(exception)) {
      days[i] = id;
      marked[i] = 1;
    }
  }

  if (table.size > 0xffff) {
    throw new ScheduleError('INVALID', `Calendar "${calendar.id}" has more than 65535 distinct working days`);
  }
  const exceptionDays: number[] = [];
  for (let i = 0; i < count; i++) if (marked[i]) exceptionDays.push(i);
  const cumulative = accumulate(days, table);
  return {
    patterns: table,
    dayPattern: days,
    cumulative,
    ...indexWork(cumulative),
    exceptionDays: Int32Array.from(exceptionDays),
  };
}

/** Interned ids of a week's defined days, -1 for undefined ones. */
function weekIds(week: readonly DayPattern[], table: DayPatternTable): number[] {
  return Array.from({ length: 7 }, (_, wd) => {
    const pattern = week[wd];
    return pattern ? table.intern(pattern) : -1;
  });
}

/** This calendar's pattern id for each of the base calendar's patterns. */
function baseIds(base: CalendarDays, table: DayPatternTable): Uint16Array {
  return Uint16Array.from(base.patterns.periods, (periods) => table.intern(periods));
}

/** The inclusive index range of two local dates, clipped to the supported range (empty if lo > hi). */
function indexRange(from: string, to: string): [number, number] {
  const lo = Math.max(dayOf(parseLocal(from)), FIRST_DAY) - FIRST_DAY;
  const hi = Math.min(dayOf(parseLocal(to)), END_DAY - 1) - FIRST_DAY;
  return [lo, hi];
}

function* exceptionIndices(exception: CalendarException): Generator<number> {
  if (exception.recurrence) {
    const first = dayOf(parseLocal(exception.from));
    const last = dayOf(parseLocal(exception.to));
    for (const day of recurrenceDays(first, last, exception.recurrence, END_DAY)) {
      if (day >= FIRST_DAY) yield day - FIRST_DAY;
    }
    return;
  }
  const [lo, hi] = indexRange(exception.from, exception.to);
  for (let i = lo; i <= hi; i++) yield i;
}

function accumulate(days: Uint16Array, table: DayPatternTable): Float64Array {
  const cumulative = new Float64Array(days.length + 1);
  const minutes = Float64Array.from(table.minutes);
  let sum = 0;
  for (let i = 0; i < days.length; i++) {
    cumulative[i] = sum;
    sum += minutes[days[i]!]!;
  }
  cumulative[days.length] = sum;
  return cumulative;
}

function indexWork(cumulative: Float64Array): { workIndex: Uint16Array; workBucket: number } {
  const days = cumulative.length - 1;
  const total = cumulative[days]!;
  const workBucket = 2 ** Math.ceil(Math.log2(Math.max(1, total / days)));
  const workIndex = new Uint16Array(Math.floor(total / workBucket) + 1);
  for (let i = 0, j = 0; i < days && j < workIndex.length; i++) {
    while (j < workIndex.length && j * workBucket <= cumulative[i + 1]!) workIndex[j++] = i;
  }
  return { workIndex, workBucket };
}
