/**
 * The RAID log: risks, assumptions, issues and decisions (decisions as ADRs). Keys are `R-n`, `A-n`,
 * `I-n`, `D-n` per project. Open risks with a schedule impact feed risk analysis (see `loadPlan`).
 */
import type { Selectable } from 'kysely';
import type { RaidEntryTable, RaidKind } from '../db/schema.ts';
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

export type RaidEntry = Selectable<RaidEntryTable>;
export type NewRaidEntry = NewRow<RaidEntryTable, 'status' | 'linked_work_item_ids' | 'options' | 'key'>;
export type RaidEntryPatch = RowPatch<RaidEntryTable>;

const KEY_PREFIX: Record<RaidKind, string> = { risk: 'R', assumption: 'A', issue: 'I', decision: 'D' };

export const RAID_ENTRIES: EntitySpec<'raid_entries'> = {
  table: 'raid_entries',
  entityType: 'raid_entry',
  partOfPlan: true,
  filters: ['kind', 'status', 'category', 'owner_id'],
  sorts: ['created_at', 'updated_at', 'title', 'kind', 'status'],
  defaultSort: 'created_at',
  defaults: () => ({ status: 'open', linked_work_item_ids: [], options: [] }),
  keyPrefix: (row) => KEY_PREFIX[row.kind as RaidKind] ?? 'X',
};

export function createRaidEntry(db: Db, ctx: WriteContext, input: NewRaidEntry): Promise<RaidEntry> {
  return createRow(db, ctx, RAID_ENTRIES, input);
}

export function getRaidEntry(db: Db, workspaceId: string, id: string): Promise<RaidEntry> {
  return getRow(db, workspaceId, RAID_ENTRIES, id);
}

export function findRaidEntry(db: Db, workspaceId: string, id: string): Promise<RaidEntry | undefined> {
  return findRow(db, workspaceId, RAID_ENTRIES, id);
}

/** One page of the project's rows. */
export function listRaidEntries(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'raid_entries'> = {},
): Promise<Page<RaidEntry>> {
  return listRows(db, workspaceId, RAID_ENTRIES, options, { project_id: projectId });
}

export function updateRaidEntry(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: RaidEntryPatch,
): Promise<RaidEntry> {
  return updateRow(db, ctx, RAID_ENTRIES, id, expectedVersion, patch);
}

export function deleteRaidEntry(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, RAID_ENTRIES, id, expectedVersion);
}
