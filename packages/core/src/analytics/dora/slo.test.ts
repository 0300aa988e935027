import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downtimeMs, errorBudget, uptimeFromOutages, uptimeFromSamples } from './slo.ts';

const H = 3_600_000;
const month = { from: 0, to: 30 * 24 * H };

describe('SLO maths', () => {
  it('uptime from samples is good ÷ total in the window', () => {
    const samples = [
      { at: 1, good: 990, total: 1000 },
      { at: 2, good: 1000, total: 1000 },
      { at: month.to, good: 0, total: 1000 }, // outside
    ];
    expect(uptimeFromSamples(samples, month)).toBe(1990 / 2000);
    expect(uptimeFromSamples([], month)).toBeNull();
  });

  it('overlapping outages count once; open ones run to now', () => {
    const outages = [
      { start: 1 * H, end: 3 * H },
      { start: 2 * H, end: 4 * H },
      { start: 10 * H, end: null },
    ];
    expect(downtimeMs(outages, month, 12 * H)).toBe(3 * H + 2 * H);
    expect(uptimeFromOutages(outages, month, 12 * H)).toBeCloseTo(1 - 5 / 12, 12);
  });

  it('error budget: 99.9 % over 30 days allows 43.2 minutes', () => {
    // Half-way through, 99.95 % up: a quarter of the whole budget spent, burning at half the sustainable rate.
    const b = errorBudget(0.999, 0.9995, month, 15 * 24 * H);
    expect(b.budgetMs).toBeCloseTo(43.2 * 60_000, 6);
    expect(b.spentMs).toBeCloseTo(0.0005 * 15 * 24 * H, 6);
    expect(b.remaining).toBeCloseTo(0.75, 9);
    expect(b.burnRate).toBeCloseTo(0.5, 9);
  });

  it('rejects an objective outside (0, 1)', () => {
    expect(() => errorBudget(1, 1, month, 0)).toThrow(RangeError);
  });

  it('downtime never exceeds the elapsed window', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            start: fc.integer({ min: -100, max: 800 }),
            len: fc.option(fc.integer({ min: 0, max: 300 })),
          }),
        ),
        fc.integer({ min: 0, max: 720 }),
        (raw, now) => {
          const outages = raw.map((o) => ({
            start: o.start * H,
            end: o.len === null ? null : (o.start + o.len) * H,
          }));
          const d = downtimeMs(outages, month, now * H);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(Math.min(now * H, month.to));
        },
      ),
    );
  });
});
