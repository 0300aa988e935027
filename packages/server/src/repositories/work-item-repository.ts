/**
 * Work items: the tasks of the plan (summary / task / milestone, epic / story / subtask) in outline
 * order (`sort_key`), with durations, constraints, progress, cost, sprint, labels and assignee.
 */
import type { Selectable } from 'kysely';
import type { WorkItemTable } from '../db/schema.ts';
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
import { type Db, type WriteContext, withTransaction } from './transaction.ts';

export type WorkItem = Selectable<WorkItemTable>;
export type NewWorkItem = NewRow<
  WorkItemTable,
  | 'key'
  | 'sort_key'
  | 'type'
  | 'status'
  | 'milestone'
  | 'duration_minutes'
  | 'elapsed'
  | 'duration_estimated'
  | 'ignore_resource_calendar'
  | 'inactive'
  | 'labels'
  | 'extra'
>;
export type WorkItemPatch = RowPatch<WorkItemTable>;

export const WORK_ITEMS: EntitySpec<'work_items'> = {
  table: 'work_items',
  entityType: 'work_item',
  partOfPlan: true,
  filters: [
    'parent_id',
    'type',
    'track',
    'status',
    'sprint_id',
    'assignee_id',
    'key',
    'milestone',
    'calendar_id',
  ],
  sorts: ['sort_key', 'name', 'created_at', 'updated_at'],
  defaultSort: 'sort_key',
  defaults: () => ({
    type: 'task',
    status: 'todo',
    milestone: false,
    duration_minutes: 0,
    elapsed: false,
    duration_estimated: false,
    ignore_resource_calendar: false,
    inactive: false,
    labels: [],
    extra: {},
  }),
  keyDefaultsToId: true,
};

/** Without a `sort_key`, the item goes last in the project's outline. */
export function createWorkItem(db: Db, ctx: WriteContext, input: NewWorkItem): Promise<WorkItem> {
  return withTransaction(db, async (trx) => {
    const sortKey =
      input.sort_key ??
      ((
        await trx
          .selectFrom('work_items')
          .select((eb) => eb.fn.max('sort_key').as('last'))
          .where('workspace_id', '=', ctx.workspaceId)
          .where('project_id', '=', input.project_id)
          .executeTakeFirst()
      )?.last ?? 0) + 1;
    return createRow(trx, ctx, WORK_ITEMS, { ...input, sort_key: sortKey });
  });
}

export function getWorkItem(db: Db, workspaceId: string, id: string): Promise<WorkItem> {
  return getRow(db, workspaceId, WORK_ITEMS, id);
}

export function findWorkItem(db: Db, workspaceId: string, id: string): Promise<WorkItem | undefined> {
  return findRow(db, workspaceId, WORK_ITEMS, id);
}

/** One page of the project's work items, in outline order unless sorted otherwise. */
export function listWorkItems(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'work_items'> = {},
): Promise<Page<WorkItem>> {
  return listRows(db, workspaceId, WORK_ITEMS, options, { project_id: projectId });
}

/** `read`: the row as the caller read it, which spares reading it again (see `updateRow`). */
export function updateWorkItem(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: WorkItemPatch,
  read?: WorkItem,
): Promise<WorkItem> {
  return updateRow(db, ctx, WORK_ITEMS, id, expectedVersion, patch, read);
}

/** Its dependencies and assignments go with it; a summary with children is refused (`ConstraintError`). */
export function deleteWorkItem(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, WORK_ITEMS, id, expectedVersion);
}
