/** Dependencies between work items: FS/SS/FF/SF with a lag in working or elapsed minutes, or a percentage. */
import type { Selectable } from 'kysely';
import type { DependencyTable } from '../db/schema.ts';
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

export type Dependency = Selectable<DependencyTable>;
export type NewDependency = NewRow<DependencyTable, 'type' | 'lag_minutes' | 'lag_elapsed'>;
export type DependencyPatch = RowPatch<DependencyTable>;

export const DEPENDENCIES: EntitySpec<'dependencies'> = {
  table: 'dependencies',
  entityType: 'dependency',
  partOfPlan: true,
  filters: ['predecessor_id', 'successor_id', 'type'],
  sorts: ['created_at'],
  defaultSort: 'created_at',
  defaults: () => ({ type: 'FS', lag_minutes: 0, lag_elapsed: false }),
};

export function createDependency(db: Db, ctx: WriteContext, input: NewDependency): Promise<Dependency> {
  return createRow(db, ctx, DEPENDENCIES, input);
}

export function getDependency(db: Db, workspaceId: string, id: string): Promise<Dependency> {
  return getRow(db, workspaceId, DEPENDENCIES, id);
}

export function findDependency(db: Db, workspaceId: string, id: string): Promise<Dependency | undefined> {
  return findRow(db, workspaceId, DEPENDENCIES, id);
}

/** One page of the project's rows. */
export function listDependencies(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'dependencies'> = {},
): Promise<Page<Dependency>> {
  return listRows(db, workspaceId, DEPENDENCIES, options, { project_id: projectId });
}

export function updateDependency(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: DependencyPatch,
): Promise<Dependency> {
  return updateRow(db, ctx, DEPENDENCIES, id, expectedVersion, patch);
}

export function deleteDependency(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, DEPENDENCIES, id, expectedVersion);
}
