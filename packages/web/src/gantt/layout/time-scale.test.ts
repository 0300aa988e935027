import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTimeScale, stepZoom, ticksBetween, timeToX, xToTime, ZOOMS } from './time-scale.ts';
import { DAY_MS, startOfWeek } from './time.ts';

const jan5 = Date.UTC(2026, 0, 5); // a Monday

describe('createTimeScale', () => {
  it.each(ZOOMS)('%s: covers the range with a margin and x is the inverse of time', (zoom) => {
    const s = createTimeScale(zoom, jan5, jan5 + 30 * DAY_MS);
    expect(s.origin).toBeLessThan(jan5);
    expect(s.end).toBeGreaterThan(jan5 + 30 * DAY_MS);
    expect(timeToX(s, s.origin)).toBe(0);
    expect(xToTime(s, timeToX(s, jan5))).toBeCloseTo(jan5, -1);
  });

  it('zooms out from days to quarters with fewer pixels per day', () => {
    const px = ZOOMS.map((z) => createTimeScale(z, jan5, jan5).pxPerDay);
    expect([...px].sort((a, b) => b - a)).toEqual(px);
  });

  it('stretches to fill a wide viewport', () => {
    const s = createTimeScale('quarter', jan5, jan5 + DAY_MS, 5000);
    expect(s.width).toBeGreaterThanOrEqual(5000);
  });

  it('steps zoom within the four levels', () => {
    expect(stepZoom('day', -1)).toBe('day');
    expect(stepZoom('day', 1)).toBe('week');
    expect(stepZoom('quarter', 1)).toBe('quarter');
  });
});

describe('ticksBetween', () => {
  it('gives one day tick per day with weekday labels', () => {
    const s = createTimeScale('day', jan5, jan5 + 10 * DAY_MS);
    const x0 = timeToX(s, jan5);
    const ticks = ticksBetween(s, 'day', 'minor', x0, x0 + 3 * 30 - 1);
    expect(ticks.map((t) => t.label)).toEqual(['M 5', 'T 6', 'W 7']);
    expect(ticks[0]?.width).toBe(30);
  });

  it('starts weeks on Mondays and labels months and quarters', () => {
    const s = createTimeScale('month', jan5, jan5 + 200 * DAY_MS);
    const months = ticksBetween(s, 'month', 'minor', timeToX(s, jan5), timeToX(s, jan5 + 60 * DAY_MS));
    expect(months.map((t) => t.label)).toEqual(['Jan', 'Feb', 'Mar']);
    const q = ticksBetween(s, 'quarter', 'major', timeToX(s, jan5), timeToX(s, jan5 + 100 * DAY_MS));
    expect(q.map((t) => t.label)).toEqual(['Q1 2026', 'Q2 2026']);
    const w = ticksBetween(s, 'week', 'minor', 0, 500);
    for (const tick of w) expect(new Date(tick.t).getUTCDay()).toBe(1);
  });

  it('ticks are contiguous and cover the requested range', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZOOMS),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 2000 }),
        (zoom, from, span) => {
          const s = createTimeScale(zoom, jan5, jan5 + 800 * DAY_MS);
          for (const unit of [s.major, s.minor]) {
            const ticks = ticksBetween(s, unit, 'minor', from, from + span);
            const first = ticks[0];
            const last = ticks[ticks.length - 1];
            if (first === undefined || last === undefined) return false;
            // Within a millionth of a pixel: time → x → time is not exact in floating point
            // ('quarter', 902, 1 gave a first tick at x = 902.0000000000001).
            if (first.x > Math.max(from, 0) + 1e-6) return false;
            if (last.x + last.width < Math.min(from + span, s.width) - 1e-6) return false;
            for (let i = 1; i < ticks.length; i += 1) {
              const prev = ticks[i - 1];
              if (prev === undefined || Math.abs(prev.x + prev.width - (ticks[i]?.x ?? 0)) > 1e-6)
                return false;
            }
          }
          return true;
        },
      ),
      { examples: [['quarter', 902, 1]] },
    );
  });

  it('startOfWeek is the Monday on or before', () => {
    expect(startOfWeek(Date.UTC(2026, 0, 11, 12))).toBe(jan5); // Sunday
    expect(startOfWeek(jan5)).toBe(jan5);
  });
});
