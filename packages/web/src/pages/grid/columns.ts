// The grid's columns: how each shows a work item and turns typed text back into a patch.
import type { ScheduledTask, WorkItem } from '../../api/types.ts';
import { formatDate } from '../../app/format.ts';
import { statusLabel } from '../work-shared/statuses.ts';

export type ColumnId = 'key' | 'name' | 'status' | 'assignee' | 'duration' | 'start' | 'finish' | 'points';

export interface GridRow {
  item: WorkItem;
  task: ScheduledTask | undefined;
  depth: number;
}

export interface GridContext {
  minutesPerDay: number;
  userName: (id: string | null) => string;
}

export interface Column {
  id: ColumnId;
  label: string;
  width: number;
  editor: 'text' | 'number' | 'date' | 'status' | 'assignee' | null;
  /** Shown text. */
  display: (row: GridRow, ctx: GridContext) => string;
  /** The value an editor starts from. */
  editValue?: (row: GridRow, ctx: GridContext) => string;
  /** Sort key. */
  sortValue: (row: GridRow, ctx: GridContext) => string | number;
  /** Editor text → patch, or an error message. */
  parse?: (text: string, row: GridRow, ctx: GridContext) => Partial<WorkItem> | string;
}

const days = (minutes: number, perDay: number) => Math.round((minutes / perDay) * 100) / 100;
const dateOnly = (s: string | undefined) => (s ? s.slice(0, 10) : '');

export const COLUMNS: Column[] = [
  {
    id: 'key',
    label: 'Key',
    width: 120,
    editor: null,
    display: (r) => r.item.key,
    sortValue: (r) => r.item.key,
  },
  {
    id: 'name',
    label: 'Name',
    width: 340,
    editor: 'text',
    display: (r) => r.item.name,
    editValue: (r) => r.item.name,
    sortValue: (r) => r.item.name.toLowerCase(),
    parse: (text) => (text.trim() ? { name: text.trim() } : 'A name is required'),
  },
  {
    id: 'status',
    label: 'Status',
    width: 120,
    editor: 'status',
    display: (r) => statusLabel(r.item.status),
    editValue: (r) => r.item.status,
    sortValue: (r) => r.item.status,
    parse: (text) => ({ status: text }),
  },
  {
    id: 'assignee',
    label: 'Assignee',
    width: 150,
    editor: 'assignee',
    display: (r, c) => (r.item.assigneeId ? c.userName(r.item.assigneeId) : '—'),
    editValue: (r) => r.item.assigneeId ?? '',
    sortValue: (r, c) => (r.item.assigneeId ? c.userName(r.item.assigneeId) : '~'),
    parse: (text) => ({ assigneeId: text || null }),
  },
  {
    id: 'duration',
    label: 'Days',
    width: 90,
    editor: 'number',
    display: (r, c) =>
      r.item.type === 'summary'
        ? `${days(r.task?.durationMinutes ?? 0, c.minutesPerDay)}`
        : `${days(r.item.durationMinutes, c.minutesPerDay)}`,
    editValue: (r, c) => String(days(r.item.durationMinutes, c.minutesPerDay)),
    sortValue: (r) => r.task?.durationMinutes ?? r.item.durationMinutes,
    parse: (text, _r, c) => {
      const n = Number(text.replace(',', '.').replace(/d$/i, ''));
      if (!Number.isFinite(n) || n < 0) return 'Duration: a number of days, 0 or more';
      return { durationMinutes: Math.round(n * c.minutesPerDay) };
    },
  },
  {
    id: 'start',
    label: 'Start',
    width: 120,
    editor: 'date',
    display: (r) => formatDate(r.task?.start),
    editValue: (r) => dateOnly(r.task?.start),
    sortValue: (r) => r.task?.start ?? '',
    parse: (text) =>
      /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? ({ constraintType: 'SNET', constraintDate: `${text}T00:00:00` } as Partial<WorkItem>)
        : 'Start: a date',
  },
  {
    id: 'finish',
    label: 'Finish',
    width: 120,
    editor: 'date',
    display: (r) => formatDate(r.task?.finish),
    editValue: (r) => dateOnly(r.task?.finish),
    sortValue: (r) => r.task?.finish ?? '',
    parse: (text) =>
      /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? ({ constraintType: 'FNET', constraintDate: `${text}T23:59:00` } as Partial<WorkItem>)
        : 'Finish: a date',
  },
  {
    id: 'points',
    label: 'Points',
    width: 80,
    editor: 'number',
    display: (r) => (r.item.storyPoints === null ? '—' : String(r.item.storyPoints)),
    editValue: (r) => (r.item.storyPoints === null ? '' : String(r.item.storyPoints)),
    sortValue: (r) => r.item.storyPoints ?? -1,
    parse: (text) => {
      if (!text.trim()) return { storyPoints: null };
      const n = Number(text);
      return Number.isFinite(n) && n >= 0 ? { storyPoints: n } : 'Points: a number, 0 or more';
    },
  },
];

/** Whether a row's cell can be edited (summaries roll up their duration and dates). */
export function editable(column: Column, row: GridRow): boolean {
  if (!column.editor) return false;
  if (row.item.type === 'summary' && ['duration', 'start', 'finish', 'points'].includes(column.id))
    return false;
  return true;
}
