/**
 * The distinct working days of a calendar, interned: a calendar over 166 years has a handful of day
 * patterns (standard day, non-working day, a few exception days), so each day stores a small id.
 */
import type { WorkingPeriod } from '../model/calendar.ts';

/**
 * Sorts, clips to [0, 1440] and merges touching or overlapping periods, dropping empty ones, so that
 * 08:00–12:00 + 12:00–17:00 is one period and the arithmetic never sees a zero-length gap. A period
 * ending at 00:00 after it starts (MSPDI's `ToTime 00:00:00`) ends at midnight (1440).
 *
 * Complexity: O(p log p) for p periods.
 */
export function normalizePeriods(periods: readonly WorkingPeriod[]): WorkingPeriod[] {
  const clipped = periods
    .map(({ from, to }) => ({
      from: Math.max(0, from),
      to: Math.min(1440, to === 0 && from > 0 ? 1440 : to),
    }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const merged: WorkingPeriod[] = [];
  for (const p of clipped) {
    const last = merged[merged.length - 1];
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else merged.push({ ...p });
  }
  return merged;
}

/**
 * Interns day patterns and lays them out flat for the hot loops: the periods of pattern `p` are
 * `from[k]..to[k]` for `k` in `start[p] .. start[p + 1] - 1`.
 */
export class DayPatternTable {
  /** Normalised, frozen periods of each pattern. */
  readonly periods: (readonly WorkingPeriod[])[] = [];
  /** Working minutes of each pattern. */
  readonly minutes: number[] = [];
  private readonly ids = new Map<string, number>();
  private flat: { start: Int32Array; from: Float64Array; to: Float64Array } | undefined;

  /** The id of a pattern, adding it when new. Complexity: O(p log p) for p periods. */
  intern(periods: readonly WorkingPeriod[]): number {
    const normal = normalizePeriods(periods);
    const key = normal.map((p) => `${p.from}-${p.to}`).join(',');
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.periods.length;
      this.ids.set(key, id);
      this.periods.push(Object.freeze(normal.map((p) => Object.freeze(p))));
      this.minutes.push(normal.reduce((sum, p) => sum + p.to - p.from, 0));
      this.flat = undefined;
    }
    return id;
  }

  get size(): number {
    return this.periods.length;
  }

  /** The flat layout (built once after the last `intern`). */
  layout(): { start: Int32Array; from: Float64Array; to: Float64Array } {
    if (this.flat) return this.flat;
    const count = this.periods.reduce((n, ps) => n + ps.length, 0);
    const flat = {
      start: new Int32Array(this.size + 1),
      from: new Float64Array(count),
      to: new Float64Array(count),
    };
    let k = 0;
    this.periods.forEach((ps, id) => {
      flat.start[id] = k;
      for (const p of ps) {
        flat.from[k] = p.from;
        flat.to[k++] = p.to;
      }
    });
    flat.start[this.size] = k;
    this.flat = flat;
    return flat;
  }
}
