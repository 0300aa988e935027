/**
 * Sign-in sessions, found by the SHA-256 hash of the cookie's token (the token itself is never
 * stored). Sessions are not versioned or audited: they are credentials, not project data.
 */
import type { Insertable, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { SessionTable } from '../db/schema.ts';
import { type Db, timestamp } from './transaction.ts';

export type Session = Selectable<SessionTable>;
export type NewSession = Omit<Insertable<SessionTable>, 'id' | 'created_at' | 'last_seen_at'> & {
  id?: string;
};

export async function createSession(db: Db, input: NewSession): Promise<Session> {
  const now = timestamp();
  return db
    .insertInto('sessions')
    .values({ ...input, id: input.id ?? uuidv7(), created_at: now, last_seen_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The session with this token hash, unless it has expired. */
export async function findSessionByTokenHash(
  db: Db,
  tokenHash: string,
  now = timestamp(),
): Promise<Session | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Records activity and, optionally, slides the expiry. */
export async function touchSession(db: Db, id: string, expiresAt?: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: timestamp(), ...(expiresAt !== undefined ? { expires_at: expiresAt } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Signs a user out everywhere (password change, account disabled). */
export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now = timestamp()): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
