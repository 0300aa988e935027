/**
 * A worker thread of `runRiskAnalysis`: compiles the plan it is given once, then runs the blocks of
 * iterations the main thread asks for and posts each block's result back (its buffers transferred,
 * not copied).
 *
 * Messages in: `{ block: number }`. Out: `{ type: 'ready' }`, `{ type: 'result', result: BlockResult }`,
 * `{ type: 'error', message }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Project } from '../../model/project.ts';
import { blockRunner, compileRiskPlan, runBlock, type RiskRunSettings } from './risk-plan.ts';
import type { WorkerEnvelope } from './spawn-worker.ts';

export interface RiskWorkerData {
  project: Project;
  settings: RiskRunSettings;
}

const port = parentPort!;
try {
  const { project, settings } = (workerData as WorkerEnvelope<RiskWorkerData>).data;
  const runner = blockRunner(compileRiskPlan(project, settings.criticality), settings);
  port.on('message', (message: { block: number }) => {
    const result = runBlock(runner, message.block);
    const buffers = [
      result.finish,
      result.trackedFinish,
      result.cost,
      result.criticalCount,
      result.riskCount,
      result.riskDelaySum,
      result.riskCostSum,
      result.bins,
      result.failed,
    ].map((array) => array.buffer as ArrayBuffer);
    port.postMessage({ type: 'result', result }, buffers);
  });
  port.postMessage({ type: 'ready' });
} catch (error) {
  port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
