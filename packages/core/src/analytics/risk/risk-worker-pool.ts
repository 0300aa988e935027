/**
 * Worker threads for risk analysis, kept between analyses: starting one costs 0.1–0.5 s (a thread,
 * the TypeScript loader, the core's modules), more than many analyses take. Idle workers are unref'd,
 * so they never keep the process alive; `closeRiskWorkers` ends them.
 */
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from './spawn-worker.ts';

const idle: Worker[] = [];

/** `count` workers: idle ones first, new ones for the rest. */
export function acquireWorkers(count: number): Worker[] {
  const workers = idle.splice(0, count);
  for (const w of workers) {
    w.removeAllListeners('exit');
    w.removeAllListeners('error');
  }
  while (workers.length < count) workers.push(spawnWorker(new URL('./risk-worker.ts', import.meta.url), {}));
  for (const w of workers) w.ref();
  return workers;
}

/** Returns a healthy worker to the pool. */
export function releaseWorker(worker: Worker): void {
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  worker.postMessage({ type: 'done' });
  worker.unref();
  // A worker that dies while idle just leaves the pool.
  worker.once('exit', () => {
    const k = idle.indexOf(worker);
    if (k >= 0) idle.splice(k, 1);
  });
  worker.on('error', () => {});
  idle.push(worker);
}

/** Ends the idle workers (e.g. before a server shuts down). */
export async function closeRiskWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.terminate()));
}
