/**
 * A small seeded generator for the throughput Monte Carlo: the same seed gives the same draws on every
 * platform, so a forecast can be reproduced and checked.
 */

/**
 * mulberry32 (Tommy Ettinger): 32 bits of state, plenty for resampling a throughput history.
 *
 * @example
 * const next = seededRandom(7);
 * next(); // the same number in [0, 1) on every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
