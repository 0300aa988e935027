/**
 * `tandem forecast FILE [--iterations N] [--seed S] [--threads N] [--json]`: schedule risk analysis
 * (Monte Carlo) of a plan — P10…P95 finish dates for the project and its milestones, the chance of
 * meeting each deadline, criticality and sensitivity of tasks, risk events — as tables or JSON.
 */
import {
  type DateDistribution,
  RiskAnalysisError,
  type RiskAnalysisResult,
  runRiskAnalysis,
} from '@tandem/core';
import type { CliIo } from '../cli-io.ts';
import { type LoadedPlan, loadPlan } from '../load-plan.ts';
import { wholeNumber } from '../option-values.ts';
import { UserError } from '../user-error.ts';

export interface ForecastOptions {
  /** Iterations (default 10,000). */
  iterations?: string | number | undefined;
  /** Seed of the random streams (default 1): the same seed gives the same forecast. */
  seed?: string | number | undefined;
  /** Threads (default: every core). */
  threads?: string | number | undefined;
  json: boolean;
}

export const DEFAULT_ITERATIONS = 10_000;
export const DEFAULT_SEED = 1;
const TOP = 10;

export async function forecastCommand(
  file: string,
  options: ForecastOptions,
  io: CliIo,
  cwd: string,
): Promise<void> {
  const iterations =
    options.iterations !== undefined
      ? wholeNumber('--iterations', options.iterations, 1)
      : DEFAULT_ITERATIONS;
  const seed = options.seed !== undefined ? wholeNumber('--seed', options.seed, 0) : DEFAULT_SEED;
  const threads = options.threads !== undefined ? wholeNumber('--threads', options.threads, 1) : undefined;

  const plan = await loadPlan(file, cwd);
  for (const warning of plan.warnings) io.stderr.write(`tandem: warning: ${warning}\n`);
  const progress = progressLine(io);
  let result: RiskAnalysisResult;
  try {
    result = await runRiskAnalysis(plan.project, {
      iterations,
      seed,
      ...(threads !== undefined ? { threads } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    });
  } catch (error) {
    if (error instanceof RiskAnalysisError) throw new UserError(`cannot forecast ${file}: ${error.message}`);
    throw error;
  } finally {
    progress?.clear();
  }
  for (const warning of result.warnings) io.stderr.write(`tandem: warning: ${warning}\n`);
  if (!varies(plan)) {
    io.stderr.write(
      `tandem: warning: no task in ${file} has a three-point estimate and no risk can occur: every iteration is the planned schedule.\n`,
    );
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  io.stdout.write(renderForecast(plan, result));
}

function varies(plan: LoadedPlan): boolean {
  const { tasks, risks = [] } = plan.project;
  return (
    tasks.some((t) => t.estimate && t.estimate.optimistic !== t.estimate.pessimistic) ||
    risks.some((r) => r.probability > 0 && (r.delay || r.cost))
  );
}

/** "Forecasting… 42%" on stderr, rewritten in place, when stderr is a terminal. */
function progressLine(
  io: CliIo,
): { update: (done: number, total: number) => void; clear: () => void } | undefined {
  const stderr = io.stderr as { write(text: string): unknown; isTTY?: boolean };
  if (stderr.isTTY !== true) return undefined;
  let shown = -1;
  return {
    update(done, total) {
      const percent = Math.floor((100 * done) / total);
      if (percent === shown) return;
      shown = percent;
      stderr.write(`\rForecasting… ${percent}% (${count(done)} of ${count(total)} iterations)`);
    },
    clear() {
      if (shown >= 0) stderr.write('\r\u001b[K');
    },
  };
}

const count = (n: number) => n.toLocaleString('en-US');
const share = (p: number) => `${Math.round(p * 100)}%`;
const when = (date: string) => date.slice(0, 16).replace('T', ' ');
const workingDays = (d: number) => d.toFixed(1);
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

/** Pads the cells of each row to the widest in its column; numbers right-aligned. */
function table(rows: string[][], right: ReadonlySet<number>, indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => (right.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
  );
}

const MAX_NAME = 40;
const name = (text: string) => (text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text);

/** The forecast as text: finish, milestones, deadlines, top criticality and sensitivity, risks. */
export function renderForecast(plan: LoadedPlan, result: RiskAnalysisResult): string {
  const project = plan.project;
  const estimated = project.tasks.filter((t) => t.estimate).length;
  const risks = project.risks?.length ?? 0;
  const groups = project.correlations?.length ?? 0;
  const out = [
    `Forecast: ${project.name}`,
    `${plural(result.iterations, 'iteration')}, seed ${result.seed}, ${plural(result.threads, 'thread')}; ` +
      `${plural(estimated, 'task')} with three-point estimates, ${plural(risks, 'risk')}, ` +
      `${plural(groups, 'correlation group')}; project start ${when(result.projectStart)}`,
    '',
    'Project finish',
    ...distributionRows(result.finish),
  ];

  if (result.milestones.length > 0) {
    const percents = result.finish.percentiles.map((p) => p.percent).filter((p) => [50, 80, 90].includes(p));
    out.push('', 'Milestones');
    const rows = [['Milestone', 'Planned', ...percents.map((p) => `P${p}`), 'On plan']];
    const shown = result.milestones.slice(0, 30);
    for (const m of shown)
      rows.push([
        `${m.taskId}  ${name(m.name)}`,
        when(m.planned.date),
        ...percents.map((p) => when(m.percentiles.find((q) => q.percent === p)!.date)),
        share(m.probabilityOfPlanned),
      ]);
    out.push(...table(rows, new Set([rows[0]!.length - 1])));
    if (result.milestones.length > shown.length)
      out.push(`  … and ${result.milestones.length - shown.length} more (see --json)`);
  }

  if (result.deadlines.length > 0) {
    out.push('', 'Deadlines');
    const rows = [['Task', 'Deadline', 'Planned finish', 'Chance of meeting it']];
    for (const d of result.deadlines)
      rows.push([`${d.taskId}  ${name(d.name)}`, when(d.deadline), when(d.planned), share(d.probability)]);
    out.push(...table(rows, new Set([3])));
  }

  if (result.criticalityComputed) {
    const critical = result.criticality.filter((c) => c.index > 0).slice(0, TOP);
    out.push('', `Criticality (top ${TOP}: share of iterations in which the task is critical)`);
    if (critical.length === 0) out.push('  no task was ever critical');
    else
      out.push(
        ...table(
          critical.map((c) => [share(c.index), c.taskId, name(c.name)]),
          new Set([0]),
        ),
      );
  }

  const sensitive = result.sensitivity.filter((s) => s.correlation !== 0).slice(0, TOP);
  out.push('', `Sensitivity (top ${TOP}: rank correlation of the task's duration with the project finish)`);
  if (sensitive.length === 0) out.push('  no task duration varies');
  else
    out.push(
      ...table(
        sensitive.map((s) => [
          signed(s.correlation),
          s.taskId,
          name(s.name),
          '█'.repeat(Math.round(Math.abs(s.correlation) * 20)),
        ]),
        new Set([0]),
      ),
    );

  if (result.risks.length > 0) {
    const perDay = project.units.minutesPerDay;
    out.push('', 'Risks');
    const rows = [['Risk', 'Occurred', 'Mean delay', 'Mean cost', 'Correlation with finish']];
    for (const r of result.risks)
      rows.push([
        `${r.riskId}  ${name(r.name)}`,
        share(r.occurrence),
        `${workingDays(r.meanDelayMinutes / perDay)}d`,
        r.meanCost === 0 ? '' : money(r.meanCost, project.currencyCode),
        signed(r.correlation),
      ]);
    out.push(...table(rows, new Set([1, 2, 3, 4])));
  }

  if (result.cost) {
    const c = result.cost;
    const currency = project.currencyCode;
    out.push(
      '',
      `Risk cost: mean ${money(c.mean, currency)}, ` +
        c.percentiles.map((p) => `P${p.percent} ${money(p.value, currency)}`).join(', ') +
        `, at most ${money(c.max, currency)}`,
    );
  }
  if (result.kernel === 'engine')
    out.push('', `(Each iteration ran the full scheduler: ${result.kernelReason ?? 'see --json'}.)`);
  return `${out.map((l) => l.trimEnd()).join('\n')}\n`;
}

function distributionRows(d: DateDistribution): string[] {
  const rows = [
    ['', 'Date', 'Working days'],
    [
      'Planned',
      when(d.planned.date),
      workingDays(d.planned.workingDays),
      `${share(d.probabilityOfPlanned)} chance of finishing by then`,
    ],
    ...d.percentiles.map((p) => [`P${p.percent}`, when(p.date), workingDays(p.workingDays)]),
    [
      'Mean',
      when(d.mean.date),
      workingDays(d.mean.workingDays),
      `standard deviation ${workingDays(d.stdDevWorkingDays)} working days`,
    ],
    ['Earliest', when(d.min.date), workingDays(d.min.workingDays)],
    ['Latest', when(d.max.date), workingDays(d.max.workingDays)],
  ];
  return table(rows, new Set([2]));
}

function money(value: number, currency: string | undefined): string {
  const amount = Math.round(value).toLocaleString('en-US');
  return currency ? `${amount} ${currency}` : amount;
}
