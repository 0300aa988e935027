/**
 * A plan compiled for Monte Carlo — the prepared schedule, the sampling model and the passes — and the
 * loop that runs one block of iterations. The main thread and every worker build the same `RiskPlan`
 * from the same `Project`, and a block's result depends only on (seed, block), never on who ran it.
 */
import type { Project } from '../../model/project.ts';
import { prepareSchedule, type PreparedSchedule } from '../../schedule/prepared-schedule.ts';
import { ScheduleError } from '../../schedule/schedule-errors.ts';
import { iterationPasses, type IterationPasses } from './iteration-passes.ts';
import { RandomStream } from './random-stream.ts';
import { RiskAnalysisError } from './risk-errors.ts';
import {
  SENSITIVITY_BINS,
  buildRiskModel,
  iterationSample,
  sampleIteration,
  type IterationSample,
  type RiskModel,
} from './risk-model.ts';

/** What every thread needs to run iterations (a plain, structured-cloneable object). */
export interface RiskRunSettings {
  seed: number;
  iterations: number;
  /** Run the backward pass for criticality (about twice the work of the forward pass alone). */
  criticality: boolean;
  /** Iterations per block: the unit of work and of aggregation (depends on `iterations` only). */
  blockSize: number;
}

export interface RiskPlan {
  project: Project;
  prepared: PreparedSchedule;
  model: RiskModel;
  passes: IterationPasses;
  /** Tasks whose finish is recorded every iteration: milestones and tasks with a deadline. */
  tracked: Int32Array;
  /** Sensitivity columns (tasks, then risks). */
  columns: number;
  /** The plan's own schedule, with planned durations. */
  plannedFinish: number;
  plannedTrackedFinish: Float64Array;
  warnings: string[];
}

/** The per-iteration record of one block, in iteration order. */
export interface BlockResult {
  block: number;
  from: number;
  to: number;
  /** Project finish per iteration (local minutes). */
  finish: Float64Array;
  /** Finish of each tracked task per iteration, iteration-major (iterations × tracked). */
  trackedFinish: Float64Array;
  /** Total risk cost per iteration. */
  cost: Float64Array;
  /** Iterations in which each task was critical. */
  criticalCount: Uint32Array;
  /** Iterations in which each risk occurred, and its delay and cost summed over them (this block). */
  riskCount: Uint32Array;
  riskDelaySum: Float64Array;
  riskCostSum: Float64Array;
  /**
   * Sensitivity bin of each varying column (`model.varyingColumns`) per iteration, column by column
   * (varying columns × iterations of the block).
   */
  bins: Uint8Array;
  /**
   * 1 for iterations that could not be scheduled (a sampled duration ran past the last working time of
   * a calendar); their dates are NaN and they count for nothing but risk occurrence and cost.
   */
  failed: Uint8Array;
  /** Why the first failed iteration of the block failed. */
  failure?: string;
}

/** Iterations per block: about 1 % of the run (progress and load balancing), at most 512. */
export const blockSizeFor = (iterations: number): number =>
  Math.max(1, Math.min(512, Math.ceil(iterations / 100)));

/**
 * Compiles `project` for risk analysis. Throws `ScheduleError`/`CycleError` for a plan that cannot be
 * scheduled and `RiskAnalysisError` for bad estimates, risks or correlations.
 * Complexity: that of `prepareSchedule` plus O(tasks + links).
 */
export function compileRiskPlan(project: Project, criticality: boolean): RiskPlan {
  const prepared = prepareSchedule(project);
  const planned = prepared.run();
  const plannedFinish = planned.projectFinish;
  const net = prepared.network;
  const n = net.taskCount;
  const tracked: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!prepared.timing.active[i]) continue;
    const milestone = !net.isSummary[i] && prepared.timing.milestone[i] === 1;
    if (milestone || !Number.isNaN(prepared.timing.deadline[i]!)) tracked.push(i);
  }
  const plannedTrackedFinish = Float64Array.from(tracked, (i) => planned.ef[i]!);
  const warnings: string[] = [];
  const model = buildRiskModel(project, net.indexOfId, (i) => net.isSummary[i] === 0, warnings);
  const passes = iterationPasses(prepared, criticality);
  return {
    project,
    prepared,
    model,
    passes,
    tracked: Int32Array.from(tracked),
    columns: n + model.riskCount,
    plannedFinish,
    plannedTrackedFinish,
    warnings,
  };
}

/** Checks run options; throws `RiskAnalysisError('INVALID_OPTIONS')`. */
export function checkRunSettings(iterations: number, seed: number): void {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 100_000_000)
    throw new RiskAnalysisError(
      'INVALID_OPTIONS',
      `iterations must be a whole number from 1, got ${iterations}`,
    );
  if (!Number.isSafeInteger(seed))
    throw new RiskAnalysisError('INVALID_OPTIONS', `seed must be a whole number, got ${seed}`);
}

/** Reusable per-thread state for `runBlock`. */
export interface BlockRunner {
  plan: RiskPlan;
  settings: RiskRunSettings;
  stream: RandomStream;
  sample: IterationSample;
}

export function blockRunner(plan: RiskPlan, settings: RiskRunSettings): BlockRunner {
  return { plan, settings, stream: new RandomStream(settings.seed), sample: iterationSample(plan.model) };
}

/**
 * Runs block `block` (iterations block × blockSize … up to `iterations`): samples each iteration from
 * its own stream, schedules it and records what the statistics need.
 * Complexity: O(block size × (tasks + links + tracked + risks)).
 */
export function runBlock(runner: BlockRunner, block: number): BlockResult {
  const { plan, settings, stream, sample } = runner;
  const { model, passes, tracked } = plan;
  const from = block * settings.blockSize;
  const to = Math.min(settings.iterations, from + settings.blockSize);
  const count = to - from;
  const n = model.taskCount;
  const r = model.riskCount;
  const m = tracked.length;
  const result: BlockResult = {
    block,
    from,
    to,
    finish: new Float64Array(count),
    trackedFinish: new Float64Array(count * m),
    cost: new Float64Array(count),
    criticalCount: new Uint32Array(n),
    riskCount: new Uint32Array(r),
    riskDelaySum: new Float64Array(r),
    riskCostSum: new Float64Array(r),
    bins: new Uint8Array(count * model.varyingColumns.length),
    failed: new Uint8Array(count),
  };
  const { binLow, binScale, varyingColumns } = model;
  const durations = sample.durations;
  const critical = passes.critical;
  const criticalCount = result.criticalCount;
  const bins = result.bins;
  const top = SENSITIVITY_BINS - 1;
  for (let k = 0; k < count; k++) {
    sampleIteration(model, stream, from + k, sample);
    result.cost[k] = sample.cost;
    try {
      result.finish[k] = passes.run(durations);
      for (let j = 0; j < m; j++) result.trackedFinish[k * m + j] = passes.finishOf(tracked[j]!);
    } catch (error) {
      if (!(error instanceof ScheduleError && error.code === 'DATE_OUT_OF_RANGE')) throw error;
      result.failed[k] = 1;
      result.failure ??= error.message;
      result.finish[k] = NaN;
      result.trackedFinish.fill(NaN, k * m, (k + 1) * m);
    }
    for (let q = 0; q < r; q++) {
      if (!sample.occurred[q]) continue;
      result.riskCount[q]!++;
      result.riskDelaySum[q]! += sample.riskDelay[q]!;
      result.riskCostSum[q]! += sample.riskCost[q]!;
    }
    if (result.failed[k]) continue;
    if (settings.criticality) for (let i = 0; i < n; i++) criticalCount[i]! += critical[i]!;
    for (let v = 0, at = k; v < varyingColumns.length; v++, at += count) {
      const c = varyingColumns[v]!;
      const scale = binScale[c]!;
      const value = c < n ? durations[c]! : sample.riskDelay[c - n]!;
      const b = Math.floor((value - binLow[c]!) * scale);
      bins[at] = b < 0 ? 0 : b > top ? top : b;
    }
  }
  return result;
}
