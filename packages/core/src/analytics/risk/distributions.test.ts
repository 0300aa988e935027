import { describe, expect, it } from 'vitest';
import {
  incompleteBeta,
  inverseIncompleteBeta,
  logGamma,
  normalCdf,
  normalQuantile,
  normalQuantileFast,
  triangularCdf,
  triangularQuantile,
} from './distributions.ts';

describe('normal distribution', () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.8413447460685429, 1],
    [0.001, -3.090232306167813],
    [1e-10, -6.361340902404056],
  ])('Φ⁻¹(%d) = %d', (p, x) => {
    expect(normalQuantile(p)).toBeCloseTo(x, 12);
    expect(normalQuantileFast(p)).toBeCloseTo(x, 7);
  });

  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-2, 0.022750131948179195],
    [-7, 1.279812543885835e-12],
    [8, 1 - 6.220960574271785e-16],
  ])('Φ(%d) = %d', (x, p) => {
    expect(Math.abs(normalCdf(x) - p)).toBeLessThan(Math.max(1e-15, 1e-12 * p));
  });
});

describe('triangular distribution', () => {
  it('the quantile inverts the CDF', () => {
    for (const u of [0, 0.01, 0.2, 0.5, 0.77, 0.99, 1]) {
      expect(triangularCdf(2, 3, 10, triangularQuantile(2, 3, 10, u))).toBeCloseTo(u, 12);
      expect(triangularCdf(2, 2, 10, triangularQuantile(2, 2, 10, u))).toBeCloseTo(u, 12);
      expect(triangularCdf(2, 10, 10, triangularQuantile(2, 10, 10, u))).toBeCloseTo(u, 12);
    }
  });
});

describe('beta function', () => {
  it('ln Γ', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
  });

  it('I_x(a, b) on cases with closed forms', () => {
    // I_x(1, b) = 1 − (1 − x)^b; I_x(a, 1) = x^a; I_x(2, 2) = 3x² − 2x³.
    expect(incompleteBeta(1, 5, 0.3)).toBeCloseTo(1 - 0.7 ** 5, 13);
    expect(incompleteBeta(3, 1, 0.6)).toBeCloseTo(0.6 ** 3, 13);
    expect(incompleteBeta(2, 2, 0.25)).toBeCloseTo(3 * 0.0625 - 2 * 0.015625, 13);
  });

  it('the inverse of I_x(a, b)', () => {
    for (const [a, b] of [
      [1, 5],
      [1.8, 4.2],
      [3, 3],
      [4.5, 1.5],
    ] as const)
      for (const p of [1e-6, 0.05, 0.5, 0.9, 0.999999])
        expect(incompleteBeta(a, b, inverseIncompleteBeta(a, b, p))).toBeCloseTo(p, 10);
  });
});
