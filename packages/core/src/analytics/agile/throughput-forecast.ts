/**
 * Monte Carlo forecasts from throughput history: the future is made of periods (days or weeks) whose
 * throughput is drawn at random, with replacement, from the periods of the past. "When will N items be
 * done?" counts the periods until N items are finished; "how many items by this date?" sums the draws
 * over the periods until then. Seeded, so the same inputs always give the same forecast.
 */
import type { LocalDate } from '../../model/project.ts';
import { formatLocalDate, parseLocal } from '../../time/local-time.ts';
import { ForecastError } from './forecast-error.ts';
import { seededRandom } from './seeded-random.ts';
import type { ThroughputHistory } from './throughput-history.ts';

export interface MonteCarloOptions {
  /** Simulated futures (default 10,000). */
  iterations?: number;
  /** Seed of the random draws (default 1). */
  seed?: number;
  /** First day of the forecast (default: the day after the history ends). */
  start?: LocalDate;
  /** Likelihoods to report, in (0, 1] (default 0.5, 0.7, 0.85, 0.95). */
  likelihoods?: readonly number[];
}

export interface WhenPercentile {
  /** E.g. 0.85: done within `periods` periods, by `date`, in 85% of the simulated futures. */
  likelihood: number;
  periods: number;
  date: LocalDate;
}

export interface WhenForecast {
  question: 'when';
  items: number;
  unit: ThroughputHistory['unit'];
  start: LocalDate;
  iterations: number;
  seed: number;
  percentiles: WhenPercentile[];
  /** Periods needed → how many futures needed exactly that many, and the share done by then. */
  histogram: { periods: number; date: LocalDate; count: number; probability: number; cumulative: number }[];
  meanPeriods: number;
}

export interface HowManyPercentile {
  /** E.g. 0.85: at least `items` items are done in 85% of the simulated futures. */
  likelihood: number;
  items: number;
}

export interface HowManyForecast {
  question: 'howMany';
  /** Last day counted (inclusive) and the number of whole periods from `start` to it. */
  by: LocalDate;
  periods: number;
  unit: ThroughputHistory['unit'];
  start: LocalDate;
  iterations: number;
  seed: number;
  percentiles: HowManyPercentile[];
  /** Items done → how many futures did exactly that many, and the share doing at least that many. */
  histogram: { items: number; count: number; probability: number; atLeast: number }[];
  meanItems: number;
}

export const DEFAULT_LIKELIHOODS: readonly number[] = [0.5, 0.7, 0.85, 0.95];
const DAY = 1440;

/**
 * When will `items` more items be done? The P-th percentile is the fewest periods within which P of
 * the simulated futures finish.
 *
 * @example
 * forecastWhen(throughputFromCounts([3, 3, 3], '2026-03-02'), 10).percentiles[0]; // { likelihood: 0.5, periods: 4, date: '2026-03-08' }
 *
 * Complexity: O(iterations × periods needed).
 */
export function forecastWhen(
  history: ThroughputHistory,
  items: number,
  options: MonteCarloOptions = {},
): WhenForecast {
  if (!Number.isInteger(items) || items < 1)
    throw new ForecastError(
      'INVALID',
      `The number of items must be a whole number of at least 1, got ${items}`,
    );
  if (history.total === 0)
    throw new ForecastError(
      'NO_THROUGHPUT',
      `No items were completed between ${history.start} and ${history.end}, so no finish can be forecast.`,
    );
  const { iterations, seed, start, likelihoods } = settings(history, options);
  const next = seededRandom(seed);
  const counts = history.counts;
  const n = counts.length;
  const results = new Array<number>(iterations);
  for (let i = 0; i < iterations; i++) {
    let done = 0;
    let periods = 0;
    while (done < items) {
      done += counts[Math.floor(next() * n)] as number;
      periods++;
    }
    results[i] = periods;
  }
  results.sort((a, b) => a - b);
  const dateAfter = (periods: number) => endOfPeriods(start, periods, history.unit);
  const tally = tallySorted(results);
  let cumulative = 0;
  return {
    question: 'when',
    items,
    unit: history.unit,
    start: formatLocalDate(start),
    iterations,
    seed,
    percentiles: likelihoods.map((p) => {
      const periods = results[Math.max(0, Math.ceil(p * iterations - 1e-9) - 1)] as number;
      return { likelihood: p, periods, date: dateAfter(periods) };
    }),
    histogram: tally.map(([periods, count]) => {
      cumulative += count;
      return {
        periods,
        date: dateAfter(periods),
        count,
        probability: count / iterations,
        cumulative: cumulative / iterations,
      };
    }),
    meanPeriods: mean(results),
  };
}

/**
 * How many items will be done from the start to `by` (inclusive)? The P-th percentile is the most
 * items that at least P of the simulated futures reach ("at least 12 items, 85% likely").
 *
 * @example
 * forecastHowMany(throughputFromCounts([1, 2], '2026-03-02'), '2026-03-06', { start: '2026-03-04' }).percentiles;
 *
 * Complexity: O(iterations × periods).
 */
export function forecastHowMany(
  history: ThroughputHistory,
  by: LocalDate,
  options: MonteCarloOptions = {},
): HowManyForecast {
  const { iterations, seed, start, likelihoods } = settings(history, options);
  const last = parseLocal(by);
  const days = Math.floor((last - start) / DAY) + 1;
  const periods = history.unit === 'day' ? days : Math.floor(days / 7);
  if (periods < 1)
    throw new ForecastError(
      'INVALID',
      `${by} leaves no whole ${history.unit} after the forecast starts on ${formatLocalDate(start)}.`,
    );
  const next = seededRandom(seed);
  const counts = history.counts;
  const n = counts.length;
  const results = new Array<number>(iterations);
  for (let i = 0; i < iterations; i++) {
    let done = 0;
    for (let k = 0; k < periods; k++) done += counts[Math.floor(next() * n)] as number;
    results[i] = done;
  }
  results.sort((a, b) => a - b);
  const tally = tallySorted(results);
  let below = 0;
  return {
    question: 'howMany',
    by: formatLocalDate(last),
    periods,
    unit: history.unit,
    start: formatLocalDate(start),
    iterations,
    seed,
    percentiles: likelihoods.map((p) => ({
      likelihood: p,
      items: results[Math.max(0, iterations - Math.ceil(p * iterations - 1e-9))] as number,
    })),
    histogram: tally.map(([items, count]) => {
      const atLeast = (iterations - below) / iterations;
      below += count;
      return { items, count, probability: count / iterations, atLeast };
    }),
    meanItems: mean(results),
  };
}

function settings(history: ThroughputHistory, options: MonteCarloOptions) {
  const iterations = options.iterations ?? 10_000;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000)
    throw new ForecastError(
      'INVALID',
      `Iterations must be a whole number from 1 to 10,000,000, got ${iterations}`,
    );
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed))
    throw new ForecastError('INVALID', `The seed must be a whole number, got ${seed}`);
  const likelihoods = options.likelihoods ?? DEFAULT_LIKELIHOODS;
  for (const p of likelihoods)
    if (!(p > 0 && p <= 1)) throw new ForecastError('INVALID', `Likelihoods must be in (0, 1], got ${p}`);
  const start = options.start !== undefined ? parseLocal(options.start) : parseLocal(history.end) + DAY;
  if (history.counts.length === 0)
    throw new ForecastError('NO_THROUGHPUT', 'The throughput history is empty.');
  return { iterations, seed, start, likelihoods };
}

/** The last day of the `periods`-th period from `start`. */
function endOfPeriods(start: number, periods: number, unit: ThroughputHistory['unit']): LocalDate {
  const days = unit === 'day' ? periods : periods * 7;
  return formatLocalDate(start + (days - 1) * DAY);
}

/** [value, how many times] for a sorted array. */
function tallySorted(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] === v) last[1]++;
    else out.push([v, 1]);
  }
  return out;
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}
