/** Project-level membership: who may see a project (besides workspace owners and admins), with which role. */
import type { Selectable } from 'kysely';
import type { ProjectMemberTable } from '../db/schema.ts';
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

export type ProjectMember = Selectable<ProjectMemberTable>;
export type NewProjectMember = NewRow<ProjectMemberTable>;
export type ProjectMemberPatch = RowPatch<ProjectMemberTable>;

export const PROJECT_MEMBERS: EntitySpec<'project_members'> = {
  table: 'project_members',
  entityType: 'project_member',
  filters: ['user_id', 'role'],
  sorts: ['created_at'],
  defaultSort: 'created_at',
};

export function createProjectMember(
  db: Db,
  ctx: WriteContext,
  input: NewProjectMember,
): Promise<ProjectMember> {
  return createRow(db, ctx, PROJECT_MEMBERS, input);
}

export function getProjectMember(db: Db, workspaceId: string, id: string): Promise<ProjectMember> {
  return getRow(db, workspaceId, PROJECT_MEMBERS, id);
}

export function findProjectMember(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ProjectMember | undefined> {
  return findRow(db, workspaceId, PROJECT_MEMBERS, id);
}

/** One page of the project's rows. */
export function listProjectMembers(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'project_members'> = {},
): Promise<Page<ProjectMember>> {
  return listRows(db, workspaceId, PROJECT_MEMBERS, options, { project_id: projectId });
}

export function updateProjectMember(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: ProjectMemberPatch,
): Promise<ProjectMember> {
  return updateRow(db, ctx, PROJECT_MEMBERS, id, expectedVersion, patch);
}

export function deleteProjectMember(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, PROJECT_MEMBERS, id, expectedVersion);
}
