/**
 * One entry point for every importable file: bytes and a format in, an `ImportedPlan` out, or one
 * `FormatError` listing every problem with its location (a CSV line and column, an MSPDI element
 * path, a plan-file path). Text must be UTF-8 (`decodeText`); dependency cycles are refused here for
 * every format, so nothing that cannot be scheduled is ever stored.
 */
import type { ProjectUnits } from '@tandem/core';
import { FormatError } from '../format-error.ts';
import { readTaskCsv } from '../csv/read-task-csv.ts';
import { readJiraCsv } from '../jira/read-jira-csv.ts';
import { readMspdi } from '../mspdi/mspdi-reader.ts';
import { readPlanFile } from '../plan/read-plan-file.ts';
import { decodeText } from './decode-text.ts';
import type { ImportedPlan } from './imported-plan.ts';
import { linkCycleIssues } from './link-cycles.ts';

export const IMPORT_FORMATS = ['mspdi', 'csv', 'jira-csv', 'json', 'yaml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions {
  /** For task lists: the project's units and default times (durations and dates read with them). */
  units?: ProjectUnits;
  defaultStartMinute?: number;
  defaultFinishMinute?: number;
}

const CONTENT_TYPES: Record<string, ImportFormat> = {
  'application/xml': 'mspdi',
  'text/xml': 'mspdi',
  'application/vnd.ms-project': 'mspdi',
  'application/vnd.ms-project+xml': 'mspdi',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/json': 'json',
  'application/yaml': 'yaml',
  'application/x-yaml': 'yaml',
  'text/yaml': 'yaml',
  'text/x-yaml': 'yaml',
};

const EXTENSIONS: Record<string, ImportFormat> = {
  xml: 'mspdi',
  csv: 'csv',
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
};

/** The format named by a media type (`text/csv; charset=utf-8`) or a file name (`plan.xml`), if any. */
export function importFormatOf(hint: {
  contentType?: string | undefined;
  fileName?: string | undefined;
}): ImportFormat | undefined {
  const type = hint.contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== undefined && CONTENT_TYPES[type]) return CONTENT_TYPES[type];
  const ext = hint.fileName?.split('.').pop()?.toLowerCase();
  return ext !== undefined ? EXTENSIONS[ext] : undefined;
}

/** A CSV with Jira's `Issue key` and `Issue Type` columns is Jira's export. */
function looksLikeJira(text: string): boolean {
  const header =
    text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/, 1)[0]
      ?.toLowerCase() ?? '';
  return header.includes('issue key') && header.includes('issue type');
}

/**
 * @example
 * const imported = readImportFile(bytes, 'csv', { units: project.units });
 */
export function readImportFile(
  bytes: Uint8Array,
  format: ImportFormat,
  options: ImportOptions = {},
): ImportedPlan {
  if (bytes.length === 0)
    throw FormatError.fromIssues(format, [{ path: 'file', message: 'the file is empty' }]);
  const text = decodeText(bytes, format);
  switch (format) {
    case 'mspdi': {
      const { project, warnings } = readMspdi(text);
      const issues = linkCycleIssues(
        project,
        (l) => `Project/Tasks/Task[UID=${l.successorId}]/PredecessorLink[PredecessorUID=${l.predecessorId}]`,
      );
      if (issues.length > 0) throw FormatError.fromIssues(format, issues);
      return { format, scope: 'plan', project, items: {}, sprints: [], warnings };
    }
    case 'json':
    case 'yaml': {
      const project = readPlanFile(text, format);
      const taskIndex = new Map(project.tasks.map((t, i) => [t.id, i]));
      const issues = linkCycleIssues(project, (l, i) => {
        const nth = project.links.slice(0, i).filter((o) => o.successorId === l.successorId).length;
        return `tasks[${taskIndex.get(l.successorId) ?? '?'}].after[${nth}]`;
      });
      if (issues.length > 0) throw FormatError.fromIssues(format, issues);
      return { format, scope: 'plan', project, items: {}, sprints: [], warnings: [] };
    }
    case 'csv':
      return looksLikeJira(text) ? readJiraCsv(text, options) : readTaskCsv(text, options);
    case 'jira-csv':
      return readJiraCsv(text, options);
  }
}
