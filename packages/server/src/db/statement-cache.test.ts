import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './open-database.ts';

describe('the SQLite statement cache', () => {
  const database = new SqliteDatabase(':memory:');
  afterEach(() => database.exec('drop table if exists t'));

  it('reuses a statement per SQL text, least recently used out first', () => {
    const cache = withStatementCache(database, 2);
    const a = cache.prepare('select 1');
    expect(cache.prepare('select 1')).toBe(a);
    const b = cache.prepare('select 2');
    cache.prepare('select 1'); // now the most recent
    cache.prepare('select 3'); // evicts "select 2"
    expect(cache.prepare('select 1')).toBe(a);
    expect(cache.prepare('select 2')).not.toBe(b);
  });

  it('gives a fresh statement while the cached one is iterating', () => {
    database.exec('create table t (x integer); insert into t values (1), (2)');
    const cache = withStatementCache(database);
    const first = cache.prepare('select x from t');
    const iterator = first.iterate();
    iterator.next();
    const second = cache.prepare('select x from t');
    expect(second).not.toBe(first);
    expect(second.all()).toEqual([{ x: 1 }, { x: 2 }]);
    iterator.return?.();
  });

  it('serves Kysely the same results, also after the schema changes', async () => {
    const db = new Kysely<{ t: { x: number; y?: string } }>({
      dialect: new SqliteDialect({ database: withStatementCache(database) }),
    });
    await sql`create table t (x integer)`.execute(db);
    await db.insertInto('t').values({ x: 1 }).execute();
    const read = () => db.selectFrom('t').selectAll().execute();
    expect(await read()).toEqual([{ x: 1 }]);
    await sql`alter table t add column y text`.execute(db);
    await db.updateTable('t').set({ y: 'new' }).execute();
    expect(await read()).toEqual([{ x: 1, y: 'new' }]);
  });
});
