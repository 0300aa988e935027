/** Option values shared by the commands: each is checked once, with one way of saying what is wrong. */
import { type Project, formatLocal, parseLocal } from '@tandem/core';
import { UserError } from './user-error.ts';

/** A whole number option (`--iterations 10_000` and `10,000` are fine), at least `min`. */
export function wholeNumber(flag: string, value: string | number, min: number): number {
  const text = String(value).trim().replace(/[_,]/g, '');
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || !Number.isSafeInteger(n))
    throw new UserError(
      `invalid ${flag} "${value}": expected a whole number${min > 0 ? ` of at least ${min}` : ''}.`,
    );
  return n;
}

/** `--status-date`: `2026-02-13` means the end of that working day (the project's default finish time). */
export function statusDateOption(value: string, project: Project): string {
  const text = value.trim();
  let minutes: number;
  try {
    minutes = parseLocal(text);
  } catch {
    throw new UserError(
      `invalid --status-date "${value}": expected a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:mm.`,
    );
  }
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  return formatLocal(dateOnly ? minutes + (project.defaultFinishMinute ?? 17 * 60) : minutes);
}
