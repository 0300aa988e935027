/**
 * `writeTaskCsv`: a plan's tasks as CSV (docs/csv.md) that `readTaskCsv` reads back to the same tasks,
 * links and assignments. Start and Finish are the schedule's (when given) and are informational on
 * import; everything else is the plan's.
 */
import { type LocalDateTime, type Minutes, type Project, formatLocal } from '@tandem/core';
import { stringify } from 'csv-stringify/sync';
import type { ImportedItem } from '../interop/imported-plan.ts';
import { TASK_CSV_HEADER } from './task-csv-columns.ts';
import { formatCsvDuration, formatPredecessor, formatResourceRef } from './task-csv-values.ts';

export interface TaskCsvWriteOptions {
  /** Scheduled dates per task id (Start and Finish columns); empty when absent. */
  schedule?: { tasks: readonly { id: string; start: Minutes; finish: Minutes }[] };
  /** The team's columns per task id (Kind, Status, Sprint, Labels). */
  items?: Record<string, ImportedItem>;
}

/** `2026-01-05 09:00`: always with the time, so the file means the same in a project with other default times. */
const dateTime = (value: LocalDateTime) => value.slice(0, 16).replace('T', ' ');

/**
 * @example
 * writeTaskCsv(project, { schedule: scheduleProject(project) }); // 'ID,Outline Level,WBS,Name,…\r\n1,1,,Design,task,5d,…'
 */
export function writeTaskCsv(project: Project, options: TaskCsvWriteOptions = {}): string {
  const units = project.units;
  const level = new Map<string, number>();
  const parents = new Set(project.tasks.flatMap((t) => (t.parentId !== undefined ? [t.parentId] : [])));
  const scheduled = new Map(options.schedule?.tasks.map((t) => [t.id, t]) ?? []);
  const resources = new Map(project.resources.map((r) => [r.id, r.name]));
  const records = project.tasks.map((t) => {
    const depth = t.parentId !== undefined ? (level.get(t.parentId) ?? 0) + 1 : 1;
    level.set(t.id, depth);
    const item = options.items?.[t.id] ?? {};
    const kind =
      item.type ??
      (parents.has(t.id) ? 'summary' : t.milestone || t.duration.minutes === 0 ? 'milestone' : 'task');
    const s = scheduled.get(t.id);
    const constraint = t.constraint;
    const predecessors = project.links
      .filter((l) => l.successorId === t.id)
      .map((l) =>
        formatPredecessor({ taskId: l.predecessorId, type: l.type, ...(l.lag ? { lag: l.lag } : {}) }, units),
      );
    const assigned = project.assignments
      .filter((a) => a.taskId === t.id)
      .map((a) => formatResourceRef({ name: resources.get(a.resourceId) ?? a.resourceId, units: a.units }));
    return [
      t.id,
      String(depth),
      t.wbs ?? '',
      t.name,
      kind,
      formatCsvDuration(t.duration, units),
      s ? dateTime(formatLocal(s.start)) : '',
      s ? dateTime(formatLocal(s.finish)) : '',
      constraint?.type ?? '',
      constraint?.date !== undefined ? dateTime(constraint.date) : '',
      t.deadline !== undefined ? dateTime(t.deadline) : '',
      predecessors.join(';'),
      assigned.join(';'),
      t.progress?.percentComplete !== undefined ? String(t.progress.percentComplete) : '',
      item.status ?? '',
      t.storyPoints !== undefined ? String(t.storyPoints) : '',
      item.sprint ?? '',
      (item.labels ?? []).join(';'),
      t.notes ?? '',
    ];
  });
  return stringify([[...TASK_CSV_HEADER], ...records], { record_delimiter: 'windows', bom: false });
}
