import type { GanttTask } from '../types.ts';

export interface VisibleRow {
  task: GanttTask;
  /** 0 for top-level rows */
  level: number;
  hasChildren: boolean;
}

export interface RowModel {
  rows: VisibleRow[];
  /** task id → index in `rows`, only for shown rows */
  indexById: Map<string, number>;
  /** task id → the task, for every task (shown or hidden) */
  taskById: Map<string, GanttTask>;
  /** ids of tasks that have children */
  parents: Set<string>;
}

/**
 * The rows the chart shows: tasks in outline order, skipping the descendants of collapsed rows.
 * Tasks arrive parent-before-children; a task whose parent is unknown is treated as top-level.
 * Complexity: O(n).
 */
export function buildRowModel(tasks: readonly GanttTask[], collapsed: ReadonlySet<string>): RowModel {
  const taskById = new Map<string, GanttTask>();
  const parents = new Set<string>();
  for (const task of tasks) {
    taskById.set(task.id, task);
    if (task.parentId !== null) parents.add(task.parentId);
  }
  const level = new Map<string, number>();
  // a task is hidden when any ancestor is collapsed or hidden
  const hidden = new Set<string>();
  const rows: VisibleRow[] = [];
  const indexById = new Map<string, number>();
  for (const task of tasks) {
    const parentId = task.parentId !== null && taskById.has(task.parentId) ? task.parentId : null;
    const depth = parentId === null ? 0 : (level.get(parentId) ?? 0) + 1;
    level.set(task.id, depth);
    if (parentId !== null && (hidden.has(parentId) || collapsed.has(parentId))) {
      hidden.add(task.id);
      continue;
    }
    indexById.set(task.id, rows.length);
    rows.push({ task, level: depth, hasChildren: parents.has(task.id) });
  }
  return { rows, indexById, taskById, parents };
}

/** The time span all tasks (and their baselines) cover, or null when there are none. */
export function taskTimeRange(tasks: readonly GanttTask[]): { start: number; finish: number } | null {
  let start = Infinity;
  let finish = -Infinity;
  for (const t of tasks) {
    if (t.start < start) start = t.start;
    if (t.finish > finish) finish = t.finish;
    if (t.baselineStart !== undefined && t.baselineStart < start) start = t.baselineStart;
    if (t.baselineFinish !== undefined && t.baselineFinish > finish) finish = t.baselineFinish;
  }
  return Number.isFinite(start) && Number.isFinite(finish) ? { start, finish } : null;
}
