/** Working-time calendars of a project (week, exceptions, work weeks, base calendar). */
import type { Selectable } from 'kysely';
import type { CalendarTable } from '../db/schema.ts';
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

export type Calendar = Selectable<CalendarTable>;
export type NewCalendar = NewRow<CalendarTable, 'key' | 'exceptions' | 'work_weeks'>;
export type CalendarPatch = RowPatch<CalendarTable>;

export const CALENDARS: EntitySpec<'calendars'> = {
  table: 'calendars',
  entityType: 'calendar',
  partOfPlan: true,
  filters: ['key', 'resource_id'],
  sorts: ['name', 'key', 'created_at'],
  defaultSort: 'created_at',
  defaults: () => ({ exceptions: [], work_weeks: [] }),
  keyDefaultsToId: true,
};

export function createCalendar(db: Db, ctx: WriteContext, input: NewCalendar): Promise<Calendar> {
  return createRow(db, ctx, CALENDARS, input);
}

export function getCalendar(db: Db, workspaceId: string, id: string): Promise<Calendar> {
  return getRow(db, workspaceId, CALENDARS, id);
}

export function findCalendar(db: Db, workspaceId: string, id: string): Promise<Calendar | undefined> {
  return findRow(db, workspaceId, CALENDARS, id);
}

/** One page of the project's rows. */
export function listCalendars(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'calendars'> = {},
): Promise<Page<Calendar>> {
  return listRows(db, workspaceId, CALENDARS, options, { project_id: projectId });
}

export function updateCalendar(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: CalendarPatch,
): Promise<Calendar> {
  return updateRow(db, ctx, CALENDARS, id, expectedVersion, patch);
}

export function deleteCalendar(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, CALENDARS, id, expectedVersion);
}
