/**
 * One test suite for both engines (as Kysely runs every test for every dialect):
 *
 *   describeEngines('projects', (t) => { it('…', async () => { await createProject(t.db, …) }) });
 *
 * SQLite runs in a fresh temporary folder; PostgreSQL in a fresh schema (`tandem_test_<random>`,
 * dropped afterwards) of `TEST_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/test), so
 * test files running in parallel never meet. The one rule for a missing PostgreSQL: the PostgreSQL
 * tests are skipped with the reason on a laptop, and fail in CI (`CI` set and not `false`).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Engine, type OpenedDatabase, openDatabase } from './open-database.ts';

export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';

let reachable: Promise<string | undefined> | undefined;

/** Undefined when PostgreSQL answers; otherwise why not. Asked once per test file. */
export function postgresProblem(): Promise<string | undefined> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return reachable;
}

const pgProblem = await postgresProblem();

export interface TestDatabase extends OpenedDatabase {
  /** Closes the database and removes it (the temporary folder, or the schema). */
  destroy(): Promise<void>;
}

/** A fresh, migrated, empty database on `engine`. */
export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
    const opened = await openDatabase({ dataDir });
    return {
      ...opened,
      destroy: async () => {
        await opened.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `tandem_test_${randomBytes(6).toString('hex')}`;
  const opened = await openDatabase({ url: TEST_DATABASE_URL, schema, poolSize: 4 });
  return {
    ...opened,
    destroy: async () => {
      await opened.close();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface EngineTest {
  readonly engine: Engine;
  /** The database of this describe block (opened before its tests, removed after). */
  readonly db: OpenedDatabase['db'];
}

/**
 * `describe(`${name} [engine]`)` once per engine, each with its own fresh database in `t.db`.
 * Tests share that database within the block: give each test its own workspace.
 */
export function describeEngines(name: string, body: (t: EngineTest) => void): void {
  for (const engine of ENGINES) {
    describe(`${name} [${engine}]`, () => {
      if (!requireEngines([engine])) return;
      let opened: TestDatabase | undefined;
      const t: EngineTest = {
        engine,
        get db() {
          if (!opened) throw new Error('the test database is not open yet (use t.db inside tests)');
          return opened.db;
        },
      };
      beforeAll(async () => {
        opened = await openTestDatabase(engine);
      });
      afterAll(async () => {
        await opened?.destroy();
      });
      body(t);
    });
  }
}

/**
 * Call inside a `describe`: when PostgreSQL is among `engines` and unreachable, adds a failing test in
 * CI and a skipped one, with the reason, elsewhere. Returns whether every engine is there.
 */
export function requireEngines(engines: readonly Engine[]): boolean {
  if (!engines.includes('postgres') || pgProblem === undefined) return true;
  const why = `PostgreSQL unreachable at ${TEST_DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@')} (${pgProblem})`;
  if (inCi)
    it('needs PostgreSQL in CI', () => {
      throw new Error(`${why}: CI must run the PostgreSQL suite (set TEST_DATABASE_URL)`);
    });
  else it.skip(`skipped: ${why}; set TEST_DATABASE_URL or start PostgreSQL to run these`, () => {});
  return false;
}

/** Engines this run can use (PostgreSQL only when reachable), for tests that pair engines. */
export const AVAILABLE_ENGINES: readonly Engine[] = pgProblem === undefined ? ENGINES : ['sqlite'];
