/**
 * The dependency network in flat arrays, ready for the passes.
 *
 * Every leaf task is one node. A summary task is two nodes: its *gate* (`gateOf[i]`), which collects the
 * links into the summary and releases its children no earlier, and its *roll-up* node (the task index
 * itself), which waits for every child and feeds the summary's own successors. So "links on summaries
 * apply to all children" holds without copying links, and a link between a summary and its own
 * subtask is reported as the cycle it is.
 */
import type { Link, LinkType, Project } from '../model/project.ts';
import { IdIndex } from './id-index.ts';
import { CycleError, ScheduleError } from './schedule-errors.ts';

export const LINK_FS = 0;
export const LINK_SS = 1;
export const LINK_FF = 2;
export const LINK_SF = 3;
/** A structural edge: parent gate → child (child starts no earlier than the gate). */
export const EDGE_GATE = 4;
/** A structural edge: child → parent roll-up. */
export const EDGE_ROLLUP = 5;

const LINK_CODE: Record<LinkType, number> = { FS: LINK_FS, SS: LINK_SS, FF: LINK_FF, SF: LINK_SF };

export interface Network {
  taskCount: number;
  /** Node count: tasks first (index = task index), then one gate node per summary. */
  nodeCount: number;
  parent: Int32Array;
  isSummary: Uint8Array;
  /** Gate node of each summary task, -1 for leaves. */
  gateOf: Int32Array;
  /** Task index behind each node (for gates: the summary). */
  taskOfNode: Int32Array;
  /** Edges in CSR form, by source node (out) and by target node (in). */
  outStart: Int32Array;
  outEdge: Int32Array;
  inStart: Int32Array;
  inEdge: Int32Array;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeKind: Uint8Array;
  /** Index into project.links for link edges, -1 for structural edges. */
  edgeLink: Int32Array;
  /** Nodes in topological order. */
  order: Int32Array;
  indexOfId: IdIndex;
}

/**
 * Builds the network and its topological order.
 * Throws `ScheduleError` for unknown task ids and `CycleError` naming the tasks of a cycle.
 * Complexity: O(tasks + links).
 */
export function buildNetwork(project: Project, isActive: (taskIndex: number) => boolean): Network {
  const tasks = project.tasks;
  const n = tasks.length;
  const indexOfId = new IdIndex();
  const parent = new Int32Array(n).fill(-1);
  const isSummary = new Uint8Array(n);
  // Each task object is read once: a parent listed before its child (outline order) is resolved here;
  // the others wait for the pass below, which then reports unknown parents in task order as before.
  let unresolved = 0;
  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    const id = t.id;
    if (!indexOfId.add(id, i)) throw new ScheduleError('INVALID', `Duplicate task id "${id}"`);
    if (t.parentId === undefined) continue;
    const p = indexOfId.get(t.parentId);
    if (p === undefined) {
      parent[i] = -2;
      unresolved++;
      continue;
    }
    parent[i] = p;
    isSummary[p] = 1;
  }
  for (let i = 0; unresolved > 0 && i < n; i++) {
    if (parent[i] !== -2) continue;
    unresolved--;
    const t = tasks[i]!;
    const p = indexOfId.get(t.parentId!);
    if (p === undefined)
      throw new ScheduleError(
        'UNKNOWN_TASK',
        `Task "${t.name}" (${t.id}) has unknown parent "${t.parentId}"`,
      );
    parent[i] = p;
    isSummary[p] = 1;
  }

  const gateOf = new Int32Array(n).fill(-1);
  let nodeCount = n;
  for (let i = 0; i < n; i++) if (isSummary[i]) gateOf[i] = nodeCount++;
  const taskOfNode = new Int32Array(nodeCount);
  for (let i = 0; i < n; i++) {
    taskOfNode[i] = i;
    if (gateOf[i]! >= 0) taskOfNode[gateOf[i]!] = i;
  }

  const links: Link[] = project.links;
  const linkCount = links.length;
  const predOf = new Int32Array(linkCount);
  const succOf = new Int32Array(linkCount);
  // Each link object is read once: at 100k tasks they are scattered over the heap, a cache miss each.
  const kindOf = new Uint8Array(linkCount);
  let usable = 0;
  for (let k = 0; k < linkCount; k++) {
    const l = links[k]!;
    const p = indexOfId.get(l.predecessorId);
    const s = indexOfId.get(l.successorId);
    if (p === undefined || s === undefined) {
      const missing = p === undefined ? l.predecessorId : l.successorId;
      throw new ScheduleError(
        'UNKNOWN_TASK',
        `Link ${l.predecessorId} → ${l.successorId} refers to unknown task "${missing}"`,
      );
    }
    if (p === s) throw new CycleError([tasks[p]!.id], [tasks[p]!.name]);
    const active = isActive(p) && isActive(s);
    predOf[k] = active ? p : -1;
    succOf[k] = s;
    kindOf[k] = LINK_CODE[l.type];
    if (active) usable++;
  }

  let structural = 0;
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) structural += 2;
  const m = usable + structural;
  const edgeFrom = new Int32Array(m);
  const edgeTo = new Int32Array(m);
  const edgeKind = new Uint8Array(m);
  const edgeLink = new Int32Array(m).fill(-1);
  let e = 0;
  for (let k = 0; k < linkCount; k++) {
    const p = predOf[k]!;
    if (p < 0) continue;
    const s = succOf[k]!;
    edgeFrom[e] = p; // a summary predecessor acts through its roll-up node
    edgeTo[e] = isSummary[s] ? gateOf[s]! : s;
    edgeKind[e] = kindOf[k]!;
    edgeLink[e] = k;
    e++;
  }
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p < 0) continue;
    edgeFrom[e] = gateOf[p]!;
    edgeTo[e] = isSummary[i] ? gateOf[i]! : i;
    edgeKind[e++] = EDGE_GATE;
    edgeFrom[e] = i;
    edgeTo[e] = p;
    edgeKind[e++] = EDGE_ROLLUP;
  }
  const [outStart, outEdge] = csr(nodeCount, edgeFrom);
  const [inStart, inEdge] = csr(nodeCount, edgeTo);

  const order = topologicalOrder(nodeCount, outStart, outEdge, edgeTo, inStart);
  if (order.length < nodeCount) {
    throw cycleError(project, nodeCount, inStart, inEdge, edgeFrom, taskOfNode, order);
  }
  return {
    taskCount: n,
    nodeCount,
    parent,
    isSummary,
    gateOf,
    taskOfNode,
    outStart,
    outEdge,
    inStart,
    inEdge,
    edgeFrom,
    edgeTo,
    edgeKind,
    edgeLink,
    order,
    indexOfId,
  };
}

function csr(nodeCount: number, endpoint: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(nodeCount + 1);
  for (let e = 0; e < endpoint.length; e++) start[endpoint[e]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, nodeCount);
  const edges = new Int32Array(endpoint.length);
  for (let e = 0; e < endpoint.length; e++) edges[fill[endpoint[e]!]!++] = e;
  return [start, edges];
}

function topologicalOrder(
  nodeCount: number,
  outStart: Int32Array,
  outEdge: Int32Array,
  edgeTo: Int32Array,
  inStart: Int32Array,
): Int32Array {
  const indegree = new Int32Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) indegree[v] = inStart[v + 1]! - inStart[v]!;
  const order = new Int32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < nodeCount; v++) if (indegree[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++]!;
    for (let k = outStart[v]!; k < outStart[v + 1]!; k++) {
      const w = edgeTo[outEdge[k]!]!;
      if (--indegree[w]! === 0) order[tail++] = w;
    }
  }
  return order.subarray(0, tail);
}

/**
 * Finds one cycle among the nodes left unordered and names its tasks in link order. Every such node
 * kept an unordered predecessor (its in-degree never reached zero), so walking predecessors from any of
 * them must come back to a node already seen; nodes merely downstream of a cycle are never named.
 */
function cycleError(
  project: Project,
  nodeCount: number,
  inStart: Int32Array,
  inEdge: Int32Array,
  edgeFrom: Int32Array,
  taskOfNode: Int32Array,
  order: Int32Array,
): CycleError {
  const done = new Uint8Array(nodeCount);
  for (const v of order) done[v] = 1;
  const seenAt = new Int32Array(nodeCount).fill(-1);
  const path: number[] = [];
  let v = 0;
  while (done[v]) v++;
  while (seenAt[v] === -1) {
    seenAt[v] = path.length;
    path.push(v);
    for (let k = inStart[v]!; k < inStart[v + 1]!; k++) {
      const u = edgeFrom[inEdge[k]!]!;
      if (!done[u]) {
        v = u;
        break;
      }
    }
  }
  const cycleNodes = path.slice(seenAt[v]).reverse();
  const taskIdx: number[] = [];
  for (const node of cycleNodes) {
    const t = taskOfNode[node]!;
    if (taskIdx[taskIdx.length - 1] !== t) taskIdx.push(t);
  }
  if (taskIdx.length > 1 && taskIdx[0] === taskIdx[taskIdx.length - 1]) taskIdx.pop();
  const tasks = project.tasks;
  return new CycleError(
    taskIdx.map((i) => tasks[i]!.id),
    taskIdx.map((i) => tasks[i]!.name),
  );
}
