import { memo } from 'react';
import { barGeometry, type GanttMetrics } from './layout/bar-geometry.ts';
import { linkAnchor, type RowLink } from './layout/link-hit.ts';
import { linkPath } from './layout/link-path.ts';
import type { TimeScale } from './layout/time-scale.ts';
import type { VisibleRow } from './layout/visible-rows.ts';

const SIZE = 6;

/**
 * Invisible boxes on the links entering the rendered rows, centred on a point of each line away from every bar
 * (pointer events pass through to the canvas, which hit-tests the lines): they let tests and tools aim at a link
 * (`[data-link-id="…"]`, with `data-from`, `data-to`, `data-type`) without reading pixels. Keyed by position, so
 * that scrolling updates the same few nodes instead of creating new ones.
 */
function LinkHotspotsImpl({
  links,
  rows,
  first,
  last,
  scale,
  metrics,
  selectedLinkId,
}: {
  links: readonly RowLink[];
  rows: readonly VisibleRow[];
  first: number;
  last: number;
  scale: TimeScale;
  metrics: GanttMetrics;
  selectedLinkId: string | null;
}) {
  const boxes = [];
  for (const link of links) {
    if (link.toIndex < first || link.toIndex >= last) continue;
    const from = rows[link.fromIndex];
    const to = rows[link.toIndex];
    if (from === undefined || to === undefined) continue;
    const toBar = barGeometry(to.task, link.toIndex, scale, metrics);
    const path = linkPath(
      link.type,
      barGeometry(from.task, link.fromIndex, scale, metrics),
      toBar,
      metrics.rowHeight,
    );
    const p = linkAnchor(path, toBar.cy, metrics.rowHeight);
    if (p === null) continue;
    boxes.push(
      <div
        key={boxes.length}
        data-link-id={link.id}
        data-from={from.task.id}
        data-to={to.task.id}
        data-type={link.type}
        data-selected={link.id === selectedLinkId || undefined}
        style={{ position: 'absolute', left: p.x - SIZE / 2, top: p.y - SIZE / 2, width: SIZE, height: SIZE }}
      />,
    );
  }
  return <>{boxes}</>;
}

export const LinkHotspots = memo(LinkHotspotsImpl);
