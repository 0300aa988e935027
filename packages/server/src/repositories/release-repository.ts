/** Releases: planned and actual dates, environment, cutover checklist, rollback plan. */
import type { Selectable } from 'kysely';
import type { ReleaseTable } from '../db/schema.ts';
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

export type Release = Selectable<ReleaseTable>;
export type NewRelease = NewRow<ReleaseTable, 'status' | 'cutover_checklist' | 'work_item_ids'>;
export type ReleasePatch = RowPatch<ReleaseTable>;

export const RELEASES: EntitySpec<'releases'> = {
  table: 'releases',
  entityType: 'release',
  filters: ['status', 'environment'],
  sorts: ['name', 'created_at'],
  defaultSort: 'created_at',
  defaults: () => ({ status: 'planned', cutover_checklist: [], work_item_ids: [] }),
};

export function createRelease(db: Db, ctx: WriteContext, input: NewRelease): Promise<Release> {
  return createRow(db, ctx, RELEASES, input);
}

export function getRelease(db: Db, workspaceId: string, id: string): Promise<Release> {
  return getRow(db, workspaceId, RELEASES, id);
}

export function findRelease(db: Db, workspaceId: string, id: string): Promise<Release | undefined> {
  return findRow(db, workspaceId, RELEASES, id);
}

/** One page of the project's rows. */
export function listReleases(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'releases'> = {},
): Promise<Page<Release>> {
  return listRows(db, workspaceId, RELEASES, options, { project_id: projectId });
}

export function updateRelease(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: ReleasePatch,
): Promise<Release> {
  return updateRow(db, ctx, RELEASES, id, expectedVersion, patch);
}

export function deleteRelease(db: Db, ctx: WriteContext, id: string, expectedVersion: number): Promise<void> {
  return deleteRow(db, ctx, RELEASES, id, expectedVersion);
}
