// A dependency's lag as MS Project shows and takes it in the Task Dependency dialog: `0d`, `2d`, `-1d`, `4h`,
// `1w`, `3ed` (elapsed days), `50%` (of the predecessor's duration). Pure.
import type { Dependency, DependencyType } from './gantt-api.ts';
import { durationLabel, minutesPerUnit, type DurationUnit, type PlanUnits } from './gantt-data.ts';
import type { Parsed } from './gantt-writes.ts';

export type LagFields = Required<Pick<Dependency, 'lagMinutes' | 'lagPercent' | 'lagElapsed' | 'lagUnit'>>;

const UNIT_OF: Record<string, DurationUnit> = { m: 'minute', h: 'hour', d: 'day', w: 'week', mo: 'month' };

/** The lag as the dialog shows it: in the unit it was entered in, days by default (`0d`, `-1d`, `2.5d`, `50%`). */
export function lagLabel(dep: Partial<LagFields> & { lagMinutes: number }, units: PlanUnits): string {
  if (dep.lagPercent !== null && dep.lagPercent !== undefined) return `${dep.lagPercent}%`;
  return durationLabel(dep.lagMinutes, units, dep.lagUnit ?? 'day', dep.lagElapsed === true);
}

/** `2d`, `-1d`, `+4h`, `1.5w`, `3ed`, `50%`, a bare number of days → the lag fields to write. */
export function parseLag(input: string, units: PlanUnits): Parsed<LagFields> {
  const s = input.trim();
  const percent = /^([+-]?\d+(?:[.,]\d+)?)\s*%$/.exec(s);
  if (percent !== null) {
    const value = Number((percent[1] ?? '0').replace(',', '.'));
    return { ok: true, value: { lagMinutes: 0, lagPercent: value, lagElapsed: false, lagUnit: null } };
  }
  const m =
    /^([+-]?\d+(?:[.,]\d+)?)\s*(e)?\s*(mo|mons?|months?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)?$/i.exec(
      s,
    );
  if (m === null) return { ok: false, message: `“${input}” is not a lag: write e.g. 2d, -1d, 4h, 1w or 50%` };
  const n = Number((m[1] ?? '0').replace(',', '.'));
  const word = (m[3] ?? 'd').toLowerCase();
  const unit = UNIT_OF[word.startsWith('mo') ? 'mo' : (word[0] ?? 'd')] ?? 'day';
  const elapsed = m[2] !== undefined;
  const lagMinutes = Math.round(n * minutesPerUnit(unit, elapsed, units));
  return { ok: true, value: { lagMinutes, lagPercent: null, lagElapsed: elapsed, lagUnit: unit } };
}

/** What OK writes: only the fields that differ from the dependency as it was opened (nothing: no request). */
export function linkPatch(
  dep: Dependency,
  type: DependencyType,
  lag: LagFields,
): Partial<Pick<Dependency, 'type' | keyof LagFields>> {
  const patch: Partial<Pick<Dependency, 'type' | keyof LagFields>> = {};
  if (type !== dep.type) patch.type = type;
  const percent = dep.lagPercent ?? null;
  const sameLag =
    lag.lagPercent !== null
      ? lag.lagPercent === percent
      : percent === null &&
        lag.lagMinutes === dep.lagMinutes &&
        lag.lagElapsed === (dep.lagElapsed === true) &&
        lag.lagUnit === (dep.lagUnit ?? 'day');
  if (!sameLag) Object.assign(patch, lag);
  return patch;
}
