/** One thing wrong with an input file: where (`tasks[3].duration`, `line 12`), what, and the value found. */
export interface FormatIssue {
  path: string;
  message: string;
  value?: unknown;
}

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
}
