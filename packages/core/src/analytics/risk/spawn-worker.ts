/**
 * Starts a worker thread on a module of the core. Tandem runs its TypeScript sources directly (tsx in
 * the CLI, Vite in Vitest), and Node 20 ignores loader flags such as `--import tsx` in a worker's
 * `execArgv`; so a `.ts` module is started through a small CommonJS bootstrap that registers tsx's
 * require hook in the worker first (its CommonJS hook starts in about 20 ms, its ESM loader in
 * several hundred) and then loads the module. A compiled `.js` module is started as it is.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What a worker started here receives as `workerData`. */
export interface WorkerEnvelope<T> {
  entry: string;
  data: T;
}

const TSX_BOOTSTRAP = `
const { createRequire } = require('node:module');
const { workerData } = require('node:worker_threads');
const load = createRequire(workerData.entry);
load('tsx/cjs/api').register();
load(workerData.entry);
`;

export function spawnWorker<T>(entry: URL, data: T): Worker {
  const file = fileURLToPath(entry);
  const workerData: WorkerEnvelope<T> = { entry: file, data };
  if (!file.endsWith('.ts')) return new Worker(entry, { workerData });
  return new Worker(TSX_BOOTSTRAP, { eval: true, workerData });
}
