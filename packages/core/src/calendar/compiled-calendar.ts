/**
 * `WorkingTime` over a calendar's resolved days (calendar-days.ts). The hot paths read typed arrays
 * only: the day's pattern id, the cumulative minutes at the start of the day, the pattern's periods.
 */
import type { WorkingPeriod } from '../model/calendar.ts';
import { ScheduleError } from '../schedule/schedule-errors.ts';
import { formatLocal, type Minutes } from '../time/local-time.ts';
import type { CalendarDays } from './calendar-days.ts';
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

/**
 * A calendar compiled by `compileCalendar`: see `WorkingTime` for the semantics. `days` may be shared
 * with the base calendar when the calendar defines nothing of its own.
 */
export class CompiledCalendar implements WorkingTime {
  private readonly dayPattern: Uint16Array;
  private readonly cumulative: Float64Array;
  private readonly start: Int32Array;
  private readonly from: Float64Array;
  private readonly to: Float64Array;
  private readonly workIndex: Uint16Array;
  /** 1 / the work index's bucket size (a power of two, so the product is exact). */
  private readonly perBucket: number;
  private readonly total: number;
  /** Working at 1984-01-01T00:00, so 'finish' at 0 working minutes is the range start. */
  private readonly worksAtStart: boolean;
  /** Working up to 2150-01-01T00:00, so 'start' at the last working minute is the range end. */
  private readonly worksAtEnd: boolean;

  constructor(
    readonly calendarId: string,
    readonly days: CalendarDays,
  ) {
    const { start, from, to } = days.patterns.layout();
    this.dayPattern = days.dayPattern;
    this.cumulative = days.cumulative;
    this.start = start;
    this.from = from;
    this.to = to;
    this.workIndex = days.workIndex;
    this.perBucket = 1 / days.workBucket;
    this.total = days.cumulative[DAYS]!;
    const first = days.patterns.periods[days.dayPattern[0]!]!;
    const last = days.patterns.periods[days.dayPattern[DAYS - 1]!]!;
    this.worksAtStart = first[0]?.from === 0;
    this.worksAtEnd = last[last.length - 1]?.to === 1440;
  }

  toWork(t: Minutes): number {
    if (!(t >= START && t <= END)) throw timeOutOfRange(t, this.calendarId);
    const day = Math.floor(t / 1440);
    const i = day - FIRST;
    if (i === DAYS) return this.total;
    const m = t - day * 1440;
    const p = this.dayPattern[i]!;
    let w = this.cumulative[i]!;
    for (let k = this.start[p]!, end = this.start[p + 1]!; k < end; k++) {
      const from = this.from[k]!;
      if (m <= from) break;
      const to = this.to[k]!;
      if (m < to) return w + (m - from);
      w += to - from;
    }
    return w;
  }

  fromWork(w: number, side: WorkSide): Minutes {
    return side === 'finish' ? this.finishAt(w) : this.startAt(w);
  }

  add(t: Minutes, minutes: number, side: WorkSide): Minutes {
    return this.fromWork(this.toWork(t) + minutes, side);
  }

  between(a: Minutes, b: Minutes): number {
    return this.toWork(b) - this.toWork(a);
  }

  nextStart(t: Minutes): Minutes {
    return this.startAt(this.toWork(t));
  }

  prevFinish(t: Minutes): Minutes {
    return this.finishAt(this.toWork(t));
  }

  periodsOf(day: number): readonly WorkingPeriod[] {
    return this.days.patterns.periods[this.dayPattern[this.index(day)]!]!;
  }

  isWorkingDay(day: number): boolean {
    return this.minutesOf(day) > 0;
  }

  minutesOf(day: number): number {
    const i = this.index(day);
    return this.cumulative[i + 1]! - this.cumulative[i]!;
  }

  /** The earliest instant with `toWork` = w: inside a period or at its end. */
  private finishAt(w: number): Minutes {
    if (!(w > 0 && w <= this.total)) {
      if (w === 0 && this.worksAtStart) return START;
      throw this.noWorkingTime(w, 'finish');
    }
    const day = this.dayReaching(w, false);
    const cumulative = this.cumulative;
    // 0 < rem <= the day's minutes; the last period absorbs rounding.
    let rem = w - cumulative[day]!;
    const p = this.dayPattern[day]!;
    let k = this.start[p]!;
    for (const last = this.start[p + 1]! - 1; k < last; k++) {
      const length = this.to[k]! - this.from[k]!;
      if (rem <= length) break;
      rem -= length;
    }
    return (day + FIRST) * 1440 + this.from[k]! + rem;
  }

  /** The latest instant with `toWork` = w: inside a period or at its start. */
  private startAt(w: number): Minutes {
    if (!(w >= 0 && w < this.total)) {
      if (w === this.total && this.worksAtEnd) return END;
      throw this.noWorkingTime(w, 'start');
    }
    const day = this.dayReaching(w, true);
    const cumulative = this.cumulative;
    // 0 <= rem < the day's minutes.
    let rem = w - cumulative[day]!;
    const p = this.dayPattern[day]!;
    let k = this.start[p]!;
    for (const last = this.start[p + 1]! - 1; k < last; k++) {
      const length = this.to[k]! - this.from[k]!;
      if (rem < length) break;
      rem -= length;
    }
    return (day + FIRST) * 1440 + this.from[k]! + rem;
  }

  /**
   * The first day whose end reaches w: cumulative minutes at its end >= w, or > w when `past`. The work
   * index narrows the binary search to the few days of one bucket. Requires 0 <= w <= total.
   */
  private dayReaching(w: number, past: boolean): number {
    const cumulative = this.cumulative;
    const bucket = Math.floor(w * this.perBucket);
    let lo = this.workIndex[bucket]!;
    let hi = bucket + 1 < this.workIndex.length ? this.workIndex[bucket + 1]! : DAYS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const end = cumulative[mid + 1]!;
      if (past ? end > w : end >= w) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private index(day: number): number {
    const i = Math.floor(day) - FIRST;
    if (!(i >= 0 && i < DAYS)) throw dayOutOfRange(day, this.calendarId);
    return i;
  }

  private noWorkingTime(w: number, side: WorkSide): ScheduleError {
    const calendar = `calendar "${this.calendarId}"`;
    if (this.total === 0) {
      return new ScheduleError(
        'DATE_OUT_OF_RANGE',
        `The ${calendar} has no working time from 1984-01-01 to 2149-12-31`,
      );
    }
    if (Number.isNaN(w)) return new ScheduleError('INVALID', `Working minutes are NaN (${calendar})`);
    if (w > this.total || (w > 0 && side === 'start')) {
      const last = formatLocal(this.finishAt(this.total));
      return new ScheduleError(
        'DATE_OUT_OF_RANGE',
        `No working time after ${last}, the last in the ${calendar} before 2149-12-31 (working minute ${w} of ${this.total})`,
      );
    }
    const first = formatLocal(this.startAt(0));
    return new ScheduleError(
      'DATE_OUT_OF_RANGE',
      `No working time before ${first}, the first in the ${calendar} after 1984-01-01 (working minute ${w})`,
    );
  }
}
