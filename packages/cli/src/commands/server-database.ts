/**
 * Which database the server commands (`serve`, `user`, `token`, `backup`, `restore`) use, the same way
 * the server picks it: `--database URL` or `DATABASE_URL` for PostgreSQL, otherwise SQLite in
 * `--data DIR`, `TANDEM_DATA` or `./.tandem`. And the server's errors as messages for the user.
 */
import { resolve } from 'node:path';
import {
  DatabaseConfigError,
  DatabaseNotEmptyError,
  MigrationError,
  RepositoryError,
  ValidationError,
  engineOf,
  openDatabase,
} from '@tandem/server';
import { UserError } from '../user-error.ts';

export interface DatabaseSettings {
  /** PostgreSQL URL; absent for SQLite. */
  url?: string;
  /** SQLite's folder, absolute. */
  dataDir: string;
}

export function databaseSettings(
  options: { database?: string | undefined; data?: string | undefined },
  env: Record<string, string | undefined>,
  cwd: string,
): DatabaseSettings {
  const url = options.database ?? (env.DATABASE_URL || undefined);
  if (url !== undefined)
    try {
      engineOf(url);
    } catch (error) {
      throw new UserError((error as Error).message);
    }
  return {
    ...(url !== undefined ? { url } : {}),
    dataDir: resolve(cwd, options.data ?? (env.TANDEM_DATA || './.tandem')),
  };
}

/** "SQLite at /srv/tandem/tandem.db", "PostgreSQL at db.example:5432/tandem" (no credentials). */
export function describeDatabase(settings: DatabaseSettings): string {
  if (settings.url === undefined) return `SQLite at ${resolve(settings.dataDir, 'tandem.db')}`;
  try {
    const u = new URL(settings.url);
    return `PostgreSQL at ${u.host}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

type Db = Awaited<ReturnType<typeof openDatabase>>['db'];

/** Opens (and migrates) the database, runs `fn`, closes it. Failing to open is a UserError. */
export async function withDatabase<T>(settings: DatabaseSettings, fn: (db: Db) => Promise<T>): Promise<T> {
  let opened: Awaited<ReturnType<typeof openDatabase>>;
  try {
    opened = await openDatabase({
      ...(settings.url !== undefined ? { url: settings.url } : {}),
      dataDir: settings.dataDir,
      poolSize: 2,
    });
  } catch (error) {
    throw serverError(error, `cannot open the database (${describeDatabase(settings)})`);
  }
  try {
    return await fn(opened.db);
  } finally {
    await opened.close();
  }
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET']);
// PostgreSQL: invalid catalog name (no such database), authentication failures, no such role.
const PG_SETUP_CODES = new Set(['3D000', '28P01', '28000']);

/** The server's errors as one message for the user; anything else is a bug and passes through. */
export function serverError(error: unknown, context?: string): unknown {
  const prefix = context !== undefined ? `${context}: ` : '';
  if (error instanceof UserError) return error;
  if (error instanceof ValidationError)
    return new UserError(
      `${prefix}${
        error.issues.length === 1
          ? `${error.issues[0]!.path}: ${error.issues[0]!.message}`
          : `\n${error.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`
      }`,
    );
  if (error instanceof RepositoryError) return new UserError(`${prefix}${error.message}`);
  if (error instanceof DatabaseNotEmptyError || error instanceof DatabaseConfigError)
    return new UserError(`${prefix}${error.message}`);
  if (error instanceof MigrationError) return new UserError(`${prefix}${error.message}`);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || PG_SETUP_CODES.has(code)))
    return new UserError(`${prefix}${(error as Error).message || code}`);
  if (error instanceof AggregateError && error.errors.length > 0)
    return serverError(error.errors[0], context);
  return error;
}
