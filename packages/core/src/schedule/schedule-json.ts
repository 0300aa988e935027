/**
 * The JSON shape of a schedule, as the CLI's `--json` and (later) the API return it: dates as local
 * date-times, floats in working minutes, tasks in project order.
 */
import type { Project, Task } from '../model/project.ts';
import { formatLocal } from '../time/local-time.ts';
import type { Schedule, ScheduledTask } from './schedule-result.ts';

export interface ScheduleJsonTask {
  id: string;
  name: string;
  parentId?: string | undefined;
  wbs?: string | undefined;
  summary: boolean;
  milestone: boolean;
  durationMinutes: number;
  start: string;
  finish: string;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  totalFloatMinutes: number;
  freeFloatMinutes: number;
  critical: boolean;
  drivingPredecessorId?: string | undefined;
  warnings: string[];
  [extra: string]: unknown;
}

export interface ScheduleJson {
  project: { start: string; finish: string; [extra: string]: unknown };
  tasks: ScheduleJsonTask[];
  criticalPath: string[];
}

/** Extra fields a caller adds, e.g. PSPLIB's `makespan` and per-task periods. */
export interface ScheduleJsonExtras {
  project?: Record<string, unknown>;
  task?: (scheduled: ScheduledTask, task: Task) => Record<string, unknown>;
}

/**
 * Presents a schedule as plain JSON-ready data.
 *
 * @example
 * const json = toScheduleJson(project, scheduleProject(project));
 * json.tasks[0].earlyStart; // '2026-01-05T08:00:00'
 */
export function toScheduleJson(
  project: Project,
  schedule: Schedule,
  extras: ScheduleJsonExtras = {},
): ScheduleJson {
  // One object shape for every task (absent optional fields are undefined, which JSON leaves out):
  // this runs for every task of every schedule the API returns, 100k-task plans included.
  const extraTask = extras.task;
  const tasks = new Array<ScheduleJsonTask>(schedule.tasks.length);
  for (let k = 0; k < schedule.tasks.length; k++) {
    const st = schedule.tasks[k]!;
    const task = project.tasks[st.index];
    if (!task || task.id !== st.id)
      throw new Error(`toScheduleJson: task ${st.id} is not at index ${st.index}`);
    // Most dates repeat (start is the early or late start, late dates equal early ones on the critical
    // path): each distinct instant of a task is formatted once.
    const earlyStart = formatLocal(st.earlyStart);
    const earlyFinish = formatLocal(st.earlyFinish);
    const lateStart = st.lateStart === st.earlyStart ? earlyStart : formatLocal(st.lateStart);
    const lateFinish = st.lateFinish === st.earlyFinish ? earlyFinish : formatLocal(st.lateFinish);
    const start =
      st.start === st.earlyStart ? earlyStart : st.start === st.lateStart ? lateStart : formatLocal(st.start);
    const finish =
      st.finish === st.earlyFinish
        ? earlyFinish
        : st.finish === st.lateFinish
          ? lateFinish
          : formatLocal(st.finish);
    const json: ScheduleJsonTask = {
      id: st.id,
      name: task.name,
      parentId: task.parentId,
      wbs: task.wbs,
      summary: st.summary,
      milestone: st.milestone,
      durationMinutes: st.durationMinutes,
      start,
      finish,
      earlyStart,
      earlyFinish,
      lateStart,
      lateFinish,
      totalFloatMinutes: st.totalFloat,
      freeFloatMinutes: st.freeFloat,
      critical: st.critical,
      drivingPredecessorId: st.drivingPredecessorId,
      warnings: st.warnings.length === 0 ? [] : [...st.warnings],
    };
    tasks[k] = extraTask ? Object.assign(json, extraTask(st, task)) : json;
  }
  return {
    project: {
      start: formatLocal(schedule.projectStart),
      finish: formatLocal(schedule.projectFinish),
      ...extras.project,
    },
    tasks,
    criticalPath: [...schedule.criticalPath],
  };
}
