/**
 * Writes `<Tasks>`: the project summary task (UID 0) first, then every task in outline order with its
 * outline number and level, its links (`PredecessorLink`, lag in tenths of a minute) and baselines.
 * With a schedule, Start/Finish, early and late dates, slack (tenths of a minute) and Critical are the
 * scheduler's; without one, Start is the manual, actual or project start and MS Project reschedules.
 * Tasks are written as fixed duration (`Type` 1), so that MS Project keeps their durations when it
 * recalculates work from assignments.
 */
import { formatLocal } from '@tandem/core';
import type { BaselineTask, Lag, Link, Project, Task } from '@tandem/core';
import { encodeDurationFormat, formatXsdDuration } from './mspdi-durations.ts';
import { LINK_TYPES } from './mspdi-link-reader.ts';
import { PREDECESSOR_LINK_ORDER, TASK_BASELINE_ORDER, TASK_ORDER } from './mspdi-schema-order.ts';
import { CONSTRAINT_TYPES } from './mspdi-task-reader.ts';
import type { ScheduleLike, ScheduledTaskLike } from './mspdi-types.ts';
import { list, sequence } from './mspdi-xml-writer.ts';
import type { XmlElement } from './mspdi-xml-writer.ts';

const FIXED_DURATION = 1;

export interface TaskWriteContext {
  taskUids: ReadonlyMap<string, number>;
  calendarUids: ReadonlyMap<string, number>;
  /** Baselines by MSPDI number 0..10. */
  baselines: readonly { number: number; tasks: Readonly<Record<string, BaselineTask>> }[];
  schedule?: ScheduleLike;
}

export function writeTasks(project: Project, context: TaskWriteContext): XmlElement {
  const scheduled = new Map<string, ScheduledTaskLike>((context.schedule?.tasks ?? []).map((s) => [s.id, s]));
  const outline = outlineOf(project.tasks);
  const linksTo = new Map<string, Link[]>();
  for (const link of project.links)
    linksTo.set(link.successorId, [...(linksTo.get(link.successorId) ?? []), link]);
  const tasks = project.tasks.map((task, index) => {
    const position = outline.get(task.id) ?? { number: String(index + 1), level: 1, summary: false };
    return writeTask(
      task,
      index + 1,
      position,
      scheduled.get(task.id),
      linksTo.get(task.id) ?? [],
      project,
      context,
    );
  });
  return list('Tasks', [writeProjectSummary(project, context.schedule), ...tasks]);
}

interface OutlinePosition {
  number: string;
  level: number;
  summary: boolean;
}

/** Outline numbers (`1.2.3`) and levels from `parentId`; a task whose parent is unknown is top-level. */
function outlineOf(tasks: readonly Task[]): Map<string, OutlinePosition> {
  const positions = new Map<string, OutlinePosition>();
  const childCount = new Map<string | undefined, number>();
  for (const task of tasks) {
    const parent = task.parentId === undefined ? undefined : positions.get(task.parentId);
    const parentKey = parent ? task.parentId : undefined;
    const n = (childCount.get(parentKey) ?? 0) + 1;
    childCount.set(parentKey, n);
    if (parent) parent.summary = true;
    positions.set(task.id, {
      number: parent ? `${parent.number}.${n}` : String(n),
      level: parent ? parent.level + 1 : 1,
      summary: false,
    });
  }
  return positions;
}

function writeProjectSummary(project: Project, schedule: ScheduleLike | undefined): XmlElement {
  return sequence('Task', TASK_ORDER, {
    UID: 0,
    ID: 0,
    Name: project.name,
    Active: true,
    Manual: false,
    Type: FIXED_DURATION,
    IsNull: false,
    OutlineNumber: '0',
    OutlineLevel: 0,
    Start: schedule ? formatLocal(schedule.projectStart) : project.start,
    Finish: schedule ? formatLocal(schedule.projectFinish) : project.finish,
    Summary: true,
    CalendarUID: -1,
  });
}

function writeTask(
  task: Task,
  id: number,
  position: OutlinePosition,
  s: ScheduledTaskLike | undefined,
  links: readonly Link[],
  project: Project,
  context: TaskWriteContext,
): XmlElement {
  const { duration, manual, progress, constraint } = task;
  const date = (t: number | undefined) => (t === undefined ? undefined : formatLocal(t));
  const tenths = (minutes: number | undefined) =>
    minutes === undefined ? undefined : Math.round(minutes * 10);
  const calendarUid = task.calendarId === undefined ? undefined : context.calendarUids.get(task.calendarId);
  return sequence('Task', TASK_ORDER, {
    UID: context.taskUids.get(task.id),
    ID: id,
    Name: task.name,
    Active: !task.inactive,
    Manual: manual !== undefined,
    Type: FIXED_DURATION,
    IsNull: false,
    WBS: task.wbs,
    OutlineNumber: position.number,
    OutlineLevel: position.level,
    Priority: task.priority,
    Start: s ? date(s.start) : (manual?.start ?? progress?.actualStart ?? project.start),
    Finish: s ? date(s.finish) : (manual?.finish ?? progress?.actualFinish),
    Duration: formatXsdDuration(duration.minutes),
    ManualStart: manual?.start,
    ManualFinish: manual?.finish,
    ManualDuration: manual ? formatXsdDuration(duration.minutes) : undefined,
    DurationFormat: encodeDurationFormat(duration.unit ?? 'day', duration.elapsed, duration.estimated),
    Estimated: duration.estimated ?? false,
    // A zero-duration task is a milestone in the model; MS Project wants the flag.
    Milestone: (task.milestone ?? false) || duration.minutes === 0,
    Summary: position.summary,
    Critical: s?.critical,
    EarlyStart: date(s?.earlyStart),
    EarlyFinish: date(s?.earlyFinish),
    LateStart: date(s?.lateStart),
    LateFinish: date(s?.lateFinish),
    FreeSlack: tenths(s?.freeFloat),
    TotalSlack: tenths(s?.totalFloat),
    PercentComplete: progress?.percentComplete,
    ActualStart: progress?.actualStart,
    ActualFinish: progress?.actualFinish,
    RemainingDuration:
      progress?.remainingMinutes === undefined ? undefined : formatXsdDuration(progress.remainingMinutes),
    ConstraintType: CONSTRAINT_TYPES.indexOf(constraint?.type ?? 'ASAP'),
    CalendarUID: calendarUid ?? -1,
    ConstraintDate: constraint?.type === 'ASAP' || constraint?.type === 'ALAP' ? undefined : constraint?.date,
    Deadline: task.deadline,
    IgnoreResourceCalendar: task.ignoreResourceCalendar ?? false,
    Notes: task.notes,
    PredecessorLink: links.flatMap((link) => writeLink(link, context.taskUids) ?? []),
    Baseline: context.baselines.flatMap(({ number, tasks }) => writeBaseline(number, tasks[task.id]) ?? []),
  });
}

function writeLink(link: Link, taskUids: ReadonlyMap<string, number>): XmlElement | undefined {
  const predecessor = taskUids.get(link.predecessorId);
  if (predecessor === undefined) return undefined;
  return sequence('PredecessorLink', PREDECESSOR_LINK_ORDER, {
    PredecessorUID: predecessor,
    Type: LINK_TYPES.indexOf(link.type),
    CrossProject: false,
    ...lagFields(link.lag),
  });
}

/** `LinkLag` in tenths of a minute, or the percentage itself for a percent lag (as MPXJ). */
function lagFields(lag: Lag | undefined): { LinkLag: number; LagFormat: number } {
  if (!lag) return { LinkLag: 0, LagFormat: encodeDurationFormat('day') };
  if (lag.percent !== undefined) {
    return { LinkLag: Math.round(lag.percent), LagFormat: encodeDurationFormat('percent', lag.elapsed) };
  }
  return {
    LinkLag: Math.round(lag.minutes * 10),
    LagFormat: encodeDurationFormat(lag.unit ?? 'day', lag.elapsed),
  };
}

function writeBaseline(number: number, values: BaselineTask | undefined): XmlElement | undefined {
  if (!values) return undefined;
  const duration = (minutes: number | undefined) =>
    minutes === undefined ? undefined : formatXsdDuration(minutes);
  return sequence('Baseline', TASK_BASELINE_ORDER, {
    Number: number,
    Start: values.start,
    Finish: values.finish,
    Duration: duration(values.durationMinutes),
    Work: duration(values.workMinutes),
    // Hundredths of the currency unit, as every MSPDI cost.
    Cost: values.cost === undefined ? undefined : Math.round(values.cost * 100 * 1e6) / 1e6,
  });
}
