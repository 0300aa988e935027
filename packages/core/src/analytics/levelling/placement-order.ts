/**
 * The order in which levelling places tasks: priority, then less total float, then id, with each
 * task ranking at least as high as anything that depends on it; placed in a topological order of the
 * network that takes the best-ranked ready task each time.
 */
import type { Project } from '../../model/project.ts';
import type { Network } from '../../schedule/network.ts';
import type { Schedule } from '../../schedule/schedule-result.ts';

/** MS Project's normal priority, for tasks that give none. */
export const DEFAULT_PRIORITY = 500;

/** Position of each task in the order priority, float, id (0 first). */
export function rankTasks(project: Project, unlevelled: Schedule): Int32Array {
  const order = project.tasks.map((_, i) => i);
  const priority = (i: number) => project.tasks[i]!.priority ?? DEFAULT_PRIORITY;
  order.sort(
    (a, b) =>
      priority(b) - priority(a) ||
      unlevelled.tasks[a]!.totalFloat - unlevelled.tasks[b]!.totalFloat ||
      compareIds(project.tasks[a]!.id, project.tasks[b]!.id),
  );
  const rank = new Int32Array(order.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

/**
 * Each task ranks at least as high as anything that depends on it (priority inheritance); ties go to
 * the task's own rank. Complexity: O(nodes + edges).
 */
export function inheritRanks(net: Network, rank: Int32Array): Int32Array {
  const n = net.taskCount;
  const best = new Int32Array(net.nodeCount).fill(0x7fffffff);
  for (let k = net.order.length - 1; k >= 0; k--) {
    const v = net.order[k]!;
    let r = v < n && !net.isSummary[v] ? rank[v]! : 0x7fffffff;
    for (let e = net.outStart[v]!; e < net.outStart[v + 1]!; e++)
      r = Math.min(r, best[net.edgeTo[net.outEdge[e]!]!]!);
    best[v] = r;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => best[a]! - best[b]! || rank[a]! - rank[b]!,
  );
  const inherited = new Int32Array(n);
  order.forEach((i, r) => (inherited[i] = r));
  return inherited;
}

/**
 * Leaf tasks in the order they are placed: a topological order of the network (so every predecessor,
 * through links and summaries, comes first) taking the best-ranked ready task each time.
 * Complexity: O((nodes + edges) log nodes).
 */
export function placementOrder(net: Network, rank: Int32Array): number[] {
  const n = net.taskCount;
  const missing = new Int32Array(net.nodeCount);
  for (let v = 0; v < net.nodeCount; v++) missing[v] = net.inStart[v + 1]! - net.inStart[v]!;
  // Structural nodes (summary gates and roll-ups) pass at once: key -1.
  const key = (v: number) => (v < n && !net.isSummary[v] ? rank[v]! : -1);
  const heap = new MinHeap(key);
  for (let v = 0; v < net.nodeCount; v++) if (missing[v] === 0) heap.push(v);
  const order: number[] = [];
  while (heap.size > 0) {
    const v = heap.pop();
    if (v < n && !net.isSummary[v]) order.push(v);
    for (let e = net.outStart[v]!; e < net.outStart[v + 1]!; e++) {
      const w = net.edgeTo[net.outEdge[e]!]!;
      missing[w] = missing[w]! - 1;
      if (missing[w] === 0) heap.push(w);
    }
  }
  return order;
}

class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly key: (v: number) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(v: number): void {
    const { items, key } = this;
    items.push(v);
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (key(items[p]!) <= key(v)) break;
      items[i] = items[p]!;
      i = p;
    }
    items[i] = v;
  }

  pop(): number {
    const { items, key } = this;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length === 0) return top;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= items.length) break;
      if (c + 1 < items.length && key(items[c + 1]!) < key(items[c]!)) c++;
      if (key(items[c]!) >= key(last)) break;
      items[i] = items[c]!;
      i = c;
    }
    items[i] = last;
    return top;
  }
}

/** Numbers as numbers (`2` before `10`), anything else as text. */
function compareIds(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
