import { describe, expect, it } from 'vitest';
import {
  standardCalendar,
  type Calendar,
  type CalendarException,
  type WeekPattern,
  type WorkingPeriod,
} from '../model/calendar.ts';
import { dayOf, formatLocal, parseLocal } from '../time/local-time.ts';
import type { CompiledCalendar } from './compiled-calendar.ts';
import { compileCalendar, compileCalendars } from './working-time.ts';

const at = parseLocal;
const day = (date: string) => dayOf(parseLocal(date));
const p = (from: number, to: number): WorkingPeriod => ({ from: from * 60, to: to * 60 });
const MORNING = [p(9, 13)];
const NONE: WeekPattern = [undefined, undefined, undefined, undefined, undefined, undefined, undefined];
const week = (overrides: Record<number, WorkingPeriod[]>): WeekPattern =>
  NONE.map((d, wd) => overrides[wd] ?? d) as WeekPattern;
const holiday = (from: string, to = from, name = 'Holiday'): CalendarException => ({
  name,
  from,
  to,
  periods: [],
});
const derived = (id: string, base: string, more: Partial<Calendar> = {}): Calendar => ({
  id,
  name: id,
  baseCalendarId: base,
  week: NONE,
  exceptions: [],
  ...more,
});
const minutes = (cal: { minutesOf(day: number): number }, ...dates: string[]) =>
  dates.map((d) => cal.minutesOf(day(d)));

// 2024-12-23 is a Monday; 2024-12-25 a Wednesday.
const company: Calendar = {
  ...standardCalendar('company'),
  exceptions: [holiday('2024-12-25', '2024-12-26', 'Christmas')],
};

describe('exceptions', () => {
  it('a holiday range makes each of its days non-working', () => {
    const cal = compileCalendar(company, []);
    expect(minutes(cal, '2024-12-24', '2024-12-25', '2024-12-26', '2024-12-27')).toEqual([480, 0, 0, 480]);
    expect(formatLocal(cal.add(at('2024-12-24T17:00'), 60, 'finish'))).toBe('2024-12-27T09:00:00');
  });

  it('a working exception gives a weekend day its periods', () => {
    const cal = compileCalendar(
      { ...company, exceptions: [{ from: '2024-12-28', to: '2024-12-28', periods: MORNING }] },
      [],
    );
    expect(cal.periodsOf(day('2024-12-28'))).toEqual(MORNING);
    expect(formatLocal(cal.add(at('2024-12-27T16:00'), 120, 'finish'))).toBe('2024-12-28T10:00:00');
  });

  it('recurs, and a non-recurring exception wins over a recurring one on the same day', () => {
    const yearly: CalendarException = {
      name: 'Christmas',
      from: '2024-12-25',
      to: '2149-12-25',
      periods: [],
      recurrence: { type: 'yearly', month: 12, dayOfMonth: 25 },
    };
    const cal = compileCalendar(
      {
        ...standardCalendar(),
        exceptions: [yearly, { from: '2030-12-25', to: '2030-12-25', periods: MORNING }],
      },
      [],
    );
    expect(minutes(cal, '2024-12-25', '2029-12-25', '2030-12-25', '2031-12-25', '2149-12-25')).toEqual([
      0, 0, 240, 0, 0,
    ]);
    expect(minutes(cal, '2023-12-25', '2031-12-24')).toEqual([480, 480]);
  });

  it('the first listed of two overlapping exceptions wins', () => {
    const cal = compileCalendar(
      {
        ...standardCalendar(),
        exceptions: [holiday('2024-12-24'), { from: '2024-12-23', to: '2024-12-27', periods: MORNING }],
      },
      [],
    );
    expect(minutes(cal, '2024-12-23', '2024-12-24', '2024-12-25')).toEqual([240, 0, 240]);
  });

  it('clips exceptions to the supported range', () => {
    const cal = compileCalendar(
      { ...standardCalendar(), exceptions: [holiday('1980-01-01', '1984-01-03')] },
      [],
    );
    expect(minutes(cal, '1984-01-02', '1984-01-03', '1984-01-04')).toEqual([0, 0, 480]);
  });
});

describe('work weeks', () => {
  const summer: Calendar = {
    ...company,
    workWeeks: [
      {
        name: 'Summer',
        from: '2024-07-01',
        to: '2024-08-31',
        week: week({ 1: [p(7, 12), p(13, 17)], 5: [] }),
      },
    ],
    exceptions: [holiday('2024-07-04')],
  };
  const cal = compileCalendar(summer, []);

  it('replace the days they define within their dates', () => {
    expect(minutes(cal, '2024-06-24', '2024-07-01', '2024-08-26', '2024-09-02')).toEqual([
      480, 540, 540, 480,
    ]);
    expect(minutes(cal, '2024-07-05', '2024-07-09')).toEqual([0, 480]);
  });

  it('leave undefined days to the calendar week and yield to exceptions', () => {
    expect(minutes(cal, '2024-07-02', '2024-07-04', '2024-07-06')).toEqual([480, 0, 0]);
  });
});

describe('base calendars', () => {
  // Part-time: Monday mornings only, no Fridays; every other day as the company calendar.
  const partTime = derived('part', 'company', { week: week({ 1: MORNING, 5: [] }) });

  it('a derived calendar takes the days it leaves undefined from its base', () => {
    const cal = compileCalendar(partTime, [company]);
    expect(minutes(cal, '2024-12-16', '2024-12-17', '2024-12-20', '2024-12-21')).toEqual([240, 480, 0, 0]);
  });

  it("the base's exceptions apply even on days the derived calendar defines (MS Project, MPXJ)", () => {
    const both = { ...company, exceptions: [...company.exceptions, holiday('2024-12-30')] };
    const cal = compileCalendar(partTime, [both]);
    expect(minutes(cal, '2024-12-25', '2024-12-30')).toEqual([0, 0]);
  });

  it("the derived calendar's own exceptions win over the base's", () => {
    const cal = compileCalendar(
      { ...partTime, exceptions: [{ from: '2024-12-25', to: '2024-12-25', periods: MORNING }] },
      [company],
    );
    expect(minutes(cal, '2024-12-25', '2024-12-26')).toEqual([240, 0]);
  });

  it('inherits through a chain, with the exceptions of every level', () => {
    const team = derived('team', 'company', {
      exceptions: [holiday('2024-12-27', '2024-12-27', 'Team day')],
    });
    const person = derived('person', 'team', { week: week({ 2: MORNING }) });
    const cal = compileCalendar(person, new Map([team, company].map((c) => [c.id, c])));
    expect(minutes(cal, '2024-12-23', '2024-12-24', '2024-12-25', '2024-12-27')).toEqual([480, 240, 0, 0]);
  });

  it('compileCalendars compiles each calendar once and shares tables that add nothing', () => {
    const resource = derived('resource', 'company');
    const compiled = compileCalendars([resource, partTime, company]);
    expect([...compiled.keys()]).toEqual(['resource', 'part', 'company']);
    const [r, c] = [compiled.get('resource'), compiled.get('company')] as CompiledCalendar[];
    expect(r!.days).toBe(c!.days);
    expect([r!.calendarId, minutes(r!, '2024-12-25', '2024-12-24')]).toEqual(['resource', [0, 480]]);
  });

  it('reports a missing base and a cycle of bases', () => {
    expect(() => compileCalendar(derived('x', 'gone'), [])).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CALENDAR', message: expect.stringContaining('gone') }),
    );
    const [a, b] = [derived('a', 'b'), derived('b', 'a')];
    expect(() => compileCalendars([a, b])).toThrow(/cycle: "a" → "b" → "a"/);
  });
});
