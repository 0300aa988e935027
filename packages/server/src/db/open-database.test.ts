import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateDownToNothing, migrateToLatest } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { DatabaseConfigError, databaseOptionsFromEnv, engineOf, openDatabase } from './open-database.ts';
import { describeEngines, openTestDatabase } from './test-engines.ts';
import { BOOLEAN_COLUMNS, JSON_COLUMNS } from './value-codec-plugin.ts';

describe('engine choice', () => {
  it.each([
    [undefined, 'sqlite'],
    ['', 'sqlite'],
    ['postgres://u@h/db', 'postgres'],
    ['postgresql://u@h:5433/db?sslmode=require', 'postgres'],
  ] as const)('%s → %s', (url, engine) => {
    expect(engineOf(url)).toBe(engine);
  });

  it('refuses other URLs without echoing their credentials', () => {
    expect(() => engineOf('mysql://root:secret@db/tandem')).toThrow(DatabaseConfigError);
    expect(() => engineOf('mysql://root:secret@db/tandem')).not.toThrow(/secret/);
  });

  it('reads DATABASE_URL and TANDEM_DATA', () => {
    expect(databaseOptionsFromEnv({ DATABASE_URL: 'postgres://x/y', TANDEM_DATA: '/data' })).toEqual({
      url: 'postgres://x/y',
      dataDir: '/data',
    });
    expect(databaseOptionsFromEnv({})).toEqual({});
  });
});

describe('SQLite', () => {
  it('keeps tandem.db in the data folder: WAL, synchronous FULL, foreign keys, busy timeout; migrates once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-open-'));
    try {
      const first = await openDatabase({ dataDir });
      expect(existsSync(join(dataDir, 'tandem.db'))).toBe(true);
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(first.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // FULL
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      await first.close();
      const second = await openDatabase({ dataDir });
      expect(await migrateToLatest(second.db)).toEqual([]);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describeEngines('schema', (t) => {
  it('stores JSON as text and booleans as integers, with one meaning per column name', async () => {
    const tables = await ourTables(t.db);
    const seen = new Set<string>();
    // A number is never parsed as JSON (only strings are), so a numeric column may share a JSON name.
    const numericJson = new Set(['assignments.units']);
    for (const table of tables)
      for (const column of table.columns) {
        seen.add(column.name);
        const type = column.dataType.toLowerCase();
        const name = `${table.name}.${column.name}`;
        if (JSON_COLUMNS.has(column.name) && !numericJson.has(name)) expect(type, name).toBe('text');
        if (BOOLEAN_COLUMNS.has(column.name)) expect(type, `${table.name}.${column.name}`).toMatch(/^int/);
      }
    for (const name of [...JSON_COLUMNS, ...BOOLEAN_COLUMNS]) expect(seen, name).toContain(name);
  });

  it('keys every tenant table by workspace', async () => {
    const tables = await ourTables(t.db);
    const global = new Set(['workspaces', 'users', 'sessions']);
    for (const table of tables.filter((x) => !x.name.startsWith('kysely_') && !global.has(x.name)))
      expect(table.columns[0]?.name, table.name).toBe('workspace_id');
  });

  it('migrates down to nothing and up again', async () => {
    const fresh = await openTestDatabase(t.engine);
    try {
      const count = (await ourTables(fresh.db)).length;
      const schema = await currentSchema(fresh.db);
      const options = schema !== undefined ? { schema } : {};
      await migrateDownToNothing(fresh.db, options);
      expect(await ourTables(fresh.db)).toEqual([]);
      expect(await migrateToLatest(fresh.db, options)).toEqual(Object.keys(MIGRATIONS));
      expect((await ourTables(fresh.db)).length).toBe(count);
    } finally {
      await fresh.destroy();
    }
  });
});

type AnyDb = Parameters<typeof migrateToLatest>[0];

async function currentSchema(db: AnyDb): Promise<string | undefined> {
  if (isSqlite(db)) return undefined;
  const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(db);
  return rows[0]!.s;
}

function isSqlite(db: AnyDb): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Sqlite');
}

/** This database's tables (PostgreSQL lists every schema's: other test files' too), Kysely's left out. */
async function ourTables(db: AnyDb) {
  const schema = await currentSchema(db);
  return (await db.introspection.getTables()).filter(
    (x) => !x.name.startsWith('kysely_') && (schema === undefined || x.schema === schema),
  );
}
