import { describe, expect, it } from 'vitest';
import {
  movePatch,
  onDayKeepingTime,
  parseDay,
  parseDuration,
  resizePatch,
  workingDaysBetween,
} from './gantt-writes.ts';

const UNITS = { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 };
const fri9 = Date.UTC(2026, 0, 9, 17);
const tue13 = Date.UTC(2026, 0, 13, 17);

describe('gantt writes', () => {
  it('pins a moved task with a Start-No-Earlier-Than constraint at the new start', () => {
    expect(movePatch(Date.UTC(2026, 0, 12, 9))).toEqual({
      constraintType: 'SNET',
      constraintDate: '2026-01-12T09:00:00',
    });
  });

  it.each([
    [fri9, tue13, 2],
    [tue13, fri9, -2],
    [fri9, Date.UTC(2026, 0, 11, 17), 0],
    [fri9, fri9, 0],
    [fri9, Date.UTC(2026, 0, 23, 17), 10],
  ])('working days from %d to %d: %d', (a, b, n) => {
    expect(workingDaysBetween(a, b)).toBe(n);
  });

  it('turns a new finish into a duration, never shorter than a day', () => {
    expect(resizePatch(fri9, tue13, 5 * 480, 480)).toEqual({ durationMinutes: 7 * 480 });
    expect(resizePatch(tue13, fri9, 5 * 480, 480)).toEqual({ durationMinutes: 3 * 480 });
    expect(resizePatch(tue13, Date.UTC(2025, 0, 1), 5 * 480, 480)).toEqual({ durationMinutes: 480 });
  });

  it.each([
    ['5d', 2400, 'day', false],
    ['5', 2400, 'day', false],
    ['1.5 days', 720, 'day', false],
    ['1,5d', 720, 'day', false],
    ['4h', 240, 'hour', false],
    ['2w', 4800, 'week', false],
    ['1mo', 9600, 'month', false],
    ['30m', 30, 'minute', false],
    [' 3 D ', 1440, 'day', false],
    ['3ew', 30_240, 'week', true],
    ['2ed', 2880, 'day', true],
  ] as const)('reads the duration %s', (input, minutes, unit, elapsed) => {
    expect(parseDuration(input, UNITS)).toEqual({
      ok: true,
      value: { durationMinutes: minutes, durationUnit: unit, elapsed },
    });
  });

  it('adds calendar time when an elapsed task is resized', () => {
    expect(resizePatch(fri9, tue13, 7 * 1440, 480, true)).toEqual({ durationMinutes: 11 * 1440 });
  });

  it('refuses a duration it cannot read, saying what to write', () => {
    const r = parseDuration('soon', UNITS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('5d');
  });

  it.each([
    ['2026-01-12', Date.UTC(2026, 0, 12)],
    ['12 Jan 2026', Date.UTC(2026, 0, 12)],
    ['3 march 2026', Date.UTC(2026, 2, 3)],
  ])('reads the day %s', (input, t) => {
    expect(parseDay(input)).toEqual({ ok: true, value: t });
  });

  it.each(['2026-02-30', 'tomorrow', '12 Foo 2026', ''])('refuses the day %s', (input) => {
    expect(parseDay(input).ok).toBe(false);
  });

  it('keeps the time of day when a day is typed', () => {
    expect(onDayKeepingTime(Date.UTC(2026, 0, 20), Date.UTC(2026, 0, 5, 9))).toBe(Date.UTC(2026, 0, 20, 9));
  });
});
