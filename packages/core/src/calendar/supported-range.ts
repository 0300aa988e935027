/**
 * The dates a compiled calendar covers: Microsoft Project's range, 1984-01-01 to 2149-12-31 inclusive.
 * Working-time arithmetic outside it throws `ScheduleError('DATE_OUT_OF_RANGE')`.
 */
import { ScheduleError } from '../schedule/schedule-errors.ts';
import { dayOfDate } from '../time/civil-date.ts';
import { formatLocal, formatLocalDate, type Minutes } from '../time/local-time.ts';

/** Day number (days since 1970-01-01) of 1984-01-01, the first supported day. */
export const FIRST_DAY = dayOfDate(1984, 1, 1);
/** Day number of 2150-01-01, the first day after the supported range. */
export const END_DAY = dayOfDate(2150, 1, 1);
/** Number of supported days (60 631). */
export const DAY_COUNT = END_DAY - FIRST_DAY;
/** 1984-01-01T00:00, where every calendar's working-minute count starts at 0. */
export const RANGE_START: Minutes = FIRST_DAY * 1440;
/** 2150-01-01T00:00 (the end of 2149-12-31), the last instant a calendar accepts. */
export const RANGE_END: Minutes = END_DAY * 1440;

const RANGE_TEXT = 'the supported range 1984-01-01 to 2149-12-31';

/** The error for an instant outside the range, naming it (`1983-12-31T08:00:00 is outside …`). */
export function timeOutOfRange(t: Minutes, calendarId: string): ScheduleError {
  const what = Number.isFinite(t) ? formatLocal(t) : String(t);
  return new ScheduleError(
    'DATE_OUT_OF_RANGE',
    `${what} is outside ${RANGE_TEXT} (calendar "${calendarId}")`,
  );
}

/** The error for a day (days since 1970-01-01) outside the range, naming its date. */
export function dayOutOfRange(day: number, calendarId: string): ScheduleError {
  const what = Number.isFinite(day) ? formatLocalDate(day * 1440) : String(day);
  return new ScheduleError(
    'DATE_OUT_OF_RANGE',
    `${what} is outside ${RANGE_TEXT} (calendar "${calendarId}")`,
  );
}
