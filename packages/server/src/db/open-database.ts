/**
 * Opens Tandem's database: embedded SQLite by default (zero set-up), PostgreSQL when given a
 * `postgres://` or `postgresql://` URL. Both run the same migrations and the same queries.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { ValueCodecPlugin } from './value-codec-plugin.ts';

export type Engine = 'sqlite' | 'postgres';

/** The part of a pino logger used here (pino's own `Logger` fits). */
export interface DbLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface OpenDatabaseOptions {
  /** `postgres://…` or `postgresql://…` for PostgreSQL; absent for SQLite. */
  url?: string;
  /** SQLite: the folder of `tandem.db`; default `$TANDEM_DATA`, else `./.tandem`. */
  dataDir?: string;
  logger?: DbLogger;
  /** PostgreSQL: the schema to use (created when missing, set as `search_path`). Default `public`. */
  schema?: string;
  /** PostgreSQL: connections in the pool. Default 10. */
  poolSize?: number;
  /** Run the migrations on open. Default true. */
  migrate?: boolean;
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

export class DatabaseConfigError extends Error {
  override readonly name = 'DatabaseConfigError';
}

/** `DATABASE_URL` and `TANDEM_DATA` as `openDatabase` options. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenDatabaseOptions {
  return {
    ...(env.DATABASE_URL ? { url: env.DATABASE_URL } : {}),
    ...(env.TANDEM_DATA ? { dataDir: env.TANDEM_DATA } : {}),
  };
}

export function engineOf(url: string | undefined): Engine {
  if (url === undefined || url === '') return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new DatabaseConfigError(
    `unsupported database URL "${url.replace(/\/\/[^@/]*@/, '//…@')}": use postgres://… or postgresql://…, or leave it unset for SQLite`,
  );
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const engine = engineOf(options.url);
  const dialect =
    engine === 'postgres'
      ? await postgresDialect(options.url ?? '', options)
      : sqliteDialect(options.dataDir ?? process.env.TANDEM_DATA ?? './.tandem');
  const logger = options.logger;
  const db = new Kysely<Database>({
    dialect,
    plugins: [new ValueCodecPlugin()],
    ...(logger ? { log: (event: LogEvent) => logQuery(logger, event) } : {}),
  });
  try {
    if (options.migrate !== false) {
      const applied = await migrateToLatest(
        db,
        engine === 'postgres' && options.schema !== undefined ? { schema: options.schema } : {},
      );
      if (applied.length > 0) logger?.info({ engine, migrations: applied }, 'database migrated');
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, engine, close: () => db.destroy() };
}

function sqliteDialect(dataDir: string): SqliteDialect {
  mkdirSync(dataDir, { recursive: true });
  const database = new SqliteDatabase(join(resolve(dataDir), 'tandem.db'));
  database.pragma('journal_mode = WAL');
  // FULL, not WAL's usual NORMAL: with NORMAL a commit is acknowledged before the WAL is synced to
  // disk, so a power loss or OS crash can lose the last transactions. Tandem promises that no
  // acknowledged write is lost on a crash; FULL syncs the WAL on every commit, which costs one
  // fsync per write transaction — negligible for a planning tool's write rate.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  // Another process (the CLI's `tandem backup` beside a running server) may hold the write lock
  // briefly: wait for it rather than failing with SQLITE_BUSY.
  database.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: withStatementCache(database) });
}

/**
 * Kysely's SQLite driver prepares every query it runs; preparing costs more than running a small
 * query. Statements are kept by their SQL (least recently used go first) and reused — unless one is
 * still busy with an iteration, which then gets a fresh statement.
 */
export function withStatementCache(database: SqliteDatabase.Database, size = 500) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteDatabase.Statement {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}

async function postgresDialect(url: string, options: OpenDatabaseOptions): Promise<PostgresDialect> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new DatabaseConfigError(`invalid PostgreSQL schema name "${schema}"`);
  if (schema !== undefined) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`create schema if not exists "${schema}"`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
    // COUNT(*) and other bigint results as numbers, not strings (our own columns are never bigint).
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  return new PostgresDialect({ pool });
}

function logQuery(logger: DbLogger, event: LogEvent): void {
  const ms = Math.round(event.queryDurationMillis * 10) / 10;
  if (event.level === 'error') logger.error({ err: event.error, sql: event.query.sql, ms }, 'query failed');
  else logger.debug({ sql: event.query.sql, ms }, 'query');
}
