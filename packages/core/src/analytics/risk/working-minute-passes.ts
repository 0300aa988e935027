/**
 * The engine's forward and backward passes (schedule/forward-pass.ts, backward-pass.ts) restated in
 * working minutes, for plans whose tasks all work on the project calendar and that have no progress,
 * manual tasks, resource calendars or date-pinning constraints — the usual plan under risk analysis.
 *
 * Why it is exact: the calendar's working-minute count W(t) is monotone, so the latest of several
 * instants has the largest count, `nextStart` keeps the count, and adding working time adds to it. A
 * date is therefore kept as its count `w` plus which instant of that count it is — the end of the
 * working time before a gap (FINISH, what `add(…, 'finish')` returns), the start of the working time
 * after it (START) or a raw instant (an elapsed lag, a constraint date, the project start). Two dates
 * compare by count, then FINISH < RAW < START, then raw instant. Instants are computed only where
 * the engine needs one (elapsed lags) and for the dates reported. With whole-minute durations and
 * lags every count is an integer, so the dates are those of `prepared.run` to the bit
 * (working-minute-passes.test.ts checks this on random networks).
 *
 * Complexity per run: O(tasks + links) additions and comparisons; a calendar operation only per
 * elapsed lag. Memory: O(tasks + links).
 */
import { EDGE_GATE, EDGE_ROLLUP, LINK_FF, LINK_FS, LINK_SF, LINK_SS } from '../../schedule/network.ts';
import type { WorkingTime } from '../../calendar/working-time.ts';
import type { PreparedSchedule } from '../../schedule/prepared-schedule.ts';
import { C_FNET, C_SNET } from '../../schedule/task-timing.ts';

// Module-local copies: under tsx and Vitest every read of an imported binding is a getter call.
const FS = LINK_FS;
const SS = LINK_SS;
const FF = LINK_FF;
const SF = LINK_SF;
const GATE = EDGE_GATE;
const ROLLUP = EDGE_ROLLUP;
const SNET = C_SNET;
const FNET = C_FNET;

/** Which instant of a working-minute count a date is. */
const FINISH = 0;
const RAW = 1;
const START = 2;

/** Date a is later than date b (count, then FINISH < RAW < START, then raw instant). */
function later(aw: number, af: number, at: number, bw: number, bf: number, bt: number): boolean {
  if (aw !== bw) return aw > bw;
  if (af !== bf) return af > bf;
  return af === RAW && at > bt;
}

export interface WorkingMinutePasses {
  /** Schedules one iteration; returns the project finish (local minutes). */
  run(durations: Float64Array): number;
  /** Early finish of task `i` in the last run (local minutes). */
  finishOf(i: number): number;
  /** Leaf tasks critical in the last run (only when built with criticality). */
  readonly critical: Uint8Array;
}

const ELAPSED_FLAG = 1;
/** Forward: the link constrains the target's finish (FF, SF). Backward: it limits the late finish (FS, FF). */
const FINISH_FLAG = 2;
/** Backward: a roll-up edge, reading the parent summary's two limits. */
const ROLLUP_FLAG = 4;

const LEAF_NODE = 0;
const ROLLUP_NODE = 1;
const GATE_NODE = 2;
/** A summary's gate or roll-up whose dates nothing reads in this pass (see `structureNeeds`). */
const SKIP_NODE = 3;

/**
 * The network recompiled for the passes: nodes renumbered in topological order, each with its incoming
 * (forward) and outgoing (backward) links as flat lists that name the date they read by *slot* —
 * 2 × position for a start, + 1 for a finish — so a pass walks its arrays front to back.
 */
interface Program {
  n: number;
  nodes: number;
  cal: WorkingTime;
  /** Per position: node kind in the forward and in the backward pass (SKIP_NODE: not computed). */
  kind: Uint8Array;
  backwardKind: Uint8Array;
  task: Int32Array;
  /** Forward in-lists (CSR by position). */
  inBegin: Int32Array;
  inSlot: Int32Array;
  inLag: Float64Array;
  inFlags: Uint8Array;
  /** Backward out-lists (CSR by position). */
  outBegin: Int32Array;
  outSlot: Int32Array;
  outLag: Float64Array;
  outFlags: Uint8Array;
  /** Per task: its position (roll-up node for summaries). */
  positionOf: Int32Array;
  /** Per position: SNET/FNET constraint code and date, deadline (NaN when none), as count and instant. */
  constraint: Uint8Array;
  constraintW: Float64Array;
  constraintT: Float64Array;
  deadlineW: Float64Array;
  deadlineT: Float64Array;
  /** Per position: 1 for the tasks the project finish is the latest finish of (active tasks). */
  active: Uint8Array;
  /** Per position: working minutes this run (leaves). */
  duration: Float64Array;
  startW: number;
  startT: number;
  criticalLimit: number;
  /** Early dates and late dates by slot, as (count, form, raw instant). */
  eW: Float64Array;
  eF: Uint8Array;
  eT: Float64Array;
  lW: Float64Array;
  lF: Uint8Array;
  lT: Float64Array;
  /** Per task: critical flag (leaves). */
  critical: Uint8Array;
  /** The project finish of the last forward pass as [w, form, t]. */
  finish: Float64Array;
}

function instant(cal: WorkingTime, w: number, f: number, t: number): number {
  return f === FINISH ? cal.fromWork(w, 'finish') : f === START ? cal.fromWork(w, 'start') : t;
}

/**
 * Working-minute passes for `prepared` (the caller has checked that the plan qualifies: see
 * iteration-passes.ts). `criticality` adds the backward pass and the critical flags.
 */
export function workingMinutePasses(prepared: PreparedSchedule, criticality: boolean): WorkingMinutePasses {
  const { program, percentLinks } = compile(prepared);
  const { positionOf, eW, eF, eT, cal, inLag, outLag, kind } = program;
  const children: number[][] = Array.from({ length: program.n }, () => []);
  prepared.network.parent.forEach((p, i) => p >= 0 && children[p]!.push(i));
  // The latest finish below a summary whose roll-up was skipped, as [w, form, t].
  const latestBelow = (i: number, into: number[]): void => {
    for (const c of children[i]!) {
      const q = positionOf[c]!;
      if (kind[q] === SKIP_NODE) latestBelow(c, into);
      else {
        const slot = 2 * q + 1;
        if (later(eW[slot]!, eF[slot]!, eT[slot]!, into[0]!, into[1]!, into[2]!))
          [into[0], into[1], into[2]] = [eW[slot]!, eF[slot]!, eT[slot]!];
      }
    }
  };
  return {
    critical: program.critical,
    finishOf(i: number): number {
      if (kind[positionOf[i]!] === SKIP_NODE) {
        const latest = [-Infinity, FINISH, 0];
        latestBelow(i, latest);
        return instant(cal, latest[0]!, latest[1]!, latest[2]!);
      }
      const s = 2 * positionOf[i]! + 1;
      return instant(cal, eW[s]!, eF[s]!, eT[s]!);
    },
    run(durations: Float64Array): number {
      for (const link of percentLinks) {
        const sample = durations[link.from]!;
        const lag = (link.percent / 100) * (sample > 0 ? sample : 0);
        if (link.forward >= 0) inLag[link.forward] = lag;
        if (link.backward >= 0) outLag[link.backward] = lag;
      }
      forward(program, durations);
      if (criticality) backward(program);
      return instant(cal, program.finish[0]!, program.finish[1]!, program.finish[2]!);
    },
  };
}

interface PercentLink {
  percent: number;
  /** Predecessor task. */
  from: number;
  /** Entry in the forward in-lists and the backward out-lists (−1 where the link is not used). */
  forward: number;
  backward: number;
}

function compile(prepared: PreparedSchedule): { program: Program; percentLinks: PercentLink[] } {
  const { network: net, timing, context: ctx, project } = prepared;
  const cal = prepared.projectCalendar;
  const n = net.taskCount;
  const nodes = net.order.length;
  const position = new Int32Array(net.nodeCount);
  for (let q = 0; q < nodes; q++) position[net.order[q]!] = q;
  const kind = new Uint8Array(nodes);
  const task = new Int32Array(nodes);
  for (let q = 0; q < nodes; q++) {
    const v = net.order[q]!;
    kind[q] = v >= n ? GATE_NODE : net.isSummary[v] ? ROLLUP_NODE : LEAF_NODE;
    task[q] = net.taskOfNode[v]!;
  }
  const needs = structureNeeds(prepared);
  const backwardKind = kind.slice();
  for (let q = 0; q < nodes; q++) {
    const i = task[q]!;
    if (kind[q] === GATE_NODE) {
      if (!needs.gate[i]) kind[q] = SKIP_NODE;
      if (!needs.gateLateStart[i]) backwardKind[q] = SKIP_NODE;
    } else if (kind[q] === ROLLUP_NODE) {
      if (!needs.rollUp[i]) kind[q] = SKIP_NODE;
      if (!needs.limits[i]) backwardKind[q] = SKIP_NODE;
    }
  }
  const startSlot = (node: number) => 2 * position[node]!;
  const percentByEdge = new Map<number, PercentLink>();
  const percentLink = (e: number): PercentLink | undefined => {
    const k = net.edgeLink[e]!;
    const percent = k >= 0 ? project.links[k]!.lag?.percent : undefined;
    if (percent === undefined) return undefined;
    let link = percentByEdge.get(e);
    if (!link) {
      link = { percent, from: net.edgeFrom[e]!, forward: -1, backward: -1 };
      percentByEdge.set(e, link);
    }
    return link;
  };

  // Forward: what each node reads. Gates and leaves: gate edges (the parent gate's start) and links;
  // roll-ups: their children (start and finish, read as slot and slot + 1).
  const inBegin = new Int32Array(nodes + 1);
  const inSlot: number[] = [];
  const inLag: number[] = [];
  const inFlags: number[] = [];
  for (let q = 0; q < nodes; q++) {
    const v = net.order[q]!;
    for (let p = net.inStart[v]!; p < net.inStart[v + 1]!; p++) {
      if (kind[q] === SKIP_NODE) break;
      const e = net.inEdge[p]!;
      const edgeKind = net.edgeKind[e]!;
      const from = net.edgeFrom[e]!;
      if (kind[q] === ROLLUP_NODE) {
        if (edgeKind !== ROLLUP) continue;
        inSlot.push(startSlot(from));
        inLag.push(0);
        inFlags.push(0);
        continue;
      }
      if (edgeKind === GATE) {
        // The parent's gate start; a gate nothing constrains is the project start, already counted.
        if (!needs.gate[net.taskOfNode[from]!]) continue;
        inSlot.push(startSlot(from));
        inLag.push(0);
        inFlags.push(0);
        continue;
      }
      const toFinish = edgeKind === FF || edgeKind === SF;
      if (toFinish && kind[q] === GATE_NODE) continue; // ignored onto summaries, as the engine does
      const fromFinish = edgeKind === FS || edgeKind === FF;
      const link = percentLink(e);
      if (link) link.forward = inSlot.length;
      inSlot.push(startSlot(from) + (fromFinish ? 1 : 0));
      inLag.push(ctx.edgeLag[e]!);
      inFlags.push((ctx.edgeElapsed[e] ? ELAPSED_FLAG : 0) | (toFinish ? FINISH_FLAG : 0));
    }
    inBegin[q + 1] = inSlot.length;
  }

  // Backward: what limits each node's late dates. Leaves and roll-ups: links (FS/SS read the target's
  // late start — a summary target's gate — FF/SF its late finish, and not onto summaries) and the
  // roll-up edge to the parent's limits; gates: the late starts of their children.
  const outBegin = new Int32Array(nodes + 1);
  const outSlot: number[] = [];
  const outLag: number[] = [];
  const outFlags: number[] = [];
  for (let q = 0; q < nodes; q++) {
    const v = net.order[q]!;
    for (let p = net.outStart[v]!; p < net.outStart[v + 1]!; p++) {
      if (backwardKind[q] === SKIP_NODE) break;
      const e = net.outEdge[p]!;
      const edgeKind = net.edgeKind[e]!;
      const to = net.edgeTo[e]!;
      if (backwardKind[q] === GATE_NODE) {
        if (edgeKind !== GATE) continue;
        outSlot.push(startSlot(to));
        outLag.push(0);
        outFlags.push(0);
        continue;
      }
      if (edgeKind === ROLLUP) {
        // The parent's limits; limits nothing sets are +∞.
        if (!needs.limits[to]) continue;
        outSlot.push(startSlot(to));
        outLag.push(0);
        outFlags.push(ROLLUP_FLAG);
        continue;
      }
      const fromLateFinish = edgeKind === FF || edgeKind === SF;
      if (fromLateFinish && to >= n) continue;
      const link = percentLink(e);
      if (link) link.backward = outSlot.length;
      outSlot.push(startSlot(to) + (fromLateFinish ? 1 : 0));
      outLag.push(ctx.edgeLag[e]!);
      const limitsFinish = edgeKind === FS || edgeKind === FF;
      outFlags.push((ctx.edgeElapsed[e] ? ELAPSED_FLAG : 0) | (limitsFinish ? FINISH_FLAG : 0));
    }
    outBegin[q + 1] = outSlot.length;
  }

  const constraint = new Uint8Array(nodes);
  const constraintW = new Float64Array(nodes);
  const constraintT = new Float64Array(nodes);
  const deadlineW = new Float64Array(nodes);
  const deadlineT = new Float64Array(nodes).fill(NaN);
  for (let q = 0; q < nodes; q++) {
    const i = task[q]!;
    const c = timing.constraint[i]!;
    // A summary's SNET acts at its gate; leaves take SNET and FNET.
    const applies = kind[q] === GATE_NODE ? c === SNET : kind[q] === LEAF_NODE && (c === SNET || c === FNET);
    if (applies) {
      constraint[q] = c;
      constraintT[q] = timing.constraintDate[i]!;
      constraintW[q] = cal.toWork(constraintT[q]!);
    }
    if (kind[q] !== GATE_NODE && !Number.isNaN(timing.deadline[i]!)) {
      deadlineT[q] = timing.deadline[i]!;
      deadlineW[q] = cal.toWork(deadlineT[q]!);
    }
  }
  const positionOf = new Int32Array(n);
  for (let i = 0; i < n; i++) positionOf[i] = position[i]!;
  // The project finish is the latest finish of the active tasks; a skipped roll-up's finish is that of
  // its (all active) leaves, which count already.
  const active = new Uint8Array(nodes);
  for (let q = 0; q < nodes; q++)
    active[q] = (kind[q] === LEAF_NODE || kind[q] === ROLLUP_NODE) && timing.active[task[q]!] ? 1 : 0;

  const program: Program = {
    n,
    nodes,
    cal,
    kind,
    backwardKind,
    task,
    inBegin,
    inSlot: Int32Array.from(inSlot),
    inLag: Float64Array.from(inLag),
    inFlags: Uint8Array.from(inFlags),
    outBegin,
    outSlot: Int32Array.from(outSlot),
    outLag: Float64Array.from(outLag),
    outFlags: Uint8Array.from(outFlags),
    positionOf,
    constraint,
    constraintW,
    constraintT,
    deadlineW,
    deadlineT,
    active,
    duration: new Float64Array(nodes),
    startW: cal.toWork(ctx.projectStart),
    startT: ctx.projectStart,
    criticalLimit: (project.criticalSlackLimitMinutes ?? 0) + 1e-6,
    eW: new Float64Array(2 * nodes),
    eF: new Uint8Array(2 * nodes),
    eT: new Float64Array(2 * nodes),
    lW: new Float64Array(2 * nodes),
    lF: new Uint8Array(2 * nodes),
    lT: new Float64Array(2 * nodes),
    critical: new Uint8Array(n),
    finish: new Float64Array(3),
  };
  return { program, percentLinks: [...percentByEdge.values()] };
}

/**
 * Forward pass with `durations` (working minutes by task). Without progress the engine's duration is
 * the sample itself (it scales the planned duration by sample ÷ planned total), negatives taken as 0.
 */
function forward(g: Program, durations: Float64Array): void {
  const { nodes, kind, task, inBegin, inSlot, inLag, inFlags, constraint, constraintW, constraintT } = g;
  const { duration, startW, startT, eW, eF, eT, cal, active } = g;
  // The project finish: the latest early finish of the active tasks, from the project start.
  let pw = startW;
  let pf = RAW;
  let pt = startT;
  for (let q = 0; q < nodes; q++) {
    const begin = inBegin[q]!;
    const end = inBegin[q + 1]!;
    const s = 2 * q;
    const k = kind[q]!;
    if (k === SKIP_NODE) continue;
    if (k === ROLLUP_NODE) {
      // A summary: earliest start and latest finish of its children.
      let sw = Infinity;
      let sf = 0;
      let st = 0;
      let fw = -Infinity;
      let ff = 0;
      let ft = 0;
      for (let p = begin; p < end; p++) {
        const c = inSlot[p]!;
        const w = eW[c]!;
        if (w < sw || (w === sw && later(sw, sf, st, w, eF[c]!, eT[c]!))) {
          sw = w;
          sf = eF[c]!;
          st = eT[c]!;
        }
        const x = eW[c + 1]!;
        if (x > fw || (x === fw && later(x, eF[c + 1]!, eT[c + 1]!, fw, ff, ft))) {
          fw = eW[c + 1]!;
          ff = eF[c + 1]!;
          ft = eT[c + 1]!;
        }
      }
      eW[s] = sw;
      eF[s] = sf;
      eT[s] = st;
      eW[s + 1] = fw;
      eF[s + 1] = ff;
      eT[s + 1] = ft;
      if (active[q] && (fw > pw || (fw === pw && later(fw, ff, ft, pw, pf, pt)))) {
        pw = fw;
        pf = ff;
        pt = ft;
      }
      continue;
    }
    // A leaf or a summary's gate: the latest of the project start, the parent's gate, the links.
    let sw = startW;
    let sf = RAW;
    let st = startT;
    let fw = -Infinity;
    let ff = FINISH;
    let ft = 0;
    for (let p = begin; p < end; p++) {
      const c = inSlot[p]!;
      let w = eW[c]!;
      const lag = inLag[p]!;
      const flags = inFlags[p]!;
      if (lag !== 0) {
        if (flags & ELAPSED_FLAG) {
          const t = instant(cal, w, eF[c]!, eT[c]!) + lag;
          w = cal.toWork(t);
          if (flags & FINISH_FLAG) {
            if (later(w, RAW, t, fw, ff, ft)) {
              fw = w;
              ff = RAW;
              ft = t;
            }
          } else if (later(w, RAW, t, sw, sf, st)) {
            sw = w;
            sf = RAW;
            st = t;
          }
          continue;
        }
        // A working lag: the end of working time that many minutes later.
        w += lag;
        if (flags & FINISH_FLAG) {
          if (w > fw || (w === fw && later(w, FINISH, 0, fw, ff, ft))) {
            fw = w;
            ff = FINISH;
          }
        } else if (w > sw || (w === sw && later(w, FINISH, 0, sw, sf, st))) {
          sw = w;
          sf = FINISH;
        }
        continue;
      }
      // Most links: compare counts, and look at forms and instants only on a tie.
      if (flags & FINISH_FLAG) {
        if (w > fw || (w === fw && later(w, eF[c]!, eT[c]!, fw, ff, ft))) {
          fw = w;
          ff = eF[c]!;
          ft = eT[c]!;
        }
      } else if (w > sw || (w === sw && later(w, eF[c]!, eT[c]!, sw, sf, st))) {
        sw = w;
        sf = eF[c]!;
        st = eT[c]!;
      }
    }
    const c = constraint[q]!;
    if (c === SNET && later(constraintW[q]!, RAW, constraintT[q]!, sw, sf, st)) {
      sw = constraintW[q]!;
      sf = RAW;
      st = constraintT[q]!;
    } else if (c === FNET && later(constraintW[q]!, RAW, constraintT[q]!, fw, ff, ft)) {
      fw = constraintW[q]!;
      ff = RAW;
      ft = constraintT[q]!;
    }
    if (kind[q] === GATE_NODE) {
      eW[s] = sw;
      eF[s] = sf;
      eT[s] = st;
      continue;
    }
    const sample = durations[task[q]!]!;
    const d = sample > 0 ? sample : 0;
    duration[q] = d;
    if (d === 0) {
      // A milestone: at the latest of its start and finish limits, as that instant.
      if (later(fw, ff, ft, sw, sf, st)) {
        sw = fw;
        sf = ff;
        st = ft;
      }
      eW[s] = eW[s + 1] = fw = sw;
      eF[s] = eF[s + 1] = ff = sf;
      eT[s] = eT[s + 1] = ft = st;
    } else if (later(fw, ff, ft, sw + d, FINISH, 0)) {
      // A finish-to-finish or start-to-finish link (or FNET) drives the finish.
      eW[s + 1] = fw;
      eF[s + 1] = ff;
      eT[s + 1] = ft;
      eW[s] = fw - d;
      eF[s] = START;
    } else {
      eW[s] = sw;
      eF[s] = START;
      eW[s + 1] = fw = sw + d;
      eF[s + 1] = ff = FINISH;
    }
    if (active[q] && (fw > pw || (fw === pw && later(fw, ff, ft, pw, pf, pt)))) {
      pw = fw;
      pf = ff;
      pt = ft;
    }
  }
  g.finish[0] = pw;
  g.finish[1] = pf;
  g.finish[2] = pt;
}

function backward(g: Program): void {
  const { nodes, backwardKind: kind, task, outBegin, outSlot, outLag, outFlags, deadlineW, deadlineT } = g;
  const { duration, eW, eF, eT, lW, lF, lT, cal, critical, criticalLimit } = g;
  const finishW = g.finish[0]!;
  const finishF = g.finish[1]!;
  const finishT = g.finish[2]!;
  for (let q = nodes - 1; q >= 0; q--) {
    const begin = outBegin[q]!;
    const end = outBegin[q + 1]!;
    const s = 2 * q;
    const k = kind[q]!;
    if (k === SKIP_NODE) continue;
    let sw = Infinity;
    let sf = 0;
    let st = 0;
    if (k === GATE_NODE) {
      // A summary's late start: the earliest late start of its children.
      for (let p = begin; p < end; p++) {
        const c = outSlot[p]!;
        if (later(sw, sf, st, lW[c]!, lF[c]!, lT[c]!)) {
          sw = lW[c]!;
          sf = lF[c]!;
          st = lT[c]!;
        }
      }
      lW[s] = sw;
      lF[s] = sf;
      lT[s] = st;
      continue;
    }
    // Limits from the links out of this node and, through the roll-up edge, its parent's limits.
    let fw = Infinity;
    let ff = 0;
    let ft = 0;
    for (let p = begin; p < end; p++) {
      const c = outSlot[p]!;
      const flags = outFlags[p]!;
      if (flags & ROLLUP_FLAG) {
        if (later(sw, sf, st, lW[c]!, lF[c]!, lT[c]!)) {
          sw = lW[c]!;
          sf = lF[c]!;
          st = lT[c]!;
        }
        if (later(fw, ff, ft, lW[c + 1]!, lF[c + 1]!, lT[c + 1]!)) {
          fw = lW[c + 1]!;
          ff = lF[c + 1]!;
          ft = lT[c + 1]!;
        }
        continue;
      }
      let w = lW[c]!;
      let f = lF[c]!;
      let t = lT[c]!;
      const lag = outLag[p]!;
      if (lag !== 0) {
        if (flags & ELAPSED_FLAG) {
          t = instant(cal, w, f, t) - lag;
          w = cal.toWork(t);
          f = RAW;
        } else {
          w -= lag;
          f = START;
        }
      }
      if (flags & FINISH_FLAG) {
        if (later(fw, ff, ft, w, f, t)) {
          fw = w;
          ff = f;
          ft = t;
        }
      } else if (later(sw, sf, st, w, f, t)) {
        sw = w;
        sf = f;
        st = t;
      }
    }
    const due = deadlineT[q]!;
    if (due === due && later(fw, ff, ft, deadlineW[q]!, RAW, due)) {
      fw = deadlineW[q]!;
      ff = RAW;
      ft = due;
    }
    if (kind[q] === ROLLUP_NODE) {
      // A summary's limits on its children.
      lW[s] = sw;
      lF[s] = sf;
      lT[s] = st;
      lW[s + 1] = fw;
      lF[s + 1] = ff;
      lT[s + 1] = ft;
      continue;
    }
    if (later(fw, ff, ft, finishW, finishF, finishT)) {
      fw = finishW;
      ff = finishF;
      ft = finishT;
    }
    const d = duration[q]!;
    const milestone = d === 0;
    if (!milestone) {
      // Back to the end of working time (same count), but never before the early finish.
      const early = later(fw, ff, ft, eW[s + 1]!, eF[s + 1]!, eT[s + 1]!);
      const bw = early ? eW[s + 1]! : fw;
      const bf = early ? eF[s + 1]! : ff;
      const bt = early ? eT[s + 1]! : ft;
      if (later(bw, bf, bt, fw, FINISH, 0)) {
        fw = bw;
        ff = bf;
        ft = bt;
      } else ff = FINISH;
    }
    let lw = milestone ? fw : fw - d;
    let lform = milestone ? ff : START;
    let lt = milestone ? ft : 0;
    if (later(lw, lform, lt, sw, sf, st)) {
      lw = sw;
      lform = sf;
      lt = st;
      if (milestone) {
        fw = sw;
        ff = sf;
        ft = st;
      } else if (later(fw, ff, ft, sw + d, FINISH, 0)) {
        fw = sw + d;
        ff = FINISH;
      }
    }
    lW[s] = lw;
    lF[s] = lform;
    lT[s] = lt;
    lW[s + 1] = fw;
    lF[s + 1] = ff;
    lT[s + 1] = ft;
    // Total float in working minutes: the smaller of the finish and start slack.
    const finishSlack = fw - eW[s + 1]!;
    const startSlack = lw - eW[s]!;
    critical[task[q]!] = (finishSlack < startSlack ? finishSlack : startSlack) <= criticalLimit ? 1 : 0;
  }
}

/**
 * Which summary structure the passes need, per summary task (other entries 0). A gate's start is
 * the project start unless links or SNET constrain the summary or an ancestor; its late start is
 * read only through links into the summary or an ancestor; a summary's limits on its children are
 * +∞ unless it or an ancestor has successors or a deadline; its own dates are read only through its
 * links, its deadline, a summary above that needs them, or — with inactive tasks below it — for the
 * project finish. Plans generated or imported without such links skip all of it.
 */
function structureNeeds(prepared: PreparedSchedule) {
  const { network: net, timing } = prepared;
  const n = net.taskCount;
  const linksIn = new Uint8Array(n);
  const linksOut = new Uint8Array(n);
  for (let e = 0; e < net.edgeKind.length; e++) {
    const kind = net.edgeKind[e]!;
    if (kind === GATE || kind === ROLLUP) continue;
    const from = net.edgeFrom[e]!;
    if (net.isSummary[from]) linksOut[from] = 1;
    const to = net.edgeTo[e]!;
    if (to >= n && (kind === FS || kind === SS)) linksIn[net.taskOfNode[to]!] = 1;
  }
  const inactiveBelow = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const p = net.parent[i]!;
    if (p >= 0 && (!timing.active[i] || inactiveBelow[i])) inactiveBelow[p] = 1;
  }
  const gate = new Uint8Array(n);
  const gateLateStart = new Uint8Array(n);
  const limits = new Uint8Array(n);
  const rollUp = new Uint8Array(n);
  // Parents come before their children in plan order.
  for (let i = 0; i < n; i++) {
    if (!net.isSummary[i]) continue;
    const p = net.parent[i]!;
    const up = (flags: Uint8Array) => p >= 0 && flags[p] === 1;
    const deadline = !Number.isNaN(timing.deadline[i]!);
    gate[i] = linksIn[i] || timing.constraint[i] === SNET || up(gate) ? 1 : 0;
    gateLateStart[i] = linksIn[i] || up(gateLateStart) ? 1 : 0;
    limits[i] = linksOut[i] || deadline || up(limits) ? 1 : 0;
    rollUp[i] = linksOut[i] || deadline || (timing.active[i] && inactiveBelow[i]) || up(rollUp) ? 1 : 0;
  }
  return { gate, gateLateStart, limits, rollUp };
}
