/**
 * `readTaskCsv`: a task list in CSV (the layout `writeTaskCsv` writes, or a spreadsheet / MS Project
 * export with the same column names, see docs/csv.md) into an `ImportedPlan` of scope `tasks`.
 * Every problem is reported at once, at `line N, column Name`.
 */
import {
  type Assignment,
  type ConstraintType,
  DEFAULT_UNITS,
  type Link,
  type Project,
  type ProjectUnits,
  type Resource,
  type Task,
} from '@tandem/core';
import { FormatError, type FormatIssue } from '../format-error.ts';
import { ITEM_TYPES, type ImportedItem, type ImportedPlan, type ItemType } from '../interop/imported-plan.ts';
import { linkCycleIssues } from '../interop/link-cycles.ts';
import { CsvCells, type CsvTable, readCsvTable } from './csv-table.ts';
import { TASK_CSV_COLUMNS } from './task-csv-columns.ts';
import {
  Problem,
  parseCsvDate,
  parseCsvDuration,
  parsePercent,
  parsePredecessors,
  parseResourceNames,
} from './task-csv-values.ts';

export const TASK_CSV_FORMAT = 'csv';

export interface TaskCsvOptions {
  /** The project's duration settings (durations in days and weeks become minutes with them). */
  units?: ProjectUnits;
  /** Time of day (minutes) for a constraint date given without a time; default 08:00. */
  defaultStartMinute?: number;
  /** Time of day (minutes) for a deadline given without a time; default 17:00. */
  defaultFinishMinute?: number;
}

const CONSTRAINTS: Record<string, ConstraintType> = {
  asap: 'ASAP',
  'as soon as possible': 'ASAP',
  alap: 'ALAP',
  'as late as possible': 'ALAP',
  snet: 'SNET',
  'start no earlier than': 'SNET',
  snlt: 'SNLT',
  'start no later than': 'SNLT',
  fnet: 'FNET',
  'finish no earlier than': 'FNET',
  fnlt: 'FNLT',
  'finish no later than': 'FNLT',
  mso: 'MSO',
  'must start on': 'MSO',
  mfo: 'MFO',
  'must finish on': 'MFO',
};

const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0', '']);

interface RowTask {
  line: number;
  task: Task;
  level?: number;
  parentRef?: string;
  predecessors: string;
  resources: string;
  cells: CsvCells;
}

/**
 * @example
 * const { project, items } = readTaskCsv('ID,Name,Duration,Predecessors\n1,Design,5d,\n2,Build,10d,1FS+2d\n');
 * project.links; // [{ predecessorId: '1', successorId: '2', type: 'FS', lag: { minutes: 960, unit: 'day' } }]
 */
export function readTaskCsv(text: string, options: TaskCsvOptions = {}): ImportedPlan {
  const units = options.units ?? DEFAULT_UNITS;
  const startMinute = options.defaultStartMinute ?? 480;
  const finishMinute = options.defaultFinishMinute ?? 1020;
  const table = readCsvTable(text, TASK_CSV_FORMAT, TASK_CSV_COLUMNS);
  const issues: FormatIssue[] = [];
  if (!table.columns.has('name'))
    issues.push({
      path: 'line 1',
      message: 'no Name column (the header must name one, e.g. "Name" or "Task Name")',
    });
  if (table.columns.has('outlineLevel') && table.columns.has('parent'))
    issues.push({ path: 'line 1', message: 'give either Outline Level or Parent, not both' });
  if (issues.length > 0) throw FormatError.fromIssues(TASK_CSV_FORMAT, issues);

  const items: Record<string, ImportedItem> = {};
  const sprints = new Set<string>();
  const rows: RowTask[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const cells = new CsvCells(table, row, issues);
    if (row.cells.every((c) => c.trim() === '')) continue;
    const parsed = readRow(cells, units, startMinute, finishMinute, rows.length + 1);
    const earlier = seen.get(parsed.task.id);
    if (earlier !== undefined) cells.bad('id', `duplicate ID (also on line ${earlier})`, parsed.task.id);
    seen.set(parsed.task.id, row.line);
    rows.push(parsed);
    const item = itemOf(cells);
    if (Object.keys(item).length > 0) items[parsed.task.id] = item;
    if (item.sprint !== undefined) sprints.add(item.sprint);
  }
  if (rows.length === 0)
    issues.push({ path: 'line 2', message: 'no tasks: the file has a header but no rows' });

  assignParents(rows, table);
  const tasks = outlineOrder(rows);
  const byId = new Map(rows.map((r) => [r.task.id, r]));
  const links: Link[] = [];
  const linkLines: string[] = [];
  const resources = new Map<string, Resource>();
  const assignments: Assignment[] = [];
  for (const r of rows) {
    const preds = parsePredecessors(r.predecessors, units);
    for (const p of preds.problems) r.cells.bad('predecessors', `expected ${p.expected}`, p.text);
    for (const p of preds.items) {
      if (!byId.has(p.taskId))
        r.cells.bad('predecessors', `unknown task ID "${p.taskId}" (no row has that ID)`, p.taskId);
      else if (p.taskId === r.task.id)
        r.cells.bad('predecessors', 'a task cannot be its own predecessor', p.taskId);
      else {
        links.push({
          predecessorId: p.taskId,
          successorId: r.task.id,
          type: p.type,
          ...(p.lag ? { lag: p.lag } : {}),
        });
        linkLines.push(r.cells.where('predecessors'));
      }
    }
    const refs = parseResourceNames(r.resources);
    for (const p of refs.problems)
      r.cells.bad('resources', 'expected a resource name such as Alice or Alice[50%]', p);
    for (const ref of refs.items) {
      if (!resources.has(ref.name)) resources.set(ref.name, { id: ref.name, name: ref.name, type: 'work' });
      assignments.push({ taskId: r.task.id, resourceId: ref.name, units: ref.units });
    }
  }
  for (const r of rows)
    if (r.parentRef !== undefined && r.parentRef !== '' && !byId.has(r.parentRef))
      r.cells.bad('parent', `unknown parent ID "${r.parentRef}" (no row has that ID)`, r.parentRef);

  const project: Project = {
    name: '',
    start: '',
    calendarId: 'standard',
    units,
    calendars: [],
    tasks,
    links,
    resources: [...resources.values()],
    assignments,
    baselines: [],
  };
  if (issues.length === 0) issues.push(...linkCycleIssues(project, (_l, i) => linkLines[i] ?? `links[${i}]`));
  if (issues.length > 0) throw FormatError.fromIssues(TASK_CSV_FORMAT, issues);
  const warnings =
    table.unknown.length > 0 ? [`line 1: columns not imported: ${table.unknown.join(', ')}`] : [];
  return {
    format: TASK_CSV_FORMAT,
    scope: 'tasks',
    project,
    fields: [
      'name',
      'parentId',
      'wbs',
      'milestone',
      'duration',
      'constraint',
      'deadline',
      'progress',
      'storyPoints',
      'notes',
    ],
    items,
    sprints: [...sprints].map((name) => ({ name, status: 'planned' })),
    warnings,
  };
}

function readRow(
  cells: CsvCells,
  units: ProjectUnits,
  startMinute: number,
  finishMinute: number,
  n: number,
): RowTask {
  const id = cells.get('id') || String(n);
  const name = cells.get('name');
  if (name === '') cells.bad('name', 'a task needs a name');
  const task: Task = { id, name, duration: { minutes: 0 } };
  const durationText = cells.get('duration');
  const kind = cells.get('kind').toLowerCase();
  const milestone = YES.has(cells.get('milestone').toLowerCase()) || kind === 'milestone';
  if (
    cells.has('milestone') &&
    !YES.has(cells.get('milestone').toLowerCase()) &&
    !NO.has(cells.get('milestone').toLowerCase())
  )
    cells.bad('milestone', 'expected Yes or No', cells.get('milestone'));
  if (durationText !== '') {
    const d = parseCsvDuration(durationText, units);
    if (d instanceof Problem) cells.bad('duration', `expected ${d.expected}`, durationText);
    else task.duration = d;
  } else if (!milestone) task.duration = { minutes: units.minutesPerDay, unit: 'day', estimated: true };
  if (milestone && task.duration.minutes > 0) task.milestone = true;
  if (cells.get('wbs') !== '') task.wbs = cells.get('wbs');

  const constraintText = cells.get('constraintType');
  const constraintDate = cells.get('constraintDate');
  if (constraintText !== '') {
    const type = CONSTRAINTS[constraintText.toLowerCase()];
    if (type === undefined)
      cells.bad(
        'constraintType',
        'expected ASAP, ALAP, SNET, SNLT, FNET, FNLT, MSO or MFO (or their names, e.g. "Start No Earlier Than")',
        constraintText,
      );
    else if (type === 'ASAP' || type === 'ALAP') task.constraint = { type };
    else if (constraintDate === '') cells.bad('constraintDate', `a ${type} constraint needs a date`);
    else {
      const minute = type.startsWith('F') || type === 'MFO' ? finishMinute : startMinute;
      const date = parseCsvDate(constraintDate, minute);
      if (date instanceof Problem) cells.bad('constraintDate', `expected ${date.expected}`, constraintDate);
      else task.constraint = { type, date };
    }
  } else if (constraintDate !== '') cells.bad('constraintType', 'a constraint date needs a constraint type');

  const deadline = cells.get('deadline');
  if (deadline !== '') {
    const date = parseCsvDate(deadline, finishMinute);
    if (date instanceof Problem) cells.bad('deadline', `expected ${date.expected}`, deadline);
    else task.deadline = date;
  }
  for (const column of ['start', 'finish'] as const) {
    const value = cells.get(column);
    if (value !== '' && parseCsvDate(value, startMinute) instanceof Problem)
      cells.bad(column, `expected ${'a date such as 2026-01-05 or 2026-01-05 09:00'}`, value);
  }
  const percent = cells.get('percentComplete');
  if (percent !== '') {
    const p = parsePercent(percent);
    if (p instanceof Problem) cells.bad('percentComplete', `expected ${p.expected}`, percent);
    else if (p > 0) task.progress = { percentComplete: p };
  }
  const points = cells.get('storyPoints');
  if (points !== '') {
    const value = Number(points.replace(',', '.'));
    if (!Number.isFinite(value) || value < 0)
      cells.bad('storyPoints', 'expected a number of at least 0', points);
    else task.storyPoints = value;
  }
  const notes = cells.get('notes');
  if (notes !== '') task.notes = notes;
  if (kind !== '' && !(ITEM_TYPES as readonly string[]).includes(kind))
    cells.bad('kind', `expected one of ${ITEM_TYPES.join(', ')}`, cells.get('kind'));

  let level: number | undefined;
  const levelText = cells.get('outlineLevel');
  if (cells.has('outlineLevel')) {
    level = Number(levelText === '' ? '1' : levelText);
    if (!Number.isInteger(level) || level < 1) {
      cells.bad('outlineLevel', 'expected a whole number of at least 1', levelText);
      level = 1;
    }
  }
  return {
    line: cells.row.line,
    task,
    ...(level !== undefined ? { level } : {}),
    ...(cells.has('parent') ? { parentRef: cells.get('parent') } : {}),
    predecessors: cells.get('predecessors'),
    resources: cells.get('resources'),
    cells,
  };
}

function itemOf(cells: CsvCells): ImportedItem {
  const item: ImportedItem = {};
  const kind = cells.get('kind').toLowerCase();
  if ((ITEM_TYPES as readonly string[]).includes(kind)) item.type = kind as ItemType;
  const status = cells.get('status');
  if (status !== '') {
    const normal = status.toLowerCase().replace(/[\s-]+/g, '_');
    item.status = normal === 'to_do' ? 'todo' : normal;
  }
  const sprint = cells.get('sprint');
  if (sprint !== '') item.sprint = sprint;
  const labels = cells.all('labels').flatMap((l) =>
    l
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
  if (cells.has('labels')) item.labels = labels;
  return item;
}

/** Outline Level (MS Project): the parent is the nearest row above one level up. */
function assignParents(rows: RowTask[], table: CsvTable): void {
  if (table.columns.has('outlineLevel')) {
    const open: RowTask[] = [];
    for (const r of rows) {
      const level = r.level ?? 1;
      if (level > open.length + 1)
        r.cells.bad(
          'outlineLevel',
          `outline level ${level} right after level ${open.length} (a level was skipped)`,
          String(level),
        );
      open.length = Math.min(open.length, level - 1);
      const parent = open[open.length - 1];
      if (parent) r.task.parentId = parent.task.id;
      open.push(r);
    }
  } else if (table.columns.has('parent'))
    for (const r of rows) if (r.parentRef) r.task.parentId = r.parentRef;
}

/** Parents before children, siblings in file order; a parent cycle is reported on each of its rows. */
function outlineOrder(rows: RowTask[]): Task[] {
  const byId = new Map(rows.map((r) => [r.task.id, r]));
  const children = new Map<string | undefined, RowTask[]>();
  for (const r of rows) {
    const parent = r.task.parentId !== undefined && byId.has(r.task.parentId) ? r.task.parentId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const ordered: Task[] = [];
  const placed = new Set<string>();
  const visit = (parent: string | undefined) => {
    for (const r of children.get(parent) ?? []) {
      if (placed.has(r.task.id)) continue;
      placed.add(r.task.id);
      ordered.push(r.task);
      visit(r.task.id);
    }
  };
  visit(undefined);
  for (const r of rows)
    if (!placed.has(r.task.id) && byId.has(r.task.parentId ?? ''))
      r.cells.bad('parent', 'the parents form a cycle (this task is its own ancestor)', r.task.parentId);
  return ordered;
}
