/**
 * Sampling: correlated tasks move together by the requested rank correlation (Gaussian copula),
 * marginals stay as estimated, and a stream depends only on (seed, iteration).
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_UNITS,
  type Correlation,
  type Project,
  type Task,
  type ThreePoint,
} from '../../model/project.ts';
import { RandomStream } from './random-stream.ts';
import { buildRiskModel, iterationSample, sampleIteration } from './risk-model.ts';
import { spearman } from './risk-statistics.ts';

const tri = (a: number, m: number, b: number, distribution?: ThreePoint['distribution']): ThreePoint => ({
  optimistic: a,
  mostLikely: m,
  pessimistic: b,
  ...(distribution ? { distribution } : {}),
});

function sampled(estimates: Record<string, ThreePoint>, correlations: Correlation[], N: number) {
  const tasks: Task[] = Object.entries(estimates).map(([id, estimate]) => ({
    id,
    name: id,
    duration: { minutes: estimate.mostLikely },
    estimate,
  }));
  const project: Project = {
    name: 'p',
    start: '2025-01-06T08:00:00',
    calendarId: 'standard',
    units: DEFAULT_UNITS,
    calendars: [],
    tasks,
    links: [],
    resources: [],
    assignments: [],
    baselines: [],
    correlations,
  };
  const index = new Map(tasks.map((t, i) => [t.id, i]));
  const warnings: string[] = [];
  const model = buildRiskModel(project, index, () => true, warnings);
  const stream = new RandomStream(99);
  const sample = iterationSample(model);
  const columns = tasks.map(() => new Float64Array(N));
  for (let k = 0; k < N; k++) {
    sampleIteration(model, stream, k, sample);
    columns.forEach((c, i) => (c[k] = sample.durations[i]!));
  }
  return { columns: Object.fromEntries(tasks.map((t, i) => [t.id, columns[i]!])), warnings };
}

const N = 10_000;
/** Four standard errors of a rank correlation near ρ: about 1.1 (1 − ρ²) / √N. */
const tolerance = (rho: number) => (4 * 1.1 * (1 - rho * rho)) / Math.sqrt(N);

describe('correlated sampling', () => {
  it.each([
    ['a positive pair (one-factor copula)', 0.7],
    ['a negative pair (Cholesky)', -0.5],
    ['a weak pair', 0.2],
  ])('%s: the sampled rank correlation is the coefficient', (_, rho) => {
    const { columns } = sampled(
      { a: tri(1000, 2000, 6000), b: tri(300, 900, 1000, 'pert') },
      [{ taskIds: ['a', 'b'], coefficient: rho }],
      N,
    );
    expect(Math.abs(spearman(columns.a!, columns.b!) - rho)).toBeLessThan(tolerance(rho));
  });

  it('keeps each task’s own distribution (triangular and PERT means)', () => {
    const { columns } = sampled(
      { a: tri(1000, 2000, 6000), b: tri(300, 900, 1000, 'pert') },
      [{ taskIds: ['a', 'b'], coefficient: 0.8 }],
      N,
    );
    const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
    // Triangular: mean 3000, sd √((1+4+36−2−6−12)/18)·1000 ≈ 1080; PERT: mean (300+3600+1000)/6.
    expect(Math.abs(mean(columns.a!) - 3000)).toBeLessThan((4 * 1080) / Math.sqrt(N) + 0.5);
    const pertMean = (300 + 4 * 900 + 1000) / 6;
    const pertSd = Math.sqrt(((pertMean - 300) * (1000 - pertMean)) / 7);
    expect(Math.abs(mean(columns.b!) - pertMean)).toBeLessThan((4 * pertSd) / Math.sqrt(N) + 0.5);
  });

  it('overlapping groups: each named pair gets its coefficient, unnamed pairs stay independent', () => {
    const { columns, warnings } = sampled(
      { a: tri(10, 20, 40), b: tri(10, 20, 40), c: tri(10, 20, 40), d: tri(10, 20, 40) },
      [
        { taskIds: ['a', 'b'], coefficient: 0.6 },
        { taskIds: ['b', 'c'], coefficient: 0.4 },
      ],
      N,
    );
    expect(warnings).toEqual([]);
    expect(Math.abs(spearman(columns.a!, columns.b!) - 0.6)).toBeLessThan(tolerance(0.6) + 0.01);
    expect(Math.abs(spearman(columns.b!, columns.c!) - 0.4)).toBeLessThan(tolerance(0.4) + 0.01);
    expect(Math.abs(spearman(columns.a!, columns.c!))).toBeLessThan(tolerance(0) + 0.01);
    expect(Math.abs(spearman(columns.a!, columns.d!))).toBeLessThan(tolerance(0) + 0.01);
  });

  it('shrinks inconsistent correlations until they are, with a warning', () => {
    const { warnings } = sampled(
      { a: tri(1, 2, 3), b: tri(1, 2, 3), c: tri(1, 2, 3) },
      [
        { taskIds: ['a', 'b'], coefficient: -0.9 },
        { taskIds: ['b', 'c'], coefficient: -0.9 },
        { taskIds: ['a', 'c'], coefficient: -0.9 },
      ],
      10,
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/not consistent/);
  });
});

describe('RandomStream', () => {
  it('depends only on (seed, iteration)', () => {
    const a = new RandomStream(7);
    const b = new RandomStream(7);
    b.reset(3);
    b.uniform();
    const draws = (s: RandomStream, i: number) => {
      s.reset(i);
      return [s.uniform(), s.uniform(), s.uniform()];
    };
    expect(draws(a, 5)).toEqual(draws(b, 5));
    expect(draws(a, 5)).not.toEqual(draws(a, 6));
    expect(draws(a, 5)).not.toEqual(draws(new RandomStream(8), 5));
  });

  it('is uniform on (0, 1): mean 1/2, variance 1/12', () => {
    const s = new RandomStream(1);
    let sum = 0;
    let squares = 0;
    let outside = 0;
    const count = 100_000;
    for (let k = 0; k < count; k++) {
      if (k % 100 === 0) s.reset(k / 100);
      const u = s.uniform();
      if (!(u > 0 && u < 1)) outside++;
      sum += u;
      squares += u * u;
    }
    expect(outside).toBe(0);
    const mean = sum / count;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / count));
    expect(Math.abs(squares / count - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });
});
