import type { GanttTask } from './types.ts';
import { calendarDays, formatIsoDate, formatShortDate } from './layout/time.ts';

export type EditableField = 'name' | 'duration' | 'start' | 'finish';

export interface GridColumn {
  key: 'wbs' | EditableField;
  title: string;
  width: number;
  numeric: boolean;
}

export const GRID_COLUMNS: readonly GridColumn[] = [
  { key: 'wbs', title: 'WBS', width: 56, numeric: false },
  { key: 'name', title: 'Task name', width: 220, numeric: false },
  { key: 'duration', title: 'Duration', width: 70, numeric: true },
  { key: 'start', title: 'Start', width: 96, numeric: true },
  { key: 'finish', title: 'Finish', width: 96, numeric: true },
];

export const GRID_WIDTH = GRID_COLUMNS.reduce((sum, c) => sum + c.width, 0) + 1;

export function durationText(task: GanttTask): string {
  if (task.durationLabel !== undefined) return task.durationLabel;
  return task.kind === 'milestone' ? '0d' : `${calendarDays(task.start, task.finish)}d`;
}

/** What a cell shows. */
export function cellText(task: GanttTask, key: GridColumn['key']): string {
  switch (key) {
    case 'wbs':
      return task.wbs ?? '';
    case 'name':
      return task.name;
    case 'duration':
      return durationText(task);
    case 'start':
      return formatShortDate(task.start);
    case 'finish':
      return formatShortDate(task.finish);
  }
}

/** What an inline editor starts with. */
export function editText(task: GanttTask, field: EditableField): string {
  switch (field) {
    case 'name':
      return task.name;
    case 'duration':
      return durationText(task);
    case 'start':
      return formatIsoDate(task.start);
    case 'finish':
      return formatIsoDate(task.finish);
  }
}

/** Summaries take their dates and duration from their children; only their name is edited. */
export function isEditable(task: GanttTask, field: EditableField): boolean {
  return field === 'name' || task.kind !== 'summary';
}

/** The sentence a screen reader hears for a task's bar. */
export function barDescription(task: GanttTask): string {
  const parts: string[] = [];
  if (task.critical) parts.push('critical');
  if (task.kind === 'milestone') parts.push(`milestone on ${formatShortDate(task.start)}`);
  else
    parts.push(
      `${task.kind === 'summary' ? 'summary ' : ''}from ${formatShortDate(task.start)} to ${formatShortDate(task.finish)}`,
    );
  if (task.kind !== 'milestone') parts.push(`${Math.round(task.progress)}% complete`);
  if (task.baselineStart !== undefined && task.baselineFinish !== undefined) {
    parts.push(`baseline ${formatShortDate(task.baselineStart)} to ${formatShortDate(task.baselineFinish)}`);
  }
  if (task.alert !== undefined) parts.push(task.alert);
  return parts.join(', ');
}
