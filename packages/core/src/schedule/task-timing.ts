/**
 * What each task needs for the passes: its calendar(s), its working duration, and its fixed dates
 * (manual scheduling, actuals, constraints) as local minutes. Resource-driven tasks are scheduled on the
 * calendars of their assignments, as MS Project does: each assignment lasts work ÷ units on its
 * resource's calendar, the task starts with the first and finishes with the last.
 */
import type { WorkingTime } from '../calendar/working-time.ts';
import { ELAPSED } from '../calendar/working-time.ts';
import type { ConstraintType, Project, Task } from '../model/project.ts';
import { parseLocal } from '../time/local-time.ts';
import type { Minutes } from '../time/local-time.ts';
import { ScheduleError } from './schedule-errors.ts';

export const C_ASAP = 0;
export const C_ALAP = 1;
export const C_SNET = 2;
export const C_SNLT = 3;
export const C_FNET = 4;
export const C_FNLT = 5;
export const C_MSO = 6;
export const C_MFO = 7;
const CONSTRAINT_CODE: Record<ConstraintType, number> = {
  ASAP: C_ASAP,
  ALAP: C_ALAP,
  SNET: C_SNET,
  SNLT: C_SNLT,
  FNET: C_FNET,
  FNLT: C_FNLT,
  MSO: C_MSO,
  MFO: C_MFO,
};

/** One piece of a task's work on one calendar: the task itself, or one resource assignment. */
export interface Segment {
  cal: WorkingTime;
  /** The assignment's length as a multiple of the task's duration (work ÷ units ÷ duration). */
  share: number;
}

export interface TaskTiming {
  /** The calendar floats are measured on (task calendar, or the driving assignment's). */
  cal: WorkingTime[];
  /** Working minutes still to schedule (whole duration unless progress says otherwise). */
  duration: Float64Array;
  /** Full working duration. */
  totalDuration: Float64Array;
  /** Assignment segments of resource-driven tasks (absent: one segment on `cal[i]`). */
  segments: Map<number, Segment[]>;
  /** 1 for the tasks `segments` holds: the passes test this flag rather than look up the map. */
  segmented: Uint8Array;
  constraint: Uint8Array;
  constraintDate: Float64Array;
  deadline: Float64Array;
  /** NaN when absent. */
  actualStart: Float64Array;
  actualFinish: Float64Array;
  manualStart: Float64Array;
  manualFinish: Float64Array;
  milestone: Uint8Array;
  manual: Uint8Array;
  active: Uint8Array;
}

function date(task: Task, field: string, value: string | undefined): Minutes {
  if (value === undefined) return NaN;
  try {
    return parseLocal(value);
  } catch {
    throw new ScheduleError('INVALID', `Task "${task.name}" (${task.id}): invalid ${field} "${value}"`);
  }
}

export function taskTimings(
  project: Project,
  calendars: Map<string, WorkingTime>,
  projectCal: WorkingTime,
): TaskTiming {
  const n = project.tasks.length;
  const t: TaskTiming = {
    cal: new Array<WorkingTime>(n),
    duration: new Float64Array(n),
    totalDuration: new Float64Array(n),
    segments: new Map(),
    segmented: new Uint8Array(n),
    constraint: new Uint8Array(n),
    constraintDate: new Float64Array(n).fill(NaN),
    deadline: new Float64Array(n).fill(NaN),
    actualStart: new Float64Array(n).fill(NaN),
    actualFinish: new Float64Array(n).fill(NaN),
    manualStart: new Float64Array(n).fill(NaN),
    manualFinish: new Float64Array(n).fill(NaN),
    milestone: new Uint8Array(n),
    manual: new Uint8Array(n),
    active: new Uint8Array(n),
  };
  const timer = taskTimer(project, calendars, projectCal, groupAssignments(project));
  for (let i = 0; i < n; i++) timer(t, i);
  return t;
}

/**
 * `taskTimings` of `project` given `timing`, the timings of a project that differs from it only in
 * the tasks at `changed` (same number of tasks, same calendars, resources and assignments): copies the
 * others and times the changed ones again. `timing` is left as it is.
 * Complexity: O(tasks + assignments) copying, plus the changed tasks' timing.
 */
export function retimeTasks(
  project: Project,
  calendars: Map<string, WorkingTime>,
  projectCal: WorkingTime,
  timing: TaskTiming,
  changed: readonly number[],
): TaskTiming {
  const t: TaskTiming = {
    cal: timing.cal.slice(),
    duration: timing.duration.slice(),
    totalDuration: timing.totalDuration.slice(),
    segments: new Map(timing.segments),
    segmented: timing.segmented.slice(),
    constraint: timing.constraint.slice(),
    constraintDate: timing.constraintDate.slice(),
    deadline: timing.deadline.slice(),
    actualStart: timing.actualStart.slice(),
    actualFinish: timing.actualFinish.slice(),
    manualStart: timing.manualStart.slice(),
    manualFinish: timing.manualFinish.slice(),
    milestone: timing.milestone.slice(),
    manual: timing.manual.slice(),
    active: timing.active.slice(),
  };
  const ids = new Set(changed.map((i) => project.tasks[i]!.id));
  const assignments = groupAssignments({
    assignments: project.assignments.filter((a) => ids.has(a.taskId)),
  });
  const timer = taskTimer(project, calendars, projectCal, assignments);
  for (const i of changed) {
    // As a fresh `taskTimings` has them before the task is timed.
    t.segments.delete(i);
    t.segmented[i] = 0;
    t.constraint[i] = 0;
    t.constraintDate[i] = NaN;
    t.manual[i] = 0;
    t.manualStart[i] = NaN;
    t.manualFinish[i] = NaN;
    t.actualStart[i] = NaN;
    t.actualFinish[i] = NaN;
    timer(t, i);
  }
  return t;
}

/** Fills in task `i` of `t`, whose entries for it are as `taskTimings` allocates them. */
function taskTimer(
  project: Project,
  calendars: Map<string, WorkingTime>,
  projectCal: WorkingTime,
  assignmentsByTask: Map<string, Project['assignments']>,
): (t: TaskTiming, i: number) => void {
  const tasks = project.tasks;
  const calendarOf = (id: string | undefined, owner: string): WorkingTime => {
    if (id === undefined) return projectCal;
    const c = calendars.get(id);
    if (!c) throw new ScheduleError('UNKNOWN_CALENDAR', `${owner} uses unknown calendar "${id}"`);
    return c;
  };
  const resources = new Map(project.resources.map((r) => [r.id, r]));

  return (t, i) => {
    const task = tasks[i]!;
    const elapsed = task.duration.elapsed === true;
    const taskCal = elapsed ? ELAPSED : calendarOf(task.calendarId, `Task "${task.name}" (${task.id})`);
    const minutes = Math.max(0, task.duration.minutes);
    t.cal[i] = taskCal;
    t.totalDuration[i] = minutes;
    t.duration[i] = minutes;
    t.active[i] = task.inactive ? 0 : 1;
    t.milestone[i] = minutes === 0 || task.milestone ? 1 : 0;
    const c = task.constraint;
    if (c) {
      t.constraint[i] = CONSTRAINT_CODE[c.type];
      if (c.type !== 'ASAP' && c.type !== 'ALAP') {
        if (c.date === undefined)
          throw new ScheduleError(
            'INVALID',
            `Task "${task.name}" (${task.id}): ${c.type} constraint needs a date`,
          );
        t.constraintDate[i] = date(task, 'constraint date', c.date);
      }
    }
    t.deadline[i] = date(task, 'deadline', task.deadline);
    if (task.manual) {
      t.manual[i] = 1;
      t.manualStart[i] = date(task, 'manual start', task.manual.start);
      t.manualFinish[i] = date(task, 'manual finish', task.manual.finish);
    }
    const p = task.progress;
    if (p) {
      t.actualStart[i] = date(task, 'actual start', p.actualStart);
      t.actualFinish[i] = date(task, 'actual finish', p.actualFinish);
      if (!Number.isNaN(t.actualStart[i]!)) {
        const done = Math.min(100, Math.max(0, p.percentComplete ?? 0)) / 100;
        t.duration[i] = Math.max(0, p.remainingMinutes ?? minutes * (1 - done));
      }
    }

    // Resource-driven: work resources with their own calendars drive the dates.
    const assigned = assignmentsByTask.get(task.id);
    if (assigned && !elapsed && minutes > 0 && !(task.ignoreResourceCalendar && task.calendarId)) {
      const segments: Segment[] = [];
      for (const a of assigned) {
        const r = resources.get(a.resourceId);
        if (!r || r.type !== 'work' || a.units <= 0) continue;
        const cal = r.calendarId ? calendarOf(r.calendarId, `Resource "${r.name}" (${r.id})`) : taskCal;
        const work = a.workMinutes !== undefined && a.workMinutes > 0 ? a.workMinutes / a.units : minutes;
        segments.push({ cal, share: work / minutes });
      }
      if (segments.length > 0 && segments.some((s) => s.cal !== taskCal || s.share !== 1)) {
        t.segments.set(i, segments);
        t.segmented[i] = 1;
        // Floats are measured on the calendar of the longest assignment.
        t.cal[i] = segments.reduce((a, b) => (b.share > a.share ? b : a)).cal;
      }
    }
  };
}

function groupAssignments(project: Pick<Project, 'assignments'>) {
  const byTask = new Map<string, Project['assignments']>();
  for (const a of project.assignments) {
    const list = byTask.get(a.taskId);
    if (list) list.push(a);
    else byTask.set(a.taskId, [a]);
  }
  return byTask;
}
