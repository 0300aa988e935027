/**
 * `tandem forecast --throughput FILE.csv --items N | --by DATE [--unit day|week] [--start DATE]
 * [--iterations N] [--seed N] [--json]`: when will N more items be done, or how many by a date, by Monte
 * Carlo on the throughput history in a CSV file (a Jira export, or `date,count` rows).
 */

import { resolve } from 'node:path';
import {
  ForecastError,
  type HowManyForecast,
  type ThroughputHistory,
  type ThroughputUnit,
  type WhenForecast,
  forecastHowMany,
  forecastWhen,
  throughputHistory,
} from '@tandem/core';
import { type ThroughputCsv, readThroughputCsv } from '@tandem/formats';
import type { CliIo } from '../cli-io.ts';
import { readText } from '../load-plan.ts';
import { wholeNumber } from '../option-values.ts';
import { UserError } from '../user-error.ts';

export interface ThroughputForecastOptions {
  /** How many more items to finish ("when will they be done?"). */
  items?: string | number | undefined;
  /** The last day to count ("how many by then?"). */
  by?: string | undefined;
  /** Simulated futures (default 10,000). */
  iterations?: string | number | undefined;
  seed?: string | number | undefined;
  /** Throughput per `day` (default) or `week`. */
  unit?: string | undefined;
  /** First day of the forecast (default: the day after the history). */
  start?: string | undefined;
  json: boolean;
}

export async function throughputForecastCommand(
  csvFile: string,
  options: ThroughputForecastOptions,
  io: CliIo,
  cwd: string,
): Promise<void> {
  if ((options.items === undefined) === (options.by === undefined))
    throw new UserError(
      'forecast needs either --items N (when will N items be done?) or --by DATE (how many by then?).',
    );
  const items = options.items !== undefined ? wholeNumber('--items', options.items, 1) : undefined;
  const by = options.by !== undefined ? date('--by', options.by) : undefined;
  const iterations =
    options.iterations !== undefined ? wholeNumber('--iterations', options.iterations, 1) : undefined;
  const seed = options.seed !== undefined ? wholeNumber('--seed', options.seed, 0) : undefined;
  const start = options.start !== undefined ? date('--start', options.start) : undefined;
  const unit = unitOf(options.unit);

  const csv = readThroughputCsv(await readText(csvFile, resolve(cwd, csvFile), 'a CSV file'));
  if (csv.completions.every((c) => c.count === 0))
    throw new UserError(
      `no completed items in ${csvFile} (column "${csv.dateColumn}"): nothing to forecast from.`,
    );
  const settings = {
    ...(iterations !== undefined ? { iterations } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(start !== undefined ? { start } : {}),
  };
  let history: ThroughputHistory;
  let forecast: WhenForecast | HowManyForecast;
  try {
    history = throughputHistory(csv.completions, { unit });
    forecast =
      items !== undefined
        ? forecastWhen(history, items, settings)
        : forecastHowMany(history, by as string, settings);
  } catch (error) {
    if (error instanceof ForecastError)
      throw new UserError(`cannot forecast from ${csvFile}: ${error.message}`);
    throw error;
  }
  if (options.json) {
    const source = {
      file: csvFile,
      layout: csv.layout,
      dateColumn: csv.dateColumn,
      rows: csv.rows,
      skipped: csv.skipped,
    };
    io.stdout.write(`${JSON.stringify({ source, history, forecast }, null, 2)}\n`);
    return;
  }
  io.stdout.write(renderForecast(csvFile, csv, history, forecast));
}

function date(flag: string, value: string): string {
  const text = value.trim();
  const d = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text)
    throw new UserError(`invalid ${flag} "${value}": expected a date YYYY-MM-DD.`);
  return text;
}

function unitOf(value: string | undefined): ThroughputUnit {
  if (value === undefined) return 'day';
  const unit = value.trim().toLowerCase();
  if (unit === 'day' || unit === 'week') return unit;
  throw new UserError(`invalid --unit "${value}": expected day or week.`);
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const percent = (p: number) => `${Math.round(p * 100)}%`;
const MAX_BARS = 20;
const BAR = 40;

/** History, question, percentiles and a histogram, as text. */
export function renderForecast(
  file: string,
  csv: ThroughputCsv,
  history: ThroughputHistory,
  forecast: WhenForecast | HowManyForecast,
): string {
  const periods = history.counts.length;
  const rate = (history.total / periods).toFixed(2);
  const out = [
    `Throughput: ${plural(history.total, 'item')} in ${plural(periods, history.unit)} (${history.start} … ${history.end}), ` +
      `${rate} a ${history.unit} on average, from the "${csv.dateColumn}" column of ${file}` +
      (csv.skipped > 0 ? ` (${plural(csv.skipped, 'row')} without a date skipped)` : ''),
    '',
  ];
  const runs = `${forecast.iterations.toLocaleString('en-US')} simulations from ${forecast.start}, seed ${forecast.seed}`;
  if (forecast.question === 'when') {
    out.push(`When will ${plural(forecast.items, 'item')} be done? (${runs})`);
    for (const p of forecast.percentiles)
      out.push(`  ${percent(p.likelihood).padStart(4)}  by ${p.date}  (${plural(p.periods, history.unit)})`);
    out.push(
      '',
      `  ${`${cap(history.unit)}s`.padStart(10)}  share   done  (share of simulations: finishing in, and done by)`,
    );
    let done = 0;
    for (const bar of bins(
      forecast.histogram.map((h) => ({ value: h.periods, count: h.count })),
      forecast.iterations,
    )) {
      done += bar.share;
      const graph = '█'.repeat(Math.round(bar.share * BAR));
      out.push(
        `  ${bar.label.padStart(10)}  ${percent(bar.share).padStart(5)}  ${percent(done).padStart(5)}  ${graph}`,
      );
    }
  } else {
    out.push(`How many items by ${forecast.by}? (${plural(forecast.periods, history.unit)}; ${runs})`);
    for (const p of forecast.percentiles)
      out.push(`  ${percent(p.likelihood).padStart(4)}  at least ${plural(p.items, 'item')}`);
    out.push('', `  ${'Items'.padStart(10)}  share  (share of simulations finishing exactly so many)`);
    for (const bar of bins(
      forecast.histogram.map((h) => ({ value: h.items, count: h.count })),
      forecast.iterations,
    ))
      out.push(
        `  ${bar.label.padStart(10)}  ${percent(bar.share).padStart(5)}  ${'█'.repeat(Math.round(bar.share * BAR))}`,
      );
  }
  return `${out.map((l) => l.trimEnd()).join('\n')}\n`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** At most MAX_BARS bars: single values, or equal ranges of values when there are more. */
function bins(values: { value: number; count: number }[], total: number): { label: string; share: number }[] {
  if (values.length === 0) return [];
  const min = values[0]!.value;
  const max = values[values.length - 1]!.value;
  const width = Math.max(1, Math.ceil((max - min + 1) / MAX_BARS));
  const out: { label: string; share: number }[] = [];
  for (let lo = min; lo <= max; lo += width) {
    const hi = Math.min(max, lo + width - 1);
    const count = values.filter((v) => v.value >= lo && v.value <= hi).reduce((s, v) => s + v.count, 0);
    out.push({ label: lo === hi ? String(lo) : `${lo}–${hi}`, share: count / total });
  }
  return out;
}
