/** Audit entries as the API shows them: camelCase, rows before/after without secrets or workspace. */
import { z } from '@hono/zod-openapi';
import { MAX_PAGE_SIZE } from '../../repositories/pagination.ts';
import type { AuditEntry } from '../../repositories/audit-repository.ts';
import { toApi } from '../casing.ts';

const SECRET_COLUMNS = new Set(['password_hash', 'token_hash', 'csrf_token']);

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    projectId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry');

export const AuditPage = z
  .object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() })
  .openapi('AuditPage');

export const auditQuery = z.strictObject({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
});

function clean(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const row = Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET_COLUMNS.has(k)));
  return toApi(row);
}

export function presentAudit(entry: AuditEntry) {
  return {
    id: entry.id,
    at: entry.at,
    actorId: entry.actor_id,
    action: entry.action,
    entityType: entry.entity_type,
    entityId: entry.entity_id,
    projectId: entry.project_id,
    before: clean(entry.before),
    after: clean(entry.after),
  };
}
