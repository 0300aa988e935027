/**
 * The parallel schedule generation scheme: time moves from one finish to the next, and at each
 * decision time every activity whose predecessors are done is started, in activity-list order, while
 * the resources have room. It builds non-delay schedules, which for large, tightly constrained
 * projects are often better starting points than the serial scheme's active ones.
 *
 * Complexity: O(n·(k + e log e)) per schedule for n activities, k resources and at most e activities
 * eligible at once.
 */
import type { RcpspNetwork } from './rcpsp-network.ts';

export class ParallelSgs {
  private readonly free: Int32Array;
  private readonly finish: Int32Array;
  private readonly waiting: Int32Array;
  private readonly position: Int32Array;
  private readonly eligible: Int32Array;
  private readonly active: Int32Array;

  constructor(readonly net: RcpspNetwork) {
    this.free = new Int32Array(net.k);
    this.finish = new Int32Array(net.n);
    this.waiting = new Int32Array(net.n);
    this.position = new Int32Array(net.n);
    this.eligible = new Int32Array(net.n);
    this.active = new Int32Array(net.n);
  }

  /** Schedules forward from period 0 in `list`'s order of preference; writes starts, returns the makespan. */
  forward(list: ArrayLike<number>, start: Int32Array): number {
    return this.parallel(list, start, this.net.predStart, this.net.succStart, this.net.succ);
  }

  /** Schedules backward from the end (`list` names successors first); writes real starts. */
  backward(list: ArrayLike<number>, start: Int32Array): number {
    const { predStart, pred, succStart, duration, n } = this.net;
    const makespan = this.parallel(list, start, succStart, predStart, pred);
    for (let j = 0; j < n; j++) start[j] = makespan - start[j]! - duration[j]!;
    return makespan;
  }

  private parallel(
    list: ArrayLike<number>,
    out: Int32Array,
    beforeStart: Int32Array,
    afterStart: Int32Array,
    after: Int32Array,
  ): number {
    const { n, duration, capacity, reqStart, reqResource, reqUnits } = this.net;
    const { free, finish, waiting, position, eligible, active } = this;
    free.set(capacity);
    for (let i = 0; i < n; i++) position[list[i]!] = i;
    // Eligible: every predecessor finished (at or before the current decision time).
    let eligibleCount = 0;
    for (let j = 0; j < n; j++) {
      waiting[j] = beforeStart[j + 1]! - beforeStart[j]!;
      if (waiting[j] === 0) eligible[eligibleCount++] = j;
    }
    let activeCount = 0;
    let started = 0;
    let t = 0;
    let makespan = 0;
    while (started < n) {
      // Start, in list order, every eligible activity that fits at t; a zero-duration activity
      // finishes at once and may make others eligible at t, so look again until nothing changes.
      let again = true;
      while (again) {
        again = false;
        sortByPosition(eligible, eligibleCount, position);
        let kept = 0;
        const count = eligibleCount;
        for (let e = 0; e < count; e++) {
          const j = eligible[e]!;
          let fits = true;
          for (let q = reqStart[j]!; q < reqStart[j + 1]!; q++)
            if (free[reqResource[q]!]! < reqUnits[q]!) {
              fits = false;
              break;
            }
          if (!fits) {
            eligible[kept++] = j;
            continue;
          }
          out[j] = t;
          started++;
          const f = t + duration[j]!;
          finish[j] = f;
          if (f > makespan) makespan = f;
          if (duration[j] === 0) {
            // Successors become eligible now: appended after the ones still waiting.
            for (let s = afterStart[j]!; s < afterStart[j + 1]!; s++) {
              const w = after[s]!;
              waiting[w] = waiting[w]! - 1;
              if (waiting[w] === 0) eligible[eligibleCount++] = w;
            }
            again = true;
            continue;
          }
          for (let q = reqStart[j]!; q < reqStart[j + 1]!; q++) free[reqResource[q]!]! -= reqUnits[q]!;
          active[activeCount++] = j;
        }
        // Compact: the kept ones, then any appended during the pass.
        for (let e = count; e < eligibleCount; e++) eligible[kept++] = eligible[e]!;
        eligibleCount = kept;
      }
      if (started >= n) break;
      // Move to the next finish and release what ends there.
      let next = Infinity;
      for (let a = 0; a < activeCount; a++) next = Math.min(next, finish[active[a]!]!);
      t = next;
      let a2 = 0;
      for (let a = 0; a < activeCount; a++) {
        const j = active[a]!;
        if (finish[j]! > t) {
          active[a2++] = j;
          continue;
        }
        for (let q = reqStart[j]!; q < reqStart[j + 1]!; q++) free[reqResource[q]!]! += reqUnits[q]!;
        for (let s = afterStart[j]!; s < afterStart[j + 1]!; s++) {
          const w = after[s]!;
          waiting[w] = waiting[w]! - 1;
          if (waiting[w] === 0) eligible[eligibleCount++] = w;
        }
      }
      activeCount = a2;
    }
    return makespan;
  }
}

/** Insertion sort of the first `count` entries by list position (eligible sets are small). */
function sortByPosition(items: Int32Array, count: number, position: Int32Array): void {
  for (let i = 1; i < count; i++) {
    const x = items[i]!;
    const p = position[x]!;
    let k = i - 1;
    while (k >= 0 && position[items[k]!]! > p) {
      items[k + 1] = items[k]!;
      k--;
    }
    items[k + 1] = x;
  }
}
