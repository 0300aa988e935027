// The window the page looks at: the last 30, 90 or 180 days up to the API's default end (the end
// of the project's status date when past, else now), a series period, and optionally one release.
import type { Bucket } from './engineering-types.ts';

export const WINDOW_DAYS = [30, 90, 180] as const;
export type WindowDays = (typeof WINDOW_DAYS)[number];

export interface DoraWindow {
  days: WindowDays;
  bucket: Bucket;
  releaseId: string | null;
}

export const DEFAULT_WINDOW: DoraWindow = { days: 90, bucket: 'week', releaseId: null };

const DAY = 86_400_000;

/** What the API answers without parameters. */
export function isDefaultWindow(w: DoraWindow): boolean {
  return w.days === 90 && w.bucket === 'week' && w.releaseId === null;
}

/** `from` and `to` (ISO) for the last `days` days ending at `end`. */
export function windowRange(end: string, days: number): { from: string; to: string } {
  const to = Date.parse(end);
  return { from: new Date(to - days * DAY).toISOString(), to: new Date(to).toISOString() };
}
