/**
 * Forward pass: early start and finish of every task, in topological order.
 * Complexity: O(nodes + edges) calendar operations.
 */
import { formatLocal as imported_formatLocal } from '../time/local-time.ts';
import {
  EDGE_GATE as imported_EDGE_GATE,
  EDGE_ROLLUP as imported_EDGE_ROLLUP,
  LINK_FF as imported_LINK_FF,
  LINK_FS as imported_LINK_FS,
  LINK_SS as imported_LINK_SS,
} from './network.ts';
import type { PassContext } from './pass-context.ts';
import {
  finishFrom as imported_finishFrom,
  shift as imported_shift,
  startAtOrAfter as imported_startAtOrAfter,
  startBefore as imported_startBefore,
  warn as imported_warn,
} from './pass-context.ts';
import {
  C_FNET as imported_C_FNET,
  C_FNLT as imported_C_FNLT,
  C_MFO as imported_C_MFO,
  C_MSO as imported_C_MSO,
  C_SNET as imported_C_SNET,
  C_SNLT as imported_C_SNLT,
} from './task-timing.ts';

// Module-local copies: imported bindings are read through the module wrapper on every access,
// which costs more than the arithmetic in these loops.
const formatLocal = imported_formatLocal;
const EDGE_GATE = imported_EDGE_GATE;
const EDGE_ROLLUP = imported_EDGE_ROLLUP;
const LINK_FF = imported_LINK_FF;
const LINK_FS = imported_LINK_FS;
const LINK_SS = imported_LINK_SS;
const finishFrom = imported_finishFrom;
const shift = imported_shift;
const startAtOrAfter = imported_startAtOrAfter;
const startBefore = imported_startBefore;
const warn = imported_warn;
const C_FNET = imported_C_FNET;
const C_FNLT = imported_C_FNLT;
const C_MFO = imported_C_MFO;
const C_MSO = imported_C_MSO;
const C_SNET = imported_C_SNET;
const C_SNLT = imported_C_SNLT;

export function forwardPass(ctx: PassContext): void {
  const { net } = ctx;
  const n = net.taskCount;
  for (const v of net.order) {
    if (v >= n) gate(ctx, v);
    else if (net.isSummary[v]) rollUp(ctx, v);
    else leaf(ctx, v);
  }
}

/** The date a link edge asks of its target: a start (FS, SS) or a finish (FF, SF). */
function linkDate(ctx: PassContext, e: number): number {
  const from = ctx.net.edgeFrom[e]!;
  // A percent lag follows the predecessor's duration; a summary's is known only once it has rolled up.
  const percent = ctx.edgePercent[e]!;
  if (!Number.isNaN(percent) && ctx.net.isSummary[from])
    ctx.edgeLag[e] = (percent / 100) * ctx.projectCal.between(ctx.es[from]!, ctx.ef[from]!);
  switch (ctx.net.edgeKind[e]) {
    case LINK_FS:
    case LINK_FF:
      return shift(ctx, e, ctx.ef[from]!, 1, 'finish');
    default:
      return shift(ctx, e, ctx.es[from]!, 1, 'finish');
  }
}

function gate(ctx: PassContext, v: number): void {
  const { net, timing } = ctx;
  const i = net.taskOfNode[v]!;
  let start = ctx.projectStart;
  for (let k = net.inStart[v]!; k < net.inStart[v + 1]!; k++) {
    const e = net.inEdge[k]!;
    const kind = net.edgeKind[e]!;
    if (kind === EDGE_GATE) start = Math.max(start, ctx.gateStart[net.taskOfNode[net.edgeFrom[e]!]!]!);
    else if (kind === LINK_FS || kind === LINK_SS) start = Math.max(start, linkDate(ctx, e));
    else warn(ctx, i, 'Finish-to-finish and start-to-finish links onto a summary task are ignored');
  }
  const c = timing.constraint[i]!;
  if (c === C_SNET || c === C_MSO) start = Math.max(start, timing.constraintDate[i]!);
  ctx.gateStart[i] = start;
}

function rollUp(ctx: PassContext, i: number): void {
  const { net } = ctx;
  let es = Infinity;
  let ef = -Infinity;
  for (let k = net.inStart[i]!; k < net.inStart[i + 1]!; k++) {
    const e = net.inEdge[k]!;
    if (net.edgeKind[e] !== EDGE_ROLLUP) continue;
    const child = net.edgeFrom[e]!;
    es = Math.min(es, ctx.es[child]!);
    ef = Math.max(ef, ctx.ef[child]!);
  }
  ctx.es[i] = es;
  ctx.ef[i] = ef;
}

function leaf(ctx: PassContext, i: number): void {
  const { net, timing } = ctx;
  if (timing.manual[i]) {
    ctx.es[i] = timing.manualStart[i]!;
    ctx.ef[i] = timing.manualFinish[i]!;
    return;
  }
  const as = timing.actualStart[i]!;
  if (!Number.isNaN(as)) {
    started(ctx, i, as);
    return;
  }
  let start = ctx.projectStart;
  let finish = -Infinity;
  let startEdge = -1;
  let finishEdge = -1;
  for (let k = net.inStart[i]!; k < net.inStart[i + 1]!; k++) {
    const e = net.inEdge[k]!;
    const kind = net.edgeKind[e]!;
    if (kind === EDGE_GATE) {
      start = Math.max(start, ctx.gateStart[net.taskOfNode[net.edgeFrom[e]!]!]!);
      continue;
    }
    const d = linkDate(ctx, e);
    if (kind === LINK_FS || kind === LINK_SS) {
      if (d > start) [start, startEdge] = [d, e];
    } else if (d > finish) [finish, finishEdge] = [d, e];
  }
  if (!Number.isNaN(ctx.statusDate)) start = Math.max(start, ctx.statusDate);

  const c = timing.constraint[i]!;
  const cd = timing.constraintDate[i]!;
  if (c === C_SNET && cd > start) [start, startEdge] = [cd, -1];
  if (c === C_MSO) {
    if (start > cd) warn(ctx, i, `Must start on ${formatLocal(cd)} conflicts with its predecessors`);
    [start, startEdge] = [cd, -1];
  }
  if (c === C_FNET && cd > finish) [finish, finishEdge] = [cd, -1];

  const milestone = timing.duration[i] === 0;
  let es = milestone ? start : startAtOrAfter(ctx, i, start);
  let ef = milestone ? es : finishFrom(ctx, i, es);
  let driving = startEdge;
  if (c === C_MFO) {
    if (finish > cd || ef > cd)
      warn(ctx, i, `Must finish on ${formatLocal(cd)} conflicts with its predecessors`);
    [ef, driving] = [cd, -1];
    es = milestone ? ef : startBefore(ctx, i, ef);
  } else if (finish > ef && c === C_MSO) {
    warn(
      ctx,
      i,
      `Must start on ${formatLocal(cd)} conflicts with its finish-to-finish or start-to-finish links`,
    );
  } else if (finish > ef) {
    ef = finish;
    es = milestone ? ef : startBefore(ctx, i, ef);
    driving = finishEdge;
  }
  if (c === C_SNLT && es > cd) {
    warn(ctx, i, `Start no later than ${formatLocal(cd)} cannot be met: links push it to ${formatLocal(es)}`);
    es = milestone ? cd : startAtOrAfter(ctx, i, cd);
    ef = milestone ? es : finishFrom(ctx, i, es);
  }
  if (c === C_FNLT && ef > cd) {
    warn(
      ctx,
      i,
      `Finish no later than ${formatLocal(cd)} cannot be met: links push it to ${formatLocal(ef)}`,
    );
    ef = cd;
    es = milestone ? ef : startBefore(ctx, i, ef);
  }
  ctx.es[i] = es;
  ctx.ef[i] = ef;
  ctx.drivingEdge[i] = driving;
}

/** A task with an actual start: done work stays where it happened; the rest follows the status date. */
function started(ctx: PassContext, i: number, as: number): void {
  const { timing } = ctx;
  ctx.es[i] = as;
  const af = timing.actualFinish[i]!;
  if (!Number.isNaN(af)) {
    ctx.ef[i] = af;
    return;
  }
  const total = timing.totalDuration[i]!;
  const remaining = timing.duration[i]!;
  if (total === 0) {
    ctx.ef[i] = as;
    return;
  }
  let resume = as;
  if (remaining < total) resume = finishFrom(ctx, i, as, total - remaining);
  if (!Number.isNaN(ctx.statusDate) && resume < ctx.statusDate) resume = ctx.statusDate;
  ctx.ef[i] = remaining > 0 ? finishFrom(ctx, i, startAtOrAfter(ctx, i, resume), remaining) : resume;
}
