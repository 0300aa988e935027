/** Invitations to a workspace (optionally to a project), found by the hash of their token. */
import type { Selectable } from 'kysely';
import type { InvitationTable } from '../db/schema.ts';
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

export type Invitation = Selectable<InvitationTable>;
export type NewInvitation = NewRow<InvitationTable>;
export type InvitationPatch = RowPatch<InvitationTable>;

export const INVITATIONS: EntitySpec<'invitations'> = {
  table: 'invitations',
  entityType: 'invitation',
  filters: ['email', 'project_id'],
  sorts: ['created_at', 'expires_at'],
  defaultSort: 'created_at',
};

export function createInvitation(db: Db, ctx: WriteContext, input: NewInvitation): Promise<Invitation> {
  return createRow(db, ctx, INVITATIONS, input);
}

export function getInvitation(db: Db, workspaceId: string, id: string): Promise<Invitation> {
  return getRow(db, workspaceId, INVITATIONS, id);
}

export function findInvitation(db: Db, workspaceId: string, id: string): Promise<Invitation | undefined> {
  return findRow(db, workspaceId, INVITATIONS, id);
}

export function listInvitations(
  db: Db,
  workspaceId: string,
  options: ListOptions<'invitations'> = {},
): Promise<Page<Invitation>> {
  return listRows(db, workspaceId, INVITATIONS, options);
}

export function updateInvitation(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: InvitationPatch,
): Promise<Invitation> {
  return updateRow(db, ctx, INVITATIONS, id, expectedVersion, patch);
}

export function deleteInvitation(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, INVITATIONS, id, expectedVersion);
}

/** The pending invitation with this token hash: not accepted, not expired. */
export async function findInvitationByTokenHash(
  db: Db,
  tokenHash: string,
  now = new Date().toISOString(),
): Promise<Invitation | undefined> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}
