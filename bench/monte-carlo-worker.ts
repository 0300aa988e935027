/**
 * One Monte Carlo benchmark configuration in its own process: generates the network and its
 * uncertainty (not timed), then times `runRiskAnalysis` end to end — worker start-up, sampling,
 * scheduling, statistics — once cold (the first call in the process) and `--runs` times warm.
 * Prints one JSON line (`MonteCarloRun`) on stdout.
 *
 * Usage: node --import tsx bench/monte-carlo-worker.ts --size 1000 --iterations 10000 --threads 2
 *        [--criticality] [--runs 3] [--seed 1]
 */
import { parseArgs } from 'node:util';
import { triangularQuantile } from '../packages/core/src/analytics/risk/distributions.ts';
import { iterationPasses } from '../packages/core/src/analytics/risk/iteration-passes.ts';
import { runRiskAnalysis } from '../packages/core/src/analytics/risk/index.ts';
import { RandomStream } from '../packages/core/src/analytics/risk/random-stream.ts';
import { prepareSchedule } from '../packages/core/src/schedule/prepared-schedule.ts';
import type { Project } from '../packages/core/src/model/project.ts';
import { prng } from '../packages/core/src/testing/prng.ts';
import { randomNetwork } from '../packages/core/src/testing/random-network.ts';

export interface MonteCarloRun {
  size: number;
  iterations: number;
  threads: number;
  criticality: boolean;
  kernel: string;
  /** Seconds: the first call in the process, then each warm call. */
  coldSeconds: number;
  warmSeconds: number[];
  /** CPU seconds of the whole process (all threads) for the warm calls. */
  warmCpuSeconds: number[];
  /** P80 finish: identical for every thread count (same seed). */
  p80: string;
  maxRssMB: number;
  /** Warnings of the analyses (a failed worker thread would show here). */
  warnings: string[];
}

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    iterations: { type: 'string', default: '10000' },
    threads: { type: 'string', default: '1' },
    criticality: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    'kernel-only': { type: 'boolean', default: false },
  },
});
const size = Number(values.size);
const iterations = Number(values.iterations);
const threads = Number(values.threads);
const seed = Number(values.seed);

/**
 * The benchmark plan: `randomNetwork` with triangular estimates (−20 % … +60 % of each duration, one
 * in five PERT), one risk event per 100 tasks (probability 10–40 %, delaying three tasks by 1–10 days)
 * and one correlation group (five tasks, 0.5) per 200 tasks.
 */
export function uncertainNetwork(tasks: number, seed: number): Project {
  const project = randomNetwork({ tasks, seed });
  const rng = prng(seed + 1);
  const work = project.tasks.filter((t) => t.duration.minutes > 0);
  for (const task of work) {
    const m = task.duration.minutes;
    task.estimate = {
      optimistic: Math.round(0.8 * m),
      mostLikely: m,
      pessimistic: Math.round(1.6 * m),
      distribution: rng.chance(0.2) ? 'pert' : 'triangular',
    };
  }
  const pick = () => work[rng.int(0, work.length - 1)]!.id;
  project.risks = Array.from({ length: Math.max(1, Math.floor(tasks / 100)) }, (_, k) => ({
    id: `r${k + 1}`,
    name: `Risk ${k + 1}`,
    probability: 0.1 + 0.3 * rng.next(),
    taskIds: [...new Set([pick(), pick(), pick()])],
    delay: { optimistic: 480, mostLikely: 3 * 480, pessimistic: 10 * 480 },
  }));
  project.correlations = Array.from({ length: Math.floor(tasks / 200) }, () => ({
    taskIds: [...new Set([pick(), pick(), pick(), pick(), pick()])],
    coefficient: 0.5,
  }));
  return project;
}

const project = uncertainNetwork(size, seed);
if (values['kernel-only']) {
  // The work of the C anchor: triangular sampling plus a forward pass, nothing else, one thread.
  const passes = iterationPasses(prepareSchedule(project), false);
  const durations = Float64Array.from(project.tasks, (t) => t.duration.minutes);
  const tasks = project.tasks.flatMap((t, i) => (t.estimate ? [i] : []));
  const a = Float64Array.from(tasks, (i) => project.tasks[i]!.estimate!.optimistic);
  const c = Float64Array.from(tasks, (i) => project.tasks[i]!.estimate!.mostLikely);
  const b = Float64Array.from(tasks, (i) => project.tasks[i]!.estimate!.pessimistic);
  const stream = new RandomStream(seed);
  const triangular = triangularQuantile;
  const pass = () => {
    let sum = 0;
    for (let it = 0; it < iterations; it++) {
      stream.reset(it);
      for (let k = 0; k < tasks.length; k++)
        durations[tasks[k]!] = Math.round(triangular(a[k]!, c[k]!, b[k]!, stream.uniform()));
      sum += passes.run(durations);
    }
    return sum;
  };
  let t = performance.now();
  pass();
  const cold = (performance.now() - t) / 1000;
  const warm: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < Number(values.runs); k++) {
    const c = process.cpuUsage();
    t = performance.now();
    pass();
    warm.push((performance.now() - t) / 1000);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1e6);
  }
  const result: MonteCarloRun = {
    size,
    iterations,
    threads: 1,
    criticality: false,
    kernel: `${passes.kernel} (sampling + forward pass only)`,
    coldSeconds: cold,
    warmSeconds: warm,
    warmCpuSeconds: cpu,
    p80: '',
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    warnings: [],
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
const options = { iterations, seed, threads, criticality: values.criticality };
const run: MonteCarloRun = {
  size,
  iterations,
  threads,
  criticality: values.criticality,
  kernel: '',
  coldSeconds: 0,
  warmSeconds: [],
  warmCpuSeconds: [],
  p80: '',
  maxRssMB: 0,
  warnings: [],
};
let t0 = performance.now();
const first = await runRiskAnalysis(project, options);
run.coldSeconds = (performance.now() - t0) / 1000;
run.kernel = first.kernel;
run.p80 = first.finish.percentiles.find((p) => p.percent === 80)!.date;
run.warnings.push(...first.warnings);
for (let k = 0; k < Number(values.runs); k++) {
  const cpu = process.cpuUsage();
  t0 = performance.now();
  const again = await runRiskAnalysis(project, options);
  run.warnings.push(...again.warnings);
  run.warmSeconds.push((performance.now() - t0) / 1000);
  const used = process.cpuUsage(cpu);
  run.warmCpuSeconds.push((used.user + used.system) / 1e6);
}
run.maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify(run)}\n`);
