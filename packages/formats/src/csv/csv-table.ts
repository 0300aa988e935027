/**
 * A CSV file as a table for importers: RFC 4180 via `csv-parse`, the header row matched to known
 * columns case-insensitively (with aliases, and repeated columns such as Jira's several `Sprint`
 * cells kept in order), every record with the line it starts on. Problems are `FormatIssue`s at
 * `line N, column Name`.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { FormatError, type FormatIssue } from '../format-error.ts';

export interface CsvRow {
  /** The line the record starts on (1 = the header). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  /** Column name → the indexes of the header cells that map to it, in order. */
  columns: Map<string, number[]>;
  /** Header cells no column claimed. */
  unknown: string[];
}

/** `  Story  Points ` → `story points`. */
export const normaliseHeader = (h: string) => h.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Parses `text` and maps its header with `aliases` (column name → accepted header texts, already
 * normalised). Throws `FormatError` for broken quoting (with the line) and for a file without a header.
 */
export function readCsvTable(
  text: string,
  format: string,
  aliases: Record<string, readonly string[]>,
): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw FormatError.fromIssues(format, [
        {
          path: line !== undefined ? `line ${line}` : 'file',
          message:
            error.code === 'CSV_QUOTE_NOT_CLOSED'
              ? 'a quoted field is never closed (the file may be truncated)'
              : error.message.replace(/^[^:]*: /, ''),
        },
      ]);
    }
    throw error;
  }
  const rows = records.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record,
  }));
  const headerRow = rows.shift();
  if (!headerRow || headerRow.cells.every((c) => c.trim() === ''))
    throw FormatError.fromIssues(format, [
      { path: 'line 1', message: 'the file is empty: expected a header row' },
    ]);
  const lookup = new Map<string, string>();
  for (const [column, names] of Object.entries(aliases)) for (const n of names) lookup.set(n, column);
  const columns = new Map<string, number[]>();
  const unknown: string[] = [];
  headerRow.cells.forEach((h, i) => {
    const column = lookup.get(normaliseHeader(h));
    if (column === undefined) {
      if (h.trim() !== '') unknown.push(h);
      return;
    }
    columns.set(column, [...(columns.get(column) ?? []), i]);
  });
  return { header: headerRow.cells, rows, columns, unknown };
}

/** Reads cells of one row by column name. */
export class CsvCells {
  constructor(
    readonly table: CsvTable,
    readonly row: CsvRow,
    readonly issues: FormatIssue[],
  ) {}

  /** The first cell of the column, trimmed; '' when absent. */
  get(column: string): string {
    const i = this.table.columns.get(column)?.[0];
    return i === undefined ? '' : (this.row.cells[i] ?? '').trim();
  }

  /** Every non-empty cell of a repeated column, in order. */
  all(column: string): string[] {
    return (this.table.columns.get(column) ?? [])
      .map((i) => (this.row.cells[i] ?? '').trim())
      .filter((v) => v !== '');
  }

  has(column: string): boolean {
    return this.table.columns.has(column);
  }

  /** The header text of a column, for messages. */
  header(column: string): string {
    const i = this.table.columns.get(column)?.[0];
    return i === undefined ? column : (this.table.header[i] ?? column).trim();
  }

  where(column: string): string {
    return `line ${this.row.line}, column ${this.header(column)}`;
  }

  bad(column: string, message: string, value?: string): void {
    this.issues.push({ path: this.where(column), message, ...(value !== undefined ? { value } : {}) });
  }
}
