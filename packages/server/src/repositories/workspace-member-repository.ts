/** Workspace membership and role (owner, admin, pm, tpm, member, viewer). */
import type { Selectable } from 'kysely';
import type { WorkspaceMemberTable } from '../db/schema.ts';
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

export type WorkspaceMember = Selectable<WorkspaceMemberTable>;
export type NewWorkspaceMember = NewRow<WorkspaceMemberTable>;
export type WorkspaceMemberPatch = RowPatch<WorkspaceMemberTable>;

export const WORKSPACE_MEMBERS: EntitySpec<'workspace_members'> = {
  table: 'workspace_members',
  entityType: 'workspace_member',
  filters: ['user_id', 'role'],
  sorts: ['created_at'],
  defaultSort: 'created_at',
};

export function createWorkspaceMember(
  db: Db,
  ctx: WriteContext,
  input: NewWorkspaceMember,
): Promise<WorkspaceMember> {
  return createRow(db, ctx, WORKSPACE_MEMBERS, input);
}

export function getWorkspaceMember(db: Db, workspaceId: string, id: string): Promise<WorkspaceMember> {
  return getRow(db, workspaceId, WORKSPACE_MEMBERS, id);
}

export function findWorkspaceMember(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<WorkspaceMember | undefined> {
  return findRow(db, workspaceId, WORKSPACE_MEMBERS, id);
}

export function listWorkspaceMembers(
  db: Db,
  workspaceId: string,
  options: ListOptions<'workspace_members'> = {},
): Promise<Page<WorkspaceMember>> {
  return listRows(db, workspaceId, WORKSPACE_MEMBERS, options);
}

export function updateWorkspaceMember(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: WorkspaceMemberPatch,
): Promise<WorkspaceMember> {
  return updateRow(db, ctx, WORKSPACE_MEMBERS, id, expectedVersion, patch);
}

export function deleteWorkspaceMember(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, WORKSPACE_MEMBERS, id, expectedVersion);
}
