/**
 * A throwaway database that another process can open by its settings alone (`DATABASE_URL` or
 * `TANDEM_DATA`): a temporary folder for SQLite, a new database (`tandem_scratch_<random>`) on the
 * PostgreSQL server of `baseUrl` for PostgreSQL. For tests and benchmarks that start the real server
 * or the CLI as a child process, where a schema on `search_path` cannot be passed along.
 *
 *   const scratch = await createScratchDatabase('postgres', TEST_DATABASE_URL);
 *   spawn(…, { env: { ...process.env, ...scratch.env } });
 *   await scratch.destroy();
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Engine, OpenDatabaseOptions } from './open-database.ts';

export interface ScratchDatabase {
  engine: Engine;
  /** For `openDatabase`: `{ url }` or `{ dataDir }`. */
  options: OpenDatabaseOptions & ({ url: string } | { dataDir: string });
  /** The same as environment variables: `DATABASE_URL` or `TANDEM_DATA`. */
  env: Record<string, string>;
  /** Drops the database (closing its other connections) or removes the folder. */
  destroy(): Promise<void>;
}

export async function createScratchDatabase(engine: Engine, baseUrl?: string): Promise<ScratchDatabase> {
  if (engine === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-scratch-'));
    return {
      engine,
      options: { dataDir },
      env: { TANDEM_DATA: dataDir },
      destroy: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  if (baseUrl === undefined) throw new Error('a PostgreSQL scratch database needs the server’s URL');
  const name = `tandem_scratch_${randomBytes(6).toString('hex')}`;
  await admin(baseUrl, `create database "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    engine,
    options: { url: url.toString() },
    env: { DATABASE_URL: url.toString() },
    destroy: () => admin(baseUrl, `drop database if exists "${name}" with (force)`),
  };
}

async function admin(baseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
