import { describe, expect, it } from 'vitest';
import type { Dependency } from './gantt-api.ts';
import { lagLabel, linkPatch, parseLag } from './link-lag.ts';

const units = { minutesPerDay: 450, minutesPerWeek: 2250, daysPerMonth: 20 };

function dep(over: Partial<Dependency> = {}): Dependency {
  return {
    id: 'd1',
    projectId: 'p',
    version: 3,
    predecessorId: 'a',
    successorId: 'b',
    type: 'FS',
    lagMinutes: 0,
    lagPercent: null,
    lagElapsed: false,
    lagUnit: null,
    ...over,
  } as Dependency;
}

describe('parseLag', () => {
  it.each([
    ['2d', { lagMinutes: 900, lagUnit: 'day', lagElapsed: false, lagPercent: null }],
    ['2', { lagMinutes: 900, lagUnit: 'day' }],
    ['-1d', { lagMinutes: -450, lagUnit: 'day' }],
    ['+4h', { lagMinutes: 240, lagUnit: 'hour' }],
    ['1.5 w', { lagMinutes: 3375, lagUnit: 'week' }],
    ['3ed', { lagMinutes: 3 * 1440, lagUnit: 'day', lagElapsed: true }],
    ['0d', { lagMinutes: 0, lagUnit: 'day' }],
    ['50%', { lagMinutes: 0, lagPercent: 50, lagUnit: null }],
    ['-25 %', { lagPercent: -25 }],
  ])('%s', (input, expected) => {
    const r = parseLag(input, units);
    expect(r.ok && r.value).toMatchObject(expected);
  });

  it.each(['', 'soon', '2x', '--1d', '5%d'])('refuses %j', (input) => {
    const r = parseLag(input, units);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/not a lag/);
  });
});

describe('lagLabel', () => {
  it.each([
    [dep(), '0d'],
    [dep({ lagMinutes: 900, lagUnit: 'day' }), '2d'],
    [dep({ lagMinutes: -450 }), '-1d'],
    [dep({ lagMinutes: 240, lagUnit: 'hour' }), '4h'],
    [dep({ lagMinutes: 4320, lagElapsed: true, lagUnit: 'day' }), '3ed'],
    [dep({ lagPercent: 50 }), '50%'],
  ])('%#: %s', (d, label) => {
    expect(lagLabel(d, units)).toBe(label);
  });

  it('round-trips through parseLag', () => {
    for (const text of ['2d', '-1d', '4h', '1w', '3ed', '50%', '0d']) {
      const r = parseLag(text, units);
      if (!r.ok) throw new Error(r.message);
      expect(lagLabel(r.value, units)).toBe(text);
    }
  });
});

describe('linkPatch', () => {
  const lag = (text: string) => {
    const r = parseLag(text, units);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };
  it('is empty when nothing changed (no request)', () => {
    expect(linkPatch(dep(), 'FS', lag('0d'))).toEqual({});
    expect(linkPatch(dep({ lagPercent: 50 }), 'FS', lag('50%'))).toEqual({});
  });
  it('sends the type alone, or the whole lag', () => {
    expect(linkPatch(dep(), 'SS', lag('0d'))).toEqual({ type: 'SS' });
    expect(linkPatch(dep(), 'FS', lag('2d'))).toEqual({
      lagMinutes: 900,
      lagPercent: null,
      lagElapsed: false,
      lagUnit: 'day',
    });
    expect(linkPatch(dep({ lagPercent: 50 }), 'FS', lag('0d'))).toMatchObject({ lagPercent: null });
  });
});
