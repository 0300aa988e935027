/**
 * Schedule risk analysis (Monte Carlo) of a plan on the calling thread — pure, no worker threads, so
 * it runs anywhere the core runs. Every iteration samples each task's duration from its three-point
 * estimate, applies the risk events that occur and the correlations between tasks, schedules the plan
 * with those durations (calendars, link types, lags and constraints as in `scheduleProject`) and
 * records the finish; the forecast summarises all iterations.
 *
 * Reproducible: iteration i draws from its own random stream, seeded from (seed, i), and the figures
 * are computed from per-iteration records in iteration order, so a seed gives the same numbers here
 * and on any number of threads (`runRiskAnalysis`, risk-analysis.ts).
 */
import type { Project } from '../../model/project.ts';
import {
  blockRunner,
  blockSizeFor,
  checkRunSettings,
  compileRiskPlan,
  runBlock,
  type BlockResult,
  type RiskPlan,
  type RiskRunSettings,
} from './risk-plan.ts';
import type { RiskAnalysisResult } from './risk-result.ts';
import { DEFAULT_PERCENTILES, summarise } from './risk-statistics.ts';

export interface RiskAnalysisOptions {
  /** Number of iterations, e.g. 10,000. */
  iterations: number;
  /** Same seed, same numbers (any safe integer). */
  seed: number;
  /** Threads to use, the calling one included. Default `os.availableParallelism()`. */
  threads?: number;
  /** Called as blocks of about 1 % of the iterations finish. */
  onProgress?: (done: number, total: number) => void;
  /** Compute the criticality index (runs the backward pass too). Default true. */
  criticality?: boolean;
  /** Percentiles to report. Default 10, 50, 80, 90, 95. */
  percentiles?: number[];
  /** Bins of the finish histogram. Default 30. */
  histogramBins?: number;
}

export function settingsFor(options: RiskAnalysisOptions): RiskRunSettings {
  checkRunSettings(options.iterations, options.seed);
  return {
    seed: options.seed,
    iterations: options.iterations,
    criticality: options.criticality ?? true,
    blockSize: blockSizeFor(options.iterations),
  };
}

export function finish(
  plan: RiskPlan,
  settings: RiskRunSettings,
  blocks: BlockResult[],
  options: RiskAnalysisOptions,
  threads: number,
): RiskAnalysisResult {
  return summarise(plan, settings, blocks, {
    percentiles: options.percentiles ?? DEFAULT_PERCENTILES,
    histogramBins: options.histogramBins ?? 30,
    threads,
  });
}

/**
 * Runs the analysis on the calling thread. Throws `ScheduleError`/`CycleError` for a plan that cannot be
 * scheduled and `RiskAnalysisError` for bad estimates, risks, correlations or options.
 *
 * @example
 * const forecast = runRiskAnalysisSync(project, { iterations: 10_000, seed: 1 });
 * forecast.finish.percentiles.find((p) => p.percent === 80)?.date; // '2026-09-14T17:00:00'
 *
 * Complexity: O(iterations × (tasks + links)) time; O(iterations × (tasks + risks)) bytes for the
 * sensitivity bins plus O(iterations × milestones) for milestone dates.
 */
export function runRiskAnalysisSync(project: Project, options: RiskAnalysisOptions): RiskAnalysisResult {
  const settings = settingsFor(options);
  const plan = compileRiskPlan(project, settings.criticality);
  const runner = blockRunner(plan, settings);
  const count = Math.ceil(settings.iterations / settings.blockSize);
  const blocks: BlockResult[] = [];
  for (let b = 0; b < count; b++) {
    const block = runBlock(runner, b);
    blocks.push(block);
    options.onProgress?.(block.to, settings.iterations);
  }
  return finish(plan, settings, blocks, options, 1);
}
