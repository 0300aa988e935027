/**
 * `tandem schedule FILE` and `tandem demo`: load, schedule, print a table or JSON.
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { parseLocal, scheduleProject, toScheduleJson } from '@tandem/core';
import type { CliIo } from './cli-io.ts';
import { PSPLIB_PERIOD_MINUTES } from '@tandem/formats';
import { type LoadedPlan, loadPlan } from './load-plan.ts';
import { renderSchedule } from './schedule-table.ts';
import { statusDateOption } from './option-values.ts';

/** The bundled demo plan (absolute path). */
export const DEMO_PLAN = fileURLToPath(new URL('../demo/online-banking.yaml', import.meta.url));

export interface ScheduleOptions {
  json: boolean;
  color: boolean;
  statusDate?: string | undefined;
  /** Print the demo's introduction and closing hint. */
  demo?: boolean;
}

export async function scheduleCommand(
  path: string,
  cwd: string,
  options: ScheduleOptions,
  io: CliIo,
): Promise<void> {
  const loaded = await loadPlan(path, cwd);
  for (const warning of loaded.warnings) io.stderr.write(`tandem: warning: ${warning}\n`);
  // --status-date replaces the file's status date, for the schedule and for what the table says.
  const statusDate =
    options.statusDate !== undefined ? statusDateOption(options.statusDate, loaded.project) : undefined;
  const plan = statusDate !== undefined ? { ...loaded, project: { ...loaded.project, statusDate } } : loaded;
  const schedule = scheduleProject(plan.project, statusDate !== undefined ? { statusDate } : {});

  if (options.json) {
    const start = parseLocal(plan.project.start);
    const period = (t: number) => (t - start) / PSPLIB_PERIOD_MINUTES;
    const sink = schedule.tasks[schedule.tasks.length - 1];
    const json = plan.psplib
      ? toScheduleJson(plan.project, schedule, {
          project: { makespan: sink ? period(sink.finish) : 0 },
          task: (st) => ({ startPeriod: period(st.start), finishPeriod: period(st.finish) }),
        })
      : toScheduleJson(plan.project, schedule);
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }

  if (options.demo) io.stdout.write(`${demoIntro(plan, cwd)}\n\n`);
  io.stdout.write(renderSchedule(plan, schedule, { color: options.color }));
  if (options.demo)
    io.stdout.write(
      '\nSchedule your own plan: tandem schedule path/to/plan.yaml (or .json, an MS Project .xml, a PSPLIB .sm);\n' +
        'add --json for machine-readable output. The plan file format is described in docs/plan-file.md.\n',
    );
}

function demoIntro(plan: LoadedPlan, cwd: string): string {
  const tasks = plan.project.tasks.length;
  return `Tandem demo: ${plan.project.name}\n${tasks} tasks from ${relative(cwd, DEMO_PLAN) || DEMO_PLAN}, scheduled as Microsoft Project would.`;
}
