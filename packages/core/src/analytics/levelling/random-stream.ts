/**
 * The seeded random numbers of the levelling heuristics: the same seed gives the same levelled
 * schedule on every run and platform. Not for anything secret.
 */

export interface RandomStream {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, bound). */
  below(bound: number): number;
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast counter generator), seeded through splitmix32 so that
 * nearby seeds give unrelated streams.
 *
 * @example
 * const random = randomStream(7);
 * random.below(6); // the same die roll on every run
 */
export function randomStream(seed: number): RandomStream {
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return { next, below: (bound) => Math.floor(next() * bound) };
}
