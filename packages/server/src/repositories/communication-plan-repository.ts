/** Communication plan entries: audience or stakeholder, cadence, channel, owner; next due computed (core `nextDue`). */
import type { Selectable } from 'kysely';
import type { CommunicationPlanEntryTable } from '../db/schema.ts';
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

export type CommunicationPlanEntry = Selectable<CommunicationPlanEntryTable>;
export type NewCommunicationPlanEntry = NewRow<CommunicationPlanEntryTable, 'active'>;
export type CommunicationPlanEntryPatch = RowPatch<CommunicationPlanEntryTable>;

export const COMMUNICATION_PLAN_ENTRIES: EntitySpec<'communication_plan_entries'> = {
  table: 'communication_plan_entries',
  entityType: 'communication_plan_entry',
  filters: ['stakeholder_id', 'cadence', 'channel', 'owner_id', 'active', 'detail_level'],
  sorts: ['audience', 'start_date', 'created_at'],
  defaultSort: 'audience',
  defaults: () => ({ active: true }),
};

export function createCommunicationPlanEntry(
  db: Db,
  ctx: WriteContext,
  input: NewCommunicationPlanEntry,
): Promise<CommunicationPlanEntry> {
  return createRow(db, ctx, COMMUNICATION_PLAN_ENTRIES, input);
}

export function getCommunicationPlanEntry(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<CommunicationPlanEntry> {
  return getRow(db, workspaceId, COMMUNICATION_PLAN_ENTRIES, id);
}

export function findCommunicationPlanEntry(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<CommunicationPlanEntry | undefined> {
  return findRow(db, workspaceId, COMMUNICATION_PLAN_ENTRIES, id);
}

/** One page of the project's rows. */
export function listCommunicationPlanEntries(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'communication_plan_entries'> = {},
): Promise<Page<CommunicationPlanEntry>> {
  return listRows(db, workspaceId, COMMUNICATION_PLAN_ENTRIES, options, { project_id: projectId });
}

export function updateCommunicationPlanEntry(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: CommunicationPlanEntryPatch,
): Promise<CommunicationPlanEntry> {
  return updateRow(db, ctx, COMMUNICATION_PLAN_ENTRIES, id, expectedVersion, patch);
}

export function deleteCommunicationPlanEntry(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, COMMUNICATION_PLAN_ENTRIES, id, expectedVersion);
}
