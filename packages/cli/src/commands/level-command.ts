/**
 * `tandem level FILE [--schedules N] [--seed S] [--json]`: resource levelling.
 *
 * - A PSPLIB instance (`.sm`) is levelled in whole periods by the RCPSP genetic algorithm within a
 *   budget of generated schedules; JSON is `{ makespan, lowerBound, starts }` with the lower bound the
 *   file's MPM-Time (critical path, resources ignored) and starts by job number.
 * - Any other plan is levelled in working time as MS Project does (priority, float, id; delays within
 *   float first; links and constraints kept); JSON is `tandem schedule --json`'s shape for the
 *   levelled schedule plus a `levelling` object: delays and over-allocations before and after.
 */
import {
  type OverAllocation,
  type ProjectLevelling,
  type RcpspResult,
  describeOverAllocation,
  levelProject,
  solveRcpsp,
} from '@tandem/core';
import { psplibToRcpsp } from '@tandem/formats';
import { formatLocal, toScheduleJson } from '@tandem/core';
import type { PsplibInstance } from '@tandem/formats';
import type { CliIo } from '../cli-io.ts';
import { type LoadedPlan, loadPlan } from '../load-plan.ts';
import { formatNumber, renderSchedule } from '../schedule-table.ts';
import { wholeNumber } from '../option-values.ts';

export interface LevelOptions {
  /** PSPLIB: schedules to generate (default 5,000). */
  schedules?: string | number | undefined;
  /** PSPLIB: seed of the heuristic (default 1): the same seed gives the same schedule. */
  seed?: string | number | undefined;
  json: boolean;
  color?: boolean;
}

export const DEFAULT_SCHEDULES = 5000;
export const DEFAULT_SEED = 1;

export async function levelCommand(
  file: string,
  options: LevelOptions,
  io: CliIo,
  cwd: string,
): Promise<void> {
  const schedules =
    options.schedules !== undefined ? wholeNumber('--schedules', options.schedules, 1) : DEFAULT_SCHEDULES;
  const seed = options.seed !== undefined ? wholeNumber('--seed', options.seed, 0) : DEFAULT_SEED;
  const plan = await loadPlan(file, cwd);
  for (const warning of plan.warnings) io.stderr.write(`tandem: warning: ${warning}\n`);

  if (plan.psplib) {
    const instance = plan.psplib;
    const started = performance.now();
    const result = solveRcpsp(psplibToRcpsp(instance), { schedules, seed });
    const ms = performance.now() - started;
    if (options.json) {
      const starts = Object.fromEntries(
        instance.jobs.map((job, j) => [String(job.number), result.starts[j]!]),
      );
      io.stdout.write(
        `${JSON.stringify({ makespan: result.makespan, lowerBound: instance.mpmTime, starts }, null, 2)}\n`,
      );
      return;
    }
    io.stdout.write(renderPsplib(plan, instance, result, { schedules, seed, ms }));
    return;
  }

  const levelling = levelProject(plan.project);
  for (const warning of levelling.warnings) io.stderr.write(`tandem: warning: ${warning}\n`);
  if (options.json) {
    const json = toScheduleJson(plan.project, levelling.schedule);
    const overAllocation = (o: OverAllocation) => ({
      ...o,
      start: formatLocal(o.start),
      finish: formatLocal(o.finish),
    });
    const out = {
      ...json,
      levelling: {
        delays: levelling.delays,
        overAllocationsBefore: levelling.overAllocationsBefore.map(overAllocation),
        overAllocationsAfter: levelling.overAllocationsAfter.map(overAllocation),
        warnings: levelling.warnings,
      },
    };
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  io.stdout.write(renderSchedule(plan, levelling.schedule, { color: options.color === true }));
  io.stdout.write(`\n${renderLevelling(plan, levelling)}`);
}

/** Right-aligned numeric columns, left-aligned text, two spaces apart. */
function table(header: string[], rows: string[][], right: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function renderPsplib(
  plan: LoadedPlan,
  instance: PsplibInstance,
  result: RcpspResult,
  run: { schedules: number; seed: number; ms: number },
): string {
  const renewable = instance.resources.flatMap((r, i) => (r.kind === 'renewable' ? [{ r, i }] : []));
  const header = ['Job', 'Duration', 'Start', 'Finish', ...renewable.map(({ r }) => r.name)];
  const rows = instance.jobs.map((job, j) => {
    const start = result.starts[j]!;
    return [
      String(job.number),
      String(job.duration),
      String(start),
      String(start + job.duration),
      ...renewable.map(({ i }) => String(job.requests[i] ?? 0)),
    ];
  });
  const right = new Set(header.map((_, i) => i));
  const peak = renewable.map(({ r, i }) => {
    let most = 0;
    for (let t = 0; t < result.makespan; t++) {
      let used = 0;
      instance.jobs.forEach((job, j) => {
        const s = result.starts[j]!;
        if (s <= t && t < s + job.duration) used += job.requests[i] ?? 0;
      });
      most = Math.max(most, used);
    }
    return `${r.name} ${most}/${r.capacity}`;
  });
  const gap =
    instance.mpmTime > 0
      ? ` (+${formatNumber((100 * (result.makespan - instance.mpmTime)) / instance.mpmTime)}%)`
      : '';
  const label = (text: string) => text.padEnd(16);
  const lines = [
    `Levelled: ${plan.project.name} — ${instance.jobs.length} jobs, ${plural(renewable.length, 'renewable resource', 'renewable resources')}`,
    '',
    ...table(header, rows, right),
    '',
    `${label('Makespan')}${result.makespan} periods${gap}`,
    `${label('Lower bound')}${instance.mpmTime} periods (MPM-Time: the critical path, resources ignored)`,
    `${label('Peak use')}${peak.join(', ')}`,
    `${label('Search')}${result.schedules.toLocaleString('en')} schedules generated (budget ${run.schedules.toLocaleString('en')}, seed ${run.seed}), ${formatNumber(run.ms)} ms`,
  ];
  return `${lines.join('\n')}\n`;
}

function renderLevelling(plan: LoadedPlan, levelling: ProjectLevelling): string {
  const { project } = plan;
  const perDay = project.units.minutesPerDay;
  const name = (id: string) => project.tasks.find((t) => t.id === id)?.name ?? id;
  const lines: string[] = [];
  if (levelling.overAllocationsBefore.length === 0) {
    lines.push('Levelling: no resource is over-allocated; nothing to level.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`Levelling: ${levelling.delays.length} of ${project.tasks.length} tasks delayed`);
  if (levelling.delays.length > 0) {
    const rows = levelling.delays.map((d) => [
      d.taskId,
      name(d.taskId),
      `${formatNumber(d.delayWorkingMinutes / perDay)}d`,
      `${formatNumber(d.delayMinutes / 1440)}ed`,
      d.withinFloat ? 'yes' : 'no',
    ]);
    lines.push('', ...table(['ID', 'Task', 'Delay', 'Elapsed', 'Within float'], rows, new Set([2, 3])));
  }
  const finish = (t: number) => formatLocal(t).slice(0, 16).replace('T', ' ');
  lines.push(
    '',
    `Project finish   ${finish(levelling.unlevelled.projectFinish)} before levelling, ${finish(levelling.schedule.projectFinish)} after`,
    `Over-allocated   ${plural(levelling.overAllocationsBefore.length, 'stretch', 'stretches')} before, ${levelling.overAllocationsAfter.length} after`,
  );
  for (const o of levelling.overAllocationsAfter) lines.push(`  remains: ${describeOverAllocation(o)}`);
  return `${lines.join('\n')}\n`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
