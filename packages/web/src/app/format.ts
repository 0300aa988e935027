// Formatting shared by pages: plan dates (project-local wall clock), instants, money, durations.
import dayjs from 'dayjs';

/** `2026-01-05T09:00:00` → `5 Jan 2026` (plan dates carry no zone: shown as written). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value.slice(0, 19));
  return d.isValid() ? d.format('D MMM YYYY') : value;
}

const INSTANT_FORMATS = { day: 'D MMM YYYY', minute: 'D MMM YYYY, HH:mm', second: 'D MMM YYYY, HH:mm:ss' };

/**
 * A UTC instant (a signal's, a delivery's) in the viewer's time zone: `12 Feb 2026, 11:00` (minute), the
 * date alone (day) or with seconds (second: delivery times, where two can share a minute).
 */
export function formatInstant(
  value: string | null | undefined,
  precision: keyof typeof INSTANT_FORMATS = 'minute',
): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format(INSTANT_FORMATS[precision]) : '—';
}

/** Test coverage as the API gives it, in percent (0–100): `78.5%`. */
export function formatCoverage(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
  return `${Math.round(percent * 10) / 10}%`;
}

export function formatShortDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value.slice(0, 19));
  return d.isValid() ? d.format('D MMM') : value;
}

export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '—';
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: currency ?? 'USD',
      maximumFractionDigits: Math.abs(amount) >= 1_000 ? 0 : 2,
      notation: Math.abs(amount) >= 1_000_000 ? 'compact' : 'standard',
    }).format(amount);
  } catch {
    return amount.toLocaleString();
  }
}

/** Working minutes → `3d` / `2.5d` / `4h` with the project's minutes per day. */
export function formatWorkDuration(minutes: number | null | undefined, minutesPerDay = 480): string {
  if (minutes === null || minutes === undefined) return '—';
  if (Math.abs(minutes) < minutesPerDay) return `${Math.round((minutes / 60) * 10) / 10}h`;
  return `${Math.round((minutes / minutesPerDay) * 10) / 10}d`;
}

export function formatPercent(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}
