import { describe, expect, it } from 'vitest';
import { standardCalendar, type Calendar, type WeekPattern, type WorkingPeriod } from '../model/calendar.ts';
import { dayOf, formatLocal, parseLocal } from '../time/local-time.ts';
import { RANGE_END, RANGE_START } from './supported-range.ts';
import { compileCalendar, ELAPSED, type WorkSide } from './working-time.ts';

const at = parseLocal;
const day = (date: string) => dayOf(parseLocal(date));
const p = (from: string, to: string): WorkingPeriod => ({
  from: at(`1970-01-01T${from}`),
  to: at(`1970-01-01T${to}`),
});
const ALL_DAY = [{ from: 0, to: 1440 }];
const calendar = (id: string, week: WeekPattern, more: Partial<Calendar> = {}): Calendar => ({
  id,
  name: id,
  week,
  exceptions: [],
  ...more,
});

const standard = compileCalendar(standardCalendar(), []);
// 2024-03-08 is a Friday, 2024-03-11 the Monday after.

describe('standard calendar (08:00–12:00, 13:00–17:00, Monday to Friday)', () => {
  it('counts working minutes from 1984-01-01 (a Sunday)', () => {
    expect(standard.toWork(RANGE_START)).toBe(0);
    expect(standard.toWork(at('1984-01-02T08:00'))).toBe(0);
    expect(standard.toWork(at('1984-01-02T12:30'))).toBe(240);
    expect(standard.toWork(at('1984-01-02T24:00'))).toBe(480);
    expect(standard.toWork(at('1984-01-09T00:00'))).toBe(2400);
  });

  it.each<[string, WorkSide, string]>([
    ['2024-03-08T12:00', 'finish', '2024-03-08T12:00'],
    ['2024-03-08T12:00', 'start', '2024-03-08T13:00'],
    ['2024-03-08T17:00', 'finish', '2024-03-08T17:00'],
    ['2024-03-08T17:00', 'start', '2024-03-11T08:00'],
    ['2024-03-11T08:00', 'finish', '2024-03-08T17:00'],
    ['2024-03-11T08:00', 'start', '2024-03-11T08:00'],
    ['2024-03-08T10:30', 'finish', '2024-03-08T10:30'],
    ['2024-03-08T10:30', 'start', '2024-03-08T10:30'],
  ])('fromWork(toWork(%s), %s) is %s', (t, side, expected) => {
    expect(formatLocal(standard.fromWork(standard.toWork(at(t)), side))).toBe(`${expected}:00`);
  });

  it.each<[string, number, WorkSide, string]>([
    ['2024-03-08T13:00', 480, 'finish', '2024-03-11T12:00'],
    ['2024-03-08T13:00', 480, 'start', '2024-03-11T13:00'],
    ['2024-03-08T13:00', 240, 'finish', '2024-03-08T17:00'],
    ['2024-03-08T13:00', 240, 'start', '2024-03-11T08:00'],
    ['2024-03-08T13:00', 5 * 480, 'finish', '2024-03-15T12:00'],
    ['2024-03-09T10:00', 60, 'finish', '2024-03-11T09:00'],
    ['2024-03-09T10:00', 0, 'start', '2024-03-11T08:00'],
    ['2024-03-11T10:00', -120, 'finish', '2024-03-08T17:00'],
    ['2024-03-11T10:00', -120, 'start', '2024-03-11T08:00'],
    ['2024-03-11T10:00', -180, 'finish', '2024-03-08T16:00'],
    ['2024-03-12T14:00', -120, 'finish', '2024-03-12T11:00'],
    ['2024-03-12T14:00', -60, 'finish', '2024-03-12T12:00'],
    ['2024-03-12T14:00', -60, 'start', '2024-03-12T13:00'],
    ['2024-03-12T14:00', -5 * 480, 'start', '2024-03-05T14:00'],
  ])('add(%s, %i, %s) is %s', (t, minutes, side, expected) => {
    expect(formatLocal(standard.add(at(t), minutes, side))).toBe(`${expected}:00`);
  });

  it.each([
    ['2024-03-09T10:00', '2024-03-11T08:00', '2024-03-08T17:00'],
    ['2024-03-12T12:30', '2024-03-12T13:00', '2024-03-12T12:00'],
    ['2024-03-12T09:00', '2024-03-12T09:00', '2024-03-12T09:00'],
    ['2024-03-12T13:00', '2024-03-12T13:00', '2024-03-12T12:00'],
    ['2024-03-12T17:00', '2024-03-13T08:00', '2024-03-12T17:00'],
  ])('nextStart(%s) is %s, prevFinish is %s', (t, next, prev) => {
    expect(formatLocal(standard.nextStart(at(t)))).toBe(`${next}:00`);
    expect(formatLocal(standard.prevFinish(at(t)))).toBe(`${prev}:00`);
  });

  it('measures between two instants, signed', () => {
    expect(standard.between(at('2024-03-08T13:00'), at('2024-03-11T12:00'))).toBe(480);
    expect(standard.between(at('2024-03-11T12:00'), at('2024-03-08T13:00'))).toBe(-480);
  });

  it('describes days', () => {
    expect(standard.periodsOf(day('2024-03-11'))).toEqual([p('08:00', '12:00'), p('13:00', '17:00')]);
    expect(standard.periodsOf(day('2024-03-09'))).toEqual([]);
    expect(standard.minutesOf(day('2024-03-11'))).toBe(480);
    expect([standard.isWorkingDay(day('2024-03-11')), standard.isWorkingDay(day('2024-03-10'))]).toEqual([
      true,
      false,
    ]);
  });
});

describe('periods of a day', () => {
  it('merges touching and overlapping periods, and reads a 00:00 end as midnight', () => {
    const days = [p('08:00', '12:00'), p('12:00', '17:00'), p('16:00', '16:30'), p('22:00', '00:00')];
    const cal = compileCalendar(calendar('c', [[], days, days, days, days, days, []]), []);
    expect(cal.periodsOf(day('2024-03-11'))).toEqual([p('08:00', '17:00'), { from: 1320, to: 1440 }]);
    const noon = cal.toWork(at('2024-03-11T12:00'));
    expect([cal.fromWork(noon, 'finish'), cal.fromWork(noon, 'start')]).toEqual([
      at('2024-03-11T12:00'),
      at('2024-03-11T12:00'),
    ]);
    expect(formatLocal(cal.add(at('2024-03-11T16:00'), 120, 'start'))).toBe('2024-03-11T23:00:00');
  });

  it('works through three periods in a day', () => {
    const days = [p('06:00', '10:00'), p('10:30', '14:00'), p('15:00', '16:00')];
    const cal = compileCalendar(calendar('c', [[], days, days, days, days, days, []]), []);
    expect(cal.minutesOf(day('2024-03-11'))).toBe(510);
    expect(formatLocal(cal.add(at('2024-03-11T09:00'), 300, 'finish'))).toBe('2024-03-11T15:30:00');
    expect(formatLocal(cal.add(at('2024-03-11T09:00'), 300, 'start'))).toBe('2024-03-11T15:30:00');
    expect(formatLocal(cal.add(at('2024-03-11T09:00'), 270, 'finish'))).toBe('2024-03-11T14:00:00');
    expect(formatLocal(cal.add(at('2024-03-11T15:00'), -210, 'start'))).toBe('2024-03-11T10:30:00');
    expect(formatLocal(cal.add(at('2024-03-11T15:00'), -210, 'finish'))).toBe('2024-03-11T10:00:00');
  });
});

describe('night shift (MS Project\'s "Night Shift" base calendar)', () => {
  const late = p('23:00', '24:00');
  const night = [p('00:00', '03:00'), p('04:00', '08:00'), late];
  const shift = compileCalendar(
    calendar('night', [[], [late], night, night, night, night, night.slice(0, 2)]),
    [],
  );

  it('is continuous across midnight', () => {
    const monday = day('2024-03-11');
    expect(shift.toWork((monday + 1) * 1440)).toBe(shift.toWork(at('2024-03-11T23:00')) + 60);
    const midnight = shift.toWork(at('2024-03-12T00:00'));
    expect(shift.fromWork(midnight, 'finish')).toBe(at('2024-03-12T00:00'));
    expect(shift.fromWork(midnight, 'start')).toBe(at('2024-03-12T00:00'));
  });

  it.each<[string, number, WorkSide, string]>([
    ['2024-03-11T23:00', 60, 'finish', '2024-03-12T00:00'],
    ['2024-03-11T23:00', 240, 'finish', '2024-03-12T03:00'],
    ['2024-03-11T23:00', 240, 'start', '2024-03-12T04:00'],
    ['2024-03-11T23:00', 480, 'finish', '2024-03-12T08:00'],
    ['2024-03-11T23:00', 480, 'start', '2024-03-12T23:00'],
    ['2024-03-11T23:00', 2400, 'finish', '2024-03-16T08:00'],
    ['2024-03-11T23:00', 2400, 'start', '2024-03-18T23:00'],
    ['2024-03-12T01:00', -120, 'finish', '2024-03-09T08:00'],
    ['2024-03-12T01:00', -120, 'start', '2024-03-11T23:00'],
  ])('add(%s, %i, %s) is %s', (t, minutes, side, expected) => {
    expect(formatLocal(shift.add(at(t), minutes, side))).toBe(`${expected}:00`);
  });

  it('has a 40-hour week', () => {
    expect(shift.between(at('2024-03-10'), at('2024-03-17'))).toBe(2400);
    expect([shift.minutesOf(day('2024-03-11')), shift.minutesOf(day('2024-03-16'))]).toEqual([60, 420]);
  });
});

describe('24-hour calendar and ELAPSED', () => {
  const allDay = compileCalendar(
    calendar('24h', [ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY]),
    [],
  );

  it.each(['1984-01-01T00:00', '2024-03-09T10:17', '2149-12-31T23:59'])('counts every minute at %s', (t) => {
    expect(allDay.toWork(at(t))).toBe(at(t) - RANGE_START);
    expect(ELAPSED.toWork(at(t))).toBe(at(t) - RANGE_START);
    const w = allDay.toWork(at(t));
    expect([allDay.fromWork(w, 'finish'), allDay.fromWork(w, 'start'), ELAPSED.fromWork(w, 'start')]).toEqual(
      [at(t), at(t), at(t)],
    );
  });

  it('reaches both ends of the range', () => {
    const total = RANGE_END - RANGE_START;
    expect([allDay.fromWork(0, 'finish'), allDay.fromWork(total, 'start')]).toEqual([RANGE_START, RANGE_END]);
    expect(formatLocal(ELAPSED.add(at('2024-03-08T17:00'), 3 * 1440, 'start'))).toBe('2024-03-11T17:00:00');
    expect([ELAPSED.periodsOf(day('2024-03-09')), ELAPSED.minutesOf(day('2024-03-09'))]).toEqual([
      ALL_DAY,
      1440,
    ]);
  });
});

describe('errors', () => {
  const nothing = compileCalendar(calendar('none', [[], [], [], [], [], [], []]), []);

  it('a calendar without working time throws instead of looping', () => {
    expect(nothing.toWork(at('2024-03-11T10:00'))).toBe(0);
    expect(() => nothing.nextStart(at('2024-03-11T10:00'))).toThrow(/calendar "none" has no working time/);
    expect(() => nothing.prevFinish(at('2024-03-11T10:00'))).toThrow(
      expect.objectContaining({ code: 'DATE_OUT_OF_RANGE' }),
    );
    expect(() => nothing.add(at('2024-03-11T10:00'), 60, 'finish')).toThrow(/no working time/);
  });

  it.each<[string, () => unknown, RegExp]>([
    [
      'toWork before 1984',
      () => standard.toWork(at('1983-12-31T08:00')),
      /1983-12-31T08:00:00 is outside the supported range/,
    ],
    ['toWork after 2149', () => standard.toWork(at('2150-01-01T00:01')), /2150-01-01T00:01:00 is outside/],
    ['periodsOf before 1984', () => standard.periodsOf(day('1983-12-31')), /1983-12-31 is outside/],
    ['minutesOf after 2149', () => standard.minutesOf(day('2150-01-01')), /2150-01-01 is outside/],
    [
      'add past the last working minute',
      () => standard.add(at('2149-12-30T08:00'), 1000, 'finish'),
      /No working time after 2149-12-31T17:00:00/,
    ],
    [
      'start after the last working minute',
      () => standard.nextStart(at('2149-12-31T17:00')),
      /No working time after 2149-12-31T17:00:00/,
    ],
    [
      'finish before the first working minute',
      () => standard.prevFinish(at('1984-01-02T08:00')),
      /No working time before 1984-01-02T08:00:00/,
    ],
    ['negative working minutes', () => standard.fromWork(-1, 'start'), /No working time before/],
    [
      'ELAPSED before 1984',
      () => ELAPSED.add(at('1984-01-01T10:00'), -1440, 'start'),
      /outside the supported range/,
    ],
  ])('%s throws DATE_OUT_OF_RANGE', (_name, call, message) => {
    expect(call).toThrow(message);
    expect(call).toThrow(expect.objectContaining({ name: 'ScheduleError', code: 'DATE_OUT_OF_RANGE' }));
  });

  it('accepts the very end of the range', () => {
    expect(standard.toWork(RANGE_END)).toBe(standard.toWork(at('2149-12-31T17:00')));
  });
});
