import { memo } from 'react';
import { barGeometry, type GanttMetrics } from './layout/bar-geometry.ts';
import type { TimeScale } from './layout/time-scale.ts';
import type { VisibleRow } from './layout/visible-rows.ts';

/**
 * Invisible boxes over the bars of the rendered rows (pointer events pass through to the canvas): they let
 * tests and tools find a bar on screen (`[data-bar-id="…"]`) without reading pixels.
 */
function BarHotspotsImpl({
  rows,
  first,
  last,
  scale,
  metrics,
  slots,
  showCritical,
}: {
  rows: readonly VisibleRow[];
  first: number;
  last: number;
  scale: TimeScale;
  metrics: GanttMetrics;
  slots: number;
  /** marks the bars drawn as critical */
  showCritical: boolean;
}) {
  const boxes = [];
  for (let i = first; i < last; i += 1) {
    const row = rows[i];
    if (row === undefined) continue;
    const bar = barGeometry(row.task, i, scale, metrics);
    boxes.push(
      <div
        key={i % slots}
        data-bar-id={row.task.id}
        data-kind={row.task.kind}
        data-critical={(showCritical && row.task.critical) || undefined}
        data-alert={row.task.alert}
        style={{
          position: 'absolute',
          left: bar.startX,
          top: bar.y,
          width: Math.max(1, bar.finishX - bar.startX),
          height: bar.height,
        }}
      />,
    );
  }
  return <>{boxes}</>;
}

export const BarHotspots = memo(BarHotspotsImpl);
