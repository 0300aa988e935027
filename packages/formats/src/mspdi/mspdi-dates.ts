/**
 * MSPDI dates and times of day. Dates are local date-times without an offset (`2018-11-02T08:00:00`),
 * kept as such in the model; times of day (`08:00:00`) become minutes from midnight.
 */
import { DateFormatError, parseLocal } from '@tandem/core';
import type { LocalDate, LocalDateTime } from '@tandem/core';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

export interface ParsedDateTime {
  value: LocalDateTime;
  /** The time-zone suffix the value carried (MS Project never writes one); it is dropped. */
  offset?: string;
}

/**
 * `2018-11-02T08:00:00`, `2018-11-02T08:00`, `2018-11-02` or with fractional seconds, normalised to
 * `YYYY-MM-DDTHH:mm:ss`; `undefined` for anything else, including impossible dates (`2018-02-30`).
 */
export function parseMspdiDateTime(raw: string): ParsedDateTime | undefined {
  const m = DATE_TIME.exec(raw.trim());
  if (!m) return undefined;
  const [, date = '', hours = '00', minutes = '00', seconds = '00', offset] = m;
  const value = `${date}T${hours}:${minutes}:${seconds}`;
  try {
    parseLocal(value);
  } catch (error) {
    if (error instanceof DateFormatError) return undefined;
    throw error;
  }
  if (Number(seconds) > 59) return undefined;
  return offset === undefined ? { value } : { value, offset };
}

/** The date part of a local date-time. */
export const datePart = (value: LocalDateTime): LocalDate => value.slice(0, 10);

/** `08:00:00` → 480; `24:00:00` → 1440; seconds are dropped. `undefined` when malformed. */
export function parseTimeOfDay(raw: string): number | undefined {
  const m = TIME.exec(raw.trim());
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3] ?? '0');
  if (minutes > 59 || seconds > 59 || hours > 24 || (hours === 24 && minutes + seconds > 0)) return undefined;
  return hours * 60 + minutes;
}

/** 480 → `08:00:00`; 1440 (end of day) → `00:00:00`, as MS Project writes midnight. */
export function formatTimeOfDay(minutes: number): string {
  const m = Math.round(minutes) % 1440;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}:00`;
}

const pad = (n: number) => String(n).padStart(2, '0');
