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

/** An API token with the account it acts for, as `findApiTokenAccount` reads them. */
export interface ApiTokenAccount {
  id: string;
  workspace_id: string;
  last_used_at: string | null;
  /** The token's user; undefined when the account is gone. */
  user: { id: string; email: string; name: string; disabled: boolean } | undefined;
  /** The user's role in the token's workspace; undefined when no longer a member. */
  role: string | undefined;
}

/**
 * `findApiTokenByHash`, its user (`findUser`) and the user's membership of the token's workspace (as
 * `listWorkspacesOfUser` finds it) in one query: every request made with an API token needs all three.
 */
export async function findApiTokenAccount(
  db: Db,
  tokenHash: string,
  now = new Date().toISOString(),
): Promise<ApiTokenAccount | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .leftJoin('users', 'users.id', 'api_tokens.user_id')
    .leftJoin('workspace_members', (join) =>
      join
        .onRef('workspace_members.workspace_id', '=', 'api_tokens.workspace_id')
        .onRef('workspace_members.user_id', '=', 'api_tokens.user_id'),
    )
    .leftJoin('workspaces', 'workspaces.id', 'workspace_members.workspace_id')
    .select([
      'api_tokens.id',
      'api_tokens.workspace_id',
      'api_tokens.last_used_at',
      'users.id as account_id',
      'users.email as account_email',
      'users.name as account_name',
      // Unaliased, so that the value codec reads it as a boolean (`BOOLEAN_COLUMNS`).
      'users.disabled',
      'workspaces.id as member_workspace_id',
      'workspace_members.role',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)]))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    workspace_id: row.workspace_id,
    last_used_at: row.last_used_at,
    user:
      row.account_id === null
        ? undefined
        : {
            id: row.account_id,
            email: row.account_email ?? '',
            name: row.account_name ?? '',
            disabled: Boolean(row.disabled),
          },
    role: row.member_workspace_id === null ? undefined : (row.role ?? undefined),
  };
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
