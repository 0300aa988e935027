import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.ts';
import { decodeText } from './decode-text.ts';
import { importFormatOf, readImportFile } from './read-import-file.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

function failure(run: () => unknown): FormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
}

const MSPDI = (tasks: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="http://schemas.microsoft.com/project"><StartDate>2026-01-05T08:00:00</StartDate><Tasks>${tasks}</Tasks></Project>`;
const task = (uid: number, pred?: number) =>
  `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>T${uid}</Name><Duration>PT8H0M0S</Duration>${
    pred !== undefined
      ? `<PredecessorLink><PredecessorUID>${pred}</PredecessorUID><Type>1</Type></PredecessorLink>`
      : ''
  }</Task>`;

describe('readImportFile', () => {
  it('refuses UTF-16, Latin-1 and binary files, saying where and what to do', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...utf8('I\0D\0')]);
    expect(failure(() => decodeText(utf16, 'csv')).message).toContain('UTF-16 little-endian');
    const latin1 = new Uint8Array([...utf8('ID,Name\n1,Caf'), 0xe9, ...utf8('\n')]);
    const error = failure(() => readImportFile(latin1, 'csv'));
    expect(error.issues[0]).toMatchObject({ path: 'line 2, column 6' });
    expect(error.message).toContain('Latin-1 / Windows-1252');
    expect(error.message).toContain('"é"');
    expect(
      failure(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'mspdi')).message,
    ).toContain('NUL');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Café ✓')]), 'csv')).toBe('Café ✓');
  });

  it('refuses an empty file and truncated XML', () => {
    expect(failure(() => readImportFile(new Uint8Array(), 'mspdi')).message).toContain('empty');
    const xml = MSPDI(task(1) + task(2, 1));
    const truncated = failure(() => readImportFile(utf8(xml.slice(0, xml.length - 40)), 'mspdi'));
    expect(truncated.format).toBe('mspdi');
  });

  it('refuses MSPDI link cycles, naming each link’s element path', () => {
    const error = failure(() => readImportFile(utf8(MSPDI(task(1, 2) + task(2, 1))), 'mspdi'));
    expect(error.issues).toEqual([
      {
        path: 'Project/Tasks/Task[UID=1]/PredecessorLink[PredecessorUID=2]',
        message: 'dependency cycle: 1 (T1) → 2 (T2) → 1 (T1)',
      },
    ]);
  });

  it('refuses plan-file cycles at tasks[i].after[j]', () => {
    const yaml =
      'version: 1\nproject: { name: P, start: 2026-01-05 }\ntasks:\n  - { id: a, name: A, duration: 1d, after: [b] }\n  - { id: b, name: B, duration: 1d, after: [a] }\n';
    const error = failure(() => readImportFile(utf8(yaml), 'yaml'));
    expect(error.issues.map((i) => i.path)).toEqual(['tasks[0].after[0]']);
  });

  it('tells a Jira export from a task CSV, and formats from media types and file names', () => {
    const jira = readImportFile(utf8('Summary,Issue key,Issue Type\nA,X-1,Story\n'), 'csv');
    expect(jira.format).toBe('jira-csv');
    expect(readImportFile(utf8('Name\nA\n'), 'csv').format).toBe('csv');
    expect(importFormatOf({ contentType: 'text/csv; charset=utf-8' })).toBe('csv');
    expect(importFormatOf({ contentType: 'application/octet-stream', fileName: 'plan.XML' })).toBe('mspdi');
    expect(importFormatOf({ fileName: 'plan.yml' })).toBe('yaml');
    expect(importFormatOf({})).toBeUndefined();
  });
});
