/**
 * Total and free float (slack) and the critical flag, in working minutes on each task's calendar.
 * Complexity: O(tasks + links) calendar operations.
 */
import {
  EDGE_GATE as imported_EDGE_GATE,
  EDGE_ROLLUP as imported_EDGE_ROLLUP,
  LINK_FF as imported_LINK_FF,
  LINK_FS as imported_LINK_FS,
  LINK_SS as imported_LINK_SS,
} from './network.ts';
import type { PassContext } from './pass-context.ts';
import { shift as imported_shift } from './pass-context.ts';

// Module-local copies: imported bindings are read through the module wrapper on every access,
// which costs more than the arithmetic in these loops.
const EDGE_GATE = imported_EDGE_GATE;
const EDGE_ROLLUP = imported_EDGE_ROLLUP;
const LINK_FF = imported_LINK_FF;
const LINK_FS = imported_LINK_FS;
const LINK_SS = imported_LINK_SS;
const shift = imported_shift;

export interface Floats {
  total: Float64Array;
  free: Float64Array;
  critical: Uint8Array;
}

export function computeFloats(ctx: PassContext, projectFinish: number, criticalLimit: number): Floats {
  const { net, timing } = ctx;
  const n = net.taskCount;
  const total = new Float64Array(n);
  const free = new Float64Array(n);
  const critical = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const cal = net.isSummary[i] ? ctx.projectCal : timing.cal[i]!;
    const finishSlack = cal.between(ctx.ef[i]!, ctx.lf[i]!);
    const started = !Number.isNaN(timing.actualStart[i]!);
    const tf = started ? finishSlack : Math.min(finishSlack, cal.between(ctx.es[i]!, ctx.ls[i]!));
    total[i] = tf;
    if (net.isSummary[i]) {
      free[i] = Math.max(0, tf);
      critical[i] = tf <= criticalLimit ? 1 : 0;
      continue;
    }
    let ff = Infinity;
    let linked = false;
    for (let k = net.outStart[i]!; k < net.outStart[i + 1]!; k++) {
      const e = net.outEdge[k]!;
      const kind = net.edgeKind[e]!;
      if (kind === EDGE_ROLLUP || kind === EDGE_GATE) continue;
      linked = true;
      const to = net.edgeTo[e]!;
      const succ = to >= n ? net.taskOfNode[to]! : to;
      const from = kind === LINK_FS || kind === LINK_FF ? ctx.ef[i]! : ctx.es[i]!;
      const target = kind === LINK_FS || kind === LINK_SS ? ctx.es[succ]! : ctx.ef[succ]!;
      ff = Math.min(ff, cal.between(shift(ctx, e, from, 1, 'finish'), target));
    }
    if (!linked) ff = cal.between(ctx.ef[i]!, projectFinish);
    free[i] = Math.max(0, Math.min(ff, tf));
    const done = !Number.isNaN(timing.actualFinish[i]!);
    // MS Project never marks finished tasks critical, nor manually scheduled tasks with no links.
    const isolatedManual = timing.manual[i] === 1 && !linked && !hasPredecessor(ctx, i);
    critical[i] = tf <= criticalLimit && !done && !isolatedManual ? 1 : 0;
  }
  return { total, free, critical };
}

function hasPredecessor(ctx: PassContext, i: number): boolean {
  const { net } = ctx;
  for (let k = net.inStart[i]!; k < net.inStart[i + 1]!; k++)
    if (net.edgeKind[net.inEdge[k]!]! < EDGE_GATE) return true;
  return false;
}
