/**
 * One benchmark size in its own process, so peak memory belongs to that size alone. Generates the
 * network (not timed), warms up, then times full scheduling — forward and backward pass, floats,
 * critical path — plus conversion of every date to a local date-time string (`toScheduleJson`).
 * Prints one JSON line (`WorkerResult`) on stdout.
 *
 * Warm-up: at least `--warmup` runs and at least `--warmup-ms` of them, so small sizes reach the
 * optimising compiler too.
 *
 * Usage: node --expose-gc --import tsx bench/schedule-worker.ts --size 10000 --runs 10 --warmup 3 --seed 1
 */
import { parseArgs } from 'node:util';
import { randomNetwork } from '../packages/core/src/testing/random-network.ts';
import { scheduleProject } from '../packages/core/src/schedule/schedule-project.ts';
import { toScheduleJson } from '../packages/core/src/schedule/schedule-json.ts';
import { readPlanFile } from '../packages/formats/src/plan/read-plan-file.ts';
import { writePlanFile } from '../packages/formats/src/plan/write-plan-file.ts';

export interface WorkerResult {
  size: number;
  links: number;
  seed: number;
  generateMs: number;
  warmupRuns: number;
  /** Per timed run: `scheduleProject` alone, `toScheduleJson` alone, and both. */
  scheduleMs: number[];
  formatMs: number[];
  totalMs: number[];
  /**
   * End to end, as tj3 is measured: read the plan from its JSON plan file (parse, validate, build the
   * model), then schedule and format as above. Empty with `--skip-file`.
   */
  fromFileMs: number[];
  planFileBytes?: number;
  projectStart?: string;
  projectFinish?: string;
  criticalTasks?: number;
  /** Resident set size after generating the network and a full GC, before any scheduling (MB). */
  rssBeforeMB: number;
  /** Peak resident set size of the whole process (`process.resourceUsage().maxRSS`, MB) … */
  maxRssMB: number;
  /** … and after the end-to-end runs from the plan file as well. */
  maxRssFromFileMB?: number;
  /** Heap used after generation and a full GC (MB). */
  heapBeforeMB: number;
  /** Highest heap used sampled right after a run, before its garbage is collected (MB). */
  heapPeakMB: number;
  error?: string;
}

const MB = 1024 * 1024;

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    runs: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    'warmup-ms': { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    'skip-file': { type: 'boolean', default: false },
  },
});
const size = Number(values.size);
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const warmupMs = Number(values['warmup-ms']);
const seed = Number(values.seed);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const g0 = performance.now();
const project = randomNetwork({ tasks: size, seed });
const generateMs = performance.now() - g0;
gc();
const before = process.memoryUsage();

const result: WorkerResult = {
  size,
  links: project.links.length,
  seed,
  generateMs,
  warmupRuns: 0,
  scheduleMs: [],
  formatMs: [],
  totalMs: [],
  fromFileMs: [],
  rssBeforeMB: before.rss / MB,
  maxRssMB: 0,
  heapBeforeMB: before.heapUsed / MB,
  heapPeakMB: before.heapUsed / MB,
};

try {
  const w0 = performance.now();
  for (let i = 0; i < warmup || performance.now() - w0 < warmupMs; i++) {
    toScheduleJson(project, scheduleProject(project));
    result.warmupRuns = i + 1;
  }
  for (let i = 0; i < runs; i++) {
    // Each run starts from a collected heap; the collections it triggers itself are timed.
    gc();
    const t0 = performance.now();
    const schedule = scheduleProject(project);
    const t1 = performance.now();
    const json = toScheduleJson(project, schedule);
    const t2 = performance.now();
    result.heapPeakMB = Math.max(result.heapPeakMB, process.memoryUsage().heapUsed / MB);
    result.scheduleMs.push(t1 - t0);
    result.formatMs.push(t2 - t1);
    result.totalMs.push(t2 - t0);
    if (json.tasks.length !== size) throw new Error(`expected ${size} tasks, got ${json.tasks.length}`);
    result.projectStart = json.project.start;
    result.projectFinish = json.project.finish;
    result.criticalTasks = json.tasks.filter((t) => t.critical && !t.summary).length;
  }
  result.maxRssMB = process.resourceUsage().maxRSS / 1024;
  // Last, so that its allocations do not count in the figures above.
  if (!values['skip-file']) {
    const text = writePlanFile(project, 'json');
    result.planFileBytes = text.length;
    const endToEnd = () => {
      const read = readPlanFile(text, 'json');
      return toScheduleJson(read, scheduleProject(read)).tasks.length;
    };
    endToEnd();
    for (let i = 0; i < runs; i++) {
      gc();
      const t0 = performance.now();
      if (endToEnd() !== size) throw new Error('the plan file lost tasks');
      result.fromFileMs.push(performance.now() - t0);
    }
  }
} catch (error) {
  result.error = error instanceof Error ? error.message : String(error);
}
result.maxRssMB ||= process.resourceUsage().maxRSS / 1024;
result.maxRssFromFileMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify(result)}\n`);
