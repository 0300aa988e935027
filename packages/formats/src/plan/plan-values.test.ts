import { DEFAULT_UNITS } from '@tandem/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Problem,
  formatDate,
  formatDuration,
  formatLag,
  parseDateText,
  parseDurationText,
  parseLagText,
  parsePeriodText,
  toDuration,
  toLag,
  toLocalDateTime,
} from './plan-values.ts';

const units = DEFAULT_UNITS;
const duration = (text: unknown) => {
  const parsed = parseDurationText(text);
  return parsed instanceof Problem ? parsed : toDuration(parsed, units);
};
const lag = (text: unknown) => {
  const parsed = parseLagText(text);
  return parsed instanceof Problem ? parsed : toLag(parsed, units);
};

describe('durations', () => {
  it.each([
    ['5d', { minutes: 2400, unit: 'day' }],
    ['3h', { minutes: 180, unit: 'hour' }],
    ['2w', { minutes: 4800, unit: 'week' }],
    ['1mo', { minutes: 9600, unit: 'month' }],
    ['30m', { minutes: 30, unit: 'minute' }],
    ['4ed', { minutes: 5760, unit: 'day', elapsed: true }],
    ['2ew', { minutes: 20160, unit: 'week', elapsed: true }],
    ['3d?', { minutes: 1440, unit: 'day', estimated: true }],
    ['0.5d', { minutes: 240, unit: 'day' }],
    [0, { minutes: 0, unit: 'day' }],
    ['0', { minutes: 0, unit: 'day' }],
  ])('%j → %j', (text, expected) => {
    expect(duration(text)).toEqual(expected);
  });

  it.each(['5x', '5', 5, '-2d', 'd', '', '5 days', null, true])('rejects %j', (text) => {
    expect(duration(text)).toBeInstanceOf(Problem);
  });

  it.each([
    [{ minutes: 2400, unit: 'day' }, '5d'],
    [{ minutes: 0, unit: 'day' }, 0],
    [{ minutes: 0, unit: 'hour' }, '0h'],
    [{ minutes: 5760, unit: 'day', elapsed: true }, '4ed'],
    [{ minutes: 1440, unit: 'day', estimated: true }, '3d?'],
    [{ minutes: 100, unit: 'day' }, '0.208333333333d'],
    [{ minutes: 7, unit: 'week' }, '0.00291666666667w'],
    [{ minutes: 960 }, '2d'],
  ] as const)('writes %j as %j', (d, text) => {
    expect(formatDuration(d, units)).toBe(text);
  });

  it('reads back what it writes', () => {
    const unit = fc.constantFrom('minute', 'hour', 'day', 'week', 'month' as const);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), unit, fc.boolean(), fc.boolean(), (m, u, e, q) => {
        const d = { minutes: m, unit: u, ...(e ? { elapsed: true } : {}), ...(q ? { estimated: true } : {}) };
        const text = formatDuration(d, units);
        const back = duration(text);
        expect(back).not.toBeInstanceOf(Problem);
        expect((back as typeof d).minutes).toBe(m);
      }),
    );
  });
});

describe('lags', () => {
  it.each([
    ['2d', { minutes: 960, unit: 'day' }],
    ['-1d', { minutes: -480, unit: 'day' }],
    ['+4h', { minutes: 240, unit: 'hour' }],
    ['3ed', { minutes: 4320, unit: 'day', elapsed: true }],
    ['50%', { minutes: 0, percent: 50 }],
    ['-25%', { minutes: 0, percent: -25 }],
  ])('%j → %j', (text, expected) => {
    expect(lag(text)).toEqual(expected);
  });

  it.each(['2', 'x', '%', '2d?', '1..5d'])('rejects %j', (text) => {
    expect(lag(text)).toBeInstanceOf(Problem);
  });

  it.each([
    [{ minutes: -480, unit: 'day' }, '-1d'],
    [{ minutes: 0, percent: 50 }, '50%'],
    [{ minutes: 4320, unit: 'day', elapsed: true }, '3ed'],
  ] as const)('writes %j as %j', (l, text) => {
    expect(formatLag(l, units)).toBe(text);
  });
});

describe('dates and periods', () => {
  it('keeps whether a time was given', () => {
    expect(parseDateText('2026-03-02')).toEqual({ date: '2026-03-02' });
    expect(parseDateText('2026-03-02T09:30')).toEqual({ date: '2026-03-02', minute: 570 });
    expect(parseDateText('2026-03-02 09:30:00')).toEqual({ date: '2026-03-02', minute: 570 });
  });

  it.each(['2026-02-30', '2026-13-01', '02/03/2026', '2026-3-2', 20260302, '2026-03-02T25:00'])(
    'rejects %j',
    (d) => {
      expect(parseDateText(d)).toBeInstanceOf(Problem);
    },
  );

  it('puts a date alone at the given time of day and writes it back alone', () => {
    const at = toLocalDateTime({ date: '2026-03-02' }, 1020);
    expect(at).toBe('2026-03-02T17:00:00');
    expect(formatDate(at, 1020)).toBe('2026-03-02');
    expect(formatDate(at, 480)).toBe('2026-03-02T17:00');
  });

  it.each([
    ['08:00-12:00', { from: 480, to: 720 }],
    ['00:00-24:00', { from: 0, to: 1440 }],
  ])('reads the period %j', (text, expected) => {
    expect(parsePeriodText(text)).toEqual(expected);
  });

  it.each(['12:00-08:00', '8-12', '08:00-24:30', '08:00'])('rejects the period %j', (text) => {
    expect(parsePeriodText(text)).toBeInstanceOf(Problem);
  });
});
