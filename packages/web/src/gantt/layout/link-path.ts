import type { GanttLinkType } from '../types.ts';
import type { BarGeometry } from './bar-geometry.ts';

export interface Point {
  x: number;
  y: number;
}

export type BarEnd = 'start' | 'finish';

/** MS Project's names of the link types. */
export const LINK_TYPE_NAMES: Record<GanttLinkType, string> = {
  FS: 'Finish-to-Start',
  SS: 'Start-to-Start',
  FF: 'Finish-to-Finish',
  SF: 'Start-to-Finish',
};

/** Which end of the predecessor a link leaves and which end of the successor it enters. */
export function linkEnds(type: GanttLinkType): { from: BarEnd; to: BarEnd } {
  return {
    from: type === 'SS' || type === 'SF' ? 'start' : 'finish',
    to: type === 'FS' || type === 'SS' ? 'start' : 'finish',
  };
}

/** The link type a drag from one end to another makes (finish→start = FS, …). */
export function linkTypeFromEnds(from: BarEnd, to: BarEnd): GanttLinkType {
  if (from === 'finish') return to === 'start' ? 'FS' : 'FF';
  return to === 'start' ? 'SS' : 'SF';
}

/** horizontal run out of a bar before turning, and the least run into the successor */
const GAP = 8;
const MIN_ENTRY = 6;

/**
 * The route of a link arrow as axis-aligned segments: it leaves the predecessor's end outwards (right from a
 * finish, left from a start), and enters the successor's end from outside (from the left into a start, from
 * the right into a finish), so the arrowhead points at the bar. When the successor lies behind the turn, the
 * route doubles back halfway between the two rows.
 * Complexity: O(1).
 */
export function linkPath(
  type: GanttLinkType,
  from: BarGeometry,
  to: BarGeometry,
  rowHeight: number,
): Point[] {
  const ends = linkEnds(type);
  const fx = ends.from === 'start' ? from.startX : from.finishX;
  const tx = ends.to === 'start' ? to.startX : to.finishX;
  const fy = from.cy;
  const ty = to.cy;
  const dirOut = ends.from === 'start' ? -1 : 1;
  // direction of the last segment: rightwards into a start, leftwards into a finish
  const dirIn = ends.to === 'start' ? 1 : -1;
  const p0 = { x: fx, y: fy };
  const end = { x: tx, y: ty };
  if (dirOut !== dirIn) {
    // SS and FF: one vertical beyond both ends
    const x = dirOut < 0 ? Math.min(fx, tx) - GAP : Math.max(fx, tx) + GAP;
    return [p0, { x, y: fy }, { x, y: ty }, end];
  }
  const turnX = fx + dirOut * GAP;
  if (dirIn * (tx - turnX) >= MIN_ENTRY && fy !== ty) {
    return [p0, { x: turnX, y: fy }, { x: turnX, y: ty }, end];
  }
  const midY = fy === ty ? fy + rowHeight / 2 : fy + (Math.sign(ty - fy) * rowHeight) / 2;
  const entryX = tx - dirIn * GAP;
  return [p0, { x: turnX, y: fy }, { x: turnX, y: midY }, { x: entryX, y: midY }, { x: entryX, y: ty }, end];
}

/** The direction the arrowhead at the path's end points: +1 right, -1 left. */
export function arrowDirection(path: readonly Point[]): 1 | -1 {
  const a = path[path.length - 2];
  const b = path[path.length - 1];
  return a !== undefined && b !== undefined && b.x < a.x ? -1 : 1;
}
