/**
 * Hook configurations (project:plan) and their deliveries:
 *
 *   GET/POST /api/projects/{projectId}/hook-configs       list / create (the secret is in the 201 only)
 *   GET/PATCH/DELETE /api/hook-configs/{id}               read / rename, (de)activate, rotate / delete
 *   GET /api/projects/{projectId}/hook-deliveries         deliveries, newest last
 *   GET /api/hook-deliveries/{id}                         one delivery with its raw body and parse
 *   POST /api/hook-deliveries/{id}/replay                 re-parse the raw body and apply it again
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { HOOK_PROVIDERS } from '../../db/schema.ts';
import {
  HOOK_CONFIGS,
  type HookConfig,
  createHookConfig,
  deleteHookConfig,
  findHookConfig,
  listHookConfigs,
  updateHookConfig,
} from '../../repositories/hook-config-repository.ts';
import { listRows } from '../../repositories/entity-repository.ts';
import { HOOK_DELIVERIES, findDelivery } from '../../repositories/signal-repository.ts';
import { randomSecret } from '../../auth/secret-token.ts';
import { replayDelivery } from '../../signals/ingest-delivery.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, entityOf, workspaceOf } from '../context.ts';
import { etagOf, expectedVersion, parseIfMatch } from '../etag.ts';
import {
  idParam,
  etagHeaders,
  ifMatchHeader,
  present,
  projectIdParam,
} from '../resources/register-resource.ts';
import { listQuerySchema, toListOptions } from '../resources/list-query.ts';
import { entityMeta, pageOf } from '../schemas/common.ts';
import { inWrite, publishChange, writeContext } from '../resources/write.ts';
import type { Row } from '../resources/resource-def.ts';
import { publishSignals } from './publish-signals.ts';

const JSON_TYPE = 'application/json';

const HookConfigSchema = z
  .object({
    ...entityMeta,
    projectId: z.string(),
    provider: z.enum(HOOK_PROVIDERS),
    name: z.string(),
    secretHint: z.string().openapi({ description: 'The last four characters of the secret.' }),
    repository: z.string().nullable(),
    active: z.boolean(),
    lastDeliveryAt: z.string().nullable(),
    url: z.string().openapi({
      description: 'Where the provider should send deliveries (path; prefix the server’s origin).',
    }),
  })
  .openapi('HookConfig');
const CreatedHookConfig = HookConfigSchema.extend({
  secret: z.string().openapi({ description: 'Shown once: configure it at the sender. Never shown again.' }),
}).openapi('CreatedHookConfig');

const fields = {
  name: z.string().min(1).max(200),
  repository: z
    .string()
    .min(1)
    .max(300)
    .nullable()
    .optional()
    .openapi({ description: '`owner/name`: lets deliveries without a hook id find this hook.' }),
  active: z.boolean().optional(),
};
const NewHookConfig = z
  .strictObject({
    provider: z.enum(HOOK_PROVIDERS),
    ...fields,
    secret: z
      .string()
      .min(16)
      .max(200)
      .optional()
      .openapi({ description: 'Your own secret (16+ characters); a random one is made when left out.' }),
  })
  .openapi('NewHookConfig');
const HookConfigPatch = z
  .strictObject({
    name: fields.name.optional(),
    repository: fields.repository,
    active: fields.active,
    rotateSecret: z.boolean().optional().openapi({ description: 'Make a new secret (answered once).' }),
  })
  .openapi('HookConfigPatch');

const DeliverySchema = z
  .object({
    ...entityMeta,
    projectId: z.string(),
    hookId: z.string(),
    provider: z.string(),
    deliveryId: z.string(),
    event: z.string(),
    headers: z.record(z.string(), z.string()),
    status: z.enum(['processed', 'failed']),
    error: z.string().nullable(),
    signalCount: z.number().int(),
    receivedAt: z.string(),
    processedAt: z.string().nullable(),
    rawBody: z.string().optional(),
    parsed: z.unknown().optional(),
  })
  .openapi('HookDelivery');

export function presentHook(row: HookConfig): Record<string, unknown> {
  const { secret: _secret, ...rest } = row;
  void _secret;
  return { ...present(rest), url: `/api/hooks/${row.provider}/${row.id}` };
}

function presentDelivery(row: Row, full: boolean): Record<string, unknown> {
  const { raw_body, parsed, ...rest } = row;
  return { ...present(rest), ...(full ? { rawBody: raw_body, parsed } : {}) };
}

const inProject = { param: 'projectId' };
const ofHook = { param: 'id', entity: 'hook config', find: findHookConfig };
const ofDelivery = { param: 'id', entity: 'hook delivery', find: findDelivery };

export function registerHookConfigRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: inProject },
      {
        method: 'get',
        path: '/api/projects/{projectId}/hook-configs',
        tags: ['Engineering signals'],
        summary: 'List the project’s webhook configurations',
        request: { params: projectIdParam, query: listQuerySchema(HOOK_CONFIGS) },
        responses: {
          200: {
            description: 'One page',
            content: { [JSON_TYPE]: { schema: pageOf(HookConfigSchema, 'HookConfigPage') } },
          },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const query = c.req.valid('query') as Record<string, unknown>;
      const page = await listHookConfigs(
        c.get('deps').db,
        workspaceId,
        accessOf(c).projectId,
        toListOptions(query, HOOK_CONFIGS) as never,
      );
      return c.json({ items: page.items.map(presentHook), nextCursor: page.nextCursor } as never, 200);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: inProject },
      {
        method: 'post',
        path: '/api/projects/{projectId}/hook-configs',
        tags: ['Engineering signals'],
        summary: 'Create a webhook configuration',
        description:
          'The answer holds the secret and the URL to give the provider; the secret is never shown again.',
        request: {
          params: projectIdParam,
          body: { required: true, content: { [JSON_TYPE]: { schema: NewHookConfig } } },
        },
        responses: {
          201: {
            description: 'Created',
            content: { [JSON_TYPE]: { schema: CreatedHookConfig } },
            headers: etagHeaders,
          },
        },
      },
    ),
    async (c) => {
      const { projectId } = accessOf(c);
      const body = c.req.valid('json');
      const secret = body.secret ?? randomSecret();
      const row = await inWrite(c, { reschedule: false }, (trx, ctx) =>
        createHookConfig(trx, ctx, {
          project_id: projectId,
          provider: body.provider,
          name: body.name,
          repository: body.repository ?? null,
          active: body.active ?? true,
          secret,
          secret_hint: secret.slice(-4),
        }),
      );
      await publishChange(c, {
        projectId,
        entity: 'hook-configs',
        id: row.id,
        version: row.version,
        action: 'created',
      });
      return c.json({ ...presentHook(row), secret } as never, 201, {
        etag: etagOf(row.version),
        location: `/api/hook-configs/${row.id}`,
      });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: ofHook },
      {
        method: 'get',
        path: '/api/hook-configs/{id}',
        tags: ['Engineering signals'],
        summary: 'Read a webhook configuration (without its secret)',
        request: { params: idParam },
        responses: {
          200: {
            description: 'The hook',
            content: { [JSON_TYPE]: { schema: HookConfigSchema } },
            headers: etagHeaders,
          },
        },
      },
    ),
    async (c) => {
      const row = entityOf(c) as unknown as HookConfig;
      return c.json(presentHook(row) as never, 200, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: ofHook },
      {
        method: 'patch',
        path: '/api/hook-configs/{id}',
        tags: ['Engineering signals'],
        summary: 'Rename, (de)activate or rotate the secret of a webhook configuration',
        request: {
          params: idParam,
          headers: ifMatchHeader,
          body: { required: true, content: { [JSON_TYPE]: { schema: HookConfigPatch } } },
        },
        responses: {
          200: {
            description: 'Changed (with the new secret when rotated)',
            content: { [JSON_TYPE]: { schema: CreatedHookConfig.partial({ secret: true }) } },
            headers: etagHeaders,
          },
          412: { description: 'Changed by someone else since read' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const current = entityOf(c) as unknown as HookConfig;
      const version = await expectedVersion(
        parseIfMatch(c.req.header('if-match')),
        async () => current.version,
      );
      const body = c.req.valid('json');
      const secret = body.rotateSecret ? randomSecret() : undefined;
      const row = await inWrite(c, { reschedule: false }, (trx, ctx) =>
        updateHookConfig(trx, ctx, current.id, version, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.repository !== undefined ? { repository: body.repository } : {}),
          ...(body.active !== undefined ? { active: body.active } : {}),
          ...(secret !== undefined ? { secret, secret_hint: secret.slice(-4) } : {}),
        }),
      );
      await publishChange(c, {
        projectId: row.project_id,
        entity: 'hook-configs',
        id: row.id,
        version: row.version,
        action: 'updated',
      });
      return c.json({ ...presentHook(row), ...(secret ? { secret } : {}) } as never, 200, {
        etag: etagOf(row.version),
      });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: ofHook },
      {
        method: 'delete',
        path: '/api/hook-configs/{id}',
        tags: ['Engineering signals'],
        summary: 'Delete a webhook configuration and its deliveries (the signals stay)',
        request: { params: idParam, headers: ifMatchHeader },
        responses: {
          204: { description: 'Deleted' },
          412: { description: 'Changed by someone else since read' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const current = entityOf(c) as unknown as HookConfig;
      const version = await expectedVersion(
        parseIfMatch(c.req.header('if-match')),
        async () => current.version,
      );
      await inWrite(c, { reschedule: false }, (trx, ctx) => deleteHookConfig(trx, ctx, current.id, version));
      await publishChange(c, {
        projectId: current.project_id,
        entity: 'hook-configs',
        id: current.id,
        version,
        action: 'deleted',
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: inProject },
      {
        method: 'get',
        path: '/api/projects/{projectId}/hook-deliveries',
        tags: ['Engineering signals'],
        summary: 'List the project’s webhook deliveries (without bodies)',
        request: { params: projectIdParam, query: listQuerySchema(HOOK_DELIVERIES) },
        responses: {
          200: {
            description: 'One page',
            content: { [JSON_TYPE]: { schema: pageOf(DeliverySchema, 'HookDeliveryPage') } },
          },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const query = c.req.valid('query') as Record<string, unknown>;
      const page = await listRows(
        c.get('deps').db,
        workspaceId,
        HOOK_DELIVERIES,
        toListOptions(query, HOOK_DELIVERIES) as never,
        {
          project_id: accessOf(c).projectId,
        },
      );
      return c.json(
        {
          items: page.items.map((r) => presentDelivery(r as unknown as Row, false)),
          nextCursor: page.nextCursor,
        } as never,
        200,
      );
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: ofDelivery },
      {
        method: 'get',
        path: '/api/hook-deliveries/{id}',
        tags: ['Engineering signals'],
        summary: 'Read a webhook delivery: headers, raw body and what it was parsed into',
        request: { params: idParam },
        responses: {
          200: {
            description: 'The delivery',
            content: { [JSON_TYPE]: { schema: DeliverySchema } },
            headers: etagHeaders,
          },
        },
      },
    ),
    async (c) => {
      const row = entityOf(c) as Row;
      return c.json(presentDelivery(row, true) as never, 200, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: ofDelivery },
      {
        method: 'post',
        path: '/api/hook-deliveries/{id}/replay',
        tags: ['Engineering signals'],
        summary: 'Replay a delivery: parse its stored raw body again and apply the signals',
        request: { params: idParam },
        responses: {
          200: {
            description: 'Replayed',
            content: { [JSON_TYPE]: { schema: DeliverySchema } },
            headers: etagHeaders,
          },
        },
      },
    ),
    async (c) => {
      const row = entityOf(c) as unknown as Parameters<typeof replayDelivery>[2];
      const { db, clock } = c.get('deps');
      const { delivery, applied } = await replayDelivery(db, writeContext(c), row, clock().toISOString());
      await publishSignals(c, delivery.workspace_id, delivery.project_id, applied);
      return c.json(presentDelivery(delivery as unknown as Row, true) as never, 200, {
        etag: etagOf(delivery.version),
      });
    },
  );
}
