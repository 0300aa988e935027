// Work item statuses: the project's set (the usual five plus any other status its items use), in
// workflow order, with labels and colours shared by the board, backlog and grid.
import type { WorkItem } from '../../api/types.ts';

export const DEFAULT_STATUSES = ['todo', 'in_progress', 'in_review', 'blocked', 'done'] as const;

const LABELS: Record<string, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  in_review: 'In review',
  blocked: 'Blocked',
  done: 'Done',
};

const COLORS: Record<string, string> = {
  todo: 'gray',
  in_progress: 'blue',
  in_review: 'violet',
  blocked: 'red',
  done: 'teal',
};

export function statusLabel(status: string): string {
  return LABELS[status] ?? status.replace(/[_-]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

export function statusColor(status: string): string {
  return COLORS[status] ?? 'cyan';
}

/** The project's statuses: the defaults in order, then any other status its items carry. */
export function projectStatuses(items: readonly WorkItem[]): string[] {
  const all: string[] = [...DEFAULT_STATUSES];
  for (const item of items) if (!all.includes(item.status)) all.splice(all.length - 1, 0, item.status);
  return all;
}

/** Items a team works on as cards: not summaries (their status rolls up) and not inactive. */
export function isCardItem(item: WorkItem): boolean {
  return item.type !== 'summary';
}
