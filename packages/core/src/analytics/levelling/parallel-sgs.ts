/**
 * The parallel schedule generation scheme: time moves from one finish to the next, and at each
 * decision time every activity whose predecessors are done is started, in activity-list order, while
 * the resources have room. It builds non-delay schedules, which for large, tightly constrained
 * projects are often better starting points than the serial scheme's active ones.
 *
 * Complexity: O(n² + n·k) per schedule for n activities and k resources.
 */
import type { RcpspNetwork } from './rcpsp-network.ts';

export class ParallelSgs {
  private readonly free: Int32Array;
  private readonly finish: Int32Array;
  private readonly waiting: Int32Array;
  private readonly pending: Int32Array;
  private readonly active: Int32Array;

  constructor(readonly net: RcpspNetwork) {
    this.free = new Int32Array(net.k);
    this.finish = new Int32Array(net.n);
    this.waiting = new Int32Array(net.n);
    this.pending = new Int32Array(net.n);
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
    const { free, finish, waiting, pending, active } = this;
    free.set(capacity);
    // waiting[j]: predecessors not yet finished; ready time is the latest predecessor finish.
    for (let j = 0; j < n; j++) {
      waiting[j] = beforeStart[j + 1]! - beforeStart[j]!;
      finish[j] = -1;
      out[j] = 0;
    }
    // Unscheduled activities in list order (compacted as they are scheduled).
    let pendingCount = n;
    for (let i = 0; i < n; i++) pending[i] = list[i]!;
    let activeCount = 0;
    let t = 0;
    let makespan = 0;
    while (pendingCount > 0) {
      // Start, in list order, every eligible activity that fits at t.
      let kept = 0;
      let released = false;
      for (let i = 0; i < pendingCount; i++) {
        const j = pending[i]!;
        let fits = waiting[j] === 0 && out[j]! <= t;
        if (fits)
          for (let q = reqStart[j]!; q < reqStart[j + 1]!; q++)
            if (free[reqResource[q]!]! < reqUnits[q]!) {
              fits = false;
              break;
            }
        if (!fits) {
          pending[kept++] = j;
          continue;
        }
        out[j] = t;
        const f = t + duration[j]!;
        finish[j] = f;
        if (f > makespan) makespan = f;
        if (duration[j] === 0) {
          this.release(j, f, out, afterStart, after);
          released = true;
          continue;
        }
        for (let q = reqStart[j]!; q < reqStart[j + 1]!; q++) free[reqResource[q]!]! -= reqUnits[q]!;
        active[activeCount++] = j;
      }
      pendingCount = kept;
      // A zero-duration activity finished at t and may have released successors: look again.
      if (released) continue;
      if (pendingCount === 0) break;
      // Move to the next finish and release what ends there.
      let next = Infinity;
      for (let a = 0; a < activeCount; a++) next = Math.min(next, finish[active[a]!]!);
      if (next === Infinity) next = t + 1;
      t = next;
      let a2 = 0;
      for (let a = 0; a < activeCount; a++) {
        const j = active[a]!;
        if (finish[j]! > t) {
          active[a2++] = j;
          continue;
        }
        for (let q = reqStart[j]!; q < reqStart[j + 1]!; q++) free[reqResource[q]!]! += reqUnits[q]!;
        this.release(j, finish[j]!, out, afterStart, after);
      }
      activeCount = a2;
    }
    return makespan;
  }

  /** Successors of `j` wait for one predecessor fewer and may start no earlier than `f`. */
  private release(j: number, f: number, out: Int32Array, afterStart: Int32Array, after: Int32Array): void {
    const waiting = this.waiting;
    for (let e = afterStart[j]!; e < afterStart[j + 1]!; e++) {
      const s = after[e]!;
      waiting[s] = waiting[s]! - 1;
      if (out[s]! < f) out[s] = f;
    }
  }
}
