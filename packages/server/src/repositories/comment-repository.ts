/** Comments on any object (`target_type` + `target_id`). */
import type { Selectable } from 'kysely';
import type { CommentTable } from '../db/schema.ts';
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

export type Comment = Selectable<CommentTable>;
export type NewComment = NewRow<CommentTable>;
export type CommentPatch = RowPatch<CommentTable>;

export const COMMENTS: EntitySpec<'comments'> = {
  table: 'comments',
  entityType: 'comment',
  filters: ['target_type', 'target_id', 'author_id', 'project_id'],
  sorts: ['created_at'],
  defaultSort: 'created_at',
};

export function createComment(db: Db, ctx: WriteContext, input: NewComment): Promise<Comment> {
  return createRow(db, ctx, COMMENTS, input);
}

export function getComment(db: Db, workspaceId: string, id: string): Promise<Comment> {
  return getRow(db, workspaceId, COMMENTS, id);
}

export function findComment(db: Db, workspaceId: string, id: string): Promise<Comment | undefined> {
  return findRow(db, workspaceId, COMMENTS, id);
}

export function listComments(
  db: Db,
  workspaceId: string,
  options: ListOptions<'comments'> = {},
): Promise<Page<Comment>> {
  return listRows(db, workspaceId, COMMENTS, options);
}

export function updateComment(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: CommentPatch,
): Promise<Comment> {
  return updateRow(db, ctx, COMMENTS, id, expectedVersion, patch);
}

export function deleteComment(db: Db, ctx: WriteContext, id: string, expectedVersion: number): Promise<void> {
  return deleteRow(db, ctx, COMMENTS, id, expectedVersion);
}
