/**
 * Runs TaskJuggler (`tj3`, Debian package `tj3`) on a .tjp file: full scheduling, no reports
 * (`--no-reports`), wall time and peak RSS per run via GNU time (`/usr/bin/time`, package `time`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

export interface Tj3Run {
  wallMs: number;
  /** Peak RSS in MB; undefined without GNU time. */
  maxRssMB?: number;
}

const GNU_TIME = '/usr/bin/time';

/** `tj3 --version`'s first line, or undefined when tj3 is not installed. */
export function tj3Version(): string | undefined {
  const probe = spawnSync('tj3', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return undefined;
  return probe.stdout.trim().split('\n')[0];
}

export const hasGnuTime = (): boolean => existsSync(GNU_TIME);

/** Schedules `file` once; throws with tj3's messages if it reports an error. */
export function runTj3(file: string): Tj3Run {
  const args = ['--silent', '--no-color', '--no-reports', file];
  const timing = `${file}.time`;
  const useTime = hasGnuTime();
  const t0 = performance.now();
  const run = useTime
    ? spawnSync(GNU_TIME, ['-f', '%e %M', '-o', timing, 'tj3', ...args], { encoding: 'utf8' })
    : spawnSync('tj3', args, { encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (run.error) throw run.error;
  if (run.status !== 0) {
    throw new Error(
      `tj3 failed on ${file} (exit ${run.status}):\n${(run.stderr || run.stdout).slice(0, 2000)}`,
    );
  }
  if (!useTime) return { wallMs };
  const [, rssKB] = readFileSync(timing, 'utf8').trim().split('\n').pop()!.split(' ');
  rmSync(timing);
  return { wallMs, maxRssMB: Number(rssKB) / 1024 };
}
