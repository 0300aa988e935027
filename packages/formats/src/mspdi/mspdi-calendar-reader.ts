/**
 * Reads `<Calendars>`: the working week (`WeekDays`, DayType 1..7 = Sunday..Saturday), exceptions in
 * the Project 2007+ `<Exceptions>` form (with recurrence) or, when a calendar has none, the older
 * `DayType` 0 days with a `TimePeriod`, and alternate `<WorkWeeks>`. As MPXJ's `MSPDIReader`.
 */
import { STANDARD_DAY, formatLocal, parseLocal } from '@tandem/core';
import type {
  Calendar,
  CalendarException,
  DayPattern,
  WeekPattern,
  WorkWeek,
  WorkingPeriod,
} from '@tandem/core';
import { datePart } from './mspdi-dates.ts';
import type { ElementReader } from './mspdi-element-reader.ts';
import { readExceptionRecurrence } from './mspdi-recurrence.ts';

export interface ReadCalendar {
  calendar: Calendar;
  /** `IsBaseCalendar` = 0: a resource calendar in MS Project. */
  isBase: boolean;
  path: string;
}

/** Every calendar with a valid UID, in file order; base calendar references are checked. */
export function readCalendars(project: ElementReader): ReadCalendar[] {
  const read: ReadCalendar[] = [];
  const seen = new Set<string>();
  for (const r of project.child('Calendars')?.children('Calendar') ?? []) {
    const uid = r.integer('UID');
    if (uid === undefined) {
      if (!r.has('UID')) r.bad('UID', 'a calendar needs a UID');
      continue;
    }
    const id = String(uid);
    if (seen.has(id)) r.bad('UID', 'duplicate calendar UID', id);
    seen.add(id);
    read.push(readCalendar(r, id));
  }
  for (const { calendar, path } of read) {
    if (calendar.baseCalendarId !== undefined && !seen.has(calendar.baseCalendarId)) {
      // MS Project 2013+ writes 0 for "no base", as -1 before.
      if (calendar.baseCalendarId !== '0') {
        const message = 'no calendar has this UID: base ignored';
        project.ctx.warn(`${path}/BaseCalendarUID`, message, calendar.baseCalendarId);
      }
      delete calendar.baseCalendarId;
      fillDefaultDays(calendar.week);
    }
  }
  return read;
}

function readCalendar(r: ElementReader, id: string): ReadCalendar {
  const base = r.integer('BaseCalendarUID');
  const weekDays = r.child('WeekDays')?.children('WeekDay') ?? [];
  const week: WeekPattern = [undefined, undefined, undefined, undefined, undefined, undefined, undefined];
  for (const day of weekDays) {
    const type = day.integer('DayType', { min: 0, max: 7 });
    if (type !== undefined && type > 0) week[type - 1] = readDayPeriods(day);
  }
  if (base !== undefined && String(base) === id)
    r.ctx.warn(r.at('BaseCalendarUID'), 'a calendar cannot be its own base: ignored', id);
  const hasBase = base !== undefined && base >= 0 && String(base) !== id;
  if (!hasBase) fillDefaultDays(week);

  const exceptionElements = r.child('Exceptions')?.children('Exception') ?? [];
  const exceptions =
    exceptionElements.length > 0
      ? exceptionElements.flatMap((e) => readException(e) ?? [])
      : weekDays
          .filter((day) => day.value('DayType') === '0')
          .flatMap((day) => readLegacyException(day) ?? []);
  const workWeeks = (r.child('WorkWeeks')?.children('WorkWeek') ?? []).flatMap((w) => readWorkWeek(w) ?? []);

  const calendar: Calendar = {
    id,
    name: r.string('Name') ?? '',
    ...(hasBase ? { baseCalendarId: String(base) } : {}),
    week,
    ...(workWeeks.length > 0 ? { workWeeks } : {}),
    exceptions,
  };
  return { calendar, isBase: r.flag('IsBaseCalendar') ?? !hasBase, path: r.path };
}

/** A base calendar's missing days are MS Project's defaults: 08:00–17:00 Monday to Friday. */
function fillDefaultDays(week: WeekPattern): void {
  for (let day = 0; day < 7; day++) {
    if (week[day] === undefined) week[day] = day === 0 || day === 6 ? [] : standardDay();
  }
}

const standardDay = (): WorkingPeriod[] => STANDARD_DAY.map((p) => ({ ...p }));

/**
 * `DayWorking` 0 → `[]`; 1 → its `WorkingTimes` (MS Project's default day when it lists none);
 * neither → `undefined` (as the base calendar). A `ToTime` of midnight ends the day (1440).
 */
function readDayPeriods(r: ElementReader): DayPattern {
  const working = r.flag('DayWorking');
  const times = r.child('WorkingTimes')?.children('WorkingTime') ?? [];
  if (working === false) return [];
  if (times.length === 0) return working ? standardDay() : undefined;
  const periods: WorkingPeriod[] = [];
  for (const time of times) {
    const from = time.timeOfDay('FromTime');
    const rawTo = time.timeOfDay('ToTime');
    if (from === undefined || rawTo === undefined) {
      if (!time.has('FromTime') || !time.has('ToTime'))
        time.ctx.warn(time.path, 'incomplete working time ignored');
      continue;
    }
    const to = rawTo === 0 ? 1440 : rawTo;
    if (to <= from) {
      time.bad(
        'ToTime',
        `the working time ends before it starts (from ${time.value('FromTime')})`,
        time.value('ToTime'),
      );
      continue;
    }
    periods.push({ from, to });
  }
  return periods.sort((a, b) => a.from - b.from);
}

/** `FromDate`/`ToDate` of a `TimePeriod` as inclusive days; `undefined` (with a warning) when unusable. */
function readTimePeriod(r: ElementReader): { from: string; to: string } | undefined {
  const period = r.child('TimePeriod');
  const from = period?.dateTime('FromDate');
  const rawTo = period?.dateTime('ToDate');
  if (!period || (!period.has('FromDate') && !period.has('ToDate'))) {
    r.ctx.warn(r.path, 'no TimePeriod/FromDate: ignored');
    return undefined;
  }
  if (from === undefined) return undefined;
  // Some producers end a range at midnight of the next day rather than at 23:59.
  const to =
    rawTo !== undefined && rawTo > from && rawTo.endsWith('T00:00:00')
      ? formatLocal(parseLocal(rawTo) - 1)
      : rawTo;
  const range = { from: datePart(from), to: datePart(to ?? from) };
  if (range.to < range.from) {
    period.bad('ToDate', `the period ends before it starts (FromDate ${from})`, rawTo);
    return undefined;
  }
  return range;
}

function readException(r: ElementReader): CalendarException | undefined {
  const range = readTimePeriod(r);
  if (!range) return undefined;
  const recurrence = readExceptionRecurrence(r);
  if (recurrence.kind === 'unsupported') {
    r.ctx.warn(
      `${r.path}/MonthItem`,
      `recurrence on ${recurrence.reason} is not supported: exception ignored`,
      recurrence.value,
    );
    return undefined;
  }
  const name = r.string('Name');
  return {
    ...(name !== undefined ? { name } : {}),
    ...range,
    periods: readDayPeriods(r) ?? [],
    ...(recurrence.kind === 'recurring' ? { recurrence: recurrence.recurrence } : {}),
  };
}

function readLegacyException(r: ElementReader): CalendarException | undefined {
  const range = readTimePeriod(r);
  return range && { ...range, periods: readDayPeriods(r) ?? [] };
}

function readWorkWeek(r: ElementReader): WorkWeek | undefined {
  const range = readTimePeriod(r);
  if (!range) return undefined;
  const week: WeekPattern = [undefined, undefined, undefined, undefined, undefined, undefined, undefined];
  for (const day of r.child('WeekDays')?.children('WeekDay') ?? []) {
    const type = day.integer('DayType', { min: 1, max: 7 });
    if (type !== undefined) week[type - 1] = readDayPeriods(day);
  }
  const name = r.string('Name');
  return { ...(name !== undefined ? { name } : {}), ...range, week };
}
