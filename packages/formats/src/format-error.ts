/** One thing wrong with an input file: where (`tasks[3].duration`, `line 12`), what, and the value found. */
export interface FormatIssue {
  path: string;
  message: string;
  value?: unknown;
}

/** At most this many issues are spelled out in an error message; `issues` always holds them all. */
const MAX_LISTED = 20;

/**
 * A file that cannot be read: `format` names the format (`mspdi`, `psplib`, `plan`), `path`/`value`
 * the first problem, and `issues` every problem found (readers report them all at once).
 */
export class FormatError extends Error {
  readonly format: string;
  readonly path: string;
  readonly value: unknown;
  readonly issues: FormatIssue[];

  constructor(init: {
    format: string;
    path: string;
    value?: unknown;
    message: string;
    issues?: FormatIssue[];
  }) {
    super(init.message);
    this.name = 'FormatError';
    this.format = init.format;
    this.path = init.path;
    this.value = init.value;
    this.issues = init.issues ?? [
      { path: init.path, message: init.message, ...(init.value !== undefined ? { value: init.value } : {}) },
    ];
  }

  /**
   * One error for several issues (at least one): `path` and `value` are the first issue's, the message
   * lists them, one a line, as `path: message (found "value")`.
   *
   * @example
   * FormatError.fromIssues('mspdi', [{ path: 'Project/StartDate', message: 'missing' }]).message;
   * // 'Project/StartDate: missing'
   */
  static fromIssues(format: string, issues: readonly FormatIssue[]): FormatError {
    const [first] = issues;
    if (!first) throw new RangeError('FormatError.fromIssues needs at least one issue');
    const listed = issues.slice(0, MAX_LISTED).map(describeIssue);
    const more = issues.length > MAX_LISTED ? [`… and ${issues.length - MAX_LISTED} more`] : [];
    const message =
      issues.length === 1
        ? describeIssue(first)
        : [`${issues.length} problems in the ${format} file:`, ...listed, ...more].join('\n');
    return new FormatError({ format, path: first.path, value: first.value, message, issues: [...issues] });
  }
}

/** `path: message (found "value")`, the value left out when absent. */
export function describeIssue(issue: FormatIssue): string {
  const found = issue.value === undefined ? '' : ` (found ${JSON.stringify(issue.value)})`;
  return `${issue.path}: ${issue.message}${found}`;
}
