// Time helpers for the chart. Times are epoch milliseconds of project-local wall-clock time read as UTC,
// so every calendar computation here uses the UTC getters.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Midnight of the day holding `t`. */
export function startOfDay(t: number): number {
  return Math.floor(t / DAY_MS) * DAY_MS;
}

/** Midnight of the Monday on or before `t`. */
export function startOfWeek(t: number): number {
  const day = startOfDay(t);
  const weekday = new Date(day).getUTCDay(); // 0 = Sunday
  return day - ((weekday + 6) % 7) * DAY_MS;
}

export function startOfMonth(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export function startOfQuarter(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
}

export function startOfYear(t: number): number {
  return Date.UTC(new Date(t).getUTCFullYear(), 0, 1);
}

export function addMonths(t: number, months: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
}

export function monthName(month: number): string {
  return MONTHS[month] ?? '';
}

export function weekdayName(weekday: number): string {
  return WEEKDAYS[weekday] ?? '';
}

/** "Mon 5 Jan 2026" */
export function formatDate(t: number): string {
  const d = new Date(t);
  return `${weekdayName(d.getUTCDay())} ${d.getUTCDate()} ${monthName(d.getUTCMonth())} ${d.getUTCFullYear()}`;
}

/** "2026-01-05", the form inline date edits use. */
export function formatIsoDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** The working-day count users see when no label is given: calendar days, rounded. */
export function calendarDays(start: number, finish: number): number {
  return Math.max(0, Math.round((finish - start) / DAY_MS));
}

/** "5 Jan 2026", the grid's date format */
export function formatShortDate(t: number): string {
  const d = new Date(t);
  return `${d.getUTCDate()} ${monthName(d.getUTCMonth())} ${d.getUTCFullYear()}`;
}
