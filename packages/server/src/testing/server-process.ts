/**
 * The real server as a child process — `node --import tsx main.ts`, the code `npm start` runs — on a
 * scratch database, for tests that must kill it (crash tests) and for the HTTP benchmark. Its output
 * goes to a file; `start` resolves with its URL once it listens.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScratchDatabase } from '../db/scratch-database.ts';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string | null>;
  /** SIGTERM (a graceful stop) and wait for the end. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** Arguments for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** How long to wait for the server to listen. Default 30 s. */
  timeoutMs?: number;
}

export async function startServerProcess(
  scratch: ScratchDatabase,
  logFile: string,
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...scratch.env, ...options.env },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const exited = new Promise<number | string | null>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal)),
  );
  const started = Date.now();
  for (;;) {
    const match = /Tandem is running at (http:\/\/\S+)/.exec(readFileSync(logFile, 'utf8'));
    if (match)
      return {
        url: match[1]!,
        child,
        exited,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      };
    if (child.exitCode !== null || Date.now() - started > (options.timeoutMs ?? 30_000)) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    }
    await new Promise((wait) => setTimeout(wait, 25));
  }
}
