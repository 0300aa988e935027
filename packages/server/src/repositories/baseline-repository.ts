/** Baselines: named snapshots of the dates, work and cost of every work item. */
import type { Selectable } from 'kysely';
import type { BaselineTable } from '../db/schema.ts';
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

export type Baseline = Selectable<BaselineTable>;
export type NewBaseline = NewRow<BaselineTable, 'snapshot'>;
export type BaselinePatch = RowPatch<BaselineTable>;

export const BASELINES: EntitySpec<'baselines'> = {
  table: 'baselines',
  entityType: 'baseline',
  partOfPlan: true,
  filters: ['name'],
  sorts: ['name', 'created_at'],
  defaultSort: 'created_at',
  defaults: () => ({ snapshot: {} }),
};

export function createBaseline(db: Db, ctx: WriteContext, input: NewBaseline): Promise<Baseline> {
  return createRow(db, ctx, BASELINES, input);
}

export function getBaseline(db: Db, workspaceId: string, id: string): Promise<Baseline> {
  return getRow(db, workspaceId, BASELINES, id);
}

export function findBaseline(db: Db, workspaceId: string, id: string): Promise<Baseline | undefined> {
  return findRow(db, workspaceId, BASELINES, id);
}

/** One page of the project's rows. */
export function listBaselines(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'baselines'> = {},
): Promise<Page<Baseline>> {
  return listRows(db, workspaceId, BASELINES, options, { project_id: projectId });
}

export function updateBaseline(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: BaselinePatch,
): Promise<Baseline> {
  return updateRow(db, ctx, BASELINES, id, expectedVersion, patch);
}

export function deleteBaseline(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, BASELINES, id, expectedVersion);
}
