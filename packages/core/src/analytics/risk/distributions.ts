/**
 * The probability maths of schedule risk analysis, written out so the core needs no dependency:
 * the normal distribution (CDF and inverse), triangular and PERT-beta three-point distributions
 * (sampling, CDF, inverse CDF), gamma sampling (Marsaglia–Tsang) and the regularised incomplete beta
 * function with its inverse (for PERT tasks driven by a copula).
 */
import type { RandomStream } from './random-stream.ts';

/** PERT's weight on the most likely value: mean = (a + 4m + b) / 6. */
export const PERT_LAMBDA = 4;

// Acklam's rational approximation of the inverse normal CDF (relative error < 1.15e-9).
const A1 = -3.969683028665376e1;
const A2 = 2.209460984245205e2;
const A3 = -2.759285104469687e2;
const A4 = 1.38357751867269e2;
const A5 = -3.066479806614716e1;
const A6 = 2.506628277459239;
const B1 = -5.447609879822406e1;
const B2 = 1.615858368580409e2;
const B3 = -1.556989798598866e2;
const B4 = 6.680131188771972e1;
const B5 = -1.328068155288572e1;
const C1 = -7.784894002430293e-3;
const C2 = -3.223964580411365e-1;
const C3 = -2.400758277161838;
const C4 = -2.549732539343734;
const C5 = 4.374664141464968;
const C6 = 2.938163982698783;
const D1 = 7.784695709041462e-3;
const D2 = 3.224671290700398e-1;
const D3 = 2.445134137142996;
const D4 = 3.754408661907416;
const P_LOW = 0.02425;
const P_HIGH = 1 - P_LOW;
const LOG_SQRT_2PI = 0.9189385332046728;

/** Φ⁻¹(p) to about 1e-9 relative: fast, for sampling. `p` in (0, 1). */
export function normalQuantileFast(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) /
      ((((D1 * q + D2) * q + D3) * q + D4) * q + 1)
    );
  }
  if (p <= P_HIGH) {
    const q = p - 0.5;
    const r = q * q;
    return (
      ((((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q) /
      (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1)
    );
  }
  const q = Math.sqrt(-2 * Math.log(1 - p));
  return (
    -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1)
  );
}

/**
 * Φ(x), the standard normal CDF, to about 1e-15 absolute: Marsaglia's Taylor series (2004) near the
 * centre, a continued fraction in the tails.
 */
export function normalCdf(x: number): number {
  if (x < -38) return 0;
  if (x > 38) return 1;
  if (Math.abs(x) < 6) {
    let sum = x;
    let term = x;
    const q = x * x;
    for (let i = 3; Math.abs(term) > 1e-17 * Math.abs(sum); i += 2) {
      term *= q / i;
      sum += term;
    }
    return 0.5 + sum * Math.exp(-0.5 * q - LOG_SQRT_2PI);
  }
  // Tail: Q(z) = φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))) for z = |x|.
  const z = Math.abs(x);
  let fraction = z;
  for (let k = 60; k >= 1; k--) fraction = z + k / fraction;
  const tail = Math.exp(-0.5 * z * z - LOG_SQRT_2PI) / fraction;
  return x < 0 ? tail : 1 - tail;
}

/** Φ⁻¹(p) to about 1e-15: Acklam's approximation refined by one Halley step. `p` in (0, 1). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const x = normalQuantileFast(p);
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}

/** Inverse CDF of the triangular distribution (a ≤ c ≤ b) at `u` in [0, 1]. Complexity: O(1). */
export function triangularQuantile(a: number, c: number, b: number, u: number): number {
  const width = b - a;
  if (width <= 0) return a;
  const left = c - a;
  if (u * width < left) return a + Math.sqrt(u * width * left);
  return b - Math.sqrt((1 - u) * width * (b - c));
}

/** CDF of the triangular distribution at `x`. */
export function triangularCdf(a: number, c: number, b: number, x: number): number {
  if (x <= a) return 0;
  if (x >= b) return 1;
  if (x <= c) return ((x - a) * (x - a)) / ((b - a) * (c - a));
  return 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
}

/** The beta shape parameters of a PERT distribution on [a, b] with mode m. */
export function pertShape(a: number, m: number, b: number): { alpha: number; beta: number } {
  const width = b - a;
  if (width <= 0) return { alpha: 1, beta: 1 };
  return { alpha: 1 + (PERT_LAMBDA * (m - a)) / width, beta: 1 + (PERT_LAMBDA * (b - m)) / width };
}

/**
 * A gamma(shape, 1) variate for shape ≥ 1 by Marsaglia and Tsang's method (2000), with normals from
 * the inverse CDF so every draw comes from `stream`. Expected draws per variate: about 2.1.
 */
export function sampleGamma(shape: number, stream: RandomStream): number {
  const d = shape - 1 / 3;
  return gammaMarsagliaTsang(d, 1 / Math.sqrt(9 * d), stream);
}

/** Marsaglia–Tsang with its constants d = shape − 1/3 and c = 1/√(9d) precomputed. */
export function gammaMarsagliaTsang(d: number, c: number, stream: RandomStream): number {
  for (;;) {
    const x = normalQuantileFast(stream.uniform());
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = stream.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A beta(alpha, beta) variate (both ≥ 1) as X / (X + Y) of two gamma variates. */
export function sampleBeta(alpha: number, beta: number, stream: RandomStream): number {
  const x = sampleGamma(alpha, stream);
  const y = sampleGamma(beta, stream);
  return x / (x + y);
}

const LANCZOS = Float64Array.of(
  0.99999999999980993,
  676.5203681218851,
  -1259.1392167224028,
  771.32342877765313,
  -176.61502916214059,
  12.507343278686905,
  -0.13857109526572012,
  9.9843695780195716e-6,
  1.5056327351493116e-7,
);

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; about 1e-15 relative). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const g = 7;
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < g + 2; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + g + 0.5;
  return LOG_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function (modified Lentz), as in Numerical Recipes. */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/**
 * I_x(a, b), the regularised incomplete beta function (the beta CDF). `lnRatio`, if given, is
 * ln Γ(a+b) − ln Γ(a) − ln Γ(b), computed by the caller once.
 */
export function incompleteBeta(
  a: number,
  b: number,
  x: number,
  lnRatio = logGamma(a + b) - logGamma(a) - logGamma(b),
): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnRatio + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/**
 * x with I_x(a, b) = p, for a, b ≥ 1: Halley's method from Numerical Recipes' starting guess.
 * Complexity: a few incomplete-beta evaluations (about 10 µs); used only for correlated PERT tasks.
 */
export function inverseIncompleteBeta(a: number, b: number, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let x: number;
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    x = a / (a + b * Math.exp(2 * w));
  } else {
    const lna = Math.log(a / (a + b));
    const lnb = Math.log(b / (a + b));
    const t = Math.exp(a * lna) / a;
    const u = Math.exp(b * lnb) / b;
    const w = t + u;
    x = p < t / w ? Math.pow(a * w * p, 1 / a) : 1 - Math.pow(b * w * (1 - p), 1 / b);
  }
  const afac = -logGamma(a) - logGamma(b) + logGamma(a + b);
  const lnRatio = logGamma(a + b) - logGamma(a) - logGamma(b);
  const a1 = a - 1;
  const b1 = b - 1;
  for (let j = 0; j < 20; j++) {
    if (x <= 0 || x >= 1) return x <= 0 ? 0 : 1;
    const err = incompleteBeta(a, b, x, lnRatio) - p;
    const t = Math.exp(a1 * Math.log(x) + b1 * Math.log(1 - x) + afac);
    const u = err / t;
    const step = u / (1 - 0.5 * Math.min(1, u * (a1 / x - b1 / (1 - x))));
    x -= step;
    if (x <= 0) x = 0.5 * (x + step);
    if (x >= 1) x = 0.5 * (x + step + 1);
    if (Math.abs(step) < 1e-14 * x && j > 0) break;
  }
  return x;
}
