/**
 * Reads `<Tasks>` in outline order: the plan (`Task`), Microsoft Project's computed values (the oracle),
 * and task baselines. The task with UID 0 is the project summary: its values go to `computed` only.
 * Blank rows (`IsNull` 1) are skipped.
 */
import type {
  Baseline,
  BaselineTask,
  Constraint,
  ConstraintType,
  Duration,
  DurationUnit,
  Progress,
  Task,
} from '@tandem/core';
import type { ElementReader } from './mspdi-element-reader.ts';
import { decodeDurationFormat } from './mspdi-durations.ts';
import type { MspdiComputed } from './mspdi-types.ts';
import { checkTimephasedData } from './mspdi-timephased.ts';
import { definedOnly } from './defined-only.ts';

/** MSPDI `ConstraintType` 0..7. */
export const CONSTRAINT_TYPES: readonly ConstraintType[] = [
  'ASAP',
  'ALAP',
  'MSO',
  'MFO',
  'SNET',
  'SNLT',
  'FNET',
  'FNLT',
];

export interface TaskContext {
  calendarIds: ReadonlySet<string>;
  /** The project's `DurationFormat` unit, for tasks whose format is 21 ("null"). */
  defaultUnit: DurationUnit;
}

export interface ReadTasks {
  tasks: Task[];
  computed: Map<string, MspdiComputed>;
  baselines: Baseline[];
  /** Each task's element, for reading its links once every task is known. */
  elements: { id: string; r: ElementReader }[];
  /** UIDs present in the file but not tasks of the model (the project summary, blank rows). */
  skipped: Set<string>;
  /** The project summary task's name, if any. */
  summaryName?: string;
}

export function readTasks(project: ElementReader, context: TaskContext): ReadTasks {
  const result: ReadTasks = {
    tasks: [],
    computed: new Map(),
    baselines: [],
    elements: [],
    skipped: new Set(),
  };
  const baselines = new Map<number, Record<string, BaselineTask>>();
  const seen = new Set<string>();
  const outline: { level: number; id: string }[] = [];
  for (const r of project.child('Tasks')?.children('Task') ?? []) {
    checkTimephasedData(r);
    const uid = r.integer('UID');
    if (uid === undefined) {
      if (!r.has('UID')) r.bad('UID', 'a task needs a UID');
      continue;
    }
    const id = String(uid);
    if (seen.has(id)) r.bad('UID', 'duplicate task UID', id);
    seen.add(id);
    if (r.flag('IsNull')) {
      result.skipped.add(id);
      r.ctx.warn(r.at('IsNull'), 'blank task row skipped', '1');
      continue;
    }
    const start = r.dateTime('Start');
    const finish = r.dateTime('Finish');
    const task = readTask(r, id, context, start, finish);
    const computed = start && finish && readComputed(r, start, finish, task.duration.minutes);
    if (computed) result.computed.set(id, computed);
    if (uid === 0) {
      result.skipped.add(id);
      const name = r.string('Name');
      if (name !== undefined) result.summaryName = name;
      continue;
    }
    const level = r.integer('OutlineLevel', { min: 0 }) ?? r.value('OutlineNumber')?.split('.').length ?? 1;
    while ((outline.at(-1)?.level ?? -Infinity) >= level) outline.pop();
    const parentId = outline.at(-1)?.id;
    outline.push({ level, id });
    result.tasks.push(parentId === undefined ? task : { ...task, parentId });
    result.elements.push({ id, r });
    readBaselines(r, id, baselines);
  }
  result.baselines = [...baselines.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, tasks]) => ({ name: number === 0 ? 'Baseline' : `Baseline ${number}`, tasks }));
  return result;
}

function readTask(r: ElementReader, id: string, context: TaskContext, start?: string, finish?: string): Task {
  // The project summary (UID 0) and summary tasks roll their duration up: no warning when it is missing.
  const summary = id === '0' || (r.flag('Summary') ?? false);
  const calendarUid = r.integer('CalendarUID');
  const calendarId = calendarUid === undefined || calendarUid < 0 ? undefined : String(calendarUid);
  if (calendarId !== undefined && !context.calendarIds.has(calendarId)) {
    r.ctx.warn(
      r.at('CalendarUID'),
      'no calendar has this UID: the task uses the project calendar',
      calendarId,
    );
  }
  const constraint = readConstraint(r, start);
  const manual = readManual(r, start, finish);
  const progress = readProgress(r);
  const priority = r.integer('Priority', { min: 0, max: 1000 });
  const deadline = r.dateTime('Deadline');
  const wbs = r.value('WBS');
  const notes = r.string('Notes');
  const duration = readDuration(r, summary, context);
  // The model's flag marks a milestone with a duration; a zero-duration task is one anyway.
  const milestone = r.flag('Milestone') === true && duration.minutes !== 0;
  return {
    id,
    name: r.string('Name') ?? '',
    ...(wbs !== undefined ? { wbs } : {}),
    ...(milestone ? { milestone } : {}),
    duration,
    ...(calendarId !== undefined && context.calendarIds.has(calendarId) ? { calendarId } : {}),
    ...(r.flag('IgnoreResourceCalendar') ? { ignoreResourceCalendar: true } : {}),
    ...(constraint ? { constraint } : {}),
    ...(deadline !== undefined ? { deadline } : {}),
    ...(manual ? { manual } : {}),
    ...(progress ? { progress } : {}),
    ...(priority !== undefined ? { priority } : {}),
    ...(r.flag('Active') === false ? { inactive: true } : {}),
    ...(notes !== undefined ? { notes } : {}),
  };
}

/** `Duration` in working (or elapsed) minutes; `DurationFormat` gives the unit, elapsed and `?`. */
function readDuration(r: ElementReader, summary: boolean, context: TaskContext): Duration {
  const code = r.integer('DurationFormat');
  let format = code === undefined ? undefined : decodeDurationFormat(code);
  if (code !== undefined && (!format || format.percent)) {
    r.ctx.warn(
      r.at('DurationFormat'),
      `not a duration format: shown in ${context.defaultUnit}s`,
      String(code),
    );
    format = undefined;
  }
  let minutes = r.duration('Duration');
  if (minutes === undefined && !r.has('Duration')) {
    minutes = r.duration('ManualDuration') ?? 0;
    if (!summary && !r.has('ManualDuration')) r.ctx.warn(r.path, 'no Duration: read as 0');
  }
  const estimated = (r.flag('Estimated') ?? false) || (format?.estimated ?? false);
  return {
    minutes: minutes ?? 0,
    unit: format?.unit ?? context.defaultUnit,
    ...(format?.elapsed ? { elapsed: true } : {}),
    ...(estimated ? { estimated: true } : {}),
  };
}

function readConstraint(r: ElementReader, start: string | undefined): Constraint | undefined {
  const code = r.integer('ConstraintType', { min: 0, max: 7 });
  const type = code === undefined ? undefined : CONSTRAINT_TYPES[code];
  if (type === undefined || type === 'ASAP') return undefined;
  if (type === 'ALAP') return { type };
  const date = r.dateTime('ConstraintDate');
  if (date !== undefined) return { type, date };
  if (r.has('ConstraintDate')) return undefined; // malformed: already an issue
  if (start === undefined) {
    r.bad('ConstraintDate', `constraint ${type} needs a date`);
    return undefined;
  }
  r.ctx.warn(r.at('ConstraintDate'), `missing for constraint ${type}: the task's Start is used`, start);
  return { type, date: start };
}

function readManual(r: ElementReader, start?: string, finish?: string): Task['manual'] {
  if (!r.flag('Manual')) return undefined;
  const manualStart = r.dateTime('ManualStart') ?? start;
  const manualFinish = r.dateTime('ManualFinish') ?? finish;
  if (manualStart !== undefined && manualFinish !== undefined)
    return { start: manualStart, finish: manualFinish };
  r.ctx.warn(r.at('Manual'), 'manually scheduled task without dates: read as auto-scheduled', '1');
  return undefined;
}

function readProgress(r: ElementReader): Progress | undefined {
  const percentComplete = r.integer('PercentComplete', { min: 0, max: 100 });
  const actualStart = r.dateTime('ActualStart');
  const actualFinish = r.dateTime('ActualFinish');
  const remainingMinutes = r.duration('RemainingDuration');
  if (!percentComplete && actualStart === undefined && actualFinish === undefined) return undefined;
  return {
    ...(percentComplete !== undefined ? { percentComplete } : {}),
    ...(actualStart !== undefined ? { actualStart } : {}),
    ...(actualFinish !== undefined ? { actualFinish } : {}),
    ...(remainingMinutes !== undefined ? { remainingMinutes } : {}),
  };
}

/** MS Project's computed values (tasks without Start and Finish have none: nothing to compare). */
function readComputed(
  r: ElementReader,
  start: string,
  finish: string,
  durationMinutes: number,
): MspdiComputed {
  const slack = (name: string) => {
    const tenths = r.number(name);
    return tenths === undefined ? undefined : tenths / 10;
  };
  const optional = {
    earlyStart: r.dateTime('EarlyStart'),
    earlyFinish: r.dateTime('EarlyFinish'),
    lateStart: r.dateTime('LateStart'),
    lateFinish: r.dateTime('LateFinish'),
    totalSlackMinutes: slack('TotalSlack'),
    freeSlackMinutes: slack('FreeSlack'),
    durationMinutes: r.has('Duration') ? durationMinutes : undefined,
  };
  return {
    summary: r.flag('Summary') ?? false,
    milestone: r.flag('Milestone') ?? false,
    critical: r.flag('Critical') ?? false,
    start,
    finish,
    ...definedOnly(optional),
  };
}

/** Task `<Baseline>` elements into baselines by number (0 = "Baseline", 1..10 = "Baseline N"). */
function readBaselines(
  r: ElementReader,
  id: string,
  baselines: Map<number, Record<string, BaselineTask>>,
): void {
  for (const b of r.children('Baseline')) {
    const number = b.integer('Number', { min: 0 }) ?? 0;
    if (number > 10) {
      r.ctx.warn(b.at('Number'), 'baselines are numbered 0..10: ignored', String(number));
      continue;
    }
    const cost = b.number('Cost');
    const values: BaselineTask = {
      start: b.dateTime('Start'),
      finish: b.dateTime('Finish'),
      durationMinutes: b.duration('Duration'),
      workMinutes: b.duration('Work'),
      // MSPDI costs are in hundredths of the currency unit (MPXJ's parseCurrency).
      cost: cost === undefined ? undefined : cost / 100,
    };
    const defined = definedOnly(values);
    if (Object.keys(defined).length === 0) continue;
    const tasks = baselines.get(number) ?? {};
    tasks[id] = defined;
    baselines.set(number, tasks);
  }
}
