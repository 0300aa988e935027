import { describe, expect, it } from 'vitest';
import {
  decodeDurationFormat,
  encodeDurationFormat,
  formatXsdDuration,
  parseXsdDuration,
} from './mspdi-durations.ts';

describe('DurationFormat codes', () => {
  it.each([
    [3, { unit: 'minute', elapsed: false, estimated: false, percent: false }],
    [4, { unit: 'minute', elapsed: true, estimated: false, percent: false }],
    [5, { unit: 'hour', elapsed: false, estimated: false, percent: false }],
    [6, { unit: 'hour', elapsed: true, estimated: false, percent: false }],
    [7, { unit: 'day', elapsed: false, estimated: false, percent: false }],
    [8, { unit: 'day', elapsed: true, estimated: false, percent: false }],
    [9, { unit: 'week', elapsed: false, estimated: false, percent: false }],
    [10, { unit: 'week', elapsed: true, estimated: false, percent: false }],
    [11, { unit: 'month', elapsed: false, estimated: false, percent: false }],
    [12, { unit: 'month', elapsed: true, estimated: false, percent: false }],
    [19, { elapsed: false, estimated: false, percent: true }],
    [20, { elapsed: true, estimated: false, percent: true }],
    [21, { elapsed: false, estimated: false, percent: false }],
    [35, { unit: 'minute', elapsed: false, estimated: true, percent: false }],
    [39, { unit: 'day', elapsed: false, estimated: true, percent: false }],
    [40, { unit: 'day', elapsed: true, estimated: true, percent: false }],
    [44, { unit: 'month', elapsed: true, estimated: true, percent: false }],
    [52, { elapsed: true, estimated: true, percent: true }],
    // "null?": what MS Project writes for a new task's "1 day?"; MPXJ reads it as days.
    [53, { unit: 'day', elapsed: false, estimated: true, percent: false }],
  ])('%i decodes as MPXJ does', (code, expected) => {
    expect(decodeDurationFormat(code)).toEqual(expected);
  });

  it.each([0, 1, 2, 13, 14, 18, 22, 34, 45, 50, 54, -7])('%i is not a format', (code) => {
    expect(decodeDurationFormat(code)).toBeUndefined();
  });

  it('encodes every unit back to its code', () => {
    for (const code of [
      3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 19, 20, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 51, 52,
    ]) {
      const format = decodeDurationFormat(code);
      expect(format).toBeDefined();
      const unit = format?.percent ? 'percent' : (format?.unit ?? 'day');
      expect(encodeDurationFormat(unit, format?.elapsed, format?.estimated)).toBe(code);
    }
  });
});

describe('xsd:duration values', () => {
  it.each([
    ['PT8H0M0S', 480],
    ['PT0H0M0S', 0],
    ['PT400H0M0S', 24000],
    ['PT0H30M0S', 30],
    ['PT0H0M30S', 0.5],
    ['PT1H2M3.5S', 62 + 3.5 / 60],
    ['PT-8H0M0S', -480],
    ['-PT8H', -480],
    ['P1D', 1440],
    ['P1W', 10080],
    ['P2DT4H', 3120],
    ['PT8H', 480],
    ['0', 0],
    [' PT8H0M0S ', 480],
  ])('%s is %d minutes', (value, minutes) => {
    expect(parseXsdDuration(value)).toBeCloseTo(minutes, 6);
  });

  it.each(['', 'P', 'PT', '8h', 'PT8X', 'abc', 'P1Y', 'P1M', 'PT8H0M0S junk', '1 day'])(
    '%j is malformed',
    (value) => {
      expect(parseXsdDuration(value)).toBeUndefined();
    },
  );

  it.each([
    [480, 'PT8H0M0S'],
    [0, 'PT0H0M0S'],
    [24000, 'PT400H0M0S'],
    [90.5, 'PT1H30M30S'],
    [-480, '-PT8H0M0S'],
  ])('%d minutes is written %s', (minutes, value) => {
    expect(formatXsdDuration(minutes)).toBe(value);
    expect(parseXsdDuration(value)).toBeCloseTo(minutes, 6);
  });
});
