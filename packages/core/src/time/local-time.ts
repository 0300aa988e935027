/**
 * Local wall-clock time as a number: minutes since 1970-01-01T00:00 in the project's time zone,
 * computed as if that zone were UTC (no daylight-saving jumps, as MS Project schedules).
 */
import type { LocalDate, LocalDateTime } from '../model/project.ts';

export type Minutes = number;

export class DateFormatError extends Error {
  readonly code = 'DATE_FORMAT';
  constructor(readonly value: string) {
    super(`Invalid local date-time "${value}": expected YYYY-MM-DDTHH:mm[:ss]`);
    this.name = 'DateFormatError';
  }
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/** Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm[:ss]`; throws `DateFormatError` on anything else. */
export function parseLocal(value: string): Minutes {
  const m = DATE_TIME.exec(value);
  if (!m) throw new DateFormatError(value);
  const [y, mo, d, h = '0', mi = '0'] = m.slice(1).map((s) => s ?? '0') as string[];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59)
    throw new DateFormatError(value);
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) throw new DateFormatError(value);
  return ms / 60000;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

// Formatting is on every hot path that returns dates (100k tasks × 6 dates), so the day and time-of-day
// parts are memoised: a day's text is computed once, a time of day comes from a table.
const dayText = new Map<number, string>();
const timeText: string[] = Array.from(
  { length: 1440 },
  (_, m) => `T${pad(Math.floor(m / 60))}:${pad(m % 60)}:00`,
);

function dateText(day: number): string {
  let text = dayText.get(day);
  if (text === undefined) {
    const d = new Date(day * 86_400_000);
    text = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    if (dayText.size < 200_000) dayText.set(day, text);
  }
  return text;
}

/** Formats minutes as `YYYY-MM-DDTHH:mm:ss`. */
export function formatLocal(t: Minutes): LocalDateTime {
  const m = Math.round(t);
  const day = Math.floor(m / 1440);
  return dateText(day) + timeText[m - day * 1440]!;
}

/** Formats minutes as `YYYY-MM-DD`. */
export function formatLocalDate(t: Minutes): LocalDate {
  return formatLocal(t).slice(0, 10);
}

/** Days since 1970-01-01 of the day containing `t`. */
export const dayOf = (t: Minutes): number => Math.floor(t / 1440);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOfDay = (day: number): number => (((day + 4) % 7) + 7) % 7;
