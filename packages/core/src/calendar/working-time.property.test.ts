import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardCalendar, type Calendar, type DayPattern, type WeekPattern } from '../model/calendar.ts';
import { formatLocalDate, parseLocal } from '../time/local-time.ts';
import { RANGE_END, RANGE_START } from './supported-range.ts';
import { compileCalendar, type WorkingTime } from './working-time.ts';

/** 0–3 periods on a 15-minute grid (so they touch, overlap and reach midnight), or undefined. */
const dayPattern: fc.Arbitrary<DayPattern> = fc.option(
  fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 0, max: 96 }))
      .map(([a, b]) => ({ from: 15 * Math.min(a, b), to: 15 * Math.max(a, b) })),
    { maxLength: 3 },
  ),
  { nil: undefined },
);
const weekPattern = fc.tuple(
  dayPattern,
  dayPattern,
  dayPattern,
  dayPattern,
  dayPattern,
  dayPattern,
  dayPattern,
);
const date = fc.integer({ min: 5000, max: 66000 }).map((d) => formatLocalDate(d * 1440));

const BASE = standardCalendar('base');

/** A random calendar derived from the standard one, with a work week and a few exceptions. */
const calendars: fc.Arbitrary<Calendar> = fc
  .record({
    week: weekPattern,
    workWeek: fc.tuple(date, date, weekPattern),
    holidays: fc.array(fc.tuple(date, fc.integer({ min: 0, max: 20 }), dayPattern), { maxLength: 4 }),
  })
  .map(({ week, workWeek: [from, to, wwWeek], holidays }): Calendar => ({
    id: 'random',
    name: 'random',
    baseCalendarId: 'base',
    week: week as WeekPattern,
    workWeeks: [{ from, to, week: wwWeek as WeekPattern }],
    exceptions: holidays.map(([from, days, periods]) => ({
      from,
      to: formatLocalDate(parseLocal(from) + days * 1440),
      periods: periods ?? [],
    })),
  }));
const compile = (calendar: Calendar) => compileCalendar(calendar, [BASE]);

const instant = fc.integer({ min: RANGE_START, max: RANGE_END });
const params = { numRuns: 100 };

/** Whether t is strictly inside a working period of its day, or at its start or end. */
function position(cal: WorkingTime, t: number): 'inside' | 'start' | 'end' | 'outside' {
  const day = Math.min(Math.floor(t / 1440), RANGE_END / 1440 - 1);
  const m = t - day * 1440;
  const periods = cal.periodsOf(day);
  if (periods.some((p) => p.from < m && m < p.to)) return 'inside';
  if (periods.some((p) => p.from === m)) return 'start';
  if (periods.some((p) => p.to === m)) return 'end';
  return 'outside';
}

/** fromWork, or undefined where it throws at the ends of the working time. */
function tryFromWork(cal: WorkingTime, w: number, side: 'start' | 'finish'): number | undefined {
  try {
    return cal.fromWork(w, side);
  } catch (error) {
    expect(error).toMatchObject({ code: 'DATE_OUT_OF_RANGE' });
    return undefined;
  }
}

describe('working-time properties', () => {
  it('finish <= t <= start around any instant, equal to t inside working time', () => {
    fc.assert(
      fc.property(calendars, fc.array(instant, { minLength: 20, maxLength: 20 }), (calendar, times) => {
        const cal = compile(calendar);
        for (const t of times) {
          const w = cal.toWork(t);
          const finish = tryFromWork(cal, w, 'finish');
          const start = tryFromWork(cal, w, 'start');
          if (finish !== undefined) expect(finish).toBeLessThanOrEqual(t);
          if (start !== undefined) expect(start).toBeGreaterThanOrEqual(t);
          const where = position(cal, t);
          if (where === 'inside') expect([finish, start]).toEqual([t, t]);
          if (where === 'start') expect(start).toBe(t);
          if (where === 'end') expect(finish).toBe(t);
        }
      }),
      params,
    );
  });

  it('toWork(fromWork(w, side)) === w for every reachable w', () => {
    fc.assert(
      fc.property(
        calendars,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 20 }),
        (calendar, us) => {
          const cal = compile(calendar);
          const total = cal.toWork(RANGE_END);
          for (const u of us) {
            const w = Math.round(u * total);
            for (const side of ['start', 'finish'] as const) {
              const t = tryFromWork(cal, w, side);
              if (t === undefined) expect(w === 0 || w === total).toBe(true);
              else expect(cal.toWork(t)).toBe(w);
            }
          }
        },
      ),
      params,
    );
  });

  it('between matches the periods of the days it spans, and add inverts it', () => {
    fc.assert(
      fc.property(calendars, instant, fc.integer({ min: 0, max: 14 * 1440 }), (calendar, a, span) => {
        const cal = compile(calendar);
        const b = Math.min(a + span, RANGE_END);
        let expected = 0;
        for (let day = Math.floor(a / 1440); day * 1440 < b; day++) {
          for (const p of cal.periodsOf(day)) {
            expected += Math.max(0, Math.min(b, day * 1440 + p.to) - Math.max(a, day * 1440 + p.from));
          }
        }
        expect(cal.between(a, b)).toBe(expected);
        expect(cal.between(b, a) + expected).toBe(0);
        const back = tryFromWork(cal, cal.toWork(b) - expected, 'finish');
        if (back !== undefined) expect(back).toBeLessThanOrEqual(a);
      }),
      params,
    );
  });

  it('toWork is monotone', () => {
    fc.assert(
      fc.property(calendars, instant, instant, (calendar, x, y) => {
        const cal = compile(calendar);
        const [a, b] = x <= y ? [x, y] : [y, x];
        expect(cal.toWork(a)).toBeLessThanOrEqual(cal.toWork(b));
      }),
      params,
    );
  });
});
