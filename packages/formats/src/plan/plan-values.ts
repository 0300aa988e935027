/**
 * The small textual values of a plan file — durations (`5d`, `4ed`, `3d?`), lags (`-1d`, `50%`),
 * dates, times of day and working periods — parsed to plain values and formatted back.
 * Parsers return a `Problem` (what was expected) instead of throwing, so all problems can be listed.
 */
import type {
  Duration,
  DurationUnit,
  Lag,
  LocalDate,
  LocalDateTime,
  ProjectUnits,
  WorkingPeriod,
} from '@tandem/core';
import { formatLocal, minutesPerUnit, parseLocal } from '@tandem/core';

export class Problem {
  constructor(readonly expected: string) {}
}

const UNITS: Record<string, DurationUnit> = { m: 'minute', h: 'hour', d: 'day', w: 'week', mo: 'month' };
const SUFFIX: Record<DurationUnit, string> = { minute: 'm', hour: 'h', day: 'd', week: 'w', month: 'mo' };

export interface DurationText {
  value: number;
  unit: DurationUnit;
  elapsed: boolean;
  estimated: boolean;
}

export const DURATION_EXPECTED =
  'a duration such as 5d, 3h, 2w, 1mo, 30m, 4ed (elapsed), 3d? (estimated) or 0';
export const LAG_EXPECTED = 'a lag such as 2d, -1d, 4h, 3ed (elapsed) or 50% (of the predecessor)';

const DURATION = /^(\d+(?:\.\d+)?)\s*(e?)(mo|m|h|d|w)(\?)?$/;
const LAG = /^([+-]?\d+(?:\.\d+)?)\s*(?:(e?)(mo|m|h|d|w)|(%))$/;

/** `5d`, `4ed`, `3d?`, `0` → its parts; `0` alone is zero days (a milestone). */
export function parseDurationText(input: unknown): DurationText | Problem {
  if (input === 0 || input === '0') return { value: 0, unit: 'day', elapsed: false, estimated: false };
  const m = typeof input === 'string' ? DURATION.exec(input.trim()) : null;
  if (!m) return new Problem(DURATION_EXPECTED);
  return {
    value: Number(m[1]),
    unit: UNITS[m[3] ?? 'd'] ?? 'day',
    elapsed: m[2] === 'e',
    estimated: m[4] === '?',
  };
}

export interface LagText {
  value: number;
  unit?: DurationUnit;
  elapsed: boolean;
  percent: boolean;
}

export function parseLagText(input: unknown): LagText | Problem {
  if (input === 0 || input === '0') return { value: 0, unit: 'day', elapsed: false, percent: false };
  const m = typeof input === 'string' ? LAG.exec(input.trim()) : null;
  if (!m) return new Problem(LAG_EXPECTED);
  if (m[4] === '%') return { value: Number(m[1]), elapsed: false, percent: true };
  return { value: Number(m[1]), unit: UNITS[m[3] ?? 'd'] ?? 'day', elapsed: m[2] === 'e', percent: false };
}

// Whole minutes stay whole; fractions survive the unit conversion without float noise.
const tidy = (minutes: number) => Math.round(minutes * 1e6) / 1e6;

export function toDuration(text: DurationText, units: ProjectUnits): Duration {
  return {
    minutes: tidy(text.value * minutesPerUnit(text.unit, units, text.elapsed)),
    unit: text.unit,
    ...(text.elapsed ? { elapsed: true } : {}),
    ...(text.estimated ? { estimated: true } : {}),
  };
}

export function toLag(text: LagText, units: ProjectUnits): Lag {
  if (text.percent) return { minutes: 0, percent: text.value };
  const unit = text.unit ?? 'day';
  return {
    minutes: tidy(text.value * minutesPerUnit(unit, units, text.elapsed)),
    unit,
    ...(text.elapsed ? { elapsed: true } : {}),
  };
}

/** Shortest decimal for a value in a unit (`2.5`), or undefined when it would not read back exactly. */
function amount(
  minutes: number,
  unit: DurationUnit,
  units: ProjectUnits,
  elapsed: boolean,
): string | undefined {
  const per = minutesPerUnit(unit, units, elapsed);
  const value = Number((minutes / per).toPrecision(12));
  return tidy(value * per) === minutes ? String(value) : undefined;
}

/** The text for a duration: `5d`, `4ed`, `3d?`, or `0` for zero days. */
export function formatDuration(d: Duration, units: ProjectUnits): string | number {
  const unit = d.unit ?? 'day';
  const elapsed = d.elapsed === true;
  if (d.minutes === 0 && unit === 'day' && !elapsed && !d.estimated) return 0;
  const value = amount(d.minutes, unit, units, elapsed);
  const text =
    value !== undefined
      ? `${value}${elapsed ? 'e' : ''}${SUFFIX[unit]}`
      : `${d.minutes}${elapsed ? 'e' : ''}m`;
  return d.estimated ? `${text}?` : text;
}

export function formatLag(lag: Lag, units: ProjectUnits): string {
  if (lag.percent !== undefined) return `${lag.percent}%`;
  const unit = lag.unit ?? 'day';
  const elapsed = lag.elapsed === true;
  const value = amount(lag.minutes, unit, units, elapsed);
  return value !== undefined
    ? `${value}${elapsed ? 'e' : ''}${SUFFIX[unit]}`
    : `${lag.minutes}${elapsed ? 'e' : ''}m`;
}

/** Working minutes written in hours (`40h`), e.g. assignment work. */
export function formatWork(minutes: number, units: ProjectUnits): string {
  return formatDuration({ minutes, unit: 'hour' }, units) as string;
}

// ---------------------------------------------------------------------------------------------------
// Dates and times

export const DATE_EXPECTED = 'a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:mm';
export const DAY_EXPECTED = 'a date YYYY-MM-DD';

/** A date as written: the day, and the minute of the day when the file gives one. */
export interface DateText {
  date: LocalDate;
  minute?: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?$/;

export function parseDateText(input: unknown): DateText | Problem {
  if (typeof input !== 'string') return new Problem(DATE_EXPECTED);
  const text = input.trim();
  if (!DATE_ONLY.test(text) && !DATE_TIME.test(text)) return new Problem(DATE_EXPECTED);
  try {
    const local = formatLocal(parseLocal(text));
    const time = local.slice(11, 16);
    return DATE_ONLY.test(text)
      ? { date: local.slice(0, 10) }
      : { date: local.slice(0, 10), minute: minuteOf(time) };
  } catch {
    return new Problem(`${DATE_EXPECTED} that exists in the calendar`);
  }
}

export function parseDayText(input: unknown): LocalDate | Problem {
  const d = parseDateText(input);
  if (d instanceof Problem) return d;
  return d.minute === undefined ? d.date : new Problem(DAY_EXPECTED);
}

/** A date as a local date-time; a date alone takes the time of day `defaultMinute`. */
export function toLocalDateTime(d: DateText, defaultMinute: number): LocalDateTime {
  return formatLocal(parseLocal(d.date) + (d.minute ?? defaultMinute));
}

/** `2026-03-02` when the time is `defaultMinute`, else `2026-03-02T09:30`. */
export function formatDate(value: LocalDateTime, defaultMinute: number): string {
  const local = formatLocal(parseLocal(value));
  const date = local.slice(0, 10);
  return parseLocal(local) - parseLocal(date) === defaultMinute ? date : local.slice(0, 16);
}

export const TIME_EXPECTED = 'a time of day HH:mm';
export const PERIOD_EXPECTED = 'a working period "HH:mm-HH:mm" (start before end, 24:00 at most)';

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;
const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export function parseTimeText(input: unknown): number | Problem {
  const m = typeof input === 'string' ? TIME.exec(input.trim()) : null;
  const minute = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  return minute <= 1440 ? minute : new Problem(TIME_EXPECTED);
}

export function formatTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export function parsePeriodText(input: unknown): WorkingPeriod | Problem {
  if (typeof input !== 'string') return new Problem(PERIOD_EXPECTED);
  const [from, to, ...rest] = input.split('-').map((s) => s.trim());
  const a = parseTimeText(from);
  const b = parseTimeText(to);
  if (rest.length > 0 || a instanceof Problem || b instanceof Problem || a >= b)
    return new Problem(PERIOD_EXPECTED);
  return { from: a, to: b };
}

export function formatPeriod(p: WorkingPeriod): string {
  return `${formatTime(p.from)}-${formatTime(p.to)}`;
}

// ---------------------------------------------------------------------------------------------------
// Weekdays and months

/** Index = `Date.getUTCDay()` (0 = Sunday). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** The order a plan file lists the days of a week in. */
export const WEEK_ORDER: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
export const WEEKS_OF_MONTH = ['first', 'second', 'third', 'fourth', 'last'] as const;
