/** Action items agreed in meetings; converted into work items on request. */
import type { Selectable } from 'kysely';
import type { ActionItemTable } from '../db/schema.ts';
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

export type ActionItem = Selectable<ActionItemTable>;
export type NewActionItem = NewRow<ActionItemTable, 'status'>;
export type ActionItemPatch = RowPatch<ActionItemTable>;

export const ACTION_ITEMS: EntitySpec<'action_items'> = {
  table: 'action_items',
  entityType: 'action_item',
  filters: ['meeting_id', 'status', 'owner_id', 'work_item_id'],
  sorts: ['created_at'],
  defaultSort: 'created_at',
  defaults: () => ({ status: 'open' }),
};

export function createActionItem(db: Db, ctx: WriteContext, input: NewActionItem): Promise<ActionItem> {
  return createRow(db, ctx, ACTION_ITEMS, input);
}

export function getActionItem(db: Db, workspaceId: string, id: string): Promise<ActionItem> {
  return getRow(db, workspaceId, ACTION_ITEMS, id);
}

export function findActionItem(db: Db, workspaceId: string, id: string): Promise<ActionItem | undefined> {
  return findRow(db, workspaceId, ACTION_ITEMS, id);
}

/** One page of the project's rows. */
export function listActionItems(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'action_items'> = {},
): Promise<Page<ActionItem>> {
  return listRows(db, workspaceId, ACTION_ITEMS, options, { project_id: projectId });
}

export function updateActionItem(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: ActionItemPatch,
): Promise<ActionItem> {
  return updateRow(db, ctx, ACTION_ITEMS, id, expectedVersion, patch);
}

export function deleteActionItem(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, ACTION_ITEMS, id, expectedVersion);
}
