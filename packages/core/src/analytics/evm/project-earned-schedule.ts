/**
 * Earned schedule of a whole project in working days of the project calendar: the planned value curve
 * is sampled at the end of every working day of the baseline (one period = `units.minutesPerDay` working
 * minutes) and the earned value is placed on it by Lipke's interpolation within the day.
 */
import type { WorkingTime } from '../../calendar/working-time.ts';
import type { LocalDateTime } from '../../model/project.ts';
import { ScheduleError } from '../../schedule/schedule-errors.ts';
import { type Minutes, formatLocal } from '../../time/local-time.ts';
import {
  type EarnedScheduleIndicators,
  earnedScheduleIndicators,
  earnedScheduleOnCurve,
} from './earned-schedule.ts';
import { type PhasedAmount, totalBefore } from './time-phasing.ts';

export interface ProjectEarnedSchedule extends EarnedScheduleIndicators {
  /** ES, AT, PD, SV(t) and IEAC(t) are in working days of the project calendar. */
  unit: 'working day';
  /** Baseline start and finish of the project (the PV curve's ends). */
  plannedStart: LocalDateTime;
  plannedFinish: LocalDateTime;
  /** The date by which the baseline planned to have earned today's EV (planned start + ES). */
  earnedDate: LocalDateTime;
  /** Forecast finish: planned start + IEAC(t), or `null` when SPI(t) is zero or undefined. */
  forecastFinish: LocalDateTime | null;
}

/**
 * ES, SV(t), SPI(t), IEAC(t) and the forecast finish for `ev` earned by `status`, on the baseline
 * spans `budgets` (each task's budget spread over its baseline dates), counted on `calendar`.
 * `null` when nothing is baselined with dates.
 *
 * Complexity: O(D · T) calendar operations for D planned working days and T tasks.
 */
export function projectEarnedSchedule(
  budgets: readonly PhasedAmount[],
  ev: number,
  status: Minutes,
  calendar: WorkingTime,
  minutesPerDay: number,
): ProjectEarnedSchedule | null {
  if (budgets.length === 0) return null;
  const start = Math.min(...budgets.map((b) => b.start));
  const finish = Math.max(...budgets.map((b) => b.finish));
  const w0 = calendar.toWork(start);
  const pd = calendar.between(start, finish) / minutesPerDay;
  const at = Math.max(0, calendar.between(start, status)) / minutesPerDay;

  // Milestones at the very start count at time 0. Each day boundary is sampled at the last instant
  // with its working time (the start of the next working period), so a point in non-working time — a
  // milestone on a Saturday — counts at the working time the calendar gives it (Friday's end), as the
  // actual time of a status date on that Saturday does; otherwise EV < PV could show ES > AT.
  const times: number[] = [0];
  const pv: number[] = [totalBefore(budgets, start)];
  for (let k = 1; k < pd; k++) {
    times.push(k);
    pv.push(totalBefore(budgets, calendar.fromWork(w0 + k * minutesPerDay, 'start')));
  }
  times.push(pd);
  pv.push(totalBefore(budgets, finish));

  const es = Math.min(pd, earnedScheduleOnCurve(times, pv, ev));
  const indicators = earnedScheduleIndicators(es, at, pd);
  const dateAt = (days: number): LocalDateTime | null => dateAfter(calendar, start, w0, days * minutesPerDay);
  return {
    unit: 'working day',
    ...indicators,
    plannedStart: formatLocal(start),
    plannedFinish: formatLocal(finish),
    earnedDate: dateAt(es) ?? formatLocal(start),
    forecastFinish: indicators.ieacT === null ? null : dateAt(indicators.ieacT),
  };
}

/** The instant `minutes` working minutes after `start` (`start` itself for 0); null past the calendar. */
function dateAfter(calendar: WorkingTime, start: Minutes, w0: number, minutes: number): LocalDateTime | null {
  if (minutes <= 0) return formatLocal(start);
  try {
    return formatLocal(calendar.fromWork(w0 + minutes, 'finish'));
  } catch (e) {
    if (e instanceof ScheduleError && e.code === 'DATE_OUT_OF_RANGE') return null;
    throw e;
  }
}
