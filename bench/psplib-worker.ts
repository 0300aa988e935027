/**
 * One benchmark worker thread: levels the PSPLIB instances it is sent, at each budget, checks every
 * schedule with the independent feasibility checker, and posts back makespans and times.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { solveRcpsp } from '../packages/core/src/analytics/levelling/index.ts';
import { checkPsplibSchedule } from '../packages/formats/src/levelling/psplib-feasibility.ts';
import { psplibToRcpsp } from '../packages/formats/src/levelling/psplib-rcpsp.ts';
import { readPsplib } from '../packages/formats/src/psplib/read-psplib.ts';

export interface PsplibJob {
  path: string;
  name: string;
  budgets: number[];
  seed: number;
}

export interface PsplibRun {
  budget: number;
  makespan: number;
  schedules: number;
  ms: number;
}

export interface PsplibOutcome {
  name: string;
  mpmTime: number;
  criticalPath: number;
  runs: PsplibRun[];
  error?: string;
}

export function levelOne(job: PsplibJob): PsplibOutcome {
  const { instance } = readPsplib(readFileSync(job.path, 'utf8'), job.name);
  const problem = psplibToRcpsp(instance);
  const runs: PsplibRun[] = [];
  let criticalPath = NaN;
  for (const budget of job.budgets) {
    const t0 = performance.now();
    const result = solveRcpsp(problem, { schedules: budget, seed: job.seed });
    const ms = performance.now() - t0;
    criticalPath = result.criticalPath;
    const { violations, makespan } = checkPsplibSchedule(instance, result.starts);
    if (violations.length > 0 || makespan !== result.makespan)
      return {
        name: job.name,
        mpmTime: instance.mpmTime,
        criticalPath,
        runs,
        error: `infeasible schedule at ${budget} schedules: ${violations.slice(0, 3).join('; ')} (makespan ${makespan} vs ${result.makespan})`,
      };
    runs.push({ budget, makespan: result.makespan, schedules: result.schedules, ms });
  }
  return { name: job.name, mpmTime: instance.mpmTime, criticalPath, runs };
}

parentPort?.on('message', (job: PsplibJob) => {
  try {
    parentPort!.postMessage(levelOne(job));
  } catch (e) {
    parentPort!.postMessage({ name: job.name, mpmTime: NaN, criticalPath: NaN, runs: [], error: String(e) });
  }
});
