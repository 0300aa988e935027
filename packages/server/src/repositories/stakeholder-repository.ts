/** Stakeholders: influence, interest, attitude, preferred detail level, communication plan, satisfaction. */
import type { Selectable } from 'kysely';
import type { StakeholderTable } from '../db/schema.ts';
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

export type Stakeholder = Selectable<StakeholderTable>;
export type NewStakeholder = NewRow<StakeholderTable, 'detail_level' | 'communication' | 'satisfaction'>;
export type StakeholderPatch = RowPatch<StakeholderTable>;

export const STAKEHOLDERS: EntitySpec<'stakeholders'> = {
  table: 'stakeholders',
  entityType: 'stakeholder',
  filters: ['detail_level', 'attitude'],
  sorts: ['name', 'created_at'],
  defaultSort: 'name',
  defaults: () => ({ detail_level: 'business', communication: [], satisfaction: [] }),
};

export function createStakeholder(db: Db, ctx: WriteContext, input: NewStakeholder): Promise<Stakeholder> {
  return createRow(db, ctx, STAKEHOLDERS, input);
}

export function getStakeholder(db: Db, workspaceId: string, id: string): Promise<Stakeholder> {
  return getRow(db, workspaceId, STAKEHOLDERS, id);
}

export function findStakeholder(db: Db, workspaceId: string, id: string): Promise<Stakeholder | undefined> {
  return findRow(db, workspaceId, STAKEHOLDERS, id);
}

/** One page of the project's rows. */
export function listStakeholders(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'stakeholders'> = {},
): Promise<Page<Stakeholder>> {
  return listRows(db, workspaceId, STAKEHOLDERS, options, { project_id: projectId });
}

export function updateStakeholder(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: StakeholderPatch,
): Promise<Stakeholder> {
  return updateRow(db, ctx, STAKEHOLDERS, id, expectedVersion, patch);
}

export function deleteStakeholder(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, STAKEHOLDERS, id, expectedVersion);
}
