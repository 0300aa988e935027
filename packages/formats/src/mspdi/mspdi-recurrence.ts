/**
 * How a recurring calendar exception is encoded in an MSPDI `<Exception>` (Project 2007+), both ways.
 *
 * `Type`: 1 = daily (every day of the range: a plain exception), 2 = yearly on a day of a month,
 * 3 = yearly on the nth weekday of a month, 4 = monthly on a day, 5 = monthly on the nth weekday,
 * 6 = weekly, 7 = every `Period` days, 8/9 = no recurrence. `DaysOfWeek` is a bitmask (1 = Sunday …
 * 64 = Saturday); `MonthItem` 3..9 is Sunday..Saturday (0..2, "day", "weekday" and "weekend day", have
 * no equivalent in the model); `MonthPosition` 0..4 is first..fourth, last; `Month` 0..11 is
 * January..December. As MPXJ's `MSPDIReader.readRecurringData`.
 */
import type { LocalDate, Recurrence } from '@tandem/core';
import type { ElementReader } from './mspdi-element-reader.ts';

export type ExceptionRecurrence =
  | { kind: 'plain' }
  | { kind: 'recurring'; recurrence: Recurrence }
  | { kind: 'unsupported'; reason: string; value: string };

/** Reads the recurrence fields of an `<Exception>`; issues for malformed numbers go to the reader. */
export function readExceptionRecurrence(r: ElementReader): ExceptionRecurrence {
  const type = r.integer('Type', { min: 1, max: 9 });
  const period = r.integer('Period', { min: 1 }) ?? 1;
  const occurrences = r.integer('Occurrences', { min: 1 });
  const common = { ...(occurrences !== undefined ? { occurrences } : {}) };
  const withPeriod = { ...(period !== 1 ? { period } : {}), ...common };
  switch (type) {
    case 1:
    case 7:
      return period === 1 ? { kind: 'plain' } : recurring({ type: 'daily', ...withPeriod });
    case 6: {
      const mask = r.integer('DaysOfWeek', { min: 0, max: 127 }) ?? 0;
      const daysOfWeek = [0, 1, 2, 3, 4, 5, 6].filter((day) => (mask & (1 << day)) !== 0);
      return recurring({ type: 'weekly', ...withPeriod, ...(daysOfWeek.length ? { daysOfWeek } : {}) });
    }
    case 4:
      return recurring({ type: 'monthly', ...withPeriod, ...dayOfMonth(r) });
    case 5:
      return relative(r, { type: 'monthly', ...withPeriod });
    case 2:
      return recurring({ type: 'yearly', ...month(r), ...dayOfMonth(r), ...common });
    case 3:
      return relative(r, { type: 'yearly', ...month(r), ...common });
    default:
      return { kind: 'plain' };
  }
}

const recurring = (recurrence: Recurrence): ExceptionRecurrence => ({ kind: 'recurring', recurrence });

function dayOfMonth(r: ElementReader): Pick<Recurrence, 'dayOfMonth'> {
  const day = r.integer('MonthDay', { min: 1, max: 31 });
  return day === undefined ? {} : { dayOfMonth: day };
}

function month(r: ElementReader): Pick<Recurrence, 'month'> {
  const m = r.integer('Month', { min: 0, max: 11 });
  return m === undefined ? {} : { month: m + 1 };
}

function relative(r: ElementReader, base: Recurrence): ExceptionRecurrence {
  const item = r.integer('MonthItem', { min: 0, max: 9 });
  const position = r.integer('MonthPosition', { min: 0, max: 4 }) ?? 0;
  if (item !== undefined && item < 3) {
    const what = ['any day', 'a weekday', 'a weekend day'][item] ?? '';
    return { kind: 'unsupported', reason: `MonthItem ${item} (${what} of the month)`, value: String(item) };
  }
  const weekday = item === undefined ? {} : { daysOfWeek: [item - 3] };
  return recurring({ ...base, ...weekday, weekOfMonth: position + 1 });
}

/**
 * The `<Exception>` fields for a recurrence (none: `Type` 1, every day of the range). Defaults the
 * model leaves open (the weekday, day or month of a series) are taken from its first day, `from`.
 */
export function recurrenceFields(
  recurrence: Recurrence | undefined,
  from: LocalDate,
): Record<string, number> {
  if (!recurrence) return { Type: 1 };
  const [year = 1970, fromMonth = 1, fromDay = 1] = from.split('-').map(Number);
  const fromWeekday = new Date(Date.UTC(year, fromMonth - 1, fromDay)).getUTCDay();
  const period = Math.max(1, Math.floor(recurrence.period ?? 1));
  const weekday = recurrence.daysOfWeek?.[0] ?? fromWeekday;
  const nth: Record<string, number> =
    recurrence.weekOfMonth === undefined
      ? { MonthDay: recurrence.dayOfMonth ?? fromDay }
      : { MonthItem: weekday + 3, MonthPosition: Math.min(5, Math.max(1, recurrence.weekOfMonth)) - 1 };
  const relative = recurrence.weekOfMonth !== undefined;
  switch (recurrence.type) {
    case 'daily':
      return { Type: 7, Period: period };
    case 'weekly': {
      const days = recurrence.daysOfWeek?.length ? recurrence.daysOfWeek : [fromWeekday];
      return { Type: 6, Period: period, DaysOfWeek: days.reduce((mask, day) => mask | (1 << day), 0) };
    }
    case 'monthly':
      return { Type: relative ? 5 : 4, Period: period, ...nth };
    case 'yearly':
      return { Type: relative ? 3 : 2, Month: (recurrence.month ?? fromMonth) - 1, ...nth };
  }
}
