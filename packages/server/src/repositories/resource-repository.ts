/** Resources of a project: people, teams, equipment, with rates and a calendar. */
import type { Selectable } from 'kysely';
import type { ResourceTable } from '../db/schema.ts';
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

export type Resource = Selectable<ResourceTable>;
export type NewResource = NewRow<ResourceTable, 'key' | 'type' | 'skills'>;
export type ResourcePatch = RowPatch<ResourceTable>;

export const RESOURCES: EntitySpec<'resources'> = {
  table: 'resources',
  entityType: 'resource',
  partOfPlan: true,
  filters: ['key', 'type', 'user_id', 'group_name'],
  sorts: ['name', 'key', 'created_at'],
  defaultSort: 'name',
  defaults: () => ({ type: 'work', skills: [] }),
  keyDefaultsToId: true,
};

export function createResource(db: Db, ctx: WriteContext, input: NewResource): Promise<Resource> {
  return createRow(db, ctx, RESOURCES, input);
}

export function getResource(db: Db, workspaceId: string, id: string): Promise<Resource> {
  return getRow(db, workspaceId, RESOURCES, id);
}

export function findResource(db: Db, workspaceId: string, id: string): Promise<Resource | undefined> {
  return findRow(db, workspaceId, RESOURCES, id);
}

/** One page of the project's rows. */
export function listResources(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'resources'> = {},
): Promise<Page<Resource>> {
  return listRows(db, workspaceId, RESOURCES, options, { project_id: projectId });
}

export function updateResource(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: ResourcePatch,
): Promise<Resource> {
  return updateRow(db, ctx, RESOURCES, id, expectedVersion, patch);
}

export function deleteResource(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, RESOURCES, id, expectedVersion);
}
