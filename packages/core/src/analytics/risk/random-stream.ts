/**
 * Reproducible random numbers for Monte Carlo: one independent stream per (seed, iteration).
 *
 * Every iteration seeds its own xoshiro128** generator from a hash of the run's seed and the iteration
 * index, so the numbers iteration `i` draws never depend on which thread ran it or on what ran before:
 * 1 thread or 16, the samples (and so every result) are the same.
 */

const TWO_POW_32 = 4294967296;
const INV_TWO_POW_32 = 1 / TWO_POW_32;

/** murmur3's 32-bit finaliser: a bijection on 32-bit integers with full avalanche. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * xoshiro128** (Blackman and Vigna, 2018): 128 bits of state, 32-bit outputs, passes BigCrush.
 * `reset(iteration)` jumps to the stream of one iteration.
 *
 * @example
 * const stream = new RandomStream(42);
 * stream.reset(7);
 * stream.uniform(); // always the same first number for seed 42, iteration 7
 */
export class RandomStream {
  // State in a typed array: as object fields, 32-bit values beyond the small-integer range would be
  // boxed on every write.
  private readonly s = new Int32Array(4);
  private readonly seedLo: number;
  private readonly seedHi: number;

  /** `seed`: any integer that a double holds exactly (|seed| < 2^53). */
  constructor(seed: number) {
    const s = Math.abs(Math.trunc(seed));
    this.seedLo = mix32((s % TWO_POW_32) ^ 0x9e3779b9);
    this.seedHi = mix32(Math.floor(s / TWO_POW_32) + (seed < 0 ? 0x7f4a7c15 : 0) + this.seedLo);
  }

  /** Starts the stream of `iteration` (0 ≤ iteration < 2^32). Complexity: O(1). */
  reset(iteration: number): void {
    const s = this.s;
    // s[0] is a bijection of the iteration (for a given seed), so no two iterations share a state.
    const a = mix32((iteration >>> 0) ^ this.seedLo);
    const b = mix32(a + this.seedHi);
    const c = mix32(b ^ 0x27d4eb2f);
    s[0] = a;
    s[1] = b;
    s[2] = c;
    s[3] = mix32(c + 0x165667b1) | 1;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** Fills `out[0 … count)` with `uniform()` draws (the same numbers, faster: the state stays local). */
  fillUniform(out: Float64Array, count: number): void {
    const s = this.s;
    let s0 = s[0]!;
    let s1 = s[1]!;
    let s2 = s[2]!;
    let s3 = s[3]!;
    for (let k = 0; k < count; k++) {
      const x = Math.imul(s1, 5);
      out[k] = ((Math.imul((x << 7) | (x >>> 25), 9) >>> 0) + 0.5) * INV_TWO_POW_32;
      s2 ^= s0;
      s3 ^= s1;
      const t = s1 << 9;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
  }

  /** Uniform in the open interval (0, 1): never exactly 0 or 1, so inverse CDFs stay finite. */
  uniform(): number {
    return (this.nextUint32() + 0.5) * INV_TWO_POW_32;
  }
}
