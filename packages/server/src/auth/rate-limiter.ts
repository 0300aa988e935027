/**
 * A fixed-window counter per key (sign-in: IP + email). In memory: each API process limits on its own,
 * which bounds an attacker at N × the limit behind N processes — acceptable for sign-in throttling.
 */
export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window resets (for `Retry-After`). */
  retryAfterSeconds: number;
}

export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt for `key`. */
  hit(key: string): RateLimitResult {
    const now = this.now();
    this.#sweep(now);
    let window = this.#windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count += 1;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    return { allowed: window.count <= this.limit, retryAfterSeconds };
  }

  /** Forgets `key` (after a successful sign-in). */
  reset(key: string): void {
    this.#windows.delete(key);
  }

  // Drop expired windows now and then so the map cannot grow without bound.
  #lastSweep = 0;
  #sweep(now: number): void {
    if (now - this.#lastSweep < this.windowMs) return;
    this.#lastSweep = now;
    for (const [key, w] of this.#windows) if (now - w.start >= this.windowMs) this.#windows.delete(key);
  }
}
