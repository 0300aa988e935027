/**
 * `Idempotency-Key` on creates: the first request's response is stored in the same transaction as the
 * row it created, so a retry gets that response and never a second row. The same key with another
 * body is refused (422). Two requests racing with one key: the loser's transaction fails on the key's
 * unique index, rolls back its row, and replays the winner's response.
 */
import type { Context } from 'hono';
import type { JsonValue } from '../../db/schema.ts';
import { ConstraintError } from '../../repositories/errors.ts';
import { findIdempotencyKey, saveIdempotencyKey } from '../../repositories/idempotency-key-repository.ts';
import type { Db } from '../../repositories/transaction.ts';
import { sha256 } from '../../auth/secret-token.ts';
import { ApiError } from '../api-error.ts';
import type { AppEnv } from '../app-env.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEEP_MS = 24 * 3600_000;

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: JsonValue;
}

export function idempotencyKeyOf(c: Context<AppEnv>): string | undefined {
  const key = c.req.header(IDEMPOTENCY_HEADER);
  if (key === undefined) return undefined;
  if (key.length < 1 || key.length > 200 || !/^[\x21-\x7e]+$/.test(key))
    throw new ApiError(
      400,
      'bad_idempotency_key',
      'Malformed Idempotency-Key',
      'Use 1 to 200 visible ASCII characters.',
    );
  return key;
}

/** A write that calls `inTransaction(trx, result)` inside its transaction, before commit. */
export type IdempotentWrite = (
  inTransaction: (trx: Db, result: StoredResponse) => Promise<void>,
) => Promise<StoredResponse>;

/** Runs `write` at most once per key and body; `replayed` when an earlier response was returned. */
export async function idempotent(
  c: Context<AppEnv>,
  requestBody: unknown,
  write: IdempotentWrite,
): Promise<{ stored: StoredResponse; replayed: boolean }> {
  const key = idempotencyKeyOf(c);
  if (key === undefined) return { stored: await write(async () => {}), replayed: false };
  const { db, clock } = c.get('deps');
  const principal = c.get('principal');
  if (!principal?.workspaceId) throw new ApiError(403, 'forbidden', 'Not allowed');
  const workspaceId = principal.workspaceId;
  const requestHash = sha256(`${c.req.method} ${c.req.path}\n${JSON.stringify(requestBody)}`);
  const earlier = async (): Promise<StoredResponse | undefined> => {
    const found = await findIdempotencyKey(db, workspaceId, principal.userId, key, clock().toISOString());
    if (!found) return undefined;
    if (found.request_hash !== requestHash)
      throw new ApiError(
        422,
        'idempotency_key_reused',
        'Idempotency-Key reused',
        'This Idempotency-Key was used for a different request. Use a new key for a new request.',
      );
    return found.response as unknown as StoredResponse;
  };
  const before = await earlier();
  if (before) return { stored: before, replayed: true };
  try {
    const stored = await write(async (trx, result) => {
      await saveIdempotencyKey(trx, {
        workspace_id: workspaceId,
        key,
        user_id: principal.userId,
        request_hash: requestHash,
        response: result as unknown as JsonValue,
        expires_at: new Date(clock().getTime() + KEEP_MS).toISOString(),
      });
    });
    return { stored, replayed: false };
  } catch (error) {
    if (error instanceof ConstraintError && error.kind === 'unique') {
      const winner = await earlier();
      if (winner) return { stored: winner, replayed: true };
    }
    throw error;
  }
}

export function respond(stored: StoredResponse, replayed = false): Response {
  return new Response(stored.status === 204 ? null : JSON.stringify(stored.body), {
    status: stored.status,
    headers: {
      'content-type': 'application/json',
      ...stored.headers,
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    },
  });
}
