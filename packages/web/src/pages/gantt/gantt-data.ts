// Schedule + work items + dependencies (+ a baseline) → the Gantt's tasks and links. Pure.
import type { GanttLink, GanttTask } from '../../gantt/index.ts';
import type { Schedule, WorkItem } from '../../api/types.ts';
import type { BaselineTask, Dependency } from './gantt-api.ts';

/** `2026-01-05T09:00:00` (project-local wall clock) → epoch ms of that wall clock read as UTC. */
export function parseLocal(value: string): number {
  const t = Date.parse(`${value.slice(0, 19)}Z`);
  return Number.isNaN(t) ? Date.parse(`${value.slice(0, 10)}T00:00:00Z`) : t;
}

/** epoch ms (wall clock as UTC) → `2026-01-05T09:00:00` */
export function formatLocalDateTime(t: number): string {
  return new Date(t).toISOString().slice(0, 19);
}

/** Orders items so that each parent comes before its children, keeping siblings' order. Complexity: O(n). */
export function outlineOrder<T extends { id: string; parentId?: string | null | undefined }>(
  items: readonly T[],
): T[] {
  const ids = new Set(items.map((i) => i.id));
  const children = new Map<string | null, T[]>();
  for (const item of items) {
    const parent =
      item.parentId !== undefined && item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
    const list = children.get(parent);
    if (list === undefined) children.set(parent, [item]);
    else list.push(item);
  }
  const out: T[] = [];
  const seen = new Set<string>();
  const stack: T[] = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(item);
    const kids = children.get(item.id);
    if (kids !== undefined) for (let i = kids.length - 1; i >= 0; i -= 1) stack.push(kids[i]!);
  }
  // items caught in a parent loop (the server refuses these) still show, at the end
  for (const item of items) if (!seen.has(item.id)) out.push(item);
  return out;
}

export type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'month';

/** What the page knows of a work item beyond the shared type: how its duration is entered. */
export type PlanItem = WorkItem & {
  durationUnit?: DurationUnit | null;
  elapsed?: boolean;
  actualStart?: string | null;
};

export interface PlanUnits {
  minutesPerDay: number;
  minutesPerWeek: number;
  daysPerMonth: number;
}

const SUFFIX: Record<DurationUnit, string> = { minute: 'm', hour: 'h', day: 'd', week: 'w', month: 'mo' };

/** Minutes in one unit: working time, or calendar time for elapsed durations. */
export function minutesPerUnit(unit: DurationUnit, elapsed: boolean, u: PlanUnits): number {
  switch (unit) {
    case 'minute':
      return 1;
    case 'hour':
      return 60;
    case 'day':
      return elapsed ? 1440 : u.minutesPerDay;
    case 'week':
      return elapsed ? 10_080 : u.minutesPerWeek;
    case 'month':
      return elapsed ? 43_200 : u.minutesPerDay * u.daysPerMonth;
  }
}

/** Minutes → `5d`, `2.5d`, `16h`, `3ew` (elapsed weeks), in the unit the item was entered in (MS Project's way). */
export function durationLabel(
  minutes: number,
  u: PlanUnits,
  unit?: DurationUnit | null,
  elapsed = false,
): string {
  const shown: DurationUnit = unit ?? (minutes > 0 && minutes < u.minutesPerDay && !elapsed ? 'hour' : 'day');
  const value = Math.round((minutes / minutesPerUnit(shown, elapsed, u)) * 100) / 100;
  return `${value}${elapsed ? 'e' : ''}${SUFFIX[shown]}`;
}

/** Outline numbers (1, 1.1, 1.2, 2 …) of items already in outline order. */
export function outlineNumbers(
  items: readonly { id: string; parentId?: string | null | undefined }[],
): Map<string, string> {
  const numbers = new Map<string, string>();
  const childCount = new Map<string | null, number>();
  for (const item of items) {
    const parent =
      item.parentId !== undefined && item.parentId !== null && numbers.has(item.parentId)
        ? item.parentId
        : null;
    const n = (childCount.get(parent) ?? 0) + 1;
    childCount.set(parent, n);
    numbers.set(item.id, parent === null ? String(n) : `${numbers.get(parent)}.${n}`);
  }
  return numbers;
}

export interface GanttData {
  tasks: GanttTask[];
  links: GanttLink[];
  /** work item id ↔ schedule task id (the work item's key) */
  workItemIdOfTask: Map<string, string>;
  taskIdOfWorkItem: Map<string, string>;
}

/**
 * The chart's rows: the schedule's tasks in outline order, with progress and WBS from the work items and,
 * when a baseline is chosen, its dates. Links are the dependencies between scheduled tasks.
 */
export function toGanttData(
  schedule: Schedule,
  items: readonly PlanItem[],
  deps: readonly Dependency[],
  baseline: Readonly<Record<string, BaselineTask>> | null,
  units: PlanUnits,
): GanttData {
  const itemByKey = new Map(items.map((w) => [w.key, w]));
  const workItemIdOfTask = new Map<string, string>();
  const taskIdOfWorkItem = new Map<string, string>();
  for (const t of schedule.tasks) {
    const item = itemByKey.get(t.id);
    if (item !== undefined) {
      workItemIdOfTask.set(t.id, item.id);
      taskIdOfWorkItem.set(item.id, t.id);
    }
  }
  const ordered = outlineOrder(schedule.tasks);
  const numbers = outlineNumbers(ordered);
  const tasks: GanttTask[] = ordered.map((t) => {
    const item = itemByKey.get(t.id);
    const base = item !== undefined && baseline !== null ? baseline[item.id] : undefined;
    const task: GanttTask = {
      id: t.id,
      name: t.name,
      parentId: t.parentId ?? null,
      kind: t.summary ? 'summary' : t.milestone ? 'milestone' : 'task',
      start: parseLocal(t.start),
      finish: parseLocal(t.finish),
      progress: item?.percentComplete ?? 0,
      critical: t.critical,
      wbs: (t as { wbs?: string }).wbs ?? item?.wbs ?? numbers.get(t.id) ?? '',
      durationLabel: durationLabel(t.durationMinutes, units, item?.durationUnit, item?.elapsed === true),
    };
    if (base?.start !== undefined && base.finish !== undefined) {
      task.baselineStart = parseLocal(base.start);
      task.baselineFinish = parseLocal(base.finish);
    }
    return task;
  });
  const links: GanttLink[] = [];
  for (const d of deps) {
    const from = taskIdOfWorkItem.get(d.predecessorId);
    const to = taskIdOfWorkItem.get(d.successorId);
    if (from !== undefined && to !== undefined) links.push({ id: d.id, from, to, type: d.type });
  }
  return { tasks, links, workItemIdOfTask, taskIdOfWorkItem };
}
