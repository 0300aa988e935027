/**
 * Schedule risk analysis on several threads: `runRiskAnalysis` spreads blocks of iterations over
 * worker threads (risk-worker.ts, from the pool in risk-worker-pool.ts) and the calling thread, with
 * the same results as `runRiskAnalysisSync` (risk-analysis-sync.ts) for the same seed.
 */
import { availableParallelism } from 'node:os';
import type { Project } from '../../model/project.ts';
import { finish, settingsFor, type RiskAnalysisOptions } from './risk-analysis-sync.ts';
import { blockRunner, compileRiskPlan, runBlock, type BlockResult } from './risk-plan.ts';
import type { RiskAnalysisResult } from './risk-result.ts';
import type { RiskWorkerReply, RiskWorkerRequest } from './risk-worker.ts';
import { acquireWorkers, releaseWorker } from './risk-worker-pool.ts';

export type { RiskAnalysisOptions } from './risk-analysis-sync.ts';
export { runRiskAnalysisSync } from './risk-analysis-sync.ts';

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
