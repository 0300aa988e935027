/**
 * Throughput Monte Carlo against answers known in closed form: a constant throughput has one answer;
 * a throughput of 0 or 1 item a day (each half the time) needs a negative binomial number of days,
 * P(T = k) = (k − 1) / 2^k for two items; and 1 or 2 items a day over three days make 3, 4, 5 or 6
 * items with probabilities 1/8, 3/8, 3/8, 1/8.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ForecastError } from './forecast-error.ts';
import { forecastHowMany, forecastWhen } from './throughput-forecast.ts';
import { throughputFromCounts, throughputHistory } from './throughput-history.ts';

describe('throughput history', () => {
  it('counts completions per day, zero-filled', () => {
    const h = throughputHistory([
      { date: '2026-03-02', count: 1 },
      { date: '2026-03-02', count: 1 },
      { date: '2026-03-04', count: 1 },
    ]);
    expect(h).toEqual({ unit: 'day', start: '2026-03-02', end: '2026-03-04', counts: [2, 0, 1], total: 3 });
  });

  it('counts per ISO week, within the given range', () => {
    const h = throughputHistory(
      [
        { date: '2026-02-27', count: 5 },
        { date: '2026-03-04', count: 2 },
        { date: '2026-03-15', count: 1 },
        { date: '2026-03-16', count: 3 },
      ],
      { unit: 'week', from: '2026-03-02', to: '2026-03-22' },
    );
    expect(h).toEqual({ unit: 'week', start: '2026-03-02', end: '2026-03-22', counts: [2, 1, 3], total: 6 });
  });

  it('rejects an empty history and bad counts', () => {
    expect(() => throughputHistory([])).toThrow(ForecastError);
    expect(() => throughputHistory([{ date: '2026-03-02', count: 1.5 }])).toThrow(/whole/);
    expect(() => throughputFromCounts([1, -1], '2026-03-02')).toThrow(/not negative/);
  });
});

describe('when will N items be done?', () => {
  it('constant throughput has one answer', () => {
    const f = forecastWhen(throughputFromCounts([3, 3, 3], '2026-03-02'), 10, { iterations: 500 });
    expect(f.start).toBe('2026-03-05');
    expect(f.percentiles).toEqual([
      { likelihood: 0.5, periods: 4, date: '2026-03-08' },
      { likelihood: 0.7, periods: 4, date: '2026-03-08' },
      { likelihood: 0.85, periods: 4, date: '2026-03-08' },
      { likelihood: 0.95, periods: 4, date: '2026-03-08' },
    ]);
    expect(f.histogram).toEqual([
      { periods: 4, date: '2026-03-08', count: 500, probability: 1, cumulative: 1 },
    ]);
  });

  it('0 or 1 a day: the negative binomial distribution of two items', () => {
    const f = forecastWhen(throughputFromCounts([0, 1], '2026-03-02'), 2, {
      iterations: 40_000,
      seed: 42,
      likelihoods: [0.7, 0.85, 0.95],
    });
    // CDF: 2 → 0.25, 3 → 0.5, 4 → 0.6875, 5 → 0.8125, 6 → 0.890625, 7 → 0.9375, 8 → 0.96484375.
    expect(f.percentiles.map((p) => p.periods)).toEqual([5, 6, 8]);
    for (const k of [2, 3, 4, 5, 6, 7]) {
      const bar = f.histogram.find((h) => h.periods === k);
      expect(bar?.probability).toBeCloseTo((k - 1) / 2 ** k, 2);
    }
    expect(f.meanPeriods).toBeCloseTo(4, 1); // 2 items / 0.5 a day
  });

  it('weeks: dates step by seven days', () => {
    const f = forecastWhen(throughputFromCounts([5], '2026-03-02', 'week'), 12, { iterations: 10 });
    expect(f.percentiles[0]).toEqual({ likelihood: 0.5, periods: 3, date: '2026-03-29' });
  });

  it('is reproducible from its seed', () => {
    const h = throughputFromCounts([0, 2, 1, 0, 4, 1], '2026-03-02');
    expect(forecastWhen(h, 30, { seed: 7, iterations: 2_000 })).toEqual(
      forecastWhen(h, 30, { seed: 7, iterations: 2_000 }),
    );
    expect(forecastWhen(h, 30, { seed: 7, iterations: 2_000 })).not.toEqual(
      forecastWhen(h, 30, { seed: 8, iterations: 2_000 }),
    );
  });

  it('cannot forecast without throughput or items', () => {
    expect(() => forecastWhen(throughputFromCounts([0, 0], '2026-03-02'), 3)).toThrow(
      expect.objectContaining({ code: 'NO_THROUGHPUT' }),
    );
    expect(() => forecastWhen(throughputFromCounts([1], '2026-03-02'), 0)).toThrow(ForecastError);
  });
});

describe('how many items by a date?', () => {
  it('1 or 2 a day over three days: at least 4 items 85% likely, at least 3 certainly', () => {
    const h = throughputFromCounts([1, 2], '2026-03-02');
    const f = forecastHowMany(h, '2026-03-06', {
      iterations: 40_000,
      seed: 3,
      likelihoods: [0.7, 0.85, 0.95],
    });
    expect(f.start).toBe('2026-03-04');
    expect(f.periods).toBe(3);
    expect(f.percentiles).toEqual([
      { likelihood: 0.7, items: 4 },
      { likelihood: 0.85, items: 4 },
      { likelihood: 0.95, items: 3 },
    ]);
    const exact: Record<number, number> = { 3: 1 / 8, 4: 3 / 8, 5: 3 / 8, 6: 1 / 8 };
    for (const bar of f.histogram) expect(bar.probability).toBeCloseTo(exact[bar.items] ?? 0, 2);
    expect(f.histogram[0]?.atLeast).toBe(1);
  });

  it('needs at least one whole period before the date', () => {
    const h = throughputFromCounts([1, 2], '2026-03-02', 'week');
    expect(() => forecastHowMany(h, '2026-03-18')).toThrow(/no whole week/);
    expect(forecastHowMany(h, '2026-03-22', { iterations: 10 }).periods).toBe(1);
  });
});

describe('properties', () => {
  const history = fc
    .array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 20 })
    .filter((c) => c.some((n) => n > 0));

  it('percentiles grow with likelihood for "when", shrink for "how many"', () => {
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 1_000 }),
        (counts, items, seed) => {
          const h = throughputFromCounts(counts, '2026-03-02');
          const when = forecastWhen(h, items, { iterations: 300, seed }).percentiles.map((p) => p.periods);
          const howMany = forecastHowMany(h, '2026-03-31', { iterations: 300, seed }).percentiles.map(
            (p) => p.items,
          );
          when.slice(1).forEach((p, i) => expect(p).toBeGreaterThanOrEqual(when[i] as number));
          howMany.slice(1).forEach((p, i) => expect(p).toBeLessThanOrEqual(howMany[i] as number));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('the histogram accounts for every simulated future', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 40 }), (counts, items) => {
        const f = forecastWhen(throughputFromCounts(counts, '2026-03-02'), items, { iterations: 200 });
        expect(f.histogram.reduce((s, b) => s + b.count, 0)).toBe(200);
        expect(f.histogram[f.histogram.length - 1]?.cumulative).toBe(1);
      }),
      { numRuns: 50 },
    );
  });
});
