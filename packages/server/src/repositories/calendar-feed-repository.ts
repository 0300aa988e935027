/**
 * Calendar feeds: a secret URL per feed (`/api/feeds/<token>.ics`) that calendar apps poll without
 * signing in. Only the token's SHA-256 and a short prefix are stored; a revoked feed stays (its
 * history too) but no longer answers.
 */
import type { Selectable } from 'kysely';
import type { CalendarFeedTable } from '../db/schema.ts';
import {
  type EntitySpec,
  type ListOptions,
  type NewRow,
  createRow,
  findRow,
  getRow,
  listRows,
  updateRow,
} from './entity-repository.ts';
import type { Page } from './pagination.ts';
import { type Db, type WriteContext, timestamp } from './transaction.ts';

export type CalendarFeed = Selectable<CalendarFeedTable>;
export type NewCalendarFeed = NewRow<CalendarFeedTable, 'last_used_at' | 'revoked_at'>;

export const CALENDAR_FEEDS: EntitySpec<'calendar_feeds'> = {
  table: 'calendar_feeds',
  entityType: 'calendar_feed',
  filters: ['revoked_at'],
  sorts: ['created_at', 'name'],
  defaultSort: 'created_at',
  defaults: () => ({ last_used_at: null, revoked_at: null }),
};

export function createCalendarFeed(db: Db, ctx: WriteContext, input: NewCalendarFeed): Promise<CalendarFeed> {
  return createRow(db, ctx, CALENDAR_FEEDS, input);
}

export function getCalendarFeed(db: Db, workspaceId: string, id: string): Promise<CalendarFeed> {
  return getRow(db, workspaceId, CALENDAR_FEEDS, id);
}

export function findCalendarFeed(db: Db, workspaceId: string, id: string): Promise<CalendarFeed | undefined> {
  return findRow(db, workspaceId, CALENDAR_FEEDS, id);
}

export function listCalendarFeeds(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'calendar_feeds'> = {},
): Promise<Page<CalendarFeed>> {
  return listRows(db, workspaceId, CALENDAR_FEEDS, options, { project_id: projectId });
}

/** Revokes a feed (its URL answers 404 from then on); audited. */
export function revokeCalendarFeed(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<CalendarFeed> {
  return updateRow(db, ctx, CALENDAR_FEEDS, id, expectedVersion, { revoked_at: timestamp() });
}

/** The live (not revoked) feed with this token hash, whichever workspace it belongs to. */
export function findCalendarFeedByHash(db: Db, tokenHash: string): Promise<CalendarFeed | undefined> {
  return db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Records a poll (not a change: no version bump, no audit entry). */
export async function touchCalendarFeed(
  db: Db,
  workspaceId: string,
  id: string,
  at = timestamp(),
): Promise<void> {
  await db
    .updateTable('calendar_feeds')
    .set({ last_used_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}
