/**
 * The schedule as a terminal table: one row per task with its outline number, indented name,
 * duration, dates and total float, critical tasks marked `*` (and red on a terminal); then the
 * project's dates and its critical path.
 */
import type { Schedule, ScheduledTask, Task } from '@tandem/core';
import { formatLocal, parseLocal } from '@tandem/core';
import { PSPLIB_PERIOD_MINUTES } from '@tandem/formats';
import type { LoadedPlan } from './load-plan.ts';

const MAX_NAME = 50;
const ELAPSED_DAY = 1440;

const ansi = (code: string, reset: string) => (text: string) => `\u001b[${code}m${text}\u001b[${reset}m`;
const red = ansi('31', '39');
const bold = ansi('1', '22');
const dim = ansi('2', '22');

export interface TableOptions {
  color: boolean;
}

/** `2.5`, `3`, `-1`: at most two decimals, no `-0`. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

export function renderSchedule(plan: LoadedPlan, schedule: Schedule, options: TableOptions): string {
  const { project } = plan;
  const perDay = project.units.minutesPerDay;
  const start = parseLocal(project.start);
  const period = (t: number) => formatNumber((t - start) / PSPLIB_PERIOD_MINUTES);
  const when = plan.kind === 'psplib' ? period : (t: number) => formatLocal(t).slice(0, 16).replace('T', ' ');
  const outline = outlineNumbers(project.tasks);

  const dates = plan.kind === 'psplib' ? ['Start (period)', 'Finish (period)'] : ['Start', 'Finish'];
  const header = ['', 'ID', 'WBS', 'Task', 'Duration', ...dates, 'Float'];
  const rows = schedule.tasks.map((st) => {
    const task = project.tasks[st.index] as Task;
    const elapsed = task.duration.elapsed === true && !st.summary;
    const days = (minutes: number) =>
      elapsed ? `${formatNumber(minutes / ELAPSED_DAY)}ed` : `${formatNumber(minutes / perDay)}d`;
    const name = `${'  '.repeat(outline.get(task.id)?.level ?? 0)}${task.name}`;
    return {
      st,
      cells: [
        st.critical ? '*' : '',
        task.id,
        task.wbs ?? outline.get(task.id)?.number ?? '',
        name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name,
        elapsed ? days(task.duration.minutes) : days(st.durationMinutes),
        when(st.start),
        when(st.finish),
        days(st.totalFloat),
      ],
    };
  });

  const rightAligned = new Set([4, 7, ...(plan.kind === 'psplib' ? [5, 6] : [])]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const paint = (text: string, st: ScheduledTask) => {
    if (!options.color) return text;
    const painted = st.critical ? red(text) : text;
    return st.summary ? bold(painted) : painted;
  };

  const out = [
    options.color ? dim(line(header)) : line(header),
    ...rows.map((r) => paint(line(r.cells), r.st)),
  ];
  out.push('', ...summary(plan, schedule, when, options));
  return `${out.join('\n')}\n`;
}

function summary(
  plan: LoadedPlan,
  schedule: Schedule,
  when: (t: number) => string,
  options: TableOptions,
): string[] {
  const { project } = plan;
  const label = (text: string) => text.padEnd(16);
  const at = (t: number) => (plan.kind === 'psplib' ? `period ${when(t)}` : when(t));
  const lines = [
    `${label('Project start')}${at(schedule.projectStart)}`,
    `${label('Project finish')}${at(schedule.projectFinish)}`,
  ];
  if (plan.psplib) {
    const makespan = formatNumber(
      (schedule.projectFinish - parseLocal(project.start)) / PSPLIB_PERIOD_MINUTES,
    );
    lines.push(
      `${label('Makespan')}${makespan} periods (MPM-Time in the file: ${plan.psplib.mpmTime}; resources ignored)`,
    );
  }
  if (project.statusDate)
    lines.push(
      `${label('Status date')}${formatLocal(parseLocal(project.statusDate)).slice(0, 16).replace('T', ' ')}`,
    );
  const path = schedule.criticalPath;
  const mark = options.color ? red('*') : '*';
  if (path.length === 0) lines.push(`${label('Critical path')}none`);
  else
    lines.push(
      ...wrap(path, 100 - 16).map((l, i) => `${label(i === 0 ? 'Critical path' : '')}${l}`),
      `${label('')}(${path.length} tasks; ${mark} marks the critical tasks in the table)`,
    );
  const warned = schedule.tasks.filter((t) => t.warnings.length > 0);
  if (warned.length > 0) {
    lines.push('', 'Warnings');
    for (const t of warned) for (const w of t.warnings) lines.push(`  ${t.id}: ${w}`);
  }
  return lines;
}

/** Ids joined by arrows, broken into lines of at most `width` characters. */
function wrap(ids: string[], width: number): string[] {
  const lines: string[] = [];
  let current = '';
  ids.forEach((id, i) => {
    const piece = i < ids.length - 1 ? `${id} → ` : id;
    if (current && current.length + piece.length > width) {
      lines.push(current.trimEnd());
      current = '';
    }
    current += piece;
  });
  if (current) lines.push(current);
  return lines;
}

/** Outline numbers (`1`, `1.2`, `1.2.3`) and levels from the parent links, in project order. */
export function outlineNumbers(tasks: readonly Task[]): Map<string, { number: string; level: number }> {
  const result = new Map<string, { number: string; level: number }>();
  const counters = new Map<string | undefined, number>();
  for (const task of tasks) {
    const parent = task.parentId !== undefined ? result.get(task.parentId) : undefined;
    const key = parent ? task.parentId : undefined;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    result.set(task.id, {
      number: parent ? `${parent.number}.${n}` : String(n),
      level: parent ? parent.level + 1 : 0,
    });
  }
  return result;
}
