/** Assignments of resources to work items (units, work). */
import type { Selectable } from 'kysely';
import type { AssignmentTable } from '../db/schema.ts';
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

export type Assignment = Selectable<AssignmentTable>;
export type NewAssignment = NewRow<AssignmentTable, 'units'>;
export type AssignmentPatch = RowPatch<AssignmentTable>;

export const ASSIGNMENTS: EntitySpec<'assignments'> = {
  table: 'assignments',
  entityType: 'assignment',
  partOfPlan: true,
  filters: ['work_item_id', 'resource_id', 'key'],
  sorts: ['created_at'],
  defaultSort: 'created_at',
  defaults: () => ({ units: 1 }),
};

export function createAssignment(db: Db, ctx: WriteContext, input: NewAssignment): Promise<Assignment> {
  return createRow(db, ctx, ASSIGNMENTS, input);
}

export function getAssignment(db: Db, workspaceId: string, id: string): Promise<Assignment> {
  return getRow(db, workspaceId, ASSIGNMENTS, id);
}

export function findAssignment(db: Db, workspaceId: string, id: string): Promise<Assignment | undefined> {
  return findRow(db, workspaceId, ASSIGNMENTS, id);
}

/** One page of the project's rows. */
export function listAssignments(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'assignments'> = {},
): Promise<Page<Assignment>> {
  return listRows(db, workspaceId, ASSIGNMENTS, options, { project_id: projectId });
}

export function updateAssignment(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: AssignmentPatch,
): Promise<Assignment> {
  return updateRow(db, ctx, ASSIGNMENTS, id, expectedVersion, patch);
}

export function deleteAssignment(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, ASSIGNMENTS, id, expectedVersion);
}
