import { describe, expect, it } from 'vitest';
import { prng } from '../../testing/prng.ts';
import { midRanks, nearestRank, orderStatistics, spearman } from './risk-statistics.ts';

describe('statistics helpers', () => {
  it('orderStatistics picks what a sort would, ties and all', () => {
    const rng = prng(5);
    for (const size of [1, 2, 3, 10, 101, 5000]) {
      const values = Float64Array.from({ length: size }, () => rng.int(0, 50));
      const sorted = values.slice().sort();
      const ranks = [0, size - 1, Math.floor(size / 2), Math.floor(size * 0.9), Math.floor(size * 0.1)];
      expect(orderStatistics(values.slice(), ranks)).toEqual(ranks.map((r) => sorted[r]));
    }
  });

  it('nearest-rank percentiles', () => {
    const sorted = Float64Array.from({ length: 10 }, (_, k) => k + 1);
    expect([10, 50, 80, 95, 100].map((p) => nearestRank(sorted, p))).toEqual([1, 5, 8, 10, 10]);
  });

  it('mid-ranks average ties; Spearman of a monotone transform is 1', () => {
    expect([...midRanks(Float64Array.of(3, 1, 3, 2))]).toEqual([3.5, 1, 3.5, 2]);
    const x = Float64Array.from({ length: 50 }, (_, k) => k * k - 3 * k);
    expect(
      spearman(
        x,
        x.map((v) => Math.exp(v / 1000)),
      ),
    ).toBeCloseTo(1, 12);
    expect(
      spearman(
        x,
        x.map((v) => -v),
      ),
    ).toBeCloseTo(-1, 12);
    expect(spearman(x, new Float64Array(50))).toBe(0);
  });
});
