/**
 * Writes `<Calendars>`: the week as `WeekDays`, exceptions in the Project 2007+ `<Exceptions>` form
 * (recurring ones with their recurrence, see mspdi-recurrence.ts) and alternate `<WorkWeeks>`. A
 * calendar without a base gets all seven days (the model's default for a missing day: 08:00–12:00,
 * 13:00–17:00 Monday to Friday); a derived one only the days it defines. A resource calendar, or any
 * derived one, is written with `IsBaseCalendar` 0.
 */
import { STANDARD_DAY, parseLocal } from '@tandem/core';
import type {
  Calendar,
  CalendarException,
  DayPattern,
  WeekPattern,
  WorkWeek,
  WorkingPeriod,
} from '@tandem/core';
import { formatTimeOfDay } from './mspdi-dates.ts';
import { recurrenceFields } from './mspdi-recurrence.ts';
import {
  CALENDAR_ORDER,
  EXCEPTION_ORDER,
  TIME_PERIOD_ORDER,
  WEEK_DAY_ORDER,
  WORK_WEEK_ORDER,
  WORKING_TIME_ORDER,
} from './mspdi-schema-order.ts';
import { list, sequence } from './mspdi-xml-writer.ts';
import type { XmlElement } from './mspdi-xml-writer.ts';

export function writeCalendars(
  calendars: readonly Calendar[],
  uids: ReadonlyMap<string, number>,
): XmlElement {
  return list(
    'Calendars',
    calendars.map((calendar) => writeCalendar(calendar, uids)),
  );
}

function writeCalendar(calendar: Calendar, uids: ReadonlyMap<string, number>): XmlElement {
  const base = calendar.baseCalendarId === undefined ? undefined : uids.get(calendar.baseCalendarId);
  const derived = base !== undefined;
  const exceptions = calendar.exceptions.map(writeException);
  const workWeeks = (calendar.workWeeks ?? []).map(writeWorkWeek);
  return sequence('Calendar', CALENDAR_ORDER, {
    UID: uids.get(calendar.id),
    Name: calendar.name,
    IsBaseCalendar: !derived && calendar.resourceId === undefined,
    BaseCalendarUID: base ?? -1,
    WeekDays: list('WeekDays', weekDays(calendar.week, !derived)),
    Exceptions: exceptions.length > 0 ? list('Exceptions', exceptions) : undefined,
    WorkWeeks: workWeeks.length > 0 ? list('WorkWeeks', workWeeks) : undefined,
  });
}

/** `WeekDay`s for DayType 1..7; undefined days are left out, or given the default when `complete`. */
function weekDays(week: WeekPattern, complete: boolean): XmlElement[] {
  const days: XmlElement[] = [];
  week.forEach((pattern, day) => {
    const periods: DayPattern = pattern ?? (complete ? defaultDay(day) : undefined);
    if (periods === undefined) return;
    days.push(sequence('WeekDay', WEEK_DAY_ORDER, { DayType: day + 1, ...dayFields(periods) }));
  });
  return days;
}

const defaultDay = (day: number): WorkingPeriod[] => (day === 0 || day === 6 ? [] : [...STANDARD_DAY]);

function dayFields(periods: readonly WorkingPeriod[]) {
  return {
    DayWorking: periods.length > 0,
    WorkingTimes: periods.length > 0 ? workingTimes(periods) : undefined,
  };
}

function workingTimes(periods: readonly WorkingPeriod[]): XmlElement {
  return list(
    'WorkingTimes',
    periods.map((p) =>
      sequence('WorkingTime', WORKING_TIME_ORDER, {
        FromTime: formatTimeOfDay(p.from),
        ToTime: formatTimeOfDay(p.to),
      }),
    ),
  );
}

function timePeriod(from: string, to: string): XmlElement {
  return sequence('TimePeriod', TIME_PERIOD_ORDER, {
    FromDate: `${from}T00:00:00`,
    ToDate: `${to}T23:59:00`,
  });
}

function writeException(exception: CalendarException): XmlElement {
  const { recurrence } = exception;
  const days = Math.round((parseLocal(exception.to) - parseLocal(exception.from)) / 1440) + 1;
  return sequence('Exception', EXCEPTION_ORDER, {
    EnteredByOccurrences: recurrence?.occurrences !== undefined,
    TimePeriod: timePeriod(exception.from, exception.to),
    // A plain exception is a daily series of every day in its range.
    Occurrences: recurrence ? recurrence.occurrences : days,
    Name: exception.name,
    ...recurrenceFields(recurrence, exception.from),
    ...dayFields(exception.periods),
  });
}

function writeWorkWeek(week: WorkWeek): XmlElement {
  return sequence('WorkWeek', WORK_WEEK_ORDER, {
    TimePeriod: timePeriod(week.from, week.to),
    Name: week.name,
    WeekDays: list('WeekDays', weekDays(week.week, false)),
  });
}
