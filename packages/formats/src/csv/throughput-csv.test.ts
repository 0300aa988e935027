import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.ts';
import { parseCompletionDate, parseCsv, readThroughputCsv } from './throughput-csv.ts';

describe('parseCsv (RFC 4180)', () => {
  it('splits fields and records, CRLF, LF or CR', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\n4,5,6\r7,8,9').map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8', '9'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and keeps line numbers', () => {
    const records = parseCsv('id,notes,n\r\n1,"say ""hi"", then\r\nleave",2\r\n3,"",4\r\n');
    expect(records.map((r) => r.cells)).toEqual([
      ['id', 'notes', 'n'],
      ['1', 'say "hi", then\r\nleave', '2'],
      ['3', '', '4'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[1]?.cellLines).toEqual([2, 2, 3]);
  });

  it('ignores a byte-order mark, blank lines and a final line break; keeps empty fields', () => {
    expect(parseCsv('\uFEFFa,b\n\n,\n').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a,').map((r) => r.cells)).toEqual([['a', '']]);
  });

  it('takes a quote inside an unquoted field literally', () => {
    expect(parseCsv('5" screen,x')[0]?.cells).toEqual(['5" screen', 'x']);
  });

  it('names the line and column of a quote that never closes or is followed by text', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(/line 2, column 2: a quoted field is never closed/);
    expect(() => parseCsv('a,b\n1,"x"y')).toThrow(/line 2, column 2: unexpected "y" after a closing quote/);
    expect(() => parseCsv('"x"y')).toThrow(FormatError);
  });
});

describe('parseCompletionDate', () => {
  it.each([
    ['2024-03-12', '2024-03-12'],
    ['2024-03-12T15:45:00', '2024-03-12'],
    ['2024-03-12T23:30:00.000+01:00', '2024-03-12'],
    ['2024-03-12 15:45', '2024-03-12'],
    ['2024/3/2', '2024-03-02'],
    ['12/Mar/24 3:45 PM', '2024-03-12'],
    ['1/jan/2025', '2025-01-01'],
    ['2024-02-30', null],
    ['03/12/2024', null],
    ['12/Foo/24', null],
    ['soon', null],
  ])('%s → %s', (text, date) => {
    expect(parseCompletionDate(text)).toBe(date);
  });
});

describe('readThroughputCsv', () => {
  it('reads a Jira export: one issue per row, dated in Resolved; unresolved issues are skipped', () => {
    const csv = [
      'Summary,Issue key,Status,Resolution,Resolved,Sprint,Sprint',
      '"Login, with SSO",PAY-1,Done,Done,12/Mar/24 3:45 PM,S1,S2',
      'Export,PAY-2,In Progress,,,S2,',
      'Audit log,PAY-3,Done,Done,12/Mar/24 9:00 AM,S2,',
      'Alerts,PAY-4,Done,Done,14/Mar/24 11:10 AM,S2,',
    ].join('\r\n');
    expect(readThroughputCsv(csv)).toEqual({
      layout: 'dates',
      dateColumn: 'Resolved',
      completions: [
        { date: '2024-03-12', count: 2 },
        { date: '2024-03-14', count: 1 },
      ],
      rows: 4,
      skipped: 1,
    });
  });

  it.each(['completed', 'Done', ' done date ', 'Resolution Date'])('accepts a "%s" column', (name) => {
    expect(readThroughputCsv(`id,${name}\n1,2026-03-02\n`).completions).toEqual([
      { date: '2026-03-02', count: 1 },
    ]);
  });

  it('reads date,count rows and adds up repeated dates', () => {
    const csv = 'date,count\n2026-03-03,2\n2026-03-02,0\n2026-03-03,1\n';
    expect(readThroughputCsv(csv)).toEqual({
      layout: 'counts',
      dateColumn: 'date',
      countColumn: 'count',
      completions: [
        { date: '2026-03-02', count: 0 },
        { date: '2026-03-03', count: 3 },
      ],
      rows: 3,
      skipped: 0,
    });
  });

  it('reports every bad cell by line and column', () => {
    const csv = 'date,count\n2026-03-02,2\n2026-13-01,1\n2026-03-04,many\n,3\n';
    let error: unknown;
    try {
      readThroughputCsv(csv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormatError);
    const issues = (error as FormatError).issues;
    expect(issues.map((i) => i.path)).toEqual([
      'line 3, column 1 (date)',
      'line 4, column 2 (count)',
      'line 5, column 1 (date)',
    ]);
    expect(issues[0]?.value).toBe('2026-13-01');
    expect((error as FormatError).message).toContain('3 problems in the throughput CSV file');
  });

  it('names the columns it looks for when none is there, and rejects an empty file', () => {
    expect(() => readThroughputCsv('Key,Summary\nPAY-1,x\n')).toThrow(
      /line 1: no column of completion dates: expected a "completed", "done" or "resolved" column/,
    );
    expect(() => readThroughputCsv('\uFEFF')).toThrow(/the file is empty/);
  });
});
