/**
 * Throughput history from CSV: either one finished item per row, dated in a `completed`, `done` or
 * `resolved` column (Jira's issue export calls it `Resolved`; rows without a date are unfinished and
 * skipped), or one row per date with a `date` and a `count` column. Every problem is reported at once,
 * by line and column, as a `FormatError`.
 *
 * The CSV itself is read as RFC 4180 says: fields separated by commas, records by CRLF (LF and CR alone
 * are accepted too), fields in double quotes may hold commas, line breaks and doubled quotes (`""`), and
 * a UTF-8 byte-order mark at the start is ignored.
 */
import type { LocalDate } from '@tandem/core';
import { FormatError, type FormatIssue } from '../format-error.ts';

const FORMAT = 'throughput CSV';

/** One problem as a `FormatError` whose message starts with where it is. */
const fail = (path: string, message: string, value?: string) =>
  FormatError.fromIssues(FORMAT, [{ path, message, ...(value !== undefined ? { value } : {}) }]);

/** One record: its cells, and the line each cell starts on (quoted cells may span lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
  cellLines: number[];
}

/**
 * Splits CSV text into records (RFC 4180). Blank lines are skipped. Throws `FormatError` for a quoted
 * field that never closes or a closing quote followed by anything but a comma or the end of the line.
 *
 * @example
 * parseCsv('a,"b ""c""",d\r\n1,"2\n3",4').map((r) => r.cells); // [['a', 'b "c"', 'd'], ['1', '2\n3', '4']]
 *
 * Complexity: O(length of the text).
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let i = 0;
  let line = 1;
  let cells: string[] = [];
  let cellLines: number[] = [];
  let recordLine = 1;

  const endRecord = () => {
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells, cellLines });
    cells = [];
    cellLines = [];
    recordLine = line;
  };

  while (i <= s.length) {
    const cellLine = line;
    let value = '';
    if (s[i] === '"') {
      const opened = line;
      i++;
      for (;;) {
        if (i >= s.length)
          throw fail(
            `line ${opened}, column ${cells.length + 1}`,
            'a quoted field is never closed: a " is missing',
          );
        const c = s[i] as string;
        if (c === '"') {
          if (s[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && s[i + 1] !== '\n')) line++;
        value += c;
        i++;
      }
      const after = s[i];
      if (after !== undefined && after !== ',' && after !== '\r' && after !== '\n')
        throw fail(
          `line ${line}, column ${cells.length + 1}`,
          `unexpected ${JSON.stringify(after)} after a closing quote: a quote inside a quoted field is written ""`,
        );
    } else {
      const start = i;
      while (i < s.length && s[i] !== ',' && s[i] !== '\r' && s[i] !== '\n') i++;
      value = s.slice(start, i);
    }
    cells.push(value);
    cellLines.push(cellLine);
    if (i >= s.length) {
      endRecord();
      break;
    }
    const sep = s[i];
    i++;
    if (sep === ',') continue;
    if (sep === '\r' && s[i] === '\n') i++;
    line++;
    endRecord();
    if (i >= s.length) break;
  }
  return records;
}

/** Items finished on one date. */
export interface DatedCount {
  date: LocalDate;
  count: number;
}

export interface ThroughputCsv {
  /** One item per row, or a count per date. */
  layout: 'dates' | 'counts';
  /** The header of the date column, as written. */
  dateColumn: string;
  countColumn?: string;
  /** Items finished per date, oldest first, each date once. */
  completions: DatedCount[];
  /** Data rows read, and rows skipped because they had no completion date (unfinished items). */
  rows: number;
  skipped: number;
}

/** Completion-date headers, most specific first (compared trimmed and case-insensitively). */
const DATE_HEADERS = [
  'completed',
  'completed date',
  'completed at',
  'completion date',
  'date completed',
  'done',
  'done date',
  'date done',
  'resolved',
  'resolved date',
  'resolution date',
  'date resolved',
];
const COUNT_HEADERS = ['count', 'items', 'throughput'];

/**
 * Reads a throughput history CSV.
 *
 * @example
 * readThroughputCsv('Key,Resolved\nPAY-1,12/Mar/24 3:45 PM\nPAY-2,\n').completions; // [{ date: '2024-03-12', count: 1 }]
 */
export function readThroughputCsv(text: string): ThroughputCsv {
  const [header, ...data] = parseCsv(text);
  if (!header) throw fail('line 1', 'the file is empty: expected a header row');
  const names = header.cells.map((c) => c.trim().toLowerCase().replace(/\s+/g, ' '));
  const find = (candidates: readonly string[]) => {
    for (const c of candidates) {
      const index = names.indexOf(c);
      if (index >= 0) return index;
    }
    return -1;
  };
  let dateIndex = find(DATE_HEADERS);
  let countIndex = -1;
  if (dateIndex < 0) {
    dateIndex = names.indexOf('date');
    countIndex = find(COUNT_HEADERS);
    if (dateIndex < 0 || countIndex < 0)
      throw fail(
        `line ${header.line}`,
        'no column of completion dates: expected a "completed", "done" or "resolved" column (one finished item per row), ' +
          'or "date" and "count" columns',
        header.cells.join(','),
      );
  }

  const issues: FormatIssue[] = [];
  const totals = new Map<LocalDate, number>();
  let skipped = 0;
  const where = (record: CsvRecord, index: number) =>
    `line ${record.cellLines[index] ?? record.line}, column ${index + 1} (${header.cells[index]?.trim()})`;

  for (const record of data) {
    const raw = (record.cells[dateIndex] ?? '').trim();
    if (raw === '') {
      if (countIndex >= 0 && (record.cells[countIndex] ?? '').trim() !== '')
        issues.push({ path: where(record, dateIndex), message: 'a count without a date' });
      else skipped++;
      continue;
    }
    const date = parseCompletionDate(raw);
    if (date === null) {
      issues.push({
        path: where(record, dateIndex),
        message: 'expected a date such as 2024-03-12, 2024-03-12 15:45 or 12/Mar/24 3:45 PM (Jira)',
        value: raw,
      });
      continue;
    }
    let count = 1;
    if (countIndex >= 0) {
      const text = (record.cells[countIndex] ?? '').trim();
      if (!/^\d+$/.test(text)) {
        issues.push({
          path: where(record, countIndex),
          message: 'expected a whole number of items, 0 or more',
          value: text,
        });
        continue;
      }
      count = Number(text);
    }
    totals.set(date, (totals.get(date) ?? 0) + count);
  }
  if (issues.length > 0) throw FormatError.fromIssues(FORMAT, issues);

  const completions = [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, count]) => ({ date, count }));
  return {
    layout: countIndex >= 0 ? 'counts' : 'dates',
    dateColumn: header.cells[dateIndex]?.trim() ?? '',
    ...(countIndex >= 0 ? { countColumn: header.cells[countIndex]?.trim() ?? '' } : {}),
    completions,
    rows: data.length,
    skipped,
  };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASHED_ISO = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const JIRA = /^(\d{1,2})\/([a-z]{3})\/(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)?$/i;

/**
 * The calendar date of a completion, as written (a time and an offset, if any, are dropped): ISO 8601
 * (`2024-03-12`, `2024-03-12T15:45:00+01:00`, `2024-03-12 15:45`), `2024/03/12`, or Jira's default
 * `12/Mar/24 3:45 PM`. `null` for anything else, including dates that do not exist.
 */
export function parseCompletionDate(text: string): LocalDate | null {
  let y: number;
  let m: number;
  let d: number;
  let match = ISO.exec(text) ?? SLASHED_ISO.exec(text);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = JIRA.exec(text))) {
    const month = MONTHS.indexOf((match[2] as string).toLowerCase());
    if (month < 0) return null;
    const year = Number(match[3]);
    [y, m, d] = [year < 100 ? 2000 + year : year, month + 1, Number(match[1])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
