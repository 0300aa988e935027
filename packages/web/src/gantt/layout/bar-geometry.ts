import type { GanttTask, GanttTaskKind } from '../types.ts';
import { timeToX, type TimeScale } from './time-scale.ts';

export interface GanttMetrics {
  rowHeight: number;
  barHeight: number;
  /** distance of a link handle's centre beyond the bar's end */
  handleOffset: number;
  handleRadius: number;
  /** width of the resize grip at a bar's right end */
  resizeGrip: number;
  milestoneSize: number;
}

export const DEFAULT_METRICS: GanttMetrics = {
  rowHeight: 32,
  barHeight: 16,
  handleOffset: 9,
  handleRadius: 5,
  resizeGrip: 6,
  milestoneSize: 14,
};

export interface BarGeometry {
  kind: GanttTaskKind;
  /** left and right ends in content pixels (x0 = x1 for a milestone's centre) */
  x0: number;
  x1: number;
  /** top of the bar and its height */
  y: number;
  height: number;
  /** vertical centre of the row */
  cy: number;
  /** where links attach at the start and the finish */
  startX: number;
  finishX: number;
}

/** Where a task's bar sits in row `rowIndex`. A bar is at least 2 px wide so that it stays visible. */
export function barGeometry(
  task: Pick<GanttTask, 'kind' | 'start' | 'finish'>,
  rowIndex: number,
  scale: TimeScale,
  m: GanttMetrics = DEFAULT_METRICS,
): BarGeometry {
  const cy = rowIndex * m.rowHeight + m.rowHeight / 2;
  const xs = timeToX(scale, task.start);
  if (task.kind === 'milestone') {
    const half = m.milestoneSize / 2;
    return {
      kind: 'milestone',
      x0: xs,
      x1: xs,
      y: cy - half,
      height: m.milestoneSize,
      cy,
      startX: xs - half,
      finishX: xs + half,
    };
  }
  const xf = Math.max(timeToX(scale, task.finish), xs + 2);
  const height = task.kind === 'summary' ? Math.round(m.barHeight * 0.55) : m.barHeight;
  const y = task.kind === 'summary' ? cy - m.barHeight / 2 : cy - height / 2;
  return { kind: task.kind, x0: xs, x1: xf, y, height, cy, startX: xs, finishX: xf };
}

/** The centres of a bar's two link handles. */
export function linkHandles(
  bar: BarGeometry,
  m: GanttMetrics = DEFAULT_METRICS,
): { start: { x: number; y: number }; finish: { x: number; y: number } } {
  return {
    start: { x: bar.startX - m.handleOffset, y: bar.cy },
    finish: { x: bar.finishX + m.handleOffset, y: bar.cy },
  };
}
