/**
 * Turns a `ResourceDef` into its routes:
 *
 *   GET    /api/projects/{projectId}/<path>    list (cursor, limit, sort, direction, filters)
 *   POST   /api/projects/{projectId}/<path>    create (Idempotency-Key)
 *   GET    /api/<path>/{id}                    read (ETag)
 *   PATCH  /api/<path>/{id}                    update (If-Match)
 *   DELETE /api/<path>/{id}                    delete (If-Match)
 *   GET    /api/<path>/{id}/history            audit entries of this row
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listAuditEntries } from '../../repositories/audit-repository.ts';
import { forbidden } from '../api-error.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { fromApi, toApi } from '../casing.ts';
import { accessOf, entityOf, workspaceOf } from '../context.ts';
import { etagOf, expectedVersion, parseIfMatch } from '../etag.ts';
import { entityMeta, pageOf } from '../schemas/common.ts';
import { AuditPage, auditQuery, presentAudit } from './audit.ts';
import { idempotent, respond } from './idempotency.ts';
import { listQuerySchema, toListOptions } from './list-query.ts';
import { checkReferences } from './refs.ts';
import type { ResourceDef, Row } from './resource-def.ts';
import { inWrite, publishChange } from './write.ts';
import type { PlanChange } from '../plan-cache.ts';

const JSON_TYPE = 'application/json';

export const projectIdParam = z.object({
  projectId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'projectId', in: 'path' } }),
});
export const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const ifMatchHeader = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({
      param: { name: 'if-match', in: 'header', required: true },
      description: 'The ETag read (`"7"`); 428 without it, 412 when stale.',
    }),
});
export const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description: 'Retry safely: the same key and body give the same response, once.',
    }),
});

export const etagHeaders = {
  ETag: { schema: { type: 'string' as const }, description: 'The version, e.g. "3"' },
};

/**
 * A row as the API returns it: camelCase, without `workspace_id`. Typed loosely on purpose: rows come
 * from the database in their schema's shape, which the HTTP tests check, not the compiler.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Presented = any;

export function present(row: object): Presented {
  return toApi(row as Record<string, unknown>);
}

/** The row a write made, for the plan cache: work items and dependencies only. */
function planChange(def: ResourceDef, row: Row): PlanChange | undefined {
  if (def.path === 'work-items') return { table: 'work_items', row } as PlanChange;
  if (def.path === 'dependencies') return { table: 'dependencies', row } as PlanChange;
  return undefined;
}

export function registerResource(app: OpenAPIHono<AppEnv>, def: ResourceDef): void {
  const immutable = new Set(def.immutable ?? []);
  const responseFields = Object.fromEntries(
    Object.entries(def.fields).map(([k, v]) => [k, (v as z.ZodType).optional()]),
  );
  const Entity = z
    .object({ ...entityMeta, projectId: z.string(), ...responseFields, ...def.readOnly })
    .openapi(def.schemaName);
  const NewEntity = z.strictObject(def.fields).openapi(`New${def.schemaName}`);
  const EntityPatch = z
    .strictObject(
      Object.fromEntries(
        Object.entries(def.fields)
          .filter(([k]) => !immutable.has(k))
          .map(([k, v]) => [k, (v as z.ZodType).optional()]),
      ),
    )
    .openapi(`${def.schemaName}Patch`);
  const collection = `/api/projects/{projectId}/${def.collectionPath ?? def.path}`;
  const item = `/api/${def.path}/{id}`;
  const inProject = { param: 'projectId' };
  const ofEntity = { param: 'id', entity: def.title, find: def.repo.find };
  const reschedule = (projectId: string) => (def.reschedules ? projectId : false);
  const entityJson = { content: { [JSON_TYPE]: { schema: Entity } }, headers: etagHeaders };

  app.openapi(
    apiRoute(
      { permission: def.access.read, project: inProject },
      {
        method: 'get',
        path: collection,
        tags: [def.tag],
        summary: `List the project's ${def.title}s`,
        request: { params: projectIdParam, query: listQuerySchema(def.spec) },
        responses: {
          200: {
            description: 'One page',
            content: { [JSON_TYPE]: { schema: pageOf(Entity, `${def.schemaName}Page`) } },
          },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const query = c.req.valid('query') as Record<string, unknown>;
      const page = await def.repo.list(
        c.get('deps').db,
        workspaceId,
        projectId,
        toListOptions(query, def.spec),
      );
      return c.json({ items: page.items.map(present), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    apiRoute(
      { permission: def.access.create, project: inProject },
      {
        method: 'post',
        path: collection,
        tags: [def.tag],
        summary: `Create a ${def.title}`,
        ...(def.description ? { description: def.description } : {}),
        request: {
          params: projectIdParam,
          headers: idempotencyHeader,
          body: { required: true, content: { [JSON_TYPE]: { schema: NewEntity } } },
        },
        responses: { 201: { description: 'Created', ...entityJson } },
      },
    ),
    async (c) => {
      const { projectId } = accessOf(c);
      const body = c.req.valid('json') as Record<string, unknown>;
      let created: Row | undefined;
      const change = () => (created ? planChange(def, created) : undefined);
      const { stored, replayed } = await idempotent(c, body, (saveKey) =>
        inWrite(c, { reschedule: reschedule(projectId), change }, async (trx, ctx) => {
          await checkReferences(trx, ctx.workspaceId, projectId, body, def.refs, def.refLists);
          let input: Record<string, unknown> = { ...fromApi(body), project_id: projectId };
          if (def.beforeCreate) input = await def.beforeCreate(c, trx, input);
          const row = await def.repo.create(trx, ctx, input);
          created = row;
          const stored = {
            status: 201,
            headers: { etag: etagOf(row.version), location: `/api/${def.path}/${row.id}` },
            body: present(row) as never,
          };
          await saveKey(trx, stored);
          return stored;
        }),
      );
      if (!replayed) {
        const created = stored.body as unknown as Row;
        await publishChange(c, {
          projectId,
          entity: def.path,
          id: created.id,
          version: created.version,
          action: 'created',
        });
      }
      return respond(stored, replayed) as never;
    },
  );

  app.openapi(
    apiRoute(
      { permission: def.access.read, project: ofEntity },
      {
        method: 'get',
        path: item,
        tags: [def.tag],
        summary: `Read a ${def.title}`,
        request: { params: idParam },
        responses: { 200: { description: 'The row', ...entityJson } },
      },
    ),
    async (c) => {
      const row = entityOf(c);
      return c.json(present(row), 200, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: def.access.update, project: ofEntity },
      {
        method: 'patch',
        path: item,
        tags: [def.tag],
        summary: `Change a ${def.title}`,
        request: {
          params: idParam,
          headers: ifMatchHeader,
          body: { required: true, content: { [JSON_TYPE]: { schema: EntityPatch } } },
        },
        responses: {
          200: { description: 'Changed', ...entityJson },
          412: { description: 'Changed by someone else since read: the body has the current version' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const current = entityOf(c);
      const { projectId } = accessOf(c);
      if (def.mayChange && !def.mayChange(c, current)) throw forbidden();
      const version = await expectedVersion(
        parseIfMatch(c.req.header('if-match')),
        async () => current.version,
      );
      const body = c.req.valid('json') as Record<string, unknown>;
      const change = (row: Row) => planChange(def, row);
      const row = await inWrite(c, { reschedule: reschedule(projectId), change }, async (trx, ctx) => {
        await checkReferences(trx, ctx.workspaceId, projectId, body, def.refs, def.refLists);
        let patch = fromApi(body);
        if (def.beforeUpdate) patch = await def.beforeUpdate(c, trx, current, patch);
        return def.repo.update(trx, ctx, current.id, version, patch, current);
      });
      await publishChange(c, {
        projectId,
        entity: def.path,
        id: row.id,
        version: row.version,
        action: 'updated',
      });
      return c.json(present(row), 200, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: def.access.delete, project: ofEntity },
      {
        method: 'delete',
        path: item,
        tags: [def.tag],
        summary: `Delete a ${def.title}`,
        request: { params: idParam, headers: ifMatchHeader },
        responses: {
          204: { description: 'Deleted' },
          412: { description: 'Changed by someone else since read: the body has the current version' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const current = entityOf(c);
      const { projectId } = accessOf(c);
      if (def.mayChange && !def.mayChange(c, current)) throw forbidden();
      const version = await expectedVersion(
        parseIfMatch(c.req.header('if-match')),
        async () => current.version,
      );
      await inWrite(c, { reschedule: reschedule(projectId) }, (trx, ctx) =>
        def.repo.delete(trx, ctx, current.id, version),
      );
      await publishChange(c, { projectId, entity: def.path, id: current.id, version, action: 'deleted' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    apiRoute(
      { permission: def.access.read, project: ofEntity },
      {
        method: 'get',
        path: `${item}/history`,
        tags: [def.tag, 'History'],
        summary: `The audit history of a ${def.title}`,
        request: { params: idParam, query: auditQuery },
        responses: {
          200: {
            description: 'Audit entries, newest first',
            content: { [JSON_TYPE]: { schema: AuditPage } },
          },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const row = entityOf(c);
      const query = c.req.valid('query');
      const page = await listAuditEntries(c.get('deps').db, workspaceId, {
        entityType: def.entityType,
        entityId: row.id,
        ...query,
      });
      return c.json({ items: page.items.map(presentAudit), nextCursor: page.nextCursor }, 200);
    },
  );
}
