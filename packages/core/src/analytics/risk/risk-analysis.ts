/**
 * Schedule risk analysis (Monte Carlo) of a plan: every iteration samples each task's duration from
 * its three-point estimate, applies the risk events that occur and the correlations between tasks,
 * schedules the plan with those durations (calendars, link types, lags and constraints as in
 * `scheduleProject`) and records the finish; the forecast summarises all iterations.
 *
 * Reproducible: iteration i draws from its own random stream, seeded from (seed, i), and the figures
 * are computed from per-iteration records in iteration order, so a seed gives the same numbers on any
 * number of threads. `runRiskAnalysisSync` runs on the calling thread; `runRiskAnalysis` spreads blocks
 * of iterations over worker threads and the calling thread.
 */
import { availableParallelism } from 'node:os';
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
import type { RiskWorkerReply, RiskWorkerRequest } from './risk-worker.ts';
import { acquireWorkers, releaseWorker } from './risk-worker-pool.ts';

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

function settingsFor(options: RiskAnalysisOptions): RiskRunSettings {
  checkRunSettings(options.iterations, options.seed);
  return {
    seed: options.seed,
    iterations: options.iterations,
    criticality: options.criticality ?? true,
    blockSize: blockSizeFor(options.iterations),
  };
}

function finish(
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

let runs = 0;

/**
 * Runs the analysis on `threads` threads: the calling thread and `threads − 1` worker threads
 * (risk-worker.ts, kept in a pool between analyses), which each compile the plan once and take blocks
 * of iterations as they become free. The calling thread starts at once, so a new worker's start-up
 * overlaps with work. Results are identical to `runRiskAnalysisSync` with the same seed. A worker that
 * fails is dropped (with a warning) and its blocks run elsewhere.
 *
 * @example
 * const forecast = await runRiskAnalysis(project, { iterations: 10_000, seed: 1, onProgress: (d, t) => … });
 */
export async function runRiskAnalysis(
  project: Project,
  options: RiskAnalysisOptions,
): Promise<RiskAnalysisResult> {
  const settings = settingsFor(options);
  const plan = compileRiskPlan(project, settings.criticality);
  const count = Math.ceil(settings.iterations / settings.blockSize);
  const threads = Math.max(1, Math.min(Math.floor(options.threads ?? availableParallelism()), count));
  const runner = blockRunner(plan, settings);
  if (threads === 1) {
    const blocks: BlockResult[] = [];
    for (let b = 0; b < count; b++) {
      blocks.push(runBlock(runner, b));
      options.onProgress?.(blocks[b]!.to, settings.iterations);
      if (b % 8 === 7) await yieldToEventLoop();
    }
    return finish(plan, settings, blocks, options, 1);
  }

  const run = ++runs;
  const blocks = new Array<BlockResult | undefined>(count);
  let done = 0;
  let iterationsDone = 0;
  let next = 0;
  const retry: number[] = [];
  const warnings: string[] = [];
  const takeBlock = (): number | undefined => retry.pop() ?? (next < count ? next++ : undefined);
  const store = (result: BlockResult) => {
    blocks[result.block] = result;
    done++;
    iterationsDone += result.to - result.from;
    options.onProgress?.(iterationsDone, settings.iterations);
  };
  let wakeUp: (() => void) | undefined;
  const wake = () => {
    wakeUp?.();
    wakeUp = undefined;
  };

  const workers = acquireWorkers(threads - 1).map((worker) => {
    const inFlight = new Set<number>();
    const state = { worker, alive: true };
    const feed = () => {
      // Two blocks in flight, so a worker never waits for the busy calling thread to answer.
      while (state.alive && inFlight.size < 2) {
        const b = takeBlock();
        if (b === undefined) break;
        inFlight.add(b);
        worker.postMessage({ type: 'block', run, block: b } satisfies RiskWorkerRequest);
      }
    };
    const fail = (message: string) => {
      if (!state.alive) return;
      state.alive = false;
      warnings.push(`A worker thread failed (${message}); its iterations ran on the other threads.`);
      retry.push(...inFlight);
      inFlight.clear();
      void worker.terminate();
      wake();
    };
    worker.on('message', (message: RiskWorkerReply) => {
      if (message.run !== run && message.run !== -1) return;
      if (message.type === 'ready') feed();
      else if (message.type === 'result') {
        inFlight.delete(message.result.block);
        store(message.result);
        feed();
        wake();
      } else fail(message.message);
    });
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`exited with code ${code}`));
    worker.postMessage({ type: 'plan', run, project, settings } satisfies RiskWorkerRequest);
    return state;
  });

  // The calling thread runs blocks too, yielding between them so worker messages are handled.
  try {
    while (done < count) {
      const b = takeBlock();
      if (b !== undefined) {
        store(runBlock(runner, b));
        await yieldToEventLoop();
      } else await new Promise<void>((resolve) => (wakeUp = resolve));
    }
  } finally {
    for (const w of workers) if (w.alive) releaseWorker(w.worker);
  }
  const result = finish(plan, settings, blocks as BlockResult[], options, threads);
  result.warnings.push(...warnings);
  return result;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
