/**
 * `npm run bench`: Tandem's full schedule of generated networks (1k, 10k, 100k tasks), each size in a
 * fresh child process, against TaskJuggler (`tj3`) on the same 1k and 10k networks. Prints a table and
 * writes bench/out/results.json. See BENCHMARKS.md.
 *
 * Options: --sizes 1000,10000   --runs N (timed runs per process, default 10)
 *          --processes N (fresh processes per size, runs pooled, default 3)
 *          --warmup N (at least N warm-up runs, default 3)   --warmup-ms T (and at least T ms, default 2000)
 *          --skip-tj3   --tj3-runs N (default 3 below 5k tasks, 1 above)   --seed N (default 1)
 *          --skip-file (no end-to-end runs from a JSON plan file)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomNetwork } from '../packages/core/src/testing/random-network.ts';
import { toTjp } from '../packages/core/src/testing/to-tjp.ts';
import type { WorkerResult } from './schedule-worker.ts';
import { hasGnuTime, runTj3, tj3Version, type Tj3Run } from './tj3.ts';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'out');
const TJ3_SIZES = [1000, 10000];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    runs: { type: 'string', default: '10' },
    processes: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '3' },
    'warmup-ms': { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    'skip-tj3': { type: 'boolean', default: false },
    'skip-file': { type: 'boolean', default: false },
    'tj3-runs': { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
const seed = Number(values.seed);
mkdirSync(outDir, { recursive: true });

interface Summary {
  median: number;
  min: number;
  max: number;
}
const summarize = (xs: number[]): Summary | undefined => {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]! };
};

// Other work on the machine skews every figure: say so.
const loadAtStart = loadavg()[0]!;
if (loadAtStart > cpus().length / 2) {
  process.stderr.write(
    `warning: load average ${loadAtStart.toFixed(2)} on ${cpus().length} CPUs — results will be noisy\n`,
  );
}

// --- Tandem: fresh child processes per size --------------------------------------------------------
// Several processes per size, their timed runs pooled: one process's JIT and GC luck (we have seen
// whole processes run 2× slower at 10k) then weighs less on the median.
const processes = Math.max(1, Number(values.processes));
const tandem: (WorkerResult & {
  processes: WorkerResult[];
  total?: Summary;
  schedule?: Summary;
  format?: Summary;
  fromFile?: Summary;
})[] = [];
for (const size of sizes) {
  const results: WorkerResult[] = [];
  for (let k = 0; k < processes; k++) {
    process.stderr.write(`Tandem: ${size} tasks, process ${k + 1}/${processes}…\n`);
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        '--expose-gc',
        '--max-old-space-size=4096',
        join(here, 'schedule-worker.ts'),
        ...['--size', String(size), '--runs', values.runs, '--seed', String(seed)],
        ...['--warmup', values.warmup, '--warmup-ms', values['warmup-ms']],
        ...(values['skip-file'] ? ['--skip-file'] : []),
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const line = child.stdout.trim().split('\n').pop();
    if (child.status !== 0 || !line) {
      throw new Error(`benchmark worker failed for ${size} tasks:\n${child.stderr}`);
    }
    const result = JSON.parse(line) as WorkerResult;
    if (result.error) process.stderr.write(`  scheduling failed: ${result.error}\n`);
    results.push(result);
  }
  const pooled = (pick: (r: WorkerResult) => number[]) => results.flatMap(pick);
  const highest = (pick: (r: WorkerResult) => number) => Math.max(...results.map(pick));
  const first = results[0]!;
  tandem.push({
    ...first,
    scheduleMs: pooled((r) => r.scheduleMs),
    formatMs: pooled((r) => r.formatMs),
    totalMs: pooled((r) => r.totalMs),
    fromFileMs: pooled((r) => r.fromFileMs),
    maxRssMB: highest((r) => r.maxRssMB),
    heapPeakMB: highest((r) => r.heapPeakMB),
    processes: results,
    total: summarize(pooled((r) => r.totalMs)),
    schedule: summarize(pooled((r) => r.scheduleMs)),
    format: summarize(pooled((r) => r.formatMs)),
    fromFile: summarize(pooled((r) => r.fromFileMs)),
  });
}

// --- TaskJuggler on the same networks -------------------------------------------------------------
const version = values['skip-tj3'] ? undefined : tj3Version();
const tj3: { size: number; runs: Tj3Run[]; wall?: Summary; maxRssMB?: number; file: string }[] = [];
let tj3Overhead: Summary | undefined;
if (values['skip-tj3']) {
  process.stderr.write('tj3: skipped (--skip-tj3)\n');
} else if (!version) {
  process.stderr.write('tj3: not installed (apt-get install tj3) — TaskJuggler comparison skipped\n');
} else {
  // tj3's fixed cost (Ruby start, loading TaskJuggler) on a one-task project.
  const trivial = join(outDir, 'tj3-trivial.tjp');
  writeFileSync(trivial, toTjp(randomNetwork({ tasks: 1, seed })));
  tj3Overhead = summarize([0, 1, 2].map(() => runTj3(trivial).wallMs));
  for (const size of sizes.filter((s) => TJ3_SIZES.includes(s))) {
    const file = join(outDir, `network-${size}.tjp`);
    writeFileSync(file, toTjp(randomNetwork({ tasks: size, seed })));
    const count = Number(values['tj3-runs'] ?? (size < 5000 ? 3 : 1));
    const runs: Tj3Run[] = [];
    for (let i = 0; i < count; i++) {
      process.stderr.write(`tj3: ${size} tasks, run ${i + 1}/${count}…\n`);
      runs.push(runTj3(file));
    }
    const rss = runs.flatMap((r) => (r.maxRssMB === undefined ? [] : [r.maxRssMB]));
    tj3.push({
      size,
      runs,
      wall: summarize(runs.map((r) => r.wallMs)),
      ...(rss.length ? { maxRssMB: Math.max(...rss) } : {}),
      file,
    });
  }
}

// --- Derived figures and report -------------------------------------------------------------------
const medianAt = (size: number) => tandem.find((t) => t.size === size)?.total?.median;
const fromFileAt = (size: number) => tandem.find((t) => t.size === size)?.fromFile?.median;
const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);
const scaling = {
  '1k→10k': ratio(medianAt(10000), medianAt(1000)),
  '10k→100k': ratio(medianAt(100000), medianAt(10000)),
};
const tj3Ratio = Object.fromEntries(
  tj3.map((t) => [
    t.size,
    {
      wall: ratio(t.wall?.median, medianAt(t.size)),
      withoutStartup: ratio((t.wall?.median ?? 0) - (tj3Overhead?.median ?? 0), medianAt(t.size)),
      /** Both reading their own file: tj3's wall time without start-up vs Tandem from its plan file. */
      fromFile: ratio((t.wall?.median ?? 0) - (tj3Overhead?.median ?? 0), fromFileAt(t.size)),
    },
  ]),
);

const fmt = (x: number | undefined, digits = 1) => (x === undefined ? '—' : x.toFixed(digits));
const rows: string[][] = [
  [
    'engine',
    'tasks',
    'links',
    'median ms',
    'min ms',
    'max ms',
    'schedule ms',
    'dates ms',
    'from file ms',
    'peak RSS MB',
    'heap MB',
  ],
];
for (const t of tandem) {
  rows.push([
    'Tandem',
    String(t.size),
    String(t.links),
    fmt(t.total?.median, 2),
    fmt(t.total?.min, 2),
    fmt(t.total?.max, 2),
    fmt(t.schedule?.median, 2),
    fmt(t.format?.median, 2),
    fmt(t.fromFile?.median, 1),
    fmt(t.maxRssMB, 0),
    `${fmt(t.heapBeforeMB, 0)}→${fmt(t.heapPeakMB, 0)}`,
  ]);
}
for (const t of tj3) {
  const links = tandem.find((x) => x.size === t.size)?.links;
  rows.push([
    'tj3',
    String(t.size),
    links === undefined ? '—' : String(links),
    fmt(t.wall?.median, 0),
    fmt(t.wall?.min, 0),
    fmt(t.wall?.max, 0),
    '',
    '',
    fmt(t.wall?.median, 0),
    fmt(t.maxRssMB, 0),
    '',
  ]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
const table = rows.map((r) => r.map((cell, c) => cell.padStart(widths[c]!)).join('  ')).join('\n');

const lines = [
  '',
  table,
  '',
  `Tandem time = scheduleProject (forward + backward pass, floats, critical path) + toScheduleJson (all dates`,
  `as local date-time strings); median of ${processes} processes × ${values.runs} runs, each process after ≥ ${values.warmup}`,
  `warm-ups and ≥ ${values['warmup-ms']} ms of them (${tandem.map((t) => `${t.warmupRuns} at ${t.size}`).join(', ')}); network generation excluded.`,
  `heap MB = heap used after generating the network → highest heap used right after a run.`,
  `from file = read the plan from its JSON plan file (parse, validate, build), then schedule and format (tj3: its wall time).`,
  `Scaling (median time ratio, linear ≈ 10): 1k→10k ${fmt(scaling['1k→10k'], 2)}, 10k→100k ${fmt(scaling['10k→100k'], 2)}`,
];
if (version) {
  lines.push(
    `${version}: tj3 --silent --no-reports (full scheduling, no reports); startup on a 1-task file ${fmt(tj3Overhead?.median, 0)} ms`,
  );
  for (const [size, r] of Object.entries(tj3Ratio)) {
    lines.push(
      `tj3 / Tandem at ${size} tasks: ${fmt(r.wall, 0)}× (wall), ${fmt(r.withoutStartup, 0)}× (tj3 startup subtracted), ` +
        `${fmt(r.fromFile, 0)}× (both from their files, tj3 startup subtracted)`,
    );
  }
  if (!hasGnuTime())
    lines.push('GNU time (/usr/bin/time, package `time`) not found: tj3 peak RSS not measured.');
}
const t100k = tandem.find((t) => t.size === 100000);
if (t100k?.total) {
  const ok = (b: boolean) => (b ? 'met' : 'NOT met');
  lines.push(
    `Goals: 100k < 100 ms ${ok(t100k.total.median < 100)}; < 300 MB ${ok(t100k.maxRssMB < 300)}; ` +
      `linear scaling ${ok((scaling['10k→100k'] ?? Infinity) < 13)}; ` +
      `>1000× tj3 at 10k ${ok((tj3Ratio[10000]?.wall ?? 0) > 1000)}`,
  );
}
console.log(lines.join('\n'));

writeFileSync(
  join(outDir, 'results.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGB: totalmem() / 1024 ** 3,
        loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] },
        node: process.version,
      },
      options: {
        sizes,
        runs: Number(values.runs),
        processes,
        warmup: Number(values.warmup),
        warmupMs: Number(values['warmup-ms']),
        seed,
      },
      tandem,
      tj3: { version, startupMs: tj3Overhead, results: tj3 },
      scaling,
      tj3Ratio,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nWrote ${join(outDir, 'results.json')}`);
