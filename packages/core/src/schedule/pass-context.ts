/**
 * State shared by the forward and backward passes, and the date arithmetic both use.
 *
 * MS Project's rounding, which the oracle files show and these helpers reproduce:
 * - a lag of zero leaves a date exactly as it is (a start-to-finish link with no lag gives a finish of
 *   08:00 the next morning);
 * - adding working time lands on the earliest instant ("finish side": 17:00, not 08:00 next day), and a
 *   start is then moved to the next working instant;
 * - going backwards, late starts land on the latest instant (08:00), late finishes on the earliest (17:00)
 *   except for manually scheduled tasks, whose late finish stays at 08:00 of the next working day.
 */
import type { WorkingTime } from '../calendar/working-time.ts';
import type { Minutes } from '../time/local-time.ts';
import type { Network } from './network.ts';
import type { Segment, TaskTiming } from './task-timing.ts';

export interface PassContext {
  net: Network;
  timing: TaskTiming;
  projectCal: WorkingTime;
  projectStart: Minutes;
  /** NaN when there is none. */
  statusDate: Minutes;
  /** Lag of each edge in minutes (percent lags resolved), and whether it is elapsed time. */
  edgeLag: Float64Array;
  edgeElapsed: Uint8Array;
  /** Percent lag of each edge, NaN for the others. */
  edgePercent: Float64Array;
  es: Float64Array;
  ef: Float64Array;
  ls: Float64Array;
  lf: Float64Array;
  /** Per summary task: earliest start its own links and constraints allow its children. */
  gateStart: Float64Array;
  /** Per summary task: latest start/finish its successors allow its children. */
  limitStart: Float64Array;
  limitFinish: Float64Array;
  /** Edge that set the early start or finish, -1 if none. */
  drivingEdge: Int32Array;
  warnings: Map<number, string[]>;
}

export function warn(ctx: PassContext, task: number, message: string): void {
  const list = ctx.warnings.get(task);
  if (list) list.push(message);
  else ctx.warnings.set(task, [message]);
}

/** Applies a lag to a date. Zero lags leave the date untouched (MS Project does the same). */
export function shift(
  ctx: PassContext,
  edge: number,
  t: Minutes,
  sign: 1 | -1,
  side: 'start' | 'finish',
): Minutes {
  const lag = ctx.edgeLag[edge]!;
  if (lag === 0) return t;
  if (ctx.edgeElapsed[edge]) return t + sign * lag;
  return ctx.projectCal.add(t, sign * lag, side);
}

/** The task's assignment segments; a flag test first, so most tasks skip the map look-up. */
function segmentsOf(ctx: PassContext, i: number): Segment[] | undefined {
  return ctx.timing.segmented[i] === 1 ? ctx.timing.segments.get(i) : undefined;
}

/** Earliest working start at or after `t` for task `i` (over all its assignments). */
export function startAtOrAfter(ctx: PassContext, i: number, t: Minutes): Minutes {
  const segs = segmentsOf(ctx, i);
  if (!segs) return ctx.timing.cal[i]!.nextStart(t);
  let best = Infinity;
  for (const s of segs) best = Math.min(best, s.cal.nextStart(t));
  return best;
}

/** Finish of task `i` when its remaining work starts at `t`. */
export function finishFrom(
  ctx: PassContext,
  i: number,
  t: Minutes,
  minutes = ctx.timing.duration[i]!,
): Minutes {
  const segs = segmentsOf(ctx, i);
  if (!segs) return ctx.timing.cal[i]!.add(t, minutes, 'finish');
  let best = -Infinity;
  for (const s of segs) best = Math.max(best, s.cal.add(s.cal.nextStart(t), s.share * minutes, 'finish'));
  return best;
}

/** Latest start of task `i` that still finishes by `t`. */
export function startBefore(
  ctx: PassContext,
  i: number,
  t: Minutes,
  minutes = ctx.timing.duration[i]!,
): Minutes {
  const segs = segmentsOf(ctx, i);
  if (!segs) return ctx.timing.cal[i]!.add(t, -minutes, 'start');
  let best = Infinity;
  for (const s of segs) best = Math.min(best, s.cal.add(s.cal.prevFinish(t), -s.share * minutes, 'start'));
  return best;
}

/** Latest working finish at or before `t` for task `i`. */
export function finishAtOrBefore(ctx: PassContext, i: number, t: Minutes): Minutes {
  const segs = segmentsOf(ctx, i);
  if (!segs) return ctx.timing.cal[i]!.prevFinish(t);
  let best = -Infinity;
  for (const s of segs) best = Math.max(best, s.cal.prevFinish(t));
  return best;
}
