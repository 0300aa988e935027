/** The change log: what happened to a project's change requests and scenarios, in order. Append-only. */
import type { Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ChangeLogTable, JsonValue } from '../db/schema.ts';
import { type Page, decodeCursor, encodeCursor, pageLimit } from './pagination.ts';
import { type Db, type WriteContext, timestamp } from './transaction.ts';

export type ChangeLogEntry = Selectable<ChangeLogTable>;

/** Call inside the write's transaction. */
export async function appendChangeLog(
  trx: Db,
  ctx: WriteContext,
  entry: {
    projectId: string;
    changeRequestId: string | null;
    action: string;
    summary: string;
    details?: JsonValue;
  },
): Promise<ChangeLogEntry> {
  const row: ChangeLogEntry = {
    workspace_id: ctx.workspaceId,
    id: uuidv7(),
    project_id: entry.projectId,
    change_request_id: entry.changeRequestId,
    action: entry.action,
    actor_id: ctx.actorId,
    summary: entry.summary,
    log_details: entry.details ?? {},
    created_at: timestamp(),
  };
  await trx.insertInto('change_log').values(row).execute();
  return row;
}

/** Newest first, by cursor. */
export async function listChangeLog(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: { changeRequestId?: string; limit?: number; cursor?: string } = {},
): Promise<Page<ChangeLogEntry>> {
  const limit = pageLimit(options.limit);
  let query = db
    .selectFrom('change_log')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId);
  if (options.changeRequestId !== undefined)
    query = query.where('change_request_id', '=', options.changeRequestId);
  if (options.cursor !== undefined) {
    const after = decodeCursor(options.cursor, 'created_at', 'desc');
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.value as string),
        eb.and([eb('created_at', '=', after.value as string), eb('id', '<', after.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last ? encodeCursor('created_at', 'desc', last.created_at, last.id) : null,
  };
}
