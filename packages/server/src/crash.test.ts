/**
 * No acknowledged write is lost on a crash (PRODUCT.md §9). The real server runs as a child process on
 * a scratch database; clients create work items and change their durations with If-Match through the
 * API; the server is killed with SIGKILL while requests are in flight. Then: the database passes its
 * integrity check (SQLite `PRAGMA integrity_check` and `foreign_key_check`; PostgreSQL `amcheck` on
 * every B-tree index and the foreign keys), every work item has exactly one audit entry per version
 * (a write and its audit entry commit together), and after a restart the API returns every
 * acknowledged write — or, for the one request per client that was in flight, that write.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { issueApiToken } from './admin/accounts.ts';
import { TEST_PASSWORD_HASHING, hashPassword } from './auth/password.ts';
import { openDatabase } from './db/open-database.ts';
import { type ScratchDatabase, createScratchDatabase } from './db/scratch-database.ts';
import { ENGINES, TEST_DATABASE_URL, requireEngines } from './db/test-engines.ts';
import { seedDemoWorkspace } from './seed/seed-demo-workspace.ts';
import { startServerProcess } from './testing/server-process.ts';

const CLIENTS = 8;
/** Kill once this many writes are acknowledged (or after KILL_AFTER_MS). */
const KILL_AT_ACKS = 150;
const KILL_AFTER_MS = 4000;

const logDir = mkdtempSync(join(tmpdir(), 'tandem-crash-'));
afterAll(() => rmSync(logDir, { recursive: true, force: true }));

interface Item {
  id: string;
  name: string;
  /** What the server acknowledged last. */
  version: number;
  durationMinutes: number;
  /** A PATCH sent but not answered when the server died: it may or may not have committed. */
  pending?: { version: number; durationMinutes: number };
}

async function prepare(scratch: ScratchDatabase) {
  const { db, close } = await openDatabase(scratch.options);
  try {
    const seeded = await seedDemoWorkspace(db, {
      hashPassword: (p) => hashPassword(p, TEST_PASSWORD_HASHING),
    });
    const { token } = await issueApiToken(db, { email: seeded!.owner.email, name: 'crash test' });
    return { token, projectId: seeded!.projects.banking.id, workspaceId: seeded!.workspace.id };
  } finally {
    await close();
  }
}

/** One client: creates work items and changes their durations, one request at a time. */
async function client(
  n: number,
  url: string,
  token: string,
  projectId: string,
  items: Map<string, Item>,
  running: () => boolean,
): Promise<number> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const mine: Item[] = [];
  let acked = 0;
  for (let i = 0; running(); i++) {
    try {
      if (mine.length < 3 || i % 3 === 0) {
        const name = `crash-${n}-${i}`;
        const durationMinutes = 480 * (1 + (i % 5));
        const response = await fetch(`${url}/api/projects/${projectId}/work-items`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ name, durationMinutes }),
        });
        expect(response.status).toBe(201);
        const row = (await response.json()) as { id: string; version: number };
        const item = { id: row.id, name, version: row.version, durationMinutes };
        items.set(item.id, item);
        mine.push(item);
      } else {
        const item = mine[i % mine.length]!;
        const durationMinutes = 60 * (1 + ((i * 7) % 40));
        item.pending = { version: item.version + 1, durationMinutes };
        const response = await fetch(`${url}/api/work-items/${item.id}`, {
          method: 'PATCH',
          headers: { ...headers, 'if-match': `"${item.version}"` },
          body: JSON.stringify({ durationMinutes }),
        });
        expect(response.status).toBe(200);
        const row = (await response.json()) as { version: number; durationMinutes: number };
        Object.assign(item, { version: row.version, durationMinutes: row.durationMinutes });
        delete item.pending;
      }
      acked++;
    } catch (error) {
      if (running()) throw error;
      return acked; // the server is gone: this request was never acknowledged
    }
  }
  return acked;
}

async function integrityProblems(scratch: ScratchDatabase): Promise<unknown[]> {
  if (scratch.engine === 'sqlite') {
    const file = new SqliteDatabase(join(scratch.env.TANDEM_DATA!, 'tandem.db'));
    try {
      const check = file.pragma('integrity_check') as { integrity_check: string }[];
      const foreignKeys = file.pragma('foreign_key_check') as unknown[];
      return [...check.filter((r) => r.integrity_check !== 'ok'), ...foreignKeys];
    } finally {
      file.close();
    }
  }
  const db = new pg.Client({ connectionString: scratch.env.DATABASE_URL });
  await db.connect();
  try {
    await db.query('create extension if not exists amcheck');
    // Every B-tree index checked against its table (heapallindexed): raises on corruption.
    await db.query(`
      select bt_index_check(i.indexrelid, true)
      from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
      join pg_namespace s on s.oid = c.relnamespace
      where a.amname = 'btree' and s.nspname = 'public'`);
    const unvalidated = await db.query(
      `select conname from pg_constraint where contype = 'f' and not convalidated`,
    );
    return unvalidated.rows;
  } finally {
    await db.end();
  }
}

describe.each(ENGINES)('a server killed mid-write [%s]', (engine) => {
  if (!requireEngines([engine])) return;

  it('keeps every acknowledged write, and the database is consistent', { timeout: 20_000 }, async () => {
    const started = Date.now();
    const scratch = await createScratchDatabase(engine, TEST_DATABASE_URL);
    try {
      const { token, projectId, workspaceId } = await prepare(scratch);
      const server = await startServerProcess(scratch, join(logDir, `${engine}-1.log`));
      const items = new Map<string, Item>();
      let alive = true;
      const clients = Array.from({ length: CLIENTS }, (_, n) =>
        client(n, server.url, token, projectId, items, () => alive),
      );
      const writing = Date.now();
      const acked = () => [...items.values()].reduce((n, item) => n + item.version, 0);
      while (acked() < KILL_AT_ACKS && Date.now() - writing < KILL_AFTER_MS)
        await new Promise((wait) => setTimeout(wait, 10));
      alive = false;
      server.child.kill('SIGKILL');
      expect(await server.exited).toBe('SIGKILL');
      const perClient = await Promise.all(clients);
      const total = perClient.reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThan(20);

      expect(await integrityProblems(scratch)).toEqual([]);
      const { db, close } = await openDatabase({ ...scratch.options, migrate: false });
      try {
        const rows = await db
          .selectFrom('work_items as w')
          .leftJoin('audit_log as a', (join) =>
            join
              .onRef('a.workspace_id', '=', 'w.workspace_id')
              .onRef('a.entity_id', '=', 'w.id')
              .on('a.entity_type', '=', 'work_item'),
          )
          .select(['w.id', 'w.version', sql<number>`count(a.id)`.as('entries')])
          .where('w.workspace_id', '=', workspaceId)
          .where('w.name', 'like', 'crash-%')
          .groupBy(['w.id', 'w.version'])
          .execute();
        expect(rows.length).toBeGreaterThanOrEqual(items.size);
        for (const row of rows) expect(Number(row.entries), row.id).toBe(row.version);
      } finally {
        await close();
      }

      const again = await startServerProcess(scratch, join(logDir, `${engine}-2.log`));
      try {
        const found = new Map<string, { name: string; version: number; durationMinutes: number }>();
        let cursor: string | null = null;
        do {
          const page = (await (
            await fetch(
              `${again.url}/api/projects/${projectId}/work-items?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
              { headers: { authorization: `Bearer ${token}` } },
            )
          ).json()) as {
            items: { id: string; name: string; version: number; durationMinutes: number }[];
            nextCursor: string | null;
          };
          for (const row of page.items) found.set(row.id, row);
          cursor = page.nextCursor;
        } while (cursor);
        for (const item of items.values()) {
          const row = found.get(item.id);
          expect(row, `${item.name} was acknowledged`).toBeDefined();
          const state = { version: row!.version, durationMinutes: row!.durationMinutes };
          const acknowledged = { version: item.version, durationMinutes: item.durationMinutes };
          if (item.pending && state.version === item.pending.version)
            expect(state, item.name).toEqual(item.pending);
          else expect(state, item.name).toEqual(acknowledged);
          expect(row!.name).toBe(item.name);
        }
        const schedule = await fetch(`${again.url}/api/projects/${projectId}/schedule`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(schedule.status).toBe(200);
      } finally {
        await again.stop();
      }
    } finally {
      await scratch.destroy();
    }
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
