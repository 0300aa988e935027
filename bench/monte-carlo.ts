/**
 * `npm run bench:monte-carlo`: schedule risk analysis (`runRiskAnalysis`) of generated 1k- and
 * 10k-task networks, 10,000 iterations, on one thread and on every thread, without and with
 * criticality (the backward pass); each configuration in a fresh child process. Prints a table and
 * writes bench/out/monte-carlo.json. See "Monte Carlo" in BENCHMARKS.md.
 *
 * Options: --sizes 1000,10000   --iterations N (default 10000)   --runs N (warm runs, default 3)
 *          --threads N (the "all threads" column; default os.availableParallelism())   --seed N
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { MonteCarloRun } from './monte-carlo-worker.ts';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    iterations: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    threads: { type: 'string', default: String(availableParallelism()) },
    seed: { type: 'string', default: '1' },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
const all = Number(values.threads);
const threadCounts = all > 1 ? [1, all] : [1];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const runs: MonteCarloRun[] = [];
const kernelRuns: MonteCarloRun[] = [];
const loadBefore = loadavg();
const spawn = (args: string[]): MonteCarloRun => {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, '--max-old-space-size=4096', join(here, 'monte-carlo-worker.ts'), ...args],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const line = child.stdout.trim().split('\n').pop();
  if (child.status !== 0 || !line) throw new Error(`benchmark child failed:\n${child.stderr}`);
  const run = JSON.parse(line) as MonteCarloRun;
  for (const warning of new Set(run.warnings)) process.stderr.write(`  warning: ${warning}\n`);
  return run;
};
const common = ['--iterations', values.iterations, '--runs', values.runs, '--seed', values.seed];
for (const size of sizes) {
  process.stderr.write(`${size} tasks, sampling and forward pass only (the C anchor's work)…\n`);
  const kernel = spawn(['--size', String(size), '--kernel-only', ...common]);
  kernelRuns.push(kernel);
}
for (const size of sizes)
  for (const criticality of [false, true])
    for (const threads of threadCounts) {
      process.stderr.write(
        `${size} tasks, ${threads} thread(s), criticality ${criticality ? 'on' : 'off'}…\n`,
      );
      runs.push(
        spawn([
          ...['--size', String(size), '--threads', String(threads), ...common],
          ...(criticality ? ['--criticality'] : []),
        ]),
      );
    }

const rows = runs.map((r) => {
  const single = runs.find((s) => s.size === r.size && s.criticality === r.criticality && s.threads === 1)!;
  const warm = median(r.warmSeconds);
  const perThreadNs = (warm * r.threads * 1e9) / (r.size * r.iterations);
  return {
    tasks: r.size.toLocaleString('en-US'),
    criticality: r.criticality ? 'yes' : 'no',
    threads: String(r.threads),
    cold: r.coldSeconds.toFixed(2),
    warm: warm.toFixed(2),
    best: Math.min(...r.warmSeconds).toFixed(2),
    speedUp: `${(median(single.warmSeconds) / warm).toFixed(2)}×`,
    perTask: perThreadNs.toFixed(0),
    cpu: median(r.warmCpuSeconds).toFixed(2),
    rss: r.maxRssMB.toFixed(0),
    p80: r.p80.slice(0, 16).replace('T', ' '),
    kernel: r.kernel,
  };
});
const header = {
  tasks: 'Tasks',
  criticality: 'Criticality',
  threads: 'Threads',
  cold: 'Cold s',
  warm: 'Warm s',
  best: 'Best s',
  speedUp: 'Speed-up',
  perTask: 'ns/task·iter·thread',
  cpu: 'CPU s',
  rss: 'Peak RSS MB',
  p80: 'P80 finish',
  kernel: 'Kernel',
};
const keys = Object.keys(header) as (keyof typeof header)[];
const widths = keys.map((k) => Math.max(header[k].length, ...rows.map((r) => r[k].length)));
const line = (r: Record<string, string>) => `| ${keys.map((k, i) => r[k]!.padEnd(widths[i]!)).join(' | ')} |`;
const table = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} threads, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`;
const loadAfter = loadavg();
const kernelLines = kernelRuns.map((k) => {
  const warm = median(k.warmSeconds);
  return (
    `Sampling + forward pass only, ${k.size.toLocaleString('en-US')} tasks, 1 thread: ${warm.toFixed(2)} s warm ` +
    `(CPU ${median(k.warmCpuSeconds).toFixed(2)} s, ${((warm * 1e9) / (k.size * k.iterations)).toFixed(0)} ns per task·iteration)`
  );
});
process.stdout.write(
  `\nMonte Carlo: ${Number(values.iterations).toLocaleString('en-US')} iterations, seed ${values.seed}; warm = median of ${values.runs} runs after the first\n` +
    `${machine}; load average ${loadBefore[0]!.toFixed(1)} before, ${loadAfter[0]!.toFixed(1)} after\n\n` +
    `${kernelLines.join('\n')}\n\n${table.join('\n')}\n`,
);
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(
  join(here, 'out', 'monte-carlo.json'),
  `${JSON.stringify({ options: values, machine, loadBefore, loadAfter, kernelRuns, runs }, null, 2)}\n`,
);
