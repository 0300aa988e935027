/** Meetings: stand-ups, status meetings and gate reviews with agenda, notes, decisions and attendees. */
import type { Selectable } from 'kysely';
import type { MeetingTable } from '../db/schema.ts';
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

export type Meeting = Selectable<MeetingTable>;
export type NewMeeting = NewRow<MeetingTable, 'attendees' | 'agenda' | 'decisions'>;
export type MeetingPatch = RowPatch<MeetingTable>;

export const MEETINGS: EntitySpec<'meetings'> = {
  table: 'meetings',
  entityType: 'meeting',
  filters: ['kind', 'held_on'],
  sorts: ['held_on', 'title', 'created_at'],
  defaultSort: 'held_on',
  defaults: () => ({ attendees: [], agenda: [], decisions: [] }),
};

export function createMeeting(db: Db, ctx: WriteContext, input: NewMeeting): Promise<Meeting> {
  return createRow(db, ctx, MEETINGS, input);
}

export function getMeeting(db: Db, workspaceId: string, id: string): Promise<Meeting> {
  return getRow(db, workspaceId, MEETINGS, id);
}

export function findMeeting(db: Db, workspaceId: string, id: string): Promise<Meeting | undefined> {
  return findRow(db, workspaceId, MEETINGS, id);
}

/** One page of the project's rows. */
export function listMeetings(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'meetings'> = {},
): Promise<Page<Meeting>> {
  return listRows(db, workspaceId, MEETINGS, options, { project_id: projectId });
}

export function updateMeeting(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: MeetingPatch,
): Promise<Meeting> {
  return updateRow(db, ctx, MEETINGS, id, expectedVersion, patch);
}

export function deleteMeeting(db: Db, ctx: WriteContext, id: string, expectedVersion: number): Promise<void> {
  return deleteRow(db, ctx, MEETINGS, id, expectedVersion);
}
