/**
 * `npm run bench:psplib`: resource levelling on the PSPLIB sets j30, j60 and j120 (../shared/data),
 * at fixed budgets of generated schedules per instance. j30 is measured against the proven optima,
 * j60 and j120 against the critical-path lower bound (MPM-Time), as the literature does
 * (Kolisch & Hartmann 2006). Every schedule is verified by an independent feasibility check.
 *
 * Options: --sets j30,j60,j120   --budgets 1000,5000   --seed N (default 1)
 *          --workers N (threads, default: CPU count)   --sample N (every k-th instance so N per set)
 *          --append (add the table to BENCHMARKS.md, or to --benchmarks FILE)
 *          --out FILE (JSON, default bench/out/psplib.json)
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { PsplibJob, PsplibOutcome } from './psplib-worker.ts';

const here = dirname(fileURLToPath(import.meta.url));
// A worker does not inherit tsx's loader (Node 20 resolves its entry before --import hooks run), so
// each worker registers tsx itself, then loads the TypeScript worker module.
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./psplib-worker.ts', import.meta.url).href)}); });`;
const root = join(here, '..');
const dataDir = join(root, '..', 'shared', 'data', 'psplib');

const { values } = parseArgs({
  options: {
    sets: { type: 'string', default: 'j30,j60,j120' },
    budgets: { type: 'string', default: '1000,5000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: String(cpus().length) },
    sample: { type: 'string' },
    append: { type: 'boolean', default: false },
    out: { type: 'string', default: join(here, 'out', 'psplib.json') },
    benchmarks: { type: 'string', default: join(root, 'BENCHMARKS.md') },
  },
});
const sets = values.sets.split(',').map((s) => s.trim());
const budgets = values.budgets.split(',').map((s) => Number(s.trim()));
const seed = Number(values.seed);
const workerCount = Math.max(1, Number(values.workers));
const sample = values.sample === undefined ? undefined : Number(values.sample);

if (!existsSync(dataDir)) {
  process.stderr.write(`PSPLIB data not found at ${dataDir} (see shared/data/README.md)\n`);
  process.exit(2);
}

interface Reference {
  /** Proven optimum, when known. */
  optimum?: number;
  /** Best known upper bound (the optimum when proven). */
  upper?: number;
}

function references(set: string): Map<string, Reference> {
  const refs = new Map<string, Reference>();
  const text = readFileSync(join(dataDir, set, 'optimum.csv'), 'utf8');
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [file, value] = line.split(',');
    if (!file || !value) continue;
    const name = file.replace(/\.sm$/, '');
    const range = /^(\d*)\.\.(\d+)$/.exec(value.trim());
    if (range) refs.set(name, { upper: Number(range[2]) });
    else refs.set(name, { optimum: Number(value), upper: Number(value) });
  }
  return refs;
}

/** PSPLIB order: j301_1, j301_2, …, j3010_1 (parameter set, then instance). */
function instanceKey(name: string): [number, number] {
  const m = /^j\d0(\d+)_(\d+)$/.exec(name) ?? /^j\d+?(\d+)_(\d+)$/.exec(name);
  return [Number(m?.[1] ?? 0), Number(m?.[2] ?? 0)];
}

function instances(set: string): PsplibJob[] {
  const dir = join(dataDir, set);
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.sm'))
    .map((f) => f.replace(/\.sm$/, ''))
    .sort((a, b) => {
      const [pa, ia] = instanceKey(a.slice(set.length));
      const [pb, ib] = instanceKey(b.slice(set.length));
      return pa - pb || ia - ib;
    });
  const step = sample && sample < names.length ? names.length / sample : 1;
  const picked = step === 1 ? names : Array.from({ length: sample! }, (_, i) => names[Math.floor(i * step)]!);
  return picked.map((name) => ({ path: join(dir, `${name}.sm`), name, budgets, seed }));
}

async function runAll(jobs: PsplibJob[]): Promise<PsplibOutcome[]> {
  const results: PsplibOutcome[] = new Array(jobs.length);
  let next = 0;
  let finished = 0;
  const workers = Array.from(
    { length: Math.min(workerCount, jobs.length) },
    () => new Worker(WORKER_BOOT, { eval: true }),
  );
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let current = -1;
          const send = () => {
            if (next >= jobs.length) {
              void worker.terminate().then(() => resolve());
              return;
            }
            current = next++;
            worker.postMessage(jobs[current]);
          };
          worker.on('message', (outcome: PsplibOutcome) => {
            results[current] = outcome;
            finished++;
            if (finished % 20 === 0 || finished === jobs.length)
              process.stderr.write(`\r  ${finished}/${jobs.length}`);
            send();
          });
          worker.on('error', reject);
          send();
        }),
    ),
  );
  process.stderr.write('\n');
  return results;
}

interface Row {
  set: string;
  budget: number;
  instances: number;
  against: string;
  averageDeviation: number;
  /** The same average for the best known upper bounds: the floor no heuristic can beat. */
  bestKnownDeviation: number;
  maxDeviation: number;
  /** Instances levelled to the reference (optimum or best known upper bound). */
  atReference: number;
  atBestKnown: number;
  meanMs: number;
  maxMs: number;
  meanSchedules: number;
}

const loadAtStart = loadavg()[0]!;
const wall0 = performance.now();
const rows: Row[] = [];
const failures: string[] = [];
for (const set of sets) {
  const refs = references(set);
  const jobs = instances(set);
  process.stderr.write(`${set}: ${jobs.length} instances × budgets ${budgets.join(', ')}\n`);
  const outcomes = await runAll(jobs);
  for (const o of outcomes) {
    if (o.error) failures.push(`${o.name}: ${o.error}`);
    else if (o.criticalPath !== o.mpmTime)
      failures.push(`${o.name}: critical path ${o.criticalPath}, file says MPM-Time ${o.mpmTime}`);
  }
  for (const budget of budgets) {
    const devs: number[] = [];
    const bestDevs: number[] = [];
    let atReference = 0;
    let atBestKnown = 0;
    const ms: number[] = [];
    const schedules: number[] = [];
    for (const o of outcomes) {
      const run = o.runs.find((r) => r.budget === budget);
      if (!run) continue;
      const ref = refs.get(o.name);
      const base = set === 'j30' ? ref?.optimum : o.mpmTime;
      if (base === undefined) {
        failures.push(`${o.name}: no reference value`);
        continue;
      }
      devs.push((100 * (run.makespan - base)) / base);
      if (ref?.upper !== undefined) bestDevs.push((100 * (ref.upper - base)) / base);
      if (run.makespan <= base) atReference++;
      if (ref?.upper !== undefined && run.makespan <= ref.upper) atBestKnown++;
      ms.push(run.ms);
      schedules.push(run.schedules);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    rows.push({
      set,
      budget,
      instances: devs.length,
      against: set === 'j30' ? 'optimum' : 'critical path',
      averageDeviation: mean(devs),
      bestKnownDeviation: mean(bestDevs),
      maxDeviation: Math.max(...devs),
      atReference,
      atBestKnown,
      meanMs: mean(ms),
      maxMs: Math.max(...ms),
      meanSchedules: mean(schedules),
    });
  }
}
const wallSeconds = (performance.now() - wall0) / 1000;

const columns: [title: string, right: boolean, cell: (r: Row) => string][] = [
  ['set', false, (r) => r.set],
  ['schedules', true, (r) => r.budget.toLocaleString('en')],
  ['instances', true, (r) => String(r.instances)],
  ['deviation from', false, (r) => r.against],
  ['average deviation', true, (r) => `${r.averageDeviation.toFixed(2)}%`],
  ['best known', true, (r) => `${r.bestKnownDeviation.toFixed(2)}%`],
  ['max deviation', true, (r) => `${r.maxDeviation.toFixed(1)}%`],
  ['at reference', true, (r) => String(r.atReference)],
  ['at best known', true, (r) => String(r.atBestKnown)],
  ['mean time', true, (r) => `${r.meanMs.toFixed(0)} ms`],
  ['max time', true, (r) => `${r.maxMs.toFixed(0)} ms`],
];
/** A Markdown table laid out as Prettier would, so BENCHMARKS.md stays formatted. */
function markdownTable(): string {
  const cells = rows.map((r) => columns.map(([, , cell]) => cell(r)));
  const widths = columns.map(([title], c) =>
    Math.max(title.length, 3, ...cells.map((row) => row[c]!.length)),
  );
  const line = (values: string[]) =>
    `| ${values.map((v, c) => (columns[c]![1] ? v.padStart(widths[c]!) : v.padEnd(widths[c]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (columns[c]![1] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(columns.map(([title]) => title)), rule, ...cells.map(line)].join('\n');
}
const table = markdownTable();

const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, ${process.platform}`;
const command = `npm run bench:psplib --${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
process.stdout.write(
  `${table}\n\n${workerCount} worker threads, wall time ${wallSeconds.toFixed(1)} s; ${machine}; load average at start ${loadAtStart.toFixed(2)}\n`,
);
for (const f of failures) process.stderr.write(`FAILED ${f}\n`);

mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(
  values.out,
  `${JSON.stringify({ command, machine, seed, workers: workerCount, wallSeconds, rows, failures }, null, 2)}\n`,
);

if (values.append) appendToBenchmarks();

/**
 * Adds this run under "## Resource levelling (PSPLIB)" in BENCHMARKS.md (creating the section at the
 * end if it is missing), after the runs already there and before the next section.
 */
function appendToBenchmarks(): void {
  const path = values.benchmarks;
  const heading = '## Resource levelling (PSPLIB)';
  const date = new Date().toISOString().slice(0, 10);
  const entry = `#### ${date}, commit ${commit()}: \`${command}\`\n\n${table}\n\n${machine}; ${workerCount} worker threads; wall time ${wallSeconds.toFixed(0)} s; load average at start ${loadAtStart.toFixed(2)}.\n`;
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  let at = text.indexOf(`\n${heading}\n`);
  if (at < 0) {
    text = `${text.trimEnd()}\n\n${heading}\n`;
    at = text.indexOf(`\n${heading}\n`);
  }
  const next = text.indexOf('\n## ', at + heading.length + 2);
  const end = next < 0 ? text.length : next + 1;
  const before = text.slice(0, end).trimEnd();
  writeFileSync(path, `${before}\n\n${entry}${next < 0 ? '' : `\n${text.slice(end)}`}`);
}

function commit(): string {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() : 'unknown';
}
if (failures.length > 0) process.exitCode = 1;
