/**
 * `npm run bench:http`: the HTTP API under load. For each engine (SQLite in a temporary folder;
 * PostgreSQL when reachable), a project of a generated 1,000-task plan is imported through the storage
 * layer, the real server is started on it as a child process, and autocannon (in this process) runs
 *
 *   (a) GET   /api/projects/{id}/schedule     the whole schedule, as `tandem schedule --json` prints it
 *   (b) PATCH /api/work-items/{id}            a random task's duration, with If-Match; each write
 *                                             re-schedules the project in its transaction. A 412 (another
 *                                             connection changed that task first) updates the ETag from
 *                                             the problem's `currentVersion`; they are counted.
 *
 * with an API token. Prints requests/s and p50/p99 latency per engine and writes
 * bench/out/http-results.json. See BENCHMARKS.md ("HTTP API").
 *
 * Options: --engines sqlite,postgres   --scenarios read,update   --tasks N (default 1000)   --duration S (default 10)
 *          --connections N (default 10)   --warmup S (default 3)   --seed N (default 1)
 *          --cpu-prof (profile the server: bench/out/prof/)   --append (add the run to BENCHMARKS.md)
 *   BENCH_DATABASE_URL: the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test)
 */
import { execSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Engine } from '../packages/server/src/db/open-database.ts';
import { createScratchDatabase } from '../packages/server/src/db/scratch-database.ts';
import { type BenchProject, benchOutDir, logPath, prepareProject, startServerProcess } from './http-setup.ts';

interface Histogram {
  average: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  throughput: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: unknown, headers: Record<string, string>) => void;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  requests?: AutocannonRequest[];
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values } = parseArgs({
  options: {
    engines: { type: 'string', default: 'sqlite,postgres' },
    tasks: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    scenarios: { type: 'string', default: 'read,update' },
    'cpu-prof': { type: 'boolean', default: false },
    append: { type: 'boolean', default: false },
  },
});
const tasks = Number(values.tasks);
const duration = Number(values.duration);
const connections = Number(values.connections);
const warmup = Number(values.warmup);
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
mkdirSync(benchOutDir, { recursive: true });

const loadAtStart = loadavg()[0]!;
if (loadAtStart > cpus().length / 2)
  process.stderr.write(`warning: load average ${loadAtStart.toFixed(2)} — results will be noisy\n`);

async function postgresUp(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

interface Scenario {
  requestsPerSecond: number;
  /** 2xx answers per second (a 412 is an answer, but not an update). */
  okPerSecond: number;
  total: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  conflicts?: number;
  statusCodes: Record<string, number>;
}

function summary(result: AutocannonResult, conflicts?: number): Scenario {
  return {
    requestsPerSecond: result.requests.total / result.duration,
    okPerSecond: (result.requests.total - result.non2xx) / result.duration,
    total: result.requests.total,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    ...(conflicts !== undefined ? { conflicts } : {}),
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
  };
}

async function readSchedule(url: string, project: BenchProject, seconds: number): Promise<Scenario> {
  const result = await autocannon({
    url: `${url}/api/projects/${project.projectId}/schedule`,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${project.token}` },
  });
  return summary(result);
}

/** Random tasks (seeded), If-Match from the last response seen for that task. */
/** The last version seen of each task, across runs (the warm-up changes them too). */
const versionsOf = new WeakMap<BenchProject, Map<string, number>>();

async function updateDurations(url: string, project: BenchProject, seconds: number, seed: number) {
  const versions = versionsOf.get(project) ?? new Map(project.leaves.map((l) => [l.id, l.version]));
  versionsOf.set(project, versions);
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  let conflicts = 0;
  const inFlight: string[] = [];
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'PATCH',
        setupRequest: (request) => {
          const leaf = project.leaves[Math.floor(random() * project.leaves.length)]!;
          inFlight.push(leaf.id);
          return {
            ...request,
            path: `/api/work-items/${leaf.id}`,
            headers: {
              authorization: `Bearer ${project.token}`,
              'content-type': 'application/json',
              'if-match': `"${versions.get(leaf.id)}"`,
            },
            body: JSON.stringify({ durationMinutes: 480 * (1 + Math.floor(random() * 10)) }),
          };
        },
        onResponse: (status, body, _context, headers) => {
          if (status === 200) {
            const { id, version } = JSON.parse(body) as { id: string; version: number };
            versions.set(id, version);
          } else if (status === 412) {
            conflicts++;
            const problem = JSON.parse(body) as { currentVersion: number; current: { id: string } };
            versions.set(problem.current.id, problem.currentVersion);
          } else process.stderr.write(`  PATCH answered ${status}: ${body.slice(0, 300)}\n`);
          void headers;
        },
      },
    ],
  });
  return summary(result, conflicts);
}

interface EngineRun {
  engine: Engine;
  tasks: number;
  links: number;
  read?: Scenario;
  update?: Scenario;
}

const engines = values.engines.split(',').map((e) => e.trim()) as Engine[];
const scenarios = values.scenarios.split(',').map((e) => e.trim());
const runs: EngineRun[] = [];
for (const engine of engines) {
  if (engine === 'postgres') {
    const problem = await postgresUp();
    if (problem) {
      process.stderr.write(`PostgreSQL: skipped (${pgUrl}: ${problem})\n`);
      continue;
    }
  }
  const scratch = await createScratchDatabase(engine, pgUrl);
  try {
    process.stderr.write(`${engine}: importing a ${tasks}-task plan…\n`);
    const project = await prepareProject(scratch, tasks, Number(values.seed));
    const profDir = join(benchOutDir, 'prof');
    const server = await startServerProcess(scratch, logPath(`http-server-${engine}.log`), {
      nodeArgs: values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [],
    });
    try {
      const check = await fetch(`${server.url}/api/projects/${project.projectId}/schedule`, {
        headers: { authorization: `Bearer ${project.token}` },
      });
      const body = (await check.json()) as { tasks?: unknown[] };
      if (check.status !== 200 || body.tasks?.length !== tasks)
        throw new Error(`GET schedule answered ${check.status}: ${JSON.stringify(body).slice(0, 500)}`);
      const run: EngineRun = { engine, tasks: project.tasks, links: project.links };
      if (scenarios.includes('read')) {
        process.stderr.write(`${engine}: GET schedule (${warmup} s warm-up, ${duration} s)…\n`);
        await readSchedule(server.url, project, warmup);
        run.read = await readSchedule(server.url, project, duration);
      }
      if (scenarios.includes('update')) {
        process.stderr.write(`${engine}: PATCH duration (${warmup} s warm-up, ${duration} s)…\n`);
        await updateDurations(server.url, project, warmup, 7);
        run.update = await updateDurations(server.url, project, duration, Number(values.seed));
      }
      runs.push(run);
    } finally {
      await server.stop();
    }
  } finally {
    await scratch.destroy();
  }
}

const fmt = (x: number, digits = 0) => x.toLocaleString('en-GB', { maximumFractionDigits: digits });
const header = [
  'engine',
  'scenario',
  'requests/s',
  '2xx/s',
  'p50 ms',
  'p90 ms',
  'p99 ms',
  'max ms',
  'requests',
  'non-2xx',
  '412s',
];
const rows = runs.flatMap((r) =>
  (
    [
      ['GET schedule', r.read],
      ['PATCH duration', r.update],
    ] as const
  ).flatMap(([name, s]) =>
    s === undefined
      ? []
      : [
          [
            r.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL',
            name,
            fmt(s.requestsPerSecond),
            fmt(s.okPerSecond),
            fmt(s.p50),
            fmt(s.p90),
            fmt(s.p99),
            fmt(s.max),
            fmt(s.total),
            fmt(s.non2xx),
            s.conflicts === undefined ? '—' : fmt(s.conflicts),
          ],
        ],
  ),
);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
const table = [
  line(header),
  `| ${widths.map((w, i) => (i < 2 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
  ...rows.map(line),
].join('\n');
process.stdout.write(`\n${table}\n\n`);

const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cpus: cpus().length,
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  loadAtStart,
};
writeFileSync(
  join(benchOutDir, 'http-results.json'),
  JSON.stringify({ commit, options: values, machine, runs }, null, 2),
);
if (values.append) {
  const date = new Date().toISOString().slice(0, 10);
  const command = `npm run bench:http -- ${process.argv.slice(2).join(' ')}`.trim();
  appendFileSync(
    new URL('../BENCHMARKS.md', import.meta.url),
    `\n#### ${date}, commit ${commit}: \`${command}\`\n\n${fmt(tasks)} tasks, ${connections} connections, ` +
      `${duration} s per scenario after ${warmup} s of warm-up; load average ${loadAtStart.toFixed(2)} at start.\n\n${table}\n`,
  );
}
