/**
 * Monte Carlo against known answers. Plans run on a 24-hour calendar (minutesPerDay 1440), so working
 * days from the start are elapsed days and sums of durations map linearly to the finish.
 *
 * Tolerances are sampling errors at the stated iteration count: 4 standard errors (a false failure
 * about once in 16,000 runs — and the seeds are fixed, so a pass stays a pass), plus the rounding of
 * samples to whole minutes where it matters.
 */
import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../model/calendar.ts';
import type { Link, Project, RiskEvent, Task, ThreePoint } from '../../model/project.ts';
import { randomNetwork } from '../../testing/random-network.ts';
import { triangularCdf } from './distributions.ts';
import { RiskAnalysisError } from './risk-errors.ts';
import { runRiskAnalysis, runRiskAnalysisSync } from './risk-analysis.ts';
import { closeRiskWorkers } from './risk-worker-pool.ts';
import type { RiskAnalysisResult } from './risk-result.ts';

const DAY = 1440;
const ALL_DAY = [{ from: 0, to: 1440 }];
const ALWAYS: Calendar = {
  id: 'always',
  name: '24 hours',
  week: [ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY],
  exceptions: [],
};

type TaskSpec = Partial<Task> & { id: string };

function plan(tasks: TaskSpec[], links: [string, string][] = [], extra: Partial<Project> = {}): Project {
  return {
    name: 'test',
    start: '2025-01-06T00:00:00',
    calendarId: 'always',
    units: { minutesPerDay: DAY, minutesPerWeek: 7 * DAY, daysPerMonth: 30 },
    calendars: [ALWAYS],
    tasks: tasks.map((t) => ({ name: t.id, duration: { minutes: 0 }, ...t })),
    links: links.map(([p, s]): Link => ({ predecessorId: p, successorId: s, type: 'FS' })),
    resources: [],
    assignments: [],
    baselines: [],
    ...extra,
  };
}

/** A three-point estimate in days. */
const days = (a: number, m: number, b: number, distribution?: ThreePoint['distribution']): ThreePoint => ({
  optimistic: a * DAY,
  mostLikely: m * DAY,
  pessimistic: b * DAY,
  ...(distribution ? { distribution } : {}),
});

const estimated = (id: string, estimate: ThreePoint): TaskSpec => ({
  id,
  duration: { minutes: estimate.mostLikely },
  estimate,
});

const percentile = (r: RiskAnalysisResult, percent: number) =>
  r.finish.percentiles.find((p) => p.percent === percent)!.workingDays;

const triangularMean = (a: number, c: number, b: number) => (a + b + c) / 3;
const triangularVariance = (a: number, c: number, b: number) =>
  (a * a + b * b + c * c - a * b - a * c - b * c) / 18;

describe('runRiskAnalysisSync: known answers', () => {
  it('a chain of independent triangular tasks: mean and variance are the sums of theirs', () => {
    const estimates: [number, number, number][] = [
      [2, 4, 9],
      [1, 1.5, 3],
      [5, 8, 10],
      [3, 3, 6],
      [0.5, 2, 2.5],
    ];
    const ids = estimates.map((_, k) => `t${k}`);
    const project = plan(
      estimates.map((e, k) => estimated(ids[k]!, days(...e))),
      ids.slice(1).map((id, k) => [ids[k]!, id]),
    );
    const N = 20_000;
    const result = runRiskAnalysisSync(project, { iterations: N, seed: 11 });
    const mean = estimates.reduce((s, [a, c, b]) => s + triangularMean(a, c, b), 0);
    const variance = estimates.reduce((s, [a, c, b]) => s + triangularVariance(a, c, b), 0);
    // Standard error of the mean σ/√N; of the variance about σ²·√(2/(N−1)) for a near-normal sum.
    expect(Math.abs(result.finish.mean.workingDays - mean)).toBeLessThan(4 * Math.sqrt(variance / N));
    const sampleVariance = result.finish.stdDevWorkingDays ** 2;
    expect(Math.abs(sampleVariance - variance)).toBeLessThan(4 * variance * Math.sqrt(2 / (N - 1)));
    expect(result.kernel).toBe('working-minutes');
    // Every task is on the only path: critical in every iteration.
    expect(result.criticality.map((c) => c.index)).toEqual([1, 1, 1, 1, 1]);
  });

  it('two parallel tasks: the finish is the maximum, CDF = product of the two CDFs', () => {
    const a: [number, number, number] = [4, 6, 12];
    const b: [number, number, number] = [5, 7, 9];
    const project = plan([estimated('a', days(...a)), estimated('b', days(...b))]);
    const N = 20_000;
    const result = runRiskAnalysisSync(project, {
      iterations: N,
      seed: 5,
      percentiles: [10, 25, 50, 75, 90, 95],
    });
    for (const p of result.finish.percentiles) {
      const x = p.workingDays;
      const analytic = triangularCdf(...a, x) * triangularCdf(...b, x);
      const q = p.percent / 100;
      // The empirical CDF at its own quantile is q (to 1/N); its error is binomial, √(q(1−q)/N).
      expect(Math.abs(analytic - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / N) + 1 / N);
    }
  });

  it('a risk with probability p: criticality p, mean delay p × mean impact', () => {
    // a: 10 days. b: 9 days, and a risk (p = 0.3) adds 2–4 days (uniform), so b is critical exactly
    // when the risk occurs and then finishes 1–3 days after a.
    const p = 0.3;
    const risk: RiskEvent = {
      id: 'r1',
      name: 'Vendor late',
      probability: p,
      taskIds: ['b'],
      delay: days(2, 3, 4, 'uniform'),
    };
    const project = plan(
      [
        { id: 'a', duration: { minutes: 10 * DAY } },
        { id: 'b', duration: { minutes: 9 * DAY } },
      ],
      [],
      { risks: [risk] },
    );
    const N = 20_000;
    const result = runRiskAnalysisSync(project, { iterations: N, seed: 3 });
    const binomial = 4 * Math.sqrt((p * (1 - p)) / N);
    const critical = Object.fromEntries(result.criticality.map((c) => [c.taskId, c.index]));
    expect(Math.abs(critical.b! - p)).toBeLessThan(binomial);
    expect(Math.abs(critical.a! - (1 - p))).toBeLessThan(binomial);
    expect(Math.abs(result.risks[0]!.occurrence - p)).toBeLessThan(binomial);
    // Delay of the finish: 0 without the risk, D − 1 day with it (D uniform 2..4): mean p × 2 days;
    // variance p·E[(D−1)²] − (p·E[D−1])² with E[(D−1)²] = 4 + 1/3.
    const meanDelay = p * 2;
    const sd = Math.sqrt(p * (4 + 1 / 3) - meanDelay ** 2);
    expect(Math.abs(result.finish.mean.workingDays - 10 - meanDelay)).toBeLessThan(4 * (sd / Math.sqrt(N)));
    // The risk's own mean delay when it occurs: 3 days (uniform 2..4, sd 2/√12 days).
    expect(Math.abs(result.risks[0]!.meanDelayMinutes / DAY - 3)).toBeLessThan(
      4 * (2 / Math.sqrt(12) / Math.sqrt(N * p)),
    );
  });

  it('the probability of meeting a deadline on a uniform task', () => {
    // Uniform 2..6 days with a deadline at day 5: P = (5 − 2) / (6 − 2) = 0.75.
    const project = plan([{ ...estimated('t', days(2, 4, 6, 'uniform')), deadline: '2025-01-11T00:00:00' }]);
    const N = 20_000;
    const result = runRiskAnalysisSync(project, { iterations: N, seed: 9 });
    expect(result.deadlines).toHaveLength(1);
    expect(Math.abs(result.deadlines[0]!.probability - 0.75)).toBeLessThan(4 * Math.sqrt((0.75 * 0.25) / N));
    // Planned finish 4 days: P(X ≤ 4) = 0.5.
    expect(Math.abs(result.finish.probabilityOfPlanned - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / N));
  });

  it('PERT-beta: mean (a + 4m + b) / 6 and variance (μ − a)(b − μ) / 7', () => {
    const [a, m, b] = [2, 3, 10];
    const project = plan([estimated('t', days(a, m, b, 'pert'))]);
    const N = 20_000;
    const result = runRiskAnalysisSync(project, { iterations: N, seed: 21 });
    const mean = (a + 4 * m + b) / 6;
    const variance = ((mean - a) * (b - mean)) / 7;
    expect(Math.abs(result.finish.mean.workingDays - mean)).toBeLessThan(4 * Math.sqrt(variance / N));
    // The beta's kurtosis is below 3 + 1: the normal-theory error of the variance, doubled, covers it.
    expect(Math.abs(result.finish.stdDevWorkingDays ** 2 - variance)).toBeLessThan(
      8 * variance * Math.sqrt(2 / N),
    );
  });

  it('sensitivity ranks the task that drives the finish first and a task with float last', () => {
    // big → small on the path; side runs in parallel with plenty of float.
    const project = plan(
      [
        estimated('big', days(5, 10, 30)),
        estimated('small', days(4, 5, 6)),
        estimated('side', days(1, 2, 3)),
      ],
      [['big', 'small']],
    );
    const result = runRiskAnalysisSync(project, { iterations: 5_000, seed: 2 });
    const rho = Object.fromEntries(result.sensitivity.map((s) => [s.taskId, s.correlation]));
    expect(result.sensitivity[0]!.taskId).toBe('big');
    expect(rho.big).toBeGreaterThan(0.95);
    expect(rho.small).toBeGreaterThan(0.05);
    // Independent of the finish: |ρ| within 4/√N.
    expect(Math.abs(rho.side!)).toBeLessThan(4 / Math.sqrt(5_000));
  });

  it('records risk costs as a distribution', () => {
    const risk: RiskEvent = {
      id: 'r',
      name: 'Fine',
      probability: 0.3,
      taskIds: ['t'],
      cost: { optimistic: 1000, mostLikely: 1000, pessimistic: 1000 },
    };
    const project = plan([{ id: 't', duration: { minutes: DAY } }], [], { risks: [risk] });
    const result = runRiskAnalysisSync(project, { iterations: 4_000, seed: 4 });
    // 1000 × Bernoulli(0.3): mean 300, standard deviation 1000 × √(0.3 × 0.7).
    expect(Math.abs(result.cost!.mean - 300)).toBeLessThan(4 * ((1000 * Math.sqrt(0.21)) / Math.sqrt(4_000)));
    expect(result.cost!.percentiles.map((p) => p.value)).toEqual([0, 0, 1000, 1000, 1000]);
  });
});

describe('runRiskAnalysisSync: outputs', () => {
  const project = plan(
    [
      estimated('design', days(3, 5, 9)),
      estimated('build', days(8, 10, 16, 'pert')),
      { id: 'review', duration: { minutes: 0 }, deadline: '2025-01-22T00:00:00' },
      estimated('launch', days(1, 2, 3)),
    ],
    [
      ['design', 'build'],
      ['build', 'review'],
      ['review', 'launch'],
    ],
  );

  it('reports percentiles in order, as dates and working days, for the finish and each milestone', () => {
    const result = runRiskAnalysisSync(project, { iterations: 2_000, seed: 1 });
    const values = result.finish.percentiles.map((p) => p.workingDays);
    expect(result.finish.percentiles.map((p) => p.percent)).toEqual([10, 50, 80, 90, 95]);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(result.finish.percentiles[0]!.date).toMatch(/^2025-01-\d\dT\d\d:\d\d:00$/);
    expect(result.milestones.map((m) => m.taskId)).toEqual(['review']);
    expect(percentile(result, 50)).toBeGreaterThan(result.milestones[0]!.percentiles[1]!.workingDays);
    expect(result.deadlines[0]).toMatchObject({ taskId: 'review', deadline: '2025-01-22T00:00:00' });
  });

  it('histogram and S-curve cover every iteration', () => {
    const result = runRiskAnalysisSync(project, { iterations: 2_000, seed: 1, histogramBins: 12 });
    expect(result.histogram).toHaveLength(12);
    expect(result.histogram.reduce((s, b) => s + b.count, 0)).toBe(2_000);
    expect(result.histogram.at(-1)!.cumulative).toBe(1);
    expect(result.sCurve).toHaveLength(101);
    expect(result.sCurve[0]!.workingDays).toBe(result.finish.min.workingDays);
    expect(result.sCurve[100]!.workingDays).toBe(result.finish.max.workingDays);
  });

  it('reports progress at least every 1 % of the iterations, ending at the total', () => {
    const calls: number[] = [];
    runRiskAnalysisSync(project, { iterations: 3_000, seed: 1, onProgress: (done) => calls.push(done) });
    expect(calls.at(-1)).toBe(3_000);
    const steps = calls.map((c, k) => c - (calls[k - 1] ?? 0));
    expect(Math.max(...steps)).toBeLessThanOrEqual(30);
  });

  it('without criticality runs the forward pass only and gives the same dates', () => {
    const full = runRiskAnalysisSync(project, { iterations: 1_000, seed: 8 });
    const forward = runRiskAnalysisSync(project, { iterations: 1_000, seed: 8, criticality: false });
    expect(forward.criticality).toEqual([]);
    expect(forward.finish).toEqual(full.finish);
    expect(forward.sensitivity).toEqual(full.sensitivity);
  });

  it('plans outside the fast path (status date, elapsed durations) run on the engine', () => {
    const elapsed = plan([
      { id: 'a', duration: { minutes: 3 * DAY, elapsed: true }, estimate: days(2, 3, 5) },
      estimated('b', days(2, 3, 5)),
    ]);
    const result = runRiskAnalysisSync(elapsed, { iterations: 500, seed: 1 });
    expect(result.kernel).toBe('engine');
    expect(result.kernelReason).toMatch(/elapsed/);
    expect(result.finish.min.workingDays).toBeGreaterThanOrEqual(2);
  });

  it('leaves out iterations that run past the last working time of a calendar, and says so', () => {
    // Working time only from 6 to 20 January (15 days): a triangular 5..8..20-day task overruns it with
    // probability (20 − 15)² / ((20 − 5)(20 − 8)) = 25/180.
    const windowed: Calendar = {
      id: 'window',
      name: 'Two weeks',
      week: [[], [], [], [], [], [], []],
      exceptions: [{ from: '2025-01-06', to: '2025-01-20', periods: ALL_DAY }],
    };
    const project = plan([{ ...estimated('t', days(5, 8, 20)), calendarId: 'window' }], [], {
      calendars: [ALWAYS, windowed],
    });
    const N = 4_000;
    const result = runRiskAnalysisSync(project, { iterations: N, seed: 6 });
    const p = 25 / 180;
    expect(Math.abs(result.unscheduled!.iterations / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    expect(result.unscheduled!.reason).toMatch(/No working time after 2025-01-21T00:00:00/);
    expect(result.warnings.at(-1)).toMatch(/could not be scheduled and are left out/);
    expect(result.finish.max.workingDays).toBeLessThanOrEqual(15);
  });

  it('names the task with a bad estimate', () => {
    const bad = plan([estimated('t', { optimistic: 5, mostLikely: 3, pessimistic: 9 })]);
    expect(() => runRiskAnalysisSync(bad, { iterations: 10, seed: 1 })).toThrow(RiskAnalysisError);
    expect(() => runRiskAnalysisSync(bad, { iterations: 10, seed: 1 })).toThrow(/Task "t" \(t\)/);
  });
});

describe('reproducibility', () => {
  const project = randomNetwork({ tasks: 150, seed: 3 });
  for (const [k, task] of project.tasks.entries()) {
    const m = task.duration.minutes;
    if (m > 0)
      task.estimate = {
        optimistic: 0.8 * m,
        mostLikely: m,
        pessimistic: 1.7 * m,
        distribution: k % 3 ? 'triangular' : 'pert',
      };
  }
  const work = project.tasks.filter((t) => t.duration.minutes > 0).map((t) => t.id);
  project.risks = [
    {
      id: 'r1',
      name: 'Supplier',
      probability: 0.2,
      taskIds: work.slice(3, 6),
      delay: { optimistic: 480, mostLikely: 960, pessimistic: 2400 },
    },
  ];
  project.correlations = [{ taskIds: work.slice(10, 14), coefficient: 0.6 }];
  const options = { iterations: 1_500, seed: 42 };

  it('same seed: identical results on 1 thread and on 2 (worker threads)', async () => {
    const single = runRiskAnalysisSync(project, options);
    const two = await runRiskAnalysis(project, { ...options, threads: 2 });
    expect(two.threads).toBe(2);
    expect(two.warnings).toEqual(single.warnings);
    expect({ ...two, threads: 1 }).toEqual(single);
  });

  it('pooled workers serve the next analysis (another seed) just as well, and close', async () => {
    const again = await runRiskAnalysis(project, { ...options, seed: 44, threads: 2 });
    expect({ ...again, threads: 1 }).toEqual(runRiskAnalysisSync(project, { ...options, seed: 44 }));
    await closeRiskWorkers();
  });

  it('another seed gives other numbers', () => {
    const a = runRiskAnalysisSync(project, options);
    const b = runRiskAnalysisSync(project, { ...options, seed: 43 });
    expect(b.finish.mean.workingDays).not.toBe(a.finish.mean.workingDays);
  });
});
