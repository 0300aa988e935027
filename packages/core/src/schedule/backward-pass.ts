/**
 * Backward pass: late start and finish of every task, in reverse topological order, from the project
 * finish, successors' late dates, constraints (SNLT, FNLT, MSO, MFO) and deadlines.
 * Complexity: O(nodes + edges) calendar operations.
 */
import type { Minutes } from '../time/local-time.ts';
import {
  EDGE_GATE as imported_EDGE_GATE,
  EDGE_ROLLUP as imported_EDGE_ROLLUP,
  LINK_FF as imported_LINK_FF,
  LINK_FS as imported_LINK_FS,
  LINK_SF as imported_LINK_SF,
  LINK_SS as imported_LINK_SS,
} from './network.ts';
import type { PassContext } from './pass-context.ts';
import {
  finishAtOrBefore as imported_finishAtOrBefore,
  finishFrom as imported_finishFrom,
  shift as imported_shift,
  startBefore as imported_startBefore,
} from './pass-context.ts';
import {
  C_FNLT as imported_C_FNLT,
  C_MFO as imported_C_MFO,
  C_MSO as imported_C_MSO,
  C_SNLT as imported_C_SNLT,
} from './task-timing.ts';

// Module-local copies: imported bindings are read through the module wrapper on every access,
// which costs more than the arithmetic in these loops.
const EDGE_GATE = imported_EDGE_GATE;
const EDGE_ROLLUP = imported_EDGE_ROLLUP;
const LINK_FF = imported_LINK_FF;
const LINK_FS = imported_LINK_FS;
const LINK_SF = imported_LINK_SF;
const LINK_SS = imported_LINK_SS;
const finishAtOrBefore = imported_finishAtOrBefore;
const finishFrom = imported_finishFrom;
const shift = imported_shift;
const startBefore = imported_startBefore;
const C_FNLT = imported_C_FNLT;
const C_MFO = imported_C_MFO;
const C_MSO = imported_C_MSO;
const C_SNLT = imported_C_SNLT;

export function backwardPass(ctx: PassContext, projectFinish: Minutes): void {
  const { net } = ctx;
  const n = net.taskCount;
  const order = net.order;
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k]!;
    if (v >= n) gate(ctx, v);
    else if (net.isSummary[v]) summaryLimits(ctx, v);
    else leaf(ctx, v, projectFinish);
  }
}

/** Latest start (summary successors: its gate's) of the node an edge points to. */
function targetLateStart(ctx: PassContext, node: number): Minutes {
  const n = ctx.net.taskCount;
  return node >= n ? ctx.ls[ctx.net.taskOfNode[node]!]! : ctx.ls[node]!;
}

/**
 * Limits that links out of `i` put on its late start and finish. A late finish is first taken as the
 * latest instant that satisfies the link (08:00 the next morning rather than 17:00), because the lag is
 * counted on the project calendar and the task may be on another; `leaf` then moves it back to the end of
 * the task's own working time. Manually scheduled predecessors keep MS Project's next-morning late finish
 * and are not held by start-to-start or start-to-finish successors (what MS Project 2016 and 2019 save).
 */
function linkLimits(ctx: PassContext, i: number, manual: boolean): [Minutes, Minutes] {
  const { net } = ctx;
  let ls = Infinity;
  let lf = Infinity;
  for (let k = net.outStart[i]!; k < net.outStart[i + 1]!; k++) {
    const e = net.outEdge[k]!;
    const to = net.edgeTo[e]!;
    const kind = net.edgeKind[e]!;
    if (kind === EDGE_ROLLUP) {
      // A summary's finish is its latest child's, so a limit on it holds every child; its start is its
      // earliest child's, so a start-to-start or start-to-finish limit holds only the children that set it.
      if (ctx.es[i]! <= ctx.es[to]!) ls = Math.min(ls, ctx.limitStart[to]!);
      lf = Math.min(lf, ctx.limitFinish[to]!);
      continue;
    }
    const succIsSummary = to >= net.taskCount;
    switch (kind) {
      case LINK_FS:
        lf = Math.min(lf, shift(ctx, e, targetLateStart(ctx, to), -1, 'start'));
        break;
      case LINK_FF:
        if (!succIsSummary) lf = Math.min(lf, shift(ctx, e, ctx.lf[to]!, -1, 'start'));
        break;
      case LINK_SS:
        if (!manual) ls = Math.min(ls, shift(ctx, e, targetLateStart(ctx, to), -1, 'start'));
        break;
      case LINK_SF:
        if (!manual && !succIsSummary) ls = Math.min(ls, shift(ctx, e, ctx.lf[to]!, -1, 'start'));
        break;
    }
  }
  return [ls, lf];
}

function gate(ctx: PassContext, v: number): void {
  const { net } = ctx;
  const i = net.taskOfNode[v]!;
  let ls = Infinity;
  for (let k = net.outStart[v]!; k < net.outStart[v + 1]!; k++) {
    const e = net.outEdge[k]!;
    if (net.edgeKind[e] === EDGE_GATE) ls = Math.min(ls, targetLateStart(ctx, net.edgeTo[e]!));
  }
  ctx.ls[i] = ls;
}

function summaryLimits(ctx: PassContext, i: number): void {
  const [ls, lf] = linkLimits(ctx, i, false);
  const { timing } = ctx;
  const c = timing.constraint[i]!;
  const cd = timing.constraintDate[i]!;
  ctx.limitStart[i] = c === C_SNLT ? Math.min(ls, cd) : ls;
  const deadline = timing.deadline[i]!;
  ctx.limitFinish[i] = Math.min(
    c === C_FNLT ? Math.min(lf, cd) : lf,
    Number.isNaN(deadline) ? Infinity : deadline,
  );
}

function leaf(ctx: PassContext, i: number, projectFinish: Minutes): void {
  const { timing } = ctx;
  const manual = timing.manual[i] === 1;
  const milestone = timing.duration[i] === 0 && timing.totalDuration[i] === 0;
  const af = timing.actualFinish[i]!;
  if (!Number.isNaN(af)) {
    ctx.ls[i] = ctx.es[i]!;
    ctx.lf[i] = af;
    return;
  }
  let [ls, lf] = linkLimits(ctx, i, manual);
  const c = timing.constraint[i]!;
  const cd = timing.constraintDate[i]!;
  if (c === C_FNLT || c === C_MFO) lf = Math.min(lf, cd);
  if (c === C_SNLT || c === C_MSO) ls = Math.min(ls, cd);
  const deadline = timing.deadline[i]!;
  if (!Number.isNaN(deadline)) lf = Math.min(lf, deadline);

  // No task finishes later than the project, whatever a negative lag would allow.
  lf = Math.min(lf, projectFinish);
  if (!milestone && !manual) lf = finishAtOrBefore(ctx, i, lf);
  const remaining = timing.duration[i]!;
  let late = milestone ? lf : startBefore(ctx, i, lf, remaining || timing.totalDuration[i]!);
  if (ls < late) {
    late = ls;
    lf = milestone ? ls : Math.min(lf, finishFrom(ctx, i, ls));
  }
  // A finish-to-finish or start-to-finish link can leave an early date in the task's non-working time
  // (18:30 for a task whose day ends at 17:00). A late date that is no earlier in working time is then
  // no earlier on the clock either, so late dates never sit before early ones with zero float.
  const cal = timing.cal[i]!;
  if (lf < ctx.ef[i]! && cal.toWork(lf) >= cal.toWork(ctx.ef[i]!)) lf = ctx.ef[i]!;
  if (late < ctx.es[i]! && cal.toWork(late) >= cal.toWork(ctx.es[i]!)) late = ctx.es[i]!;
  const as = timing.actualStart[i]!;
  ctx.ls[i] = Number.isNaN(as) ? late : as;
  ctx.lf[i] = lf;
}
