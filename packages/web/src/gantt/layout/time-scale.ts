import type { GanttZoom } from '../types.ts';
import {
  DAY_MS,
  addMonths,
  monthName,
  startOfDay,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  startOfYear,
  weekdayName,
} from './time.ts';

export type TickUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface TimeScale {
  zoom: GanttZoom;
  /** time at x = 0 */
  origin: number;
  /** time at the right end */
  end: number;
  pxPerDay: number;
  width: number;
  /** the header's upper and lower tiers */
  major: TickUnit;
  minor: TickUnit;
}

export interface Tick {
  t: number;
  x: number;
  /** width up to the next tick */
  width: number;
  label: string;
}

export const ZOOMS: readonly GanttZoom[] = ['day', 'week', 'month', 'quarter'];

const ZOOM_SPEC: Record<GanttZoom, { pxPerDay: number; major: TickUnit; minor: TickUnit }> = {
  day: { pxPerDay: 30, major: 'week', minor: 'day' },
  week: { pxPerDay: 9, major: 'month', minor: 'week' },
  month: { pxPerDay: 3, major: 'year', minor: 'month' },
  quarter: { pxPerDay: 1.1, major: 'year', minor: 'quarter' },
};

/** The next zoom level in (-1, towards days) or out (+1, towards quarters); the same level at either end. */
export function stepZoom(zoom: GanttZoom, step: -1 | 1): GanttZoom {
  const i = ZOOMS.indexOf(zoom) + step;
  return ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, i))] ?? zoom;
}

export function floorTo(unit: TickUnit, t: number): number {
  switch (unit) {
    case 'day':
      return startOfDay(t);
    case 'week':
      return startOfWeek(t);
    case 'month':
      return startOfMonth(t);
    case 'quarter':
      return startOfQuarter(t);
    case 'year':
      return startOfYear(t);
  }
}

export function nextTick(unit: TickUnit, t: number): number {
  switch (unit) {
    case 'day':
      return t + DAY_MS;
    case 'week':
      return t + 7 * DAY_MS;
    case 'month':
      return addMonths(t, 1);
    case 'quarter':
      return addMonths(t, 3);
    case 'year':
      return addMonths(t, 12);
  }
}

/**
 * A scale covering [start, finish] with a margin, aligned to the start of the header's upper tier so ticks
 * line up with x = 0. `minWidth` stretches the end so the chart fills its viewport.
 */
export function createTimeScale(zoom: GanttZoom, start: number, finish: number, minWidth = 0): TimeScale {
  const spec = ZOOM_SPEC[zoom];
  const marginDays = Math.ceil(60 / spec.pxPerDay) + 1;
  const origin = floorTo(spec.major, start - marginDays * DAY_MS);
  const wanted = finish + marginDays * 4 * DAY_MS;
  const widthEnd = origin + (minWidth / spec.pxPerDay) * DAY_MS;
  const end = nextTick(spec.major, floorTo(spec.major, Math.max(wanted, widthEnd)));
  const width = Math.ceil(((end - origin) / DAY_MS) * spec.pxPerDay);
  return { zoom, origin, end, pxPerDay: spec.pxPerDay, width, major: spec.major, minor: spec.minor };
}

export function timeToX(scale: TimeScale, t: number): number {
  return ((t - scale.origin) / DAY_MS) * scale.pxPerDay;
}

export function xToTime(scale: TimeScale, x: number): number {
  return scale.origin + (x / scale.pxPerDay) * DAY_MS;
}

export function tickLabel(unit: TickUnit, t: number, tier: 'major' | 'minor'): string {
  const d = new Date(t);
  const year = d.getUTCFullYear();
  const month = monthName(d.getUTCMonth());
  switch (unit) {
    case 'day':
      return `${weekdayName(d.getUTCDay()).slice(0, 1)} ${d.getUTCDate()}`;
    case 'week':
      return tier === 'major' ? `Week of ${d.getUTCDate()} ${month} ${year}` : `${d.getUTCDate()} ${month}`;
    case 'month':
      return tier === 'major' ? `${month} ${year}` : month;
    case 'quarter':
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1}${tier === 'major' ? ` ${year}` : ''}`;
    case 'year':
      return String(year);
  }
}

/** The ticks of one tier that intersect [x0, x1] (content pixels), each with its width to the next tick. */
export function ticksBetween(
  scale: TimeScale,
  unit: TickUnit,
  tier: 'major' | 'minor',
  x0: number,
  x1: number,
): Tick[] {
  const ticks: Tick[] = [];
  const tEnd = xToTime(scale, x1);
  let t = floorTo(unit, Math.max(scale.origin, xToTime(scale, x0)));
  // guard against a runaway loop on a degenerate range
  for (let i = 0; t <= tEnd && i < 10_000; i += 1) {
    const next = nextTick(unit, t);
    const x = timeToX(scale, t);
    ticks.push({ t, x, width: timeToX(scale, next) - x, label: tickLabel(unit, t, tier) });
    t = next;
  }
  return ticks;
}
