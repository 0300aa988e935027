/**
 * The resource-constrained project scheduling problem (RCPSP) in flat typed arrays: activities with
 * integer durations, finish-to-start precedences without lag, and renewable resources with a constant
 * capacity per period. Everything the levelling heuristics need is compiled here once per problem.
 */

/** An RCPSP instance as plain data; activities are 0-based. */
export interface RcpspProblem {
  /** Duration of each activity in periods (non-negative integers; 0 for dummies and milestones). */
  durations: readonly number[];
  /** Successors of each activity (0-based indices): finish-to-start, no lag. */
  successors: readonly (readonly number[])[];
  /** Units of each resource requested by each activity in every period it runs: `[activity][resource]`. */
  requests: readonly (readonly number[])[];
  /** Units of each renewable resource available in every period. */
  capacities: readonly number[];
}

/** The problem compiled for the heuristics. Arrays are shared and must not be changed. */
export interface RcpspNetwork {
  /** Activity count. */
  n: number;
  /** Resource count. */
  k: number;
  duration: Int32Array;
  /** Predecessors and successors in CSR form: those of `j` are `pred[predStart[j] .. predStart[j+1])`. */
  predStart: Int32Array;
  pred: Int32Array;
  succStart: Int32Array;
  succ: Int32Array;
  capacity: Int32Array;
  /** Non-zero requests of each activity: resources `reqResource[reqStart[j] ..]`, units `reqUnits[..]`. */
  reqStart: Int32Array;
  reqResource: Int32Array;
  reqUnits: Int32Array;
  /** A topological order, and each activity's position in it. */
  topo: Int32Array;
  rank: Int32Array;
  /** Sum of all durations: no serial schedule is longer. */
  horizon: number;
  /** Critical-path early starts and latest finishes (latest against the critical-path length). */
  earliestStart: Int32Array;
  latestFinish: Int32Array;
  /** Critical-path length: the makespan with resources ignored. */
  criticalPath: number;
  /** max(critical path, the largest ⌈work ÷ capacity⌉ of one resource): no schedule is shorter. */
  lowerBound: number;
  /** `related[i * n + j]` is 1 when `i` precedes `j` directly or transitively. */
  related: Uint8Array;
}

/** A problem that cannot be scheduled: bad numbers, a cycle, or a request above a capacity. */
export class RcpspError extends Error {
  constructor(
    readonly code: 'INVALID' | 'CYCLE' | 'INFEASIBLE',
    message: string,
  ) {
    super(message);
    this.name = 'RcpspError';
  }
}

const isCount = (x: number) => Number.isInteger(x) && x >= 0;

/**
 * Validates and compiles a problem.
 * Throws `RcpspError` for a non-integer duration or request, an unknown successor, a precedence
 * cycle, or an activity requesting more than a resource's capacity.
 *
 * @example
 * const net = compileRcpsp({ durations: [0, 3, 2, 0], successors: [[1, 2], [3], [3], []],
 *   requests: [[0], [2], [2], [0]], capacities: [3] });
 * net.criticalPath; // 3
 * net.lowerBound;   // 4: ⌈(3·2 + 2·2) ÷ 3⌉
 *
 * Complexity: O(n² / 32 + n·k + arcs·n) for n activities (the transitive relation dominates).
 */
export function compileRcpsp(problem: RcpspProblem): RcpspNetwork {
  const n = problem.durations.length;
  const k = problem.capacities.length;
  if (problem.successors.length !== n || problem.requests.length !== n)
    throw new RcpspError(
      'INVALID',
      `${n} durations but ${problem.successors.length} successor lists and ${problem.requests.length} request rows`,
    );
  const capacity = Int32Array.from(problem.capacities);
  problem.capacities.forEach((c, r) => {
    if (!isCount(c))
      throw new RcpspError('INVALID', `resource ${r}: capacity ${c} is not a whole number ≥ 0`);
  });

  const duration = new Int32Array(n);
  const reqStart = new Int32Array(n + 1);
  const reqResource: number[] = [];
  const reqUnits: number[] = [];
  for (let j = 0; j < n; j++) {
    const d = problem.durations[j]!;
    if (!isCount(d))
      throw new RcpspError('INVALID', `activity ${j}: duration ${d} is not a whole number ≥ 0`);
    duration[j] = d;
    const row = problem.requests[j]!;
    if (row.length !== k)
      throw new RcpspError('INVALID', `activity ${j}: ${row.length} requests for ${k} resources`);
    for (let r = 0; r < k; r++) {
      const u = row[r]!;
      if (!isCount(u))
        throw new RcpspError(
          'INVALID',
          `activity ${j}: request ${u} of resource ${r} is not a whole number ≥ 0`,
        );
      if (u > capacity[r]!)
        throw new RcpspError(
          'INFEASIBLE',
          `activity ${j} requests ${u} units of resource ${r}, which has ${capacity[r]}`,
        );
      if (u > 0 && d > 0) {
        reqResource.push(r);
        reqUnits.push(u);
      }
    }
    reqStart[j + 1] = reqResource.length;
  }

  const { start: succStart, items: succ } = csr(
    n,
    (j) => problem.successors[j]!,
    (s, j) => {
      if (!Number.isInteger(s) || s < 0 || s >= n)
        throw new RcpspError('INVALID', `activity ${j}: successor ${s} does not exist`);
      if (s === j) throw new RcpspError('CYCLE', `activity ${j} succeeds itself`);
    },
  );
  const predLists: number[][] = Array.from({ length: n }, () => []);
  for (let j = 0; j < n; j++)
    for (let e = succStart[j]!; e < succStart[j + 1]!; e++) predLists[succ[e]!]!.push(j);
  const { start: predStart, items: pred } = csr(n, (j) => predLists[j]!);

  const topo = topologicalOrder(n, predStart, succStart, succ);
  const rank = new Int32Array(n);
  topo.forEach((j, i) => (rank[j] = i));

  let horizon = 0;
  for (let j = 0; j < n; j++) horizon += duration[j]!;
  const earliestStart = new Int32Array(n);
  let criticalPath = 0;
  for (const j of topo) {
    let es = 0;
    for (let e = predStart[j]!; e < predStart[j + 1]!; e++)
      es = Math.max(es, earliestStart[pred[e]!]! + duration[pred[e]!]!);
    earliestStart[j] = es;
    criticalPath = Math.max(criticalPath, es + duration[j]!);
  }
  const latestFinish = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const j = topo[i]!;
    let lf = criticalPath;
    for (let e = succStart[j]!; e < succStart[j + 1]!; e++)
      lf = Math.min(lf, latestFinish[succ[e]!]! - duration[succ[e]!]!);
    latestFinish[j] = lf;
  }
  let lowerBound = criticalPath;
  for (let r = 0; r < k; r++) {
    let work = 0;
    for (let j = 0; j < n; j++) work += duration[j]! * (problem.requests[j]![r] ?? 0);
    if (work > 0) lowerBound = Math.max(lowerBound, Math.ceil(work / capacity[r]!));
  }

  // Transitive precedence, walking the topological order backwards: i precedes j when one of i's
  // successors is j or precedes j.
  const related = new Uint8Array(n * n);
  for (let i = n - 1; i >= 0; i--) {
    const a = topo[i]!;
    const rowA = a * n;
    for (let e = succStart[a]!; e < succStart[a + 1]!; e++) {
      const s = succ[e]!;
      related[rowA + s] = 1;
      const rowS = s * n;
      for (let j = 0; j < n; j++) if (related[rowS + j]) related[rowA + j] = 1;
    }
  }

  return {
    n,
    k,
    duration,
    predStart,
    pred,
    succStart,
    succ,
    capacity,
    reqStart,
    reqResource: Int32Array.from(reqResource),
    reqUnits: Int32Array.from(reqUnits),
    topo,
    rank,
    horizon,
    earliestStart,
    latestFinish,
    criticalPath,
    lowerBound,
    related,
  };
}

function csr(
  n: number,
  list: (j: number) => readonly number[],
  check?: (item: number, j: number) => void,
): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(n + 1);
  const items: number[] = [];
  for (let j = 0; j < n; j++) {
    for (const x of new Set(list(j))) {
      check?.(x, j);
      items.push(x);
    }
    start[j + 1] = items.length;
  }
  return { start, items: Int32Array.from(items) };
}

/** Kahn's algorithm (first ready, first out); throws `RcpspError` naming activities on a cycle. */
function topologicalOrder(
  n: number,
  predStart: Int32Array,
  succStart: Int32Array,
  succ: Int32Array,
): Int32Array {
  const missing = new Int32Array(n);
  for (let j = 0; j < n; j++) missing[j] = predStart[j + 1]! - predStart[j]!;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let j = 0; j < n; j++) if (missing[j] === 0) order[tail++] = j;
  while (head < tail) {
    const j = order[head++]!;
    for (let e = succStart[j]!; e < succStart[j + 1]!; e++) {
      const s = succ[e]!;
      missing[s] = missing[s]! - 1;
      if (missing[s] === 0) order[tail++] = s;
    }
  }
  if (tail < n) {
    const stuck: number[] = [];
    for (let j = 0; j < n && stuck.length < 10; j++) if (missing[j]! > 0) stuck.push(j);
    throw new RcpspError(
      'CYCLE',
      `the precedences form a cycle through activities ${stuck.join(', ')}${tail < n - 10 ? ', …' : ''}`,
    );
  }
  return order;
}
