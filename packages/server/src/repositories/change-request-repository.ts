/** Change requests: impact analysis (schedule, cost, scope, technical), approvals and status. */
import type { Selectable } from 'kysely';
import type { ChangeRequestTable } from '../db/schema.ts';
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

export type ChangeRequest = Selectable<ChangeRequestTable>;
export type NewChangeRequest = NewRow<
  ChangeRequestTable,
  'status' | 'affected_work_item_ids' | 'approvals' | 'rebaseline' | 'key' | 'change_set'
>;
export type ChangeRequestPatch = RowPatch<ChangeRequestTable>;

export const CHANGE_REQUESTS: EntitySpec<'change_requests'> = {
  table: 'change_requests',
  entityType: 'change_request',
  filters: ['status', 'requester_id'],
  sorts: ['created_at', 'updated_at', 'title', 'status'],
  defaultSort: 'created_at',
  defaults: () => ({
    status: 'draft',
    affected_work_item_ids: [],
    approvals: [],
    rebaseline: false,
    change_set: [],
  }),
  keyPrefix: 'CR',
};

export function createChangeRequest(
  db: Db,
  ctx: WriteContext,
  input: NewChangeRequest,
): Promise<ChangeRequest> {
  return createRow(db, ctx, CHANGE_REQUESTS, input);
}

export function getChangeRequest(db: Db, workspaceId: string, id: string): Promise<ChangeRequest> {
  return getRow(db, workspaceId, CHANGE_REQUESTS, id);
}

export function findChangeRequest(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ChangeRequest | undefined> {
  return findRow(db, workspaceId, CHANGE_REQUESTS, id);
}

/** One page of the project's rows. */
export function listChangeRequests(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'change_requests'> = {},
): Promise<Page<ChangeRequest>> {
  return listRows(db, workspaceId, CHANGE_REQUESTS, options, { project_id: projectId });
}

export function updateChangeRequest(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: ChangeRequestPatch,
): Promise<ChangeRequest> {
  return updateRow(db, ctx, CHANGE_REQUESTS, id, expectedVersion, patch);
}

export function deleteChangeRequest(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, CHANGE_REQUESTS, id, expectedVersion);
}
