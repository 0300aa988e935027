/** Sprints (iterations) of a project. */
import type { Selectable } from 'kysely';
import type { SprintTable } from '../db/schema.ts';
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

export type Sprint = Selectable<SprintTable>;
export type NewSprint = NewRow<SprintTable, 'status'>;
export type SprintPatch = RowPatch<SprintTable>;

export const SPRINTS: EntitySpec<'sprints'> = {
  table: 'sprints',
  entityType: 'sprint',
  filters: ['status'],
  sorts: ['name', 'created_at'],
  defaultSort: 'created_at',
  defaults: () => ({ status: 'planned' }),
};

export function createSprint(db: Db, ctx: WriteContext, input: NewSprint): Promise<Sprint> {
  return createRow(db, ctx, SPRINTS, input);
}

export function getSprint(db: Db, workspaceId: string, id: string): Promise<Sprint> {
  return getRow(db, workspaceId, SPRINTS, id);
}

export function findSprint(db: Db, workspaceId: string, id: string): Promise<Sprint | undefined> {
  return findRow(db, workspaceId, SPRINTS, id);
}

/** One page of the project's rows. */
export function listSprints(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'sprints'> = {},
): Promise<Page<Sprint>> {
  return listRows(db, workspaceId, SPRINTS, options, { project_id: projectId });
}

export function updateSprint(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: SprintPatch,
): Promise<Sprint> {
  return updateRow(db, ctx, SPRINTS, id, expectedVersion, patch);
}

export function deleteSprint(db: Db, ctx: WriteContext, id: string, expectedVersion: number): Promise<void> {
  return deleteRow(db, ctx, SPRINTS, id, expectedVersion);
}
