import type { GanttTask } from '../types.ts';
import {
  DEFAULT_METRICS,
  barGeometry,
  linkHandles,
  type BarGeometry,
  type GanttMetrics,
} from './bar-geometry.ts';
import type { TimeScale } from './time-scale.ts';

export type HitZone = 'move' | 'resize' | 'link-start' | 'link-finish';

export interface Hit {
  taskId: string;
  rowIndex: number;
  zone: HitZone;
  bar: BarGeometry;
}

/**
 * What lies under a point of the chart (content pixels): a bar's link handle, its resize grip or its body.
 * Handles win over the grip, the grip over the body. Milestones and summaries have no resize grip; the row
 * itself (outside the bar and its handles) is not a hit.
 * Complexity: O(1).
 */
export function hitTest(
  x: number,
  y: number,
  rows: readonly { task: GanttTask }[],
  scale: TimeScale,
  m: GanttMetrics = DEFAULT_METRICS,
): Hit | null {
  const rowIndex = Math.floor(y / m.rowHeight);
  const row = rows[rowIndex];
  if (row === undefined || y < 0) return null;
  const bar = barGeometry(row.task, rowIndex, scale, m);
  const base = { taskId: row.task.id, rowIndex, bar };
  const handles = linkHandles(bar, m);
  const reach = m.handleRadius + 2;
  if (Math.abs(y - bar.cy) <= reach) {
    if (Math.abs(x - handles.finish.x) <= reach) return { ...base, zone: 'link-finish' };
    if (Math.abs(x - handles.start.x) <= reach) return { ...base, zone: 'link-start' };
  }
  const top = Math.min(bar.y, bar.cy - m.barHeight / 2);
  const bottom = Math.max(bar.y + bar.height, bar.cy + m.barHeight / 2);
  if (y < top || y > bottom) return null;
  if (bar.kind === 'task' && x >= bar.x1 - m.resizeGrip && x <= bar.x1 + 2)
    return { ...base, zone: 'resize' };
  if (x >= bar.startX && x <= bar.finishX) return { ...base, zone: 'move' };
  return null;
}

/** Which end of a target bar a link drag dropped on: the nearer one. */
export function nearestEnd(bar: BarGeometry, x: number): 'start' | 'finish' {
  return x < (bar.startX + bar.finishX) / 2 ? 'start' : 'finish';
}
