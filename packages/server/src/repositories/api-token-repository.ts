/** API tokens: only a SHA-256 hash and a short prefix are stored. */
import type { Selectable } from 'kysely';
import type { ApiTokenTable } from '../db/schema.ts';
import {
  type EntitySpec,
  type ListOptions,
  type NewRow,
  type RowPatch,
  createRow,
  deleteRow,
  findRow,
  getRow,
  listRows,
  updateRow,
} from './entity-repository.ts';
import type { Page } from './pagination.ts';
import type { Db, WriteContext } from './transaction.ts';

export type ApiToken = Selectable<ApiTokenTable>;
export type NewApiToken = NewRow<ApiTokenTable>;
export type ApiTokenPatch = RowPatch<ApiTokenTable>;

export const API_TOKENS: EntitySpec<'api_tokens'> = {
  table: 'api_tokens',
  entityType: 'api_token',
  filters: ['user_id'],
  sorts: ['created_at', 'name'],
  defaultSort: 'created_at',
};

export function createApiToken(db: Db, ctx: WriteContext, input: NewApiToken): Promise<ApiToken> {
  return createRow(db, ctx, API_TOKENS, input);
}

export function getApiToken(db: Db, workspaceId: string, id: string): Promise<ApiToken> {
  return getRow(db, workspaceId, API_TOKENS, id);
}

export function findApiToken(db: Db, workspaceId: string, id: string): Promise<ApiToken | undefined> {
  return findRow(db, workspaceId, API_TOKENS, id);
}

export function listApiTokens(
  db: Db,
  workspaceId: string,
  options: ListOptions<'api_tokens'> = {},
): Promise<Page<ApiToken>> {
  return listRows(db, workspaceId, API_TOKENS, options);
}

export function updateApiToken(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: ApiTokenPatch,
): Promise<ApiToken> {
  return updateRow(db, ctx, API_TOKENS, id, expectedVersion, patch);
}

export function deleteApiToken(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, API_TOKENS, id, expectedVersion);
}

/** The token with this hash, unless revoked or expired — whichever workspace it belongs to. */
export async function findApiTokenByHash(
  db: Db,
  tokenHash: string,
  now = new Date().toISOString(),
): Promise<ApiToken | undefined> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
}

/** Records use (not a change of the token: no version bump, no audit entry). */
export async function touchApiToken(db: Db, workspaceId: string, id: string, at = new Date().toISOString()) {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}
