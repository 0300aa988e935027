/**
 * What one Monte Carlo iteration samples, compiled once from the plan: each task's duration
 * distribution, the risk events, and the copula of correlated tasks. `sampleIteration` draws one
 * iteration's durations from that iteration's own random stream.
 */
import type { Project, ThreePoint } from '../../model/project.ts';
import { buildCopula, drawCopula, type CopulaGroup } from './correlation.ts';
import {
  gammaMarsagliaTsang,
  inverseIncompleteBeta,
  pertShape,
  triangularQuantile,
} from './distributions.ts';
import type { RandomStream } from './random-stream.ts';
import { RiskAnalysisError } from './risk-errors.ts';

export const DIST_FIXED = 0;
export const DIST_TRIANGULAR = 1;
export const DIST_PERT = 2;
export const DIST_UNIFORM = 3;

// Module-local copies of imported functions for the per-task loop: under tsx and Vitest every read of
// an imported binding is a getter call.
const triangular = triangularQuantile;
const gamma = gammaMarsagliaTsang;

const CODE = { fixed: DIST_FIXED, triangular: DIST_TRIANGULAR, pert: DIST_PERT, uniform: DIST_UNIFORM };

/** Three-point distributions in flat arrays (one entry per task, or per risk). */
export interface Distributions {
  kind: Uint8Array;
  low: Float64Array;
  mode: Float64Array;
  high: Float64Array;
  /** PERT beta shapes, and Marsaglia–Tsang's constants for them (d = shape − 1/3, c = 1/√(9d)). */
  alpha: Float64Array;
  beta: Float64Array;
  alphaD: Float64Array;
  alphaC: Float64Array;
  betaD: Float64Array;
  betaC: Float64Array;
}

export interface RiskModel {
  taskCount: number;
  /** Planned working minutes of every task (its duration when it has no estimate). */
  planned: Float64Array;
  tasks: Distributions;
  copula: CopulaGroup[];
  /**
   * Independent triangular tasks (in plan order) and their constants: below `split` = (m − a)/(b − a)
   * the sample is a + √(u·left), above it b − √((1 − u)·right), with left = (b − a)(m − a) and
   * right = (b − a)(b − m).
   */
  triangular: {
    tasks: Int32Array;
    low: Float64Array;
    high: Float64Array;
    split: Float64Array;
    left: Float64Array;
    right: Float64Array;
  };
  /** The other tasks whose duration is drawn: PERT, uniform, or correlated (in plan order). */
  otherVarying: Int32Array;
  /** 1 for tasks whose duration is drawn through the copula. */
  correlated: Uint8Array;
  largestGroup: number;
  riskCount: number;
  riskProbability: Float64Array;
  /** Task indices of each risk in CSR form. */
  riskTaskStart: Int32Array;
  riskTasks: Int32Array;
  delays: Distributions;
  costs: Distributions;
  hasDelay: Uint8Array;
  hasCost: Uint8Array;
  /**
   * Sensitivity columns (tasks, then risks): the range a sampled value can take, binned into
   * `SENSITIVITY_BINS` equal bins for rank correlation. `binScale` 0 means the value never varies.
   */
  binLow: Float64Array;
  binScale: Float64Array;
  /** The columns with `binScale` > 0. */
  varyingColumns: Int32Array;
}

/** Bins per sensitivity column: each sample is stored as one byte (see `risk-runner.ts`). */
export const SENSITIVITY_BINS = 256;

function distributions(count: number): Distributions {
  return {
    kind: new Uint8Array(count),
    low: new Float64Array(count),
    mode: new Float64Array(count),
    high: new Float64Array(count),
    alpha: new Float64Array(count),
    beta: new Float64Array(count),
    alphaD: new Float64Array(count),
    alphaC: new Float64Array(count),
    betaD: new Float64Array(count),
    betaC: new Float64Array(count),
  };
}

function setDistribution(into: Distributions, k: number, value: ThreePoint, where: string): void {
  const { optimistic: a, mostLikely: m, pessimistic: b } = value;
  const kind = value.distribution ?? 'triangular';
  if (!(kind in CODE))
    throw new RiskAnalysisError('INVALID_ESTIMATE', `${where}: unknown distribution "${kind}"`);
  if (![a, m, b].every(Number.isFinite) || a < 0 || !(a <= m && m <= b))
    throw new RiskAnalysisError(
      'INVALID_ESTIMATE',
      `${where}: expected 0 ≤ optimistic ≤ most likely ≤ pessimistic, got ${a}, ${m}, ${b}`,
    );
  into.kind[k] = a === b ? DIST_FIXED : CODE[kind];
  into.low[k] = a;
  into.mode[k] = m;
  into.high[k] = b;
  const { alpha, beta } = pertShape(a, m, b);
  into.alpha[k] = alpha;
  into.beta[k] = beta;
  into.alphaD[k] = alpha - 1 / 3;
  into.alphaC[k] = 1 / Math.sqrt(9 * (alpha - 1 / 3));
  into.betaD[k] = beta - 1 / 3;
  into.betaC[k] = 1 / Math.sqrt(9 * (beta - 1 / 3));
}

const taskName = (project: Project, i: number) =>
  `Task "${project.tasks[i]!.name}" (${project.tasks[i]!.id})`;

/**
 * Compiles the sampling model. `isLeaf(i)` says which tasks have a duration of their own (summaries
 * roll up theirs, so their estimates are ignored). Throws `RiskAnalysisError` naming the task, risk or
 * correlation at fault.
 * Complexity: O(tasks + Σ risk links + correlations).
 */
export function buildRiskModel(
  project: Project,
  indexOfId: Pick<ReadonlyMap<string, number>, 'get'>,
  isLeaf: (task: number) => boolean,
  warnings: string[],
): RiskModel {
  const n = project.tasks.length;
  const planned = new Float64Array(n);
  const tasks = distributions(n);
  for (let i = 0; i < n; i++) {
    const task = project.tasks[i]!;
    planned[i] = Math.max(0, task.duration.minutes);
    if (task.estimate && isLeaf(i)) setDistribution(tasks, i, task.estimate, taskName(project, i));
    if (tasks.kind[i] === DIST_FIXED) {
      const value = task.estimate && isLeaf(i) ? task.estimate.mostLikely : planned[i]!;
      tasks.low[i] = tasks.mode[i] = tasks.high[i] = value;
    }
  }

  const risks = project.risks ?? [];
  const r = risks.length;
  const riskProbability = new Float64Array(r);
  const riskTaskStart = new Int32Array(r + 1);
  const riskTaskList: number[] = [];
  const delays = distributions(r);
  const costs = distributions(r);
  const hasDelay = new Uint8Array(r);
  const hasCost = new Uint8Array(r);
  const maxDelay = new Float64Array(n);
  risks.forEach((risk, k) => {
    const where = `Risk "${risk.name}" (${risk.id})`;
    if (!(risk.probability >= 0 && risk.probability <= 1))
      throw new RiskAnalysisError('INVALID_RISK', `${where}: probability ${risk.probability} is outside 0…1`);
    riskProbability[k] = risk.probability;
    for (const id of risk.taskIds) {
      const i = indexOfId.get(id);
      if (i === undefined) throw new RiskAnalysisError('INVALID_RISK', `${where}: unknown task "${id}"`);
      if (!isLeaf(i)) {
        warnings.push(`${where} is linked to summary task "${id}", whose duration rolls up: ignored there.`);
        continue;
      }
      riskTaskList.push(i);
    }
    riskTaskStart[k + 1] = riskTaskList.length;
    if (risk.delay) {
      setDistribution(delays, k, risk.delay, `${where} delay`);
      hasDelay[k] = 1;
      for (let p = riskTaskStart[k]!; p < riskTaskStart[k + 1]!; p++)
        maxDelay[riskTaskList[p]!]! += risk.delay.pessimistic;
    }
    if (risk.cost) {
      setDistribution(costs, k, risk.cost, `${where} cost`);
      hasCost[k] = 1;
    }
  });

  const varies = (i: number) => tasks.kind[i] !== DIST_FIXED;
  const copula = buildCopula(project.correlations ?? [], indexOfId, varies, warnings);
  const correlated = new Uint8Array(n);
  let largestGroup = 0;
  for (const g of copula) {
    for (const i of g.tasks) correlated[i] = 1;
    largestGroup = Math.max(largestGroup, g.tasks.length);
  }

  const columns = n + r;
  const binLow = new Float64Array(columns);
  const binScale = new Float64Array(columns);
  const setBins = (c: number, low: number, high: number) => {
    binLow[c] = low;
    binScale[c] = high > low ? SENSITIVITY_BINS / (high - low) : 0;
  };
  for (let i = 0; i < n; i++) setBins(i, tasks.low[i]!, tasks.high[i]! + maxDelay[i]!);
  for (let k = 0; k < r; k++)
    setBins(
      n + k,
      0,
      hasDelay[k] && riskProbability[k]! > 0 && riskProbability[k]! < 1 ? delays.high[k]! : 0,
    );
  // A risk that always (or never) happens still varies when its delay does.
  for (let k = 0; k < r; k++)
    if (binScale[n + k] === 0 && hasDelay[k] && riskProbability[k] === 1 && delays.kind[k] !== DIST_FIXED)
      setBins(n + k, delays.low[k]!, delays.high[k]!);

  const triangularTasks: number[] = [];
  const otherVarying: number[] = [];
  const triangularConstants = {
    tasks: new Int32Array(0),
    low: tasks.low,
    high: tasks.high,
    split: new Float64Array(n),
    left: new Float64Array(n),
    right: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    if (tasks.kind[i] === DIST_FIXED) continue;
    if (tasks.kind[i] !== DIST_TRIANGULAR || correlated[i]) {
      otherVarying.push(i);
      continue;
    }
    triangularTasks.push(i);
    const [a, m, b] = [tasks.low[i]!, tasks.mode[i]!, tasks.high[i]!];
    triangularConstants.split[i] = (m - a) / (b - a);
    triangularConstants.left[i] = (b - a) * (m - a);
    triangularConstants.right[i] = (b - a) * (b - m);
  }
  triangularConstants.tasks = Int32Array.from(triangularTasks);

  return {
    taskCount: n,
    planned,
    tasks,
    triangular: triangularConstants,
    otherVarying: Int32Array.from(otherVarying),
    copula,
    correlated,
    largestGroup,
    riskCount: r,
    riskProbability,
    riskTaskStart,
    riskTasks: Int32Array.from(riskTaskList),
    delays,
    costs,
    hasDelay,
    hasCost,
    binLow,
    binScale,
    varyingColumns: Int32Array.from(Array.from(binScale.keys()).filter((c) => binScale[c]! > 0)),
  };
}

/** One draw from distribution `k` of `d`. */
export function sampleDistribution(d: Distributions, k: number, stream: RandomStream): number {
  switch (d.kind[k]) {
    case DIST_TRIANGULAR:
      return triangular(d.low[k]!, d.mode[k]!, d.high[k]!, stream.uniform());
    case DIST_PERT: {
      // beta(α, β) = X / (X + Y) for X ~ gamma(α), Y ~ gamma(β).
      const x = gamma(d.alphaD[k]!, d.alphaC[k]!, stream);
      const y = gamma(d.betaD[k]!, d.betaC[k]!, stream);
      return d.low[k]! + (d.high[k]! - d.low[k]!) * (x / (x + y));
    }
    case DIST_UNIFORM:
      return d.low[k]! + (d.high[k]! - d.low[k]!) * stream.uniform();
    default:
      return d.mode[k]!;
  }
}

/** The value of distribution `k` at probability `u` (inverse CDF), for copula-driven draws. */
export function distributionQuantile(d: Distributions, k: number, u: number): number {
  const low = d.low[k]!;
  const high = d.high[k]!;
  switch (d.kind[k]) {
    case DIST_TRIANGULAR:
      return triangularQuantile(low, d.mode[k]!, high, u);
    case DIST_PERT:
      return low + (high - low) * inverseIncompleteBeta(d.alpha[k]!, d.beta[k]!, u);
    case DIST_UNIFORM:
      return low + (high - low) * u;
    default:
      return d.mode[k]!;
  }
}

/** Triangular durations of the independent triangular tasks from one uniform each. */
function sampleTriangular(t: RiskModel['triangular'], u: Float64Array, durations: Float64Array): void {
  const { tasks, low, high, split, left, right } = t;
  for (let p = 0; p < tasks.length; p++) {
    const i = tasks[p]!;
    const x = u[p]!;
    durations[i] = Math.round(
      x < split[i]! ? low[i]! + Math.sqrt(x * left[i]!) : high[i]! - Math.sqrt((1 - x) * right[i]!),
    );
  }
}

/** Per-iteration buffers for `sampleIteration`. */
export interface IterationSample {
  /** Working minutes per task (estimate sample plus risk delays). */
  durations: Float64Array;
  /** Delay of each risk this iteration (0 when it did not occur). */
  riskDelay: Float64Array;
  riskCost: Float64Array;
  /** 1 where the risk occurred. */
  occurred: Uint8Array;
  /** Total risk cost of the iteration. */
  cost: number;
  copulaUniform: Float64Array;
  copulaScratch: Float64Array;
  /** One uniform per independent triangular task. */
  uniforms: Float64Array;
}

export function iterationSample(model: RiskModel): IterationSample {
  return {
    durations: model.tasks.mode.slice(),
    riskDelay: new Float64Array(model.riskCount),
    riskCost: new Float64Array(model.riskCount),
    occurred: new Uint8Array(model.riskCount),
    cost: 0,
    copulaUniform: new Float64Array(model.copula.length > 0 ? model.taskCount : 0),
    copulaScratch: new Float64Array(model.largestGroup),
    uniforms: new Float64Array(model.triangular.tasks.length),
  };
}

/**
 * Draws iteration `iteration`'s durations into `out`. The order of draws is fixed — correlated groups,
 * then tasks in plan order, then risks in order — and the stream is reset to the iteration first, so the
 * result depends only on (seed, iteration).
 * Complexity: O(tasks + Σ risk links + Σ copula cost).
 */
export function sampleIteration(
  model: RiskModel,
  stream: RandomStream,
  iteration: number,
  out: IterationSample,
): void {
  stream.reset(iteration);
  const d = model.tasks;
  const durations = out.durations;
  // Tasks a risk delayed last iteration start again from their fixed duration.
  const riskTasks = model.riskTasks;
  for (let p = 0; p < riskTasks.length; p++) durations[riskTasks[p]!] = d.mode[riskTasks[p]!]!;
  if (model.copula.length > 0) drawCopula(model.copula, stream, out.copulaUniform, out.copulaScratch);
  // Samples are whole working minutes, as durations are in MS Project. Independent triangular tasks
  // first, from one batch of uniforms (the inverse CDF with its constants precomputed, as in
  // triangularQuantile); then the others, each drawing what its method needs.
  stream.fillUniform(out.uniforms, model.triangular.tasks.length);
  sampleTriangular(model.triangular, out.uniforms, durations);
  const others = model.otherVarying;
  for (let p = 0; p < others.length; p++) {
    const i = others[p]!;
    durations[i] = Math.round(
      model.correlated[i] === 1
        ? distributionQuantile(d, i, out.copulaUniform[i]!)
        : sampleDistribution(d, i, stream),
    );
  }
  let cost = 0;
  for (let r = 0; r < model.riskCount; r++) {
    const occurs = stream.uniform() < model.riskProbability[r]!;
    out.occurred[r] = occurs ? 1 : 0;
    let delay = 0;
    let riskCost = 0;
    if (occurs) {
      if (model.hasDelay[r]) delay = Math.round(sampleDistribution(model.delays, r, stream));
      if (model.hasCost[r]) riskCost = sampleDistribution(model.costs, r, stream);
      if (delay !== 0)
        for (let p = model.riskTaskStart[r]!; p < model.riskTaskStart[r + 1]!; p++)
          durations[model.riskTasks[p]!]! += delay;
    }
    out.riskDelay[r] = delay;
    out.riskCost[r] = riskCost;
    cost += riskCost;
  }
  out.cost = cost;
}
