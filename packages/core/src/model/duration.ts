/**
 * Durations and lags. The scheduler works in minutes; `unit` only records how the user wrote the value
 * (so "2w" stays "2w" on export) and, for months, how minutes were derived.
 */
import type { ProjectUnits } from './project.ts';

export type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'month';

export interface Duration {
  /** Minutes: working minutes, or calendar minutes when `elapsed`. */
  minutes: number;
  /** Elapsed (calendar) time: 24 hours a day, 7 days a week, ignoring calendars. */
  elapsed?: boolean;
  /** Display unit; defaults to days. */
  unit?: DurationUnit;
  /** MS Project's "estimated" flag (the `?` after a duration). */
  estimated?: boolean;
}

export interface Lag {
  /** Minutes (working or elapsed), or a percentage of the predecessor's duration when `percent`. */
  minutes: number;
  elapsed?: boolean;
  /** When set, the lag is this percentage (may be negative) of the predecessor's duration. */
  percent?: number;
  unit?: DurationUnit;
}

/** Minutes in one unit of working time under the project's settings. */
export function minutesPerUnit(unit: DurationUnit, units: ProjectUnits, elapsed = false): number {
  switch (unit) {
    case 'minute':
      return 1;
    case 'hour':
      return 60;
    case 'day':
      return elapsed ? 1440 : units.minutesPerDay;
    case 'week':
      return elapsed ? 10080 : units.minutesPerWeek;
    case 'month':
      return elapsed ? 43200 : units.minutesPerDay * units.daysPerMonth;
  }
}

/** Builds a duration from a value in a unit, e.g. `duration(3, 'day', units)` = 1440 working minutes. */
export function duration(value: number, unit: DurationUnit, units: ProjectUnits, elapsed = false): Duration {
  return { minutes: value * minutesPerUnit(unit, units, elapsed), unit, ...(elapsed ? { elapsed } : {}) };
}
