/**
 * Priority rules for the serial SGS (Kolisch 1996): each gives every activity a value, smaller is more
 * urgent, and an activity list takes the most urgent eligible activity (all predecessors listed) next.
 * Regret-based biased random sampling draws lists around a rule's choice instead.
 */
import type { RandomStream } from './random-stream.ts';
import type { RcpspNetwork } from './rcpsp-network.ts';

export type PriorityRule =
  /** Latest finish time (critical path against its own length). */
  | 'LFT'
  /** Latest start time. */
  | 'LST'
  /** Minimum slack (latest start − earliest start). */
  | 'MSLK'
  /** Most total successors (direct and indirect). */
  | 'MTS'
  /** Greatest rank positional weight: own duration plus those of the direct successors. */
  | 'GRPW';

export const PRIORITY_RULES: readonly PriorityRule[] = ['LFT', 'LST', 'MSLK', 'MTS', 'GRPW'];

/** Each activity's value under `rule` (smaller first). Complexity: O(n + arcs), MTS O(n²). */
export function priorityValues(net: RcpspNetwork, rule: PriorityRule): Float64Array {
  const { n, duration, latestFinish, earliestStart, succStart, succ, related } = net;
  const v = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const lst = latestFinish[j]! - duration[j]!;
    switch (rule) {
      case 'LFT':
        v[j] = latestFinish[j]!;
        break;
      case 'LST':
        v[j] = lst;
        break;
      case 'MSLK':
        v[j] = lst - earliestStart[j]!;
        break;
      case 'MTS': {
        let total = 0;
        for (let i = j * n, end = i + n; i < end; i++) total += related[i]!;
        v[j] = -total;
        break;
      }
      case 'GRPW': {
        let weight = duration[j]!;
        for (let e = succStart[j]!; e < succStart[j + 1]!; e++) weight += duration[succ[e]!]!;
        v[j] = -weight;
        break;
      }
    }
  }
  return v;
}

/**
 * The activity list of a priority rule: the eligible activity with the smallest value next, ties to
 * the smaller index. With `random`, regret-based biased random sampling (Kolisch & Drexl 1996): an
 * eligible activity is drawn with probability proportional to 1 + its regret, the gap between its
 * value and the worst eligible value.
 * Complexity: O(n²).
 */
export function priorityList(
  net: RcpspNetwork,
  values: Float64Array,
  random?: RandomStream,
  out: Int32Array = new Int32Array(net.n),
): Int32Array {
  const { n, predStart, succStart, succ } = net;
  const missing = new Int32Array(n);
  const eligible: number[] = [];
  for (let j = 0; j < n; j++) {
    missing[j] = predStart[j + 1]! - predStart[j]!;
    if (missing[j] === 0) eligible.push(j);
  }
  for (let idx = 0; idx < n; idx++) {
    let pick = 0;
    if (random) {
      let worst = -Infinity;
      for (const j of eligible) worst = Math.max(worst, values[j]!);
      let total = 0;
      for (const j of eligible) total += worst - values[j]! + 1;
      let r = random.next() * total;
      for (pick = 0; pick < eligible.length - 1; pick++) {
        r -= worst - values[eligible[pick]!]! + 1;
        if (r < 0) break;
      }
    } else {
      for (let e = 1; e < eligible.length; e++) {
        const a = eligible[e]!;
        const b = eligible[pick]!;
        if (values[a]! < values[b]! || (values[a] === values[b] && a < b)) pick = e;
      }
    }
    const j = eligible[pick]!;
    eligible[pick] = eligible[eligible.length - 1]!;
    eligible.pop();
    out[idx] = j;
    for (let e = succStart[j]!; e < succStart[j + 1]!; e++) {
      const s = succ[e]!;
      missing[s] = missing[s]! - 1;
      if (missing[s] === 0) eligible.push(s);
    }
  }
  return out;
}
