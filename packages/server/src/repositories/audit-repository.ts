/**
 * The audit log: one entry per write, written by the repositories in the same transaction as the
 * write itself (so there is never a change without its entry, nor an entry without its change).
 */
import type { Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AuditLogTable, JsonValue } from '../db/schema.ts';
import { type Page, decodeCursor, encodeCursor, pageLimit } from './pagination.ts';
import { type Db, type WriteContext, timestamp } from './transaction.ts';

export type AuditEntry = Selectable<AuditLogTable>;

export interface NewAuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  projectId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Call inside the write's transaction. */
export async function writeAudit(trx: Db, ctx: WriteContext, entry: NewAuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values(auditRow(ctx, entry, timestamp()))
    .execute();
}

/** Many entries in few statements (plan imports), in the given order. */
export async function writeAuditEntries(trx: Db, ctx: WriteContext, entries: NewAuditEntry[]): Promise<void> {
  const at = timestamp();
  for (let i = 0; i < entries.length; i += 2000)
    await trx
      .insertInto('audit_log')
      .values(entries.slice(i, i + 2000).map((e) => auditRow(ctx, e, at)))
      .execute();
}

function auditRow(ctx: WriteContext, entry: NewAuditEntry, at: string) {
  return {
    workspace_id: ctx.workspaceId,
    id: uuidv7(),
    at,
    actor_id: ctx.actorId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    project_id: entry.projectId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
  };
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  projectId?: string;
  actorId?: string;
  /** Newest first by default. */
  direction?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

/** Entries in time order (ids are UUIDv7, so id order is time order). */
export async function listAuditEntries(
  db: Db,
  workspaceId: string,
  query: AuditQuery = {},
): Promise<Page<AuditEntry>> {
  const direction = query.direction ?? 'desc';
  const limit = pageLimit(query.limit);
  let q = db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId);
  if (query.entityType !== undefined) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId !== undefined) q = q.where('entity_id', '=', query.entityId);
  if (query.projectId !== undefined) q = q.where('project_id', '=', query.projectId);
  if (query.actorId !== undefined) q = q.where('actor_id', '=', query.actorId);
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor, 'id', direction);
    q = q.where('id', direction === 'asc' ? '>' : '<', after.id);
  }
  const rows = await q
    .orderBy('id', direction)
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor('id', direction, last.id, last.id) : null,
  };
}

/** Secrets' hashes stay out of the log: it is read by more people than the tables it describes. */
const REDACTED = new Set(['password_hash', 'token_hash', 'csrf_token', 'secret']);

function redact(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return value as JsonValue;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, REDACTED.has(k) && v !== null ? '[redacted]' : v]),
  ) as JsonValue;
}
