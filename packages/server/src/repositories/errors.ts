/**
 * The storage layer's typed errors. The HTTP layer maps each to a problem response in one place:
 * `NotFoundError` → 404, `VersionConflictError` → 412 (If-Match) or 409, `ConstraintError` → 409,
 * `ValidationError` → 422. `message` is technical (logs); `userMessage` may be shown to a user.
 */

export abstract class RepositoryError extends Error {
  abstract readonly code: string;
  abstract readonly userMessage: string;
}

export class NotFoundError extends RepositoryError {
  override readonly name = 'NotFoundError';
  readonly code = 'not_found';
  constructor(
    readonly entityType: string,
    readonly id: string,
  ) {
    super(`${entityType} ${id} not found`);
  }
  get userMessage(): string {
    return `This ${humanize(this.entityType)} does not exist, or you cannot see it.`;
  }
}

/** The row's version is not the one the caller read: nothing was written. `current` is the row now. */
export class VersionConflictError<T = unknown> extends RepositoryError {
  override readonly name = 'VersionConflictError';
  readonly code = 'version_conflict';
  constructor(
    readonly entityType: string,
    readonly id: string,
    readonly expectedVersion: number,
    readonly current: T & { version: number },
  ) {
    super(
      `${entityType} ${id} is at version ${current.version}, not ${expectedVersion}: changed by someone else`,
    );
  }
  get userMessage(): string {
    return `Someone else changed this ${humanize(this.entityType)} since you opened it. Reload it and apply your change again.`;
  }
}

export type ConstraintKind = 'unique' | 'foreign_key' | 'not_null' | 'check';

/** The database refused a write: a duplicate, a reference to a missing row, or a row still referenced. */
export class ConstraintError extends RepositoryError {
  override readonly name = 'ConstraintError';
  readonly code = 'constraint';
  constructor(
    readonly kind: ConstraintKind,
    message: string,
    /** The table and columns involved, when the engine says (`work_items.key`). */
    readonly detail?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
  get userMessage(): string {
    switch (this.kind) {
      case 'unique':
        return 'Something with the same name or key already exists.';
      case 'foreign_key':
        return 'This refers to something that does not exist, or is still used by something else.';
      default:
        return 'A required value is missing or invalid.';
    }
  }
}

export interface ValidationIssue {
  /** Where the problem is: `tasks[3].duration`, `filter.status`. */
  path: string;
  message: string;
}

/** The input is not acceptable (an unknown sort column, a plan whose links name missing tasks, …). */
export class ValidationError extends RepositoryError {
  override readonly name = 'ValidationError';
  readonly code = 'validation';
  constructor(readonly issues: ValidationIssue[]) {
    super(
      issues.length === 1
        ? `${issues[0]?.path}: ${issues[0]?.message}`
        : `${issues.length} problems: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }
  get userMessage(): string {
    return this.message;
  }
}

function humanize(entityType: string): string {
  return entityType.replaceAll('_', ' ');
}

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  detail?: unknown;
  message?: unknown;
}

/**
 * A constraint violation from either engine as a `ConstraintError`; anything else unchanged.
 * PostgreSQL reports SQLSTATE codes (23505 …), better-sqlite3 `SQLITE_CONSTRAINT_*` codes.
 */
export function translateDbError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const e = error as DriverError;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : String(error);
  const kind: ConstraintKind | undefined =
    code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
      ? 'unique'
      : code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
        ? 'foreign_key'
        : code === '23502' || code === 'SQLITE_CONSTRAINT_NOTNULL'
          ? 'not_null'
          : code === '23514' || code === 'SQLITE_CONSTRAINT_CHECK'
            ? 'check'
            : undefined;
  if (kind === undefined) return error;
  const detail =
    typeof e.constraint === 'string'
      ? e.constraint
      : (/constraint failed: (.*)$/.exec(message)?.[1] ?? undefined);
  return new ConstraintError(kind, message, detail, { cause: error });
}
