import type { VisibleRow } from './visible-rows.ts';

export type GridKeyAction =
  | { kind: 'select'; index: number }
  | { kind: 'toggle'; taskId: string }
  | { kind: 'edit'; index: number }
  | null;

/**
 * What a key does in the task grid (a tree grid): arrows, Page Up/Down, Home/End move the selection; → expands a
 * collapsed summary (or moves to its first child), ← collapses an expanded one (or moves to the parent); Space
 * toggles; Enter and F2 edit the name. Null when the key is not the grid's.
 */
export function gridKeyAction(
  key: string,
  selected: number,
  rows: readonly VisibleRow[],
  collapsed: ReadonlySet<string>,
  pageRows: number,
): GridKeyAction {
  const n = rows.length;
  if (n === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(n - 1, i));
  const current = rows[selected];
  if (current === undefined) {
    return ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'].includes(key)
      ? { kind: 'select', index: key === 'End' ? n - 1 : 0 }
      : null;
  }
  switch (key) {
    case 'ArrowDown':
      return { kind: 'select', index: clamp(selected + 1) };
    case 'ArrowUp':
      return { kind: 'select', index: clamp(selected - 1) };
    case 'PageDown':
      return { kind: 'select', index: clamp(selected + pageRows) };
    case 'PageUp':
      return { kind: 'select', index: clamp(selected - pageRows) };
    case 'Home':
      return { kind: 'select', index: 0 };
    case 'End':
      return { kind: 'select', index: n - 1 };
    case ' ':
      return current.hasChildren ? { kind: 'toggle', taskId: current.task.id } : null;
    case 'ArrowRight':
      if (!current.hasChildren) return null;
      return collapsed.has(current.task.id)
        ? { kind: 'toggle', taskId: current.task.id }
        : { kind: 'select', index: clamp(selected + 1) };
    case 'ArrowLeft': {
      if (current.hasChildren && !collapsed.has(current.task.id))
        return { kind: 'toggle', taskId: current.task.id };
      for (let i = selected - 1; i >= 0; i -= 1) {
        if (rows[i]?.task.id === current.task.parentId) return { kind: 'select', index: i };
      }
      return null;
    }
    case 'Enter':
    case 'F2':
      return { kind: 'edit', index: selected };
    default:
      return null;
  }
}
