/**
 * Elapsed time (MS Project's "edays", "eweeks"): every minute is working time, so the arithmetic is
 * plain subtraction, with the same supported range and errors as a compiled calendar.
 */
import type { WorkingPeriod } from '../model/calendar.ts';
import { ScheduleError } from '../schedule/schedule-errors.ts';
import type { Minutes } from '../time/local-time.ts';
import {
  DAY_COUNT,
  FIRST_DAY,
  RANGE_END,
  RANGE_START,
  dayOutOfRange,
  timeOutOfRange,
} from './supported-range.ts';
import type { WorkSide, WorkingTime } from './working-time.ts';

// Module-local copies for the hot paths: under the tsx and Vitest module transforms every read of an
// imported binding is a getter call (measured at ~20 ns, more than the rest of toWork).
const START = RANGE_START;
const END = RANGE_END;
const FIRST = FIRST_DAY;
const DAYS = DAY_COUNT;

const ALL_DAY: readonly WorkingPeriod[] = Object.freeze([Object.freeze({ from: 0, to: 1440 })]);
const TOTAL = END - START;
const ID = 'elapsed';

class ElapsedTime implements WorkingTime {
  readonly calendarId = ID;

  toWork(t: Minutes): number {
    if (!(t >= START && t <= END)) throw timeOutOfRange(t, ID);
    return t - START;
  }

  fromWork(w: number, _side?: WorkSide): Minutes {
    if (!(w >= 0 && w <= TOTAL)) {
      throw new ScheduleError(
        'DATE_OUT_OF_RANGE',
        `Elapsed minute ${w} is outside the supported range 1984-01-01 to 2149-12-31 (0 to ${TOTAL})`,
      );
    }
    return START + w;
  }

  add(t: Minutes, minutes: number): Minutes {
    return this.fromWork(this.toWork(t) + minutes);
  }

  between(a: Minutes, b: Minutes): number {
    return this.toWork(b) - this.toWork(a);
  }

  nextStart(t: Minutes): Minutes {
    this.toWork(t);
    return t;
  }

  prevFinish(t: Minutes): Minutes {
    this.toWork(t);
    return t;
  }

  periodsOf(day: number): readonly WorkingPeriod[] {
    if (!(day >= FIRST && day < FIRST + DAYS)) throw dayOutOfRange(day, ID);
    return ALL_DAY;
  }

  isWorkingDay(day: number): boolean {
    return this.periodsOf(day).length > 0;
  }

  minutesOf(day: number): number {
    this.periodsOf(day);
    return 1440;
  }
}

/**
 * The 24/7 calendar of elapsed durations and lags (id `elapsed`): `toWork(t)` is `t` minus
 * 1984-01-01T00:00, and both sides of `fromWork` are the same instant.
 *
 * @example
 * ELAPSED.add(parseLocal('2024-03-08T17:00'), 3 * 1440, 'start'); // 2024-03-11T17:00
 *
 * Complexity: O(1) for every method.
 */
export const ELAPSED: WorkingTime = new ElapsedTime();
