/**
 * The serial schedule generation scheme (SGS): activities are taken one by one in the order of an
 * activity list and each starts at the earliest period at which its predecessors are done and every
 * resource it needs has room for its whole duration. Run on the reversed network it schedules
 * backwards from the end (successors first), which is what justification needs.
 *
 * Complexity: O(n·d·k) per schedule for n activities of d periods and k resources, in practice
 * O(arcs + n·d·k') with k' resources requested per activity; one resource profile of
 * horizon × k integers is reused, and only the part a schedule touched is cleared.
 */
import type { RcpspNetwork } from './rcpsp-network.ts';

export class SerialSgs {
  /** Units in use per period and resource, period-major: `used[t * k + r]`. */
  private readonly used: Int32Array;

  constructor(readonly net: RcpspNetwork) {
    this.used = new Int32Array((net.horizon + 1) * Math.max(1, net.k));
  }

  /**
   * Schedules `list` (a precedence-feasible order) forward from period 0 and writes each activity's
   * start period into `start`. Returns the makespan.
   */
  forward(list: ArrayLike<number>, start: Int32Array): number {
    const { predStart, pred } = this.net;
    return this.serial(list, start, predStart, pred);
  }

  /**
   * Schedules `list` (successors before predecessors) backward, as late as possible before the end,
   * and writes real start periods into `start` (the earliest start is 0). Returns the makespan.
   */
  backward(list: ArrayLike<number>, start: Int32Array): number {
    const { succStart, succ, duration, n } = this.net;
    const makespan = this.serial(list, start, succStart, succ);
    // `start` holds starts in reversed time; mirror them.
    for (let j = 0; j < n; j++) start[j] = makespan - start[j]! - duration[j]!;
    return makespan;
  }

  private serial(
    list: ArrayLike<number>,
    out: Int32Array,
    before: Int32Array,
    beforeList: Int32Array,
  ): number {
    const { n, k, duration, capacity, reqStart, reqResource, reqUnits } = this.net;
    const used = this.used;
    let makespan = 0;
    for (let idx = 0; idx < n; idx++) {
      const j = list[idx]!;
      let t = 0;
      for (let e = before[j]!, end = before[j + 1]!; e < end; e++) {
        const p = beforeList[e]!;
        const f = out[p]! + duration[p]!;
        if (f > t) t = f;
      }
      const d = duration[j]!;
      const r0 = reqStart[j]!;
      const r1 = reqStart[j + 1]!;
      if (r1 > r0) {
        // Periods t..checked are known to have room; scan the rest of the window from its end, so a
        // conflict moves the start past it in one step.
        let checked = t - 1;
        for (;;) {
          const last = t + d - 1;
          let conflict = -1;
          for (let tau = last; tau > checked && conflict < 0; tau--) {
            const base = tau * k;
            for (let q = r0; q < r1; q++) {
              const r = reqResource[q]!;
              if (used[base + r]! + reqUnits[q]! > capacity[r]!) {
                conflict = tau;
                break;
              }
            }
          }
          if (conflict < 0) break;
          t = conflict + 1;
          checked = last;
        }
        for (let tau = t, last = t + d; tau < last; tau++) {
          const base = tau * k;
          for (let q = r0; q < r1; q++) used[base + reqResource[q]!]! += reqUnits[q]!;
        }
      }
      out[j] = t;
      if (t + d > makespan) makespan = t + d;
    }
    used.fill(0, 0, makespan * k);
    return makespan;
  }
}
