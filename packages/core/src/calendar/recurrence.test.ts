import { describe, expect, it } from 'vitest';
import type { Recurrence } from '../model/calendar.ts';
import { formatLocalDate, parseLocal } from '../time/local-time.ts';
import { recurrenceDays } from './recurrence.ts';
import { END_DAY } from './supported-range.ts';

const day = (date: string) => parseLocal(date) / 1440;
const dates = (days: number[]) => days.map((d) => formatLocalDate(d * 1440)).join(' ');

/** The fields of an MSPDI `<Exception>`, as Microsoft Project 2016 saved them. */
interface MspdiException {
  Type: number;
  From: string;
  To: string;
  Occurrences: number;
  Period?: number;
  DaysOfWeek?: number;
  MonthDay?: number;
  MonthItem?: number;
  MonthPosition?: number;
  Month?: number;
}

/**
 * MSPDI's encoding: Type 1 and 7 daily, 6 weekly, 4/5 monthly by day/position, 2/3 yearly by
 * date/position; DaysOfWeek bit k = weekday k (1 = Sunday); MonthItem 3..9 = Sunday..Saturday;
 * MonthPosition 0..4 = first..fourth, last; Month 0..11.
 */
function fromMspdi(e: MspdiException): Recurrence {
  const type = (
    { 1: 'daily', 7: 'daily', 6: 'weekly', 4: 'monthly', 5: 'monthly', 2: 'yearly', 3: 'yearly' } as const
  )[e.Type as 1 | 2 | 3 | 4 | 5 | 6 | 7];
  const r: Recurrence = { type, period: e.Period ?? 1, occurrences: e.Occurrences };
  if (e.DaysOfWeek !== undefined)
    r.daysOfWeek = [0, 1, 2, 3, 4, 5, 6].filter((wd) => e.DaysOfWeek! & (1 << wd));
  if (e.MonthDay !== undefined) r.dayOfMonth = e.MonthDay;
  if (e.MonthItem !== undefined) r.daysOfWeek = [e.MonthItem - 3];
  if (e.MonthPosition !== undefined) r.weekOfMonth = e.MonthPosition + 1;
  if (e.Month !== undefined) r.month = e.Month + 1;
  return r;
}

// From /work/shared/data/mspdi/calendar-recurring-exceptions-project2016-mspdi.xml; the expected dates
// are MPXJ's (RecurringExceptionsTest) or, for the yearly ones it does not list, worked out by hand;
// MS Project's ToDate is always the last one.
const FILE_CASES: [string, MspdiException, string][] = [
  [
    'Daily 1',
    { Type: 1, From: '2000-01-01', To: '2000-01-03', Occurrences: 3 },
    '2000-01-01 2000-01-02 2000-01-03',
  ],
  [
    'Daily 2',
    { Type: 7, From: '2000-02-01', To: '2000-02-10', Occurrences: 4, Period: 3 },
    '2000-02-01 2000-02-04 2000-02-07 2000-02-10',
  ],
  [
    'Daily 4',
    { Type: 7, From: '2000-04-01', To: '2000-05-06', Occurrences: 6, Period: 7 },
    '2000-04-01 2000-04-08 2000-04-15 2000-04-22 2000-04-29 2000-05-06',
  ],
  [
    'Weekly 1 Monday',
    { Type: 6, From: '2001-01-01', To: '2001-01-15', Occurrences: 3, Period: 1, DaysOfWeek: 2 },
    '2001-01-01 2001-01-08 2001-01-15',
  ],
  [
    'Weekly 3 Wednesday',
    { Type: 6, From: '2001-01-01', To: '2001-03-28', Occurrences: 5, Period: 3, DaysOfWeek: 8 },
    '2001-01-03 2001-01-24 2001-02-14 2001-03-07 2001-03-28',
  ],
  [
    'Weekly 6 Saturday',
    { Type: 6, From: '2001-01-01', To: '2001-10-27', Occurrences: 8, Period: 6, DaysOfWeek: 64 },
    '2001-01-06 2001-02-17 2001-03-31 2001-05-12 2001-06-23 2001-08-04 2001-09-15 2001-10-27',
  ],
  // The week of 2001-01-01 starts on Sunday 2000-12-31, before the series: the first Sunday is week 7.
  [
    'Weekly 7 Sunday',
    { Type: 6, From: '2001-01-01', To: '2002-03-17', Occurrences: 9, Period: 7, DaysOfWeek: 1 },
    '2001-02-18 2001-04-08 2001-05-27 2001-07-15 2001-09-02 2001-10-21 2001-12-09 2002-01-27 2002-03-17',
  ],
  [
    'Monthly Relative 1',
    {
      Type: 5,
      From: '2002-01-01',
      To: '2002-05-06',
      Occurrences: 3,
      Period: 2,
      MonthItem: 4,
      MonthPosition: 0,
    },
    '2002-01-07 2002-03-04 2002-05-06',
  ],
  [
    'Monthly Relative 3',
    {
      Type: 5,
      From: '2002-01-01',
      To: '2003-05-21',
      Occurrences: 5,
      Period: 4,
      MonthItem: 6,
      MonthPosition: 2,
    },
    '2002-01-16 2002-05-15 2002-09-18 2003-01-15 2003-05-21',
  ],
  [
    'Monthly Relative 5',
    {
      Type: 5,
      From: '2002-01-01',
      To: '2005-01-28',
      Occurrences: 7,
      Period: 6,
      MonthItem: 8,
      MonthPosition: 4,
    },
    '2002-01-25 2002-07-26 2003-01-31 2003-07-25 2004-01-30 2004-07-30 2005-01-28',
  ],
  [
    'Monthly Relative 7',
    {
      Type: 5,
      From: '2002-01-01',
      To: '2007-05-13',
      Occurrences: 9,
      Period: 8,
      MonthItem: 3,
      MonthPosition: 1,
    },
    '2002-01-13 2002-09-08 2003-05-11 2004-01-11 2004-09-12 2005-05-08 2006-01-08 2006-09-10 2007-05-13',
  ],
  [
    'Monthly Absolute 2',
    { Type: 4, From: '2003-01-01', To: '2005-02-04', Occurrences: 6, Period: 5, MonthDay: 4 },
    '2003-01-04 2003-06-04 2003-11-04 2004-04-04 2004-09-04 2005-02-04',
  ],
  [
    'Yearly Relative 1',
    {
      Type: 3,
      From: '2004-01-01',
      To: '2007-03-06',
      Occurrences: 4,
      Month: 2,
      MonthItem: 5,
      MonthPosition: 0,
    },
    '2004-03-02 2005-03-01 2006-03-07 2007-03-06',
  ],
  [
    'Yearly Relative 3',
    {
      Type: 3,
      From: '2004-01-01',
      To: '2009-05-21',
      Occurrences: 6,
      Month: 4,
      MonthItem: 7,
      MonthPosition: 2,
    },
    '2004-05-20 2005-05-19 2006-05-18 2007-05-17 2008-05-15 2009-05-21',
  ],
  [
    'Yearly Absolute 2',
    { Type: 2, From: '2005-01-01', To: '2008-03-02', Occurrences: 4, Month: 2, MonthDay: 2 },
    '2005-03-02 2006-03-02 2007-03-02 2008-03-02',
  ],
  [
    'Recurring Working',
    {
      Type: 5,
      From: '2010-01-01',
      To: '2010-03-06',
      Occurrences: 3,
      Period: 1,
      MonthItem: 9,
      MonthPosition: 0,
    },
    '2010-01-02 2010-02-06 2010-03-06',
  ],
];

describe('recurrenceDays', () => {
  it.each(FILE_CASES)('%s (MS Project 2016 file)', (_name, exception, expected) => {
    const found = recurrenceDays(day(exception.From), day(exception.To), fromMspdi(exception), END_DAY);
    expect(dates(found)).toEqual(expected);
  });

  it.each(FILE_CASES)(
    '%s ends at the ToDate when given no occurrence count',
    (_name, exception, expected) => {
      const { occurrences: _, ...open } = fromMspdi(exception);
      expect(dates(recurrenceDays(day(exception.From), day(exception.To), open, END_DAY))).toEqual(expected);
    },
  );

  it.each<[string, Recurrence, string, string, string]>([
    [
      'weekly on several days',
      { type: 'weekly', daysOfWeek: [5, 1], occurrences: 4 },
      '2024-03-06',
      '2024-12-31',
      '2024-03-08 2024-03-11 2024-03-15 2024-03-18',
    ],
    [
      'weekly, no weekday: the start weekday',
      { type: 'weekly', period: 2, occurrences: 2 },
      '2024-03-06',
      '2024-12-31',
      '2024-03-06 2024-03-20',
    ],
    [
      'monthly day 31 clamps to the month end',
      { type: 'monthly', dayOfMonth: 31, occurrences: 4 },
      '2024-01-15',
      '2024-12-31',
      '2024-01-31 2024-02-29 2024-03-31 2024-04-30',
    ],
    [
      'monthly day already past starts next month',
      { type: 'monthly', period: 2, dayOfMonth: 10, occurrences: 2 },
      '2024-01-15',
      '2024-12-31',
      '2024-02-10 2024-04-10',
    ],
    [
      'monthly position skips a month whose day is before the start',
      { type: 'monthly', weekOfMonth: 1, daysOfWeek: [1], occurrences: 2 },
      '2024-01-10',
      '2024-12-31',
      '2024-02-05 2024-03-04',
    ],
    [
      'yearly Feb 29 falls back to Feb 28',
      { type: 'yearly', month: 2, dayOfMonth: 29, occurrences: 3 },
      '2023-01-01',
      '2030-12-31',
      '2023-02-28 2024-02-29 2025-02-28',
    ],
    [
      'yearly date passed this year starts next year',
      { type: 'yearly', month: 1, dayOfMonth: 1 },
      '2024-06-01',
      '2026-06-01',
      '2025-01-01 2026-01-01',
    ],
    [
      'yearly last Monday of May (US Memorial Day)',
      { type: 'yearly', month: 5, weekOfMonth: 5, daysOfWeek: [1], occurrences: 3 },
      '2024-01-01',
      '2030-12-31',
      '2024-05-27 2025-05-26 2026-05-25',
    ],
    [
      'daily until the end date',
      { type: 'daily', period: 2 },
      '2024-03-01',
      '2024-03-06',
      '2024-03-01 2024-03-03 2024-03-05',
    ],
  ])('%s', (_name, recurrence, from, to, expected) => {
    expect(dates(recurrenceDays(day(from), day(to), recurrence, END_DAY))).toEqual(expected);
  });

  it('stops at the end of the supported range however many occurrences are asked for', () => {
    const found = recurrenceDays(
      day('2149-12-25'),
      day('2149-12-25'),
      { type: 'daily', occurrences: 1e9 },
      END_DAY,
    );
    expect(dates(found)).toEqual(
      '2149-12-25 2149-12-26 2149-12-27 2149-12-28 2149-12-29 2149-12-30 2149-12-31',
    );
  });
});
