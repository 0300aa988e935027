export interface RowWindow {
  /** first row index rendered (inclusive) */
  first: number;
  /** last row index rendered (exclusive) */
  last: number;
}

/**
 * The rows to render for a vertical scroll position: the visible ones plus `overscan` on each side.
 * Complexity: O(1).
 */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan = 0,
): RowWindow {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first: Math.min(first, rowCount), last: Math.max(last, Math.min(first, rowCount)) };
}

/** The scrollTop that brings row `index` into view with the least movement (unchanged when already visible). */
export function scrollTopToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}
