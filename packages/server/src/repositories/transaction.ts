/**
 * `withTransaction(db, fn)`: runs `fn` in a transaction, committed when it resolves and rolled back
 * when it throws. Inside a transaction already, `fn` joins it — so repository functions compose: an
 * import calls the same create functions as the API, and either all of it is written or none.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { translateDbError } from './errors.ts';

export type Db = Kysely<Database>;

export async function withTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  try {
    if (db.isTransaction) return await fn(db);
    return await db.transaction().execute(fn);
  } catch (error) {
    throw translateDbError(error);
  }
}

/** Who writes, and in which workspace: every write is scoped and audited with it. */
export interface WriteContext {
  workspaceId: string;
  /** The user acting; null for the system (seed, restore, jobs). */
  actorId: string | null;
}

/** Now as stored: ISO 8601 UTC text. */
export function timestamp(date: Date = new Date()): string {
  return date.toISOString();
}
