/**
 * MSPDI durations: `PT8H0M0S` values (working or elapsed time, always stored as hours, minutes and
 * seconds) and the `DurationFormat` / `LagFormat` codes that say how the user wrote them.
 *
 * Codes, as in the MSPDI schema and MPXJ's `DatatypeConverter.parseDurationTimeUnits`:
 * 3=m 4=em 5=h 6=eh 7=d 8=ed 9=w 10=ew 11=mo 12=emo 19=% 20=e% 21=null, and 35..52 the same plus 32
 * with an estimated `?`. 53 ("null?") is what MS Project writes for a new task's `1 day?`; MPXJ reads
 * it as days, and so do we. 21 means "the project's default unit".
 */
import type { DurationUnit } from '@tandem/core';

export interface DurationFormat {
  /** `undefined` for 21 ("null"): the project's default unit applies. */
  unit?: DurationUnit;
  elapsed: boolean;
  estimated: boolean;
  /** 19/20/51/52: a percentage (lags only). */
  percent: boolean;
}

const UNITS: Record<number, DurationUnit | 'percent'> = {
  3: 'minute',
  5: 'hour',
  7: 'day',
  9: 'week',
  11: 'month',
  19: 'percent',
};

/** Decodes a DurationFormat/LagFormat code; `undefined` for codes outside the schema. */
export function decodeDurationFormat(code: number): DurationFormat | undefined {
  if (code === 21) return { elapsed: false, estimated: false, percent: false };
  if (code === 53) return { unit: 'day', elapsed: false, estimated: true, percent: false };
  const estimated = code >= 35;
  const base = estimated ? code - 32 : code;
  const elapsed = base % 2 === 0;
  const unit = UNITS[elapsed ? base - 1 : base];
  if (unit === undefined) return undefined;
  if (unit === 'percent') return { elapsed, estimated, percent: true };
  return { unit, elapsed, estimated, percent: false };
}

/** The code for a unit (`percent` for percentage lags), e.g. `('day', false, true)` → 39 (`d?`). */
export function encodeDurationFormat(
  unit: DurationUnit | 'percent',
  elapsed = false,
  estimated = false,
): number {
  const base = Number(Object.entries(UNITS).find(([, u]) => u === unit)?.[0] ?? 7);
  return base + (elapsed ? 1 : 0) + (estimated ? 32 : 0);
}

const XSD_DURATION =
  /^(-)?P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(-?\d+(?:\.\d+)?)H)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/;

/**
 * Minutes in an xsd:duration as MSPDI writes it (`PT8H0M0S` = 480). Days count 24 hours and weeks 7 days
 * (other producers write them; MS Project never does). MS Project's negative form puts the sign on a
 * component (`PT-8H0M0S`); the standard form (`-PT8H`) is accepted too; so is a bare `0`. Years and
 * months have no fixed length and are rejected. `undefined` when malformed.
 */
export function parseXsdDuration(raw: string): number | undefined {
  const value = raw.trim();
  if (value === '0') return 0;
  const m = XSD_DURATION.exec(value);
  if (!m || value.endsWith('P') || value.endsWith('T')) return undefined;
  const [, sign, weeks, days, hours, minutes, seconds] = m;
  const num = (s: string | undefined) => (s === undefined ? 0 : Number(s));
  const total = num(weeks) * 10080 + num(days) * 1440 + num(hours) * 60 + num(minutes) + num(seconds) / 60;
  const rounded = Math.round(total * 1e6) / 1e6;
  return sign ? 0 - rounded : rounded;
}

/** 480 → `PT8H0M0S`; seconds are rounded; a negative value gets a leading `-`. */
export function formatXsdDuration(minutes: number): string {
  const totalSeconds = Math.round(Math.abs(minutes) * 60);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `${minutes < 0 && totalSeconds > 0 ? '-' : ''}PT${h}H${m}M${s}S`;
}
