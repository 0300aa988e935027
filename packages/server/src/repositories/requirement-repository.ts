/** Requirements, functional and non-functional, with acceptance criteria and traceability links. */
import type { Selectable } from 'kysely';
import type { RequirementTable } from '../db/schema.ts';
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

export type Requirement = Selectable<RequirementTable>;
export type NewRequirement = NewRow<
  RequirementTable,
  'kind' | 'status' | 'acceptance_criteria' | 'links' | 'key'
>;
export type RequirementPatch = RowPatch<RequirementTable>;

export const REQUIREMENTS: EntitySpec<'requirements'> = {
  table: 'requirements',
  entityType: 'requirement',
  filters: ['kind', 'category', 'status', 'priority'],
  sorts: ['created_at', 'title', 'status'],
  defaultSort: 'created_at',
  defaults: () => ({ kind: 'functional', status: 'draft', acceptance_criteria: [], links: {} }),
  keyPrefix: 'REQ',
};

export function createRequirement(db: Db, ctx: WriteContext, input: NewRequirement): Promise<Requirement> {
  return createRow(db, ctx, REQUIREMENTS, input);
}

export function getRequirement(db: Db, workspaceId: string, id: string): Promise<Requirement> {
  return getRow(db, workspaceId, REQUIREMENTS, id);
}

export function findRequirement(db: Db, workspaceId: string, id: string): Promise<Requirement | undefined> {
  return findRow(db, workspaceId, REQUIREMENTS, id);
}

/** One page of the project's rows. */
export function listRequirements(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'requirements'> = {},
): Promise<Page<Requirement>> {
  return listRows(db, workspaceId, REQUIREMENTS, options, { project_id: projectId });
}

export function updateRequirement(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: RequirementPatch,
): Promise<Requirement> {
  return updateRow(db, ctx, REQUIREMENTS, id, expectedVersion, patch);
}

export function deleteRequirement(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, REQUIREMENTS, id, expectedVersion);
}
