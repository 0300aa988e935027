// The API's RFC 9457 problems as typed errors: every failed request rejects with an `ApiError`;
// a stale `If-Match` (412) with its subclass `ConflictError`, which carries the row as it is now.

export interface FieldProblem {
  /** e.g. `tasks[3].duration` or `name` */
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
  currentVersion?: number;
  current?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: readonly FieldProblem[];
  /** Seconds, from `Retry-After` (429). */
  readonly retryAfter: number | undefined;

  constructor(status: number, problem: Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'network' : `http_${status}`);
    this.title = problem.title ?? 'Request failed';
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.retryAfter = retryAfter;
  }

  /** The message of one field (`errors[].path`), for forms. */
  fieldMessage(path: string): string | undefined {
    return this.errors.find((e) => e.path === path)?.message;
  }
}

/** 412: someone else changed the row since it was read. `current` is the row now. */
export class ConflictError<T = unknown> extends ApiError {
  readonly current: T;
  readonly currentVersion: number;

  constructor(problem: Problem) {
    super(412, problem);
    this.name = 'ConflictError';
    this.current = problem.current as T;
    this.currentVersion =
      problem.currentVersion ?? (problem.current as { version?: number } | undefined)?.version ?? 0;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** One line for a notification: the problem's detail, or its field messages. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'Cannot reach the Tandem server. Check your connection and try again.';
    if (error.status === 429) {
      const wait = error.retryAfter ? ` Try again in ${error.retryAfter} s.` : ' Try again in a minute.';
      return `Too many attempts.${wait}`;
    }
    if (error.errors.length > 0)
      return error.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
    return error.detail ?? error.title;
  }
  return error instanceof Error ? error.message : String(error);
}
