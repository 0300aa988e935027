/**
 * Throughput history: how many items were finished in each day or week, zero-filled, from a list of
 * completion dates (one per item, or with a count per date).
 */
import type { LocalDate } from '../../model/project.ts';
import { type Minutes, formatLocalDate, parseLocal } from '../../time/local-time.ts';
import { nextPeriodStart, periodStart } from '../evm/periods.ts';
import { ForecastError } from './forecast-error.ts';

export type ThroughputUnit = 'day' | 'week';

/** Items completed on a date. */
export interface Completion {
  date: LocalDate;
  count: number;
}

export interface ThroughputHistory {
  unit: ThroughputUnit;
  /** First day of the first period and last day of the last one. */
  start: LocalDate;
  end: LocalDate;
  /** Items completed in each period, oldest first; zero where nothing was finished. */
  counts: number[];
  /** Sum of `counts`. */
  total: number;
}

export interface HistoryOptions {
  unit?: ThroughputUnit;
  /** Count from this date (default: the first completion); earlier completions are left out. */
  from?: LocalDate;
  /** Count to this date, inclusive (default: the last completion); later completions are left out. */
  to?: LocalDate;
}

const DAY = 1440;

/**
 * Completions per period between `from` and `to` (whole weeks, Monday to Sunday, for `week`).
 * Throws `ForecastError('INVALID')` for a negative or fractional count, and `ForecastError('NO_THROUGHPUT')`
 * when there is nothing to count.
 *
 * @example
 * throughputHistory([{ date: '2026-03-02', count: 2 }, { date: '2026-03-04', count: 1 }]).counts; // [2, 0, 1]
 *
 * Complexity: O(C + P) for C completions and P periods.
 */
export function throughputHistory(
  completions: readonly Completion[],
  options: HistoryOptions = {},
): ThroughputHistory {
  const unit = options.unit ?? 'day';
  for (const c of completions)
    if (!Number.isInteger(c.count) || c.count < 0)
      throw new ForecastError(
        'INVALID',
        `Completed items must be whole and not negative: ${c.count} on ${c.date}`,
      );
  const days = completions.map((c) => parseLocal(c.date));
  if (days.length === 0 && (options.from === undefined || options.to === undefined))
    throw new ForecastError(
      'NO_THROUGHPUT',
      'The throughput history is empty: no completed items to learn from.',
    );
  const from = periodStart(options.from !== undefined ? parseLocal(options.from) : Math.min(...days), unit);
  const last = options.to !== undefined ? parseLocal(options.to) : Math.max(...days);
  if (last < from)
    throw new ForecastError('INVALID', `The history ends (${formatLocalDate(last)}) before it starts`);

  const starts: Minutes[] = [];
  for (let t = from; t <= last; t = nextPeriodStart(t, unit)) starts.push(t);
  const counts = starts.map(() => 0);
  const width = unit === 'day' ? DAY : 7 * DAY;
  completions.forEach((c, i) => {
    const k = Math.floor(((days[i] as number) - from) / width);
    if (k >= 0 && k < counts.length) counts[k] = (counts[k] as number) + c.count;
  });
  const end = nextPeriodStart(starts[starts.length - 1] as number, unit) - DAY;
  return {
    unit,
    start: formatLocalDate(from),
    end: formatLocalDate(end),
    counts,
    total: counts.reduce((s, n) => s + n, 0),
  };
}

/** The history from per-period counts given directly (the first period starting on `start`). */
export function throughputFromCounts(
  counts: readonly number[],
  start: LocalDate,
  unit: ThroughputUnit = 'day',
): ThroughputHistory {
  if (counts.length === 0) throw new ForecastError('NO_THROUGHPUT', 'The throughput history is empty.');
  for (const n of counts)
    if (!Number.isInteger(n) || n < 0)
      throw new ForecastError('INVALID', `Throughput must be whole and not negative: ${n}`);
  const first = parseLocal(start);
  const width = unit === 'day' ? 1 : 7;
  return {
    unit,
    start: formatLocalDate(first),
    end: formatLocalDate(first + (counts.length * width - 1) * DAY),
    counts: [...counts],
    total: counts.reduce((s, n) => s + n, 0),
  };
}
