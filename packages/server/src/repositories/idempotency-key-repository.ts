/**
 * Idempotency keys: the response to a write sent with an `Idempotency-Key` header, kept until it
 * expires so a retried request gets the same response instead of writing twice. Two requests racing
 * with one key: the second `saveIdempotencyKey` fails with a unique `ConstraintError`.
 */
import type { Insertable, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { IdempotencyKeyTable } from '../db/schema.ts';
import { type Db, timestamp, withTransaction } from './transaction.ts';

export type IdempotencyKey = Selectable<IdempotencyKeyTable>;
export type NewIdempotencyKey = Omit<Insertable<IdempotencyKeyTable>, 'id' | 'created_at'>;

export async function findIdempotencyKey(
  db: Db,
  workspaceId: string,
  userId: string,
  key: string,
  now = timestamp(),
): Promise<IdempotencyKey | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function saveIdempotencyKey(db: Db, input: NewIdempotencyKey): Promise<IdempotencyKey> {
  return withTransaction(db, async (trx) => {
    // An expired entry with the same key makes way for the new one.
    await trx
      .deleteFrom('idempotency_keys')
      .where('workspace_id', '=', input.workspace_id)
      .where('user_id', '=', input.user_id)
      .where('key', '=', input.key)
      .where('expires_at', '<=', timestamp())
      .execute();
    return trx
      .insertInto('idempotency_keys')
      .values({ ...input, id: uuidv7(), created_at: timestamp() })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export async function deleteExpiredIdempotencyKeys(db: Db, now = timestamp()): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
