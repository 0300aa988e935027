import type { GanttLinkType, GanttTask } from '../types.ts';
import { DEFAULT_METRICS, barGeometry, type BarGeometry, type GanttMetrics } from './bar-geometry.ts';
import { linkPath, type Point } from './link-path.ts';
import type { TimeScale } from './time-scale.ts';

/** A link between two shown rows, by row index (what the chart draws and hit-tests). */
export interface RowLink {
  id: string;
  type: GanttLinkType;
  fromIndex: number;
  toIndex: number;
}

/** How near (px) to a link's line a point still picks it. */
export const LINK_REACH = 4;

/** Distance from a point to the segment a–b. Complexity: O(1). */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Distance from a point to a routed path (its segments). Complexity: O(segments). */
export function distanceToPath(p: Point, path: readonly Point[]): number {
  let best = Infinity;
  for (let k = 1; k < path.length; k += 1) {
    const a = path[k - 1];
    const b = path[k];
    if (a !== undefined && b !== undefined) best = Math.min(best, distanceToSegment(p, a, b));
  }
  return best;
}

/** The rows a link's route may cross: its two rows, and half a row beyond when it doubles back. */
function rowSpan(link: RowLink): [number, number] {
  return [Math.min(link.fromIndex, link.toIndex) - 1, Math.max(link.fromIndex, link.toIndex) + 1];
}

/**
 * The link whose route passes within `LINK_REACH` px of a point (content pixels), the nearest one if several do;
 * null when none. Only links whose rows span the point's row are routed, so the cost is that of the links in
 * view, not of the plan. Bars and their grips are hit-tested first by the caller (they win).
 * Complexity: O(links) cheap comparisons + O(links crossing the point's row) routes.
 */
export function hitTestLink(
  x: number,
  y: number,
  links: readonly RowLink[],
  rows: readonly { task: GanttTask }[],
  scale: TimeScale,
  m: GanttMetrics = DEFAULT_METRICS,
): RowLink | null {
  const row = Math.floor(y / m.rowHeight);
  if (y < 0 || row >= rows.length) return null;
  const bars = new Map<number, BarGeometry>();
  const barAt = (i: number): BarGeometry | null => {
    const cached = bars.get(i);
    if (cached !== undefined) return cached;
    const r = rows[i];
    if (r === undefined) return null;
    const bar = barGeometry(r.task, i, scale, m);
    bars.set(i, bar);
    return bar;
  };
  let best: RowLink | null = null;
  let bestDistance = LINK_REACH + 1e-9;
  for (const link of links) {
    const [lo, hi] = rowSpan(link);
    if (row < lo || row > hi) continue;
    const from = barAt(link.fromIndex);
    const to = barAt(link.toIndex);
    if (from === null || to === null) continue;
    // the route stays within both bars' span plus the turns
    const left = Math.min(from.startX, to.startX) - 20;
    const right = Math.max(from.finishX, to.finishX) + 20;
    if (x < left - LINK_REACH || x > right + LINK_REACH) continue;
    const d = distanceToPath({ x, y }, linkPath(link.type, from, to, m.rowHeight));
    if (d < bestDistance) {
      best = link;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * A point on a link's line away from every bar and handle: where its last vertical run crosses the row boundary
 * next to the successor's row (tests and tools aim there; see `LinkHotspots`). Complexity: O(1).
 */
export function linkAnchor(path: readonly Point[], toCy: number, rowHeight: number): Point | null {
  for (let k = path.length - 1; k >= 1; k -= 1) {
    const a = path[k - 1];
    const b = path[k];
    if (a === undefined || b === undefined || a.x !== b.x || a.y === b.y) continue;
    const boundary = a.y < toCy ? toCy - rowHeight / 2 : toCy + rowHeight / 2;
    if (boundary >= Math.min(a.y, b.y) && boundary <= Math.max(a.y, b.y)) return { x: a.x, y: boundary };
    // a doubled-back route's runs end on boundaries: take the nearer end to the successor
    return Math.abs(a.y - toCy) < Math.abs(b.y - toCy) ? { x: a.x, y: a.y } : { x: b.x, y: b.y };
  }
  return null;
}
