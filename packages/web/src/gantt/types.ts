// The Gantt chart's public contract: what the app (and the browser benchmark) hands it, and what it reports back.
// Times are epoch milliseconds of project-local wall-clock time (the scheduler's `2026-01-05T09:00:00` read as UTC),
// so that no time zone shifts a bar.

import type { Ref } from 'react';

export type GanttTaskKind = 'task' | 'summary' | 'milestone';
export type GanttLinkType = 'FS' | 'SS' | 'FF' | 'SF';
export type GanttZoom = 'day' | 'week' | 'month' | 'quarter';

export interface GanttTask {
  id: string;
  name: string;
  /** null for top-level rows. Rows arrive in outline (WBS) order: a parent before its children. */
  parentId: string | null;
  kind: GanttTaskKind;
  start: number;
  finish: number;
  /** 0–100 */
  progress: number;
  critical: boolean;
  baselineStart?: number;
  baselineFinish?: number;
  /** e.g. WBS code, shown in the grid */
  wbs?: string;
  /** working-day duration as shown to users, e.g. "5d" */
  durationLabel?: string;
  /**
   * What is broken on this task now (e.g. "Failing build: CI · Open incident: Login down"): drawn as a red mark
   * after the bar, and told in its tooltip and to screen readers.
   */
  alert?: string;
}

export interface GanttLink {
  id: string;
  from: string;
  to: string;
  type: GanttLinkType;
}

export interface GanttProps {
  tasks: readonly GanttTask[];
  links: readonly GanttLink[];
  zoom: GanttZoom;
  /** ids of collapsed summary rows (controlled) */
  collapsed: ReadonlySet<string>;
  onToggleCollapse?: (taskId: string) => void;
  today?: number;
  statusDate?: number;
  showCriticalPath?: boolean;
  showBaseline?: boolean;
  readOnly?: boolean;
  /** drag a bar: the new start (finish keeps the duration) */
  onMove?: (taskId: string, newStart: number) => void;
  /** drag the right edge: the new finish */
  onResize?: (taskId: string, newFinish: number) => void;
  /** drag from one bar's end/start handle to another bar */
  onLink?: (fromTaskId: string, toTaskId: string, type: GanttLinkType) => void;
  /** inline edit in the grid */
  onEdit?: (taskId: string, field: 'name' | 'duration' | 'start' | 'finish', value: string) => void;
  onSelect?: (taskId: string | null) => void;
  selectedId?: string | null;
  /** a click on a link's line selects it (null: deselected by Escape or a click elsewhere) */
  onLinkSelect?: (linkId: string | null) => void;
  /** the selected link (controlled when given) */
  selectedLinkId?: string | null;
  /** double-click on a link's line, or Enter on the selected link: open its dependency dialog */
  onLinkOpen?: (linkId: string) => void;
  /** Delete or Backspace on the selected link: the app asks and deletes (not fired when readOnly) */
  onLinkDelete?: (linkId: string) => void;
  /** fires once after the first paint that shows bars (used by the browser benchmark) */
  onPainted?: () => void;
  /** Ctrl/⌘ + wheel over the chart asks for the next zoom level */
  onZoomChange?: (zoom: GanttZoom) => void;
  /** accessible name of the task grid (default "Tasks") */
  ariaLabel?: string;
  /** imperative scrolling (scroll to today, reveal a task) */
  ref?: Ref<GanttHandle>;
}

export interface GanttHandle {
  /** scrolls the chart horizontally so that `t` sits a little right of the grid */
  scrollToDate: (t: number) => void;
  /** scrolls the task's row into view and its bar's start into the chart */
  scrollToTask: (taskId: string) => void;
}
