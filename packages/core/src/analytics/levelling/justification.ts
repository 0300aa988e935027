/**
 * Justification (Valls, Ballestín & Quintanilla 2005): shift every activity as far right as it will
 * go, latest finish first (right justification), or as far left, earliest start first (left
 * justification). Neither can lengthen a schedule; one after the other (double justification, or
 * forward–backward improvement) they often shorten it: the right pass packs the tail, the left pass
 * pulls the freed room forward.
 *
 * Complexity: one serial schedule and one counting sort per pass, O(n·d·k + makespan).
 */
import type { RcpspNetwork } from './rcpsp-network.ts';
import type { SerialSgs } from './serial-sgs.ts';

export class Justifier {
  private readonly count: Int32Array;
  private readonly list: Int32Array;

  constructor(
    private readonly net: RcpspNetwork,
    private readonly sgs: SerialSgs,
  ) {
    this.count = new Int32Array(net.horizon + 2);
    this.list = new Int32Array(net.n);
  }

  /** Right-justifies the schedule `start` in place; returns its makespan. One schedule generation. */
  right(start: Int32Array, makespan: number): number {
    return this.sgs.backward(this.byFinishDescending(start, makespan, this.list), start);
  }

  /** Left-justifies the schedule `start` in place; returns its makespan. One schedule generation. */
  left(start: Int32Array, makespan: number): number {
    return this.sgs.forward(this.byStart(start, makespan, this.list), start);
  }

  /** Right, then left justification; returns the new makespan. Two schedule generations. */
  double(start: Int32Array, makespan: number): number {
    return this.left(start, this.right(start, makespan));
  }

  /** The activities by start, ties in topological order: a precedence-feasible activity list. */
  byStart(start: Int32Array, makespan: number, out: Int32Array): Int32Array {
    const { topo, n } = this.net;
    const count = this.count;
    count.fill(0, 0, makespan + 2);
    for (let j = 0; j < n; j++) count[start[j]! + 1]!++;
    for (let t = 1; t <= makespan + 1; t++) count[t]! += count[t - 1]!;
    for (let i = 0; i < n; i++) {
      const j = topo[i]!;
      out[count[start[j]!]!++] = j;
    }
    return out;
  }

  /** The activities by finish, latest first, ties in reverse topological order: successors first. */
  byFinishDescending(start: Int32Array, makespan: number, out: Int32Array): Int32Array {
    const { topo, n, duration } = this.net;
    const count = this.count;
    count.fill(0, 0, makespan + 2);
    for (let j = 0; j < n; j++) count[makespan - start[j]! - duration[j]! + 1]!++;
    for (let t = 1; t <= makespan + 1; t++) count[t]! += count[t - 1]!;
    for (let i = n - 1; i >= 0; i--) {
      const j = topo[i]!;
      out[count[makespan - start[j]! - duration[j]!]!++] = j;
    }
    return out;
  }
}
