/**
 * A worker thread of `runRiskAnalysis` (see risk-worker-pool.ts). It stays alive between analyses:
 * for each one it compiles the plan it is sent once, then runs the blocks of iterations the main
 * thread asks for and posts each block's result back (its buffers transferred, not copied).
 *
 * Messages in:  `{ type: 'plan', run, project, settings }`, `{ type: 'block', run, block }`, `{ type: 'done' }`.
 * Messages out: `{ type: 'ready', run }`, `{ type: 'result', run, result }`, `{ type: 'error', run, message }`.
 */
import { parentPort } from 'node:worker_threads';
import type { Project } from '../../model/project.ts';
import {
  blockRunner,
  compileRiskPlan,
  runBlock,
  type BlockResult,
  type BlockRunner,
  type RiskRunSettings,
} from './risk-plan.ts';

export type RiskWorkerRequest =
  | { type: 'plan'; run: number; project: Project; settings: RiskRunSettings }
  | { type: 'block'; run: number; block: number }
  | { type: 'done' };

export type RiskWorkerReply =
  | { type: 'ready'; run: number }
  | { type: 'result'; run: number; result: BlockResult }
  | { type: 'error'; run: number; message: string };

const port = parentPort!;
let current: { run: number; runner: BlockRunner } | undefined;

port.on('message', (message: RiskWorkerRequest) => {
  try {
    if (message.type === 'plan') {
      current = undefined;
      const plan = compileRiskPlan(message.project, message.settings.criticality);
      current = { run: message.run, runner: blockRunner(plan, message.settings) };
      reply({ type: 'ready', run: message.run });
    } else if (message.type === 'block') {
      if (current?.run !== message.run) return; // a block of an analysis that has ended
      const result = runBlock(current.runner, message.block);
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
      port.postMessage({ type: 'result', run: message.run, result } satisfies RiskWorkerReply, buffers);
    } else current = undefined; // let the plan be collected while the worker waits
  } catch (error) {
    const run = message.type === 'done' ? -1 : message.run;
    reply({ type: 'error', run, message: error instanceof Error ? error.message : String(error) });
  }
});

function reply(message: RiskWorkerReply): void {
  port.postMessage(message);
}
