// What a gesture on the chart writes: the work item patches, as MS Project makes them. Pure.
import { formatLocalDateTime, minutesPerUnit, type DurationUnit, type PlanUnits } from './gantt-data.ts';

const DAY_MS = 86_400_000;

export interface WorkItemPatch {
  name?: string;
  durationMinutes?: number;
  durationUnit?: DurationUnit;
  elapsed?: boolean;
  constraintType?: 'SNET';
  constraintDate?: string;
}

/** Dragging a bar (or typing a start) pins the task with a Start-No-Earlier-Than constraint at the new start. */
export function movePatch(newStart: number): WorkItemPatch {
  return { constraintType: 'SNET', constraintDate: formatLocalDateTime(newStart) };
}

function isWeekday(dayStart: number): boolean {
  const d = new Date(dayStart).getUTCDay();
  return d !== 0 && d !== 6;
}

/**
 * Working days (Monday–Friday) gained by moving a finish from `from` to `to`: the weekdays in (from, to] of
 * their calendar days, negative when `to` is earlier. Holidays of the project calendar are not known here;
 * the server's re-schedule applies them.
 */
export function workingDaysBetween(from: number, to: number): number {
  const a = Math.floor(from / DAY_MS) * DAY_MS;
  const b = Math.floor(to / DAY_MS) * DAY_MS;
  const sign = b >= a ? 1 : -1;
  const [lo, hi] = sign > 0 ? [a, b] : [b, a];
  let n = 0;
  for (let d = lo + DAY_MS; d <= hi; d += DAY_MS) if (isWeekday(d)) n += 1;
  return sign * n;
}

/**
 * Dragging the right edge (or typing a finish): the duration that ends the task on the new finish day —
 * working days for a working-time duration, calendar time for an elapsed one; never shorter than a day.
 */
export function resizePatch(
  oldFinish: number,
  newFinish: number,
  durationMinutes: number,
  minutesPerDay: number,
  elapsed = false,
): WorkItemPatch {
  const delta = elapsed
    ? Math.round((newFinish - oldFinish) / 60_000)
    : workingDaysBetween(oldFinish, newFinish) * minutesPerDay;
  const floor = Math.min(durationMinutes, elapsed ? 1440 : minutesPerDay);
  return { durationMinutes: Math.max(floor, durationMinutes + delta) };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const UNIT_OF: Record<string, DurationUnit> = { m: 'minute', h: 'hour', d: 'day', w: 'week', mo: 'month' };

/**
 * `5d`, `5`, `1.5 days`, `4h`, `2w`, `1mo`, `30m`, `3ew` (elapsed weeks) → the patch of the duration: minutes,
 * the unit it was typed in and whether it is elapsed. A bare number is days, as in MS Project.
 */
export function parseDuration(
  input: string,
  units: PlanUnits,
): Parsed<Required<Pick<WorkItemPatch, 'durationMinutes' | 'durationUnit' | 'elapsed'>>> {
  const m =
    /^\s*(\d+(?:[.,]\d+)?)\s*(e)?\s*(mo|mons?|months?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)?\s*$/i.exec(
      input,
    );
  if (m === null) return { ok: false, message: `“${input}” is not a duration: write e.g. 5d, 4h, 2w or 3ew` };
  const n = Number((m[1] ?? '0').replace(',', '.'));
  const word = (m[3] ?? 'd').toLowerCase();
  const unit = UNIT_OF[word.startsWith('mo') ? 'mo' : (word[0] ?? 'd')] ?? 'day';
  const elapsed = m[2] !== undefined;
  const minutes = Math.round(n * minutesPerUnit(unit, elapsed, units));
  if (minutes > 1e9) return { ok: false, message: `“${input}” is too long a duration` };
  return { ok: true, value: { durationMinutes: minutes, durationUnit: unit, elapsed } };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `2026-01-12` or `12 Jan 2026` (as the grid shows dates) → midnight of that day (wall clock as UTC). */
export function parseDay(input: string): Parsed<number> {
  const s = input.trim();
  let y: number;
  let mo: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const text = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})$/i.exec(s);
  if (iso !== null) {
    y = Number(iso[1]);
    mo = Number(iso[2]) - 1;
    d = Number(iso[3]);
  } else if (text !== null) {
    y = Number(text[3]);
    mo = MONTHS.indexOf((text[2] ?? '').toLowerCase());
    d = Number(text[1]);
  } else return { ok: false, message: `“${input}” is not a date: write e.g. 2026-01-12` };
  const t = Date.UTC(y, mo, d);
  const back = new Date(t);
  if (mo < 0 || back.getUTCFullYear() !== y || back.getUTCMonth() !== mo || back.getUTCDate() !== d) {
    return { ok: false, message: `“${input}” is not a date on the calendar` };
  }
  return { ok: true, value: t };
}

/** A day typed for a task keeps the time of day the task had (its 09:00 start or 17:00 finish). */
export function onDayKeepingTime(day: number, previous: number): number {
  return day + (((previous % DAY_MS) + DAY_MS) % DAY_MS);
}
