import { DAY_MS } from './time.ts';

/** A horizontal drag of `dx` pixels as whole days (rounded to the nearest). */
export function dragDays(dx: number, pxPerDay: number): number {
  const days = Math.round(dx / pxPerDay);
  return days === 0 ? 0 : days; // no -0
}

/** Dragging a bar: its new start, moved by whole days so the time of day is kept. */
export function movedStart(start: number, dx: number, pxPerDay: number): number {
  return start + dragDays(dx, pxPerDay) * DAY_MS;
}

/** Dragging the right edge: the new finish, by whole days, never before one day after the start. */
export function resizedFinish(start: number, finish: number, dx: number, pxPerDay: number): number {
  const wanted = finish + dragDays(dx, pxPerDay) * DAY_MS;
  const earliest = finish - start >= DAY_MS ? start + DAY_MS : finish;
  return Math.max(wanted, Math.min(earliest, finish));
}

/** Whether a pointer moved far enough from where it went down to start a drag rather than a click. */
export function isDrag(dx: number, dy: number, threshold = 3): boolean {
  return Math.abs(dx) > threshold || Math.abs(dy) > threshold;
}
