/**
 * API tokens: for scripts and integrations, `Authorization: Bearer tdm_…`. A token acts as its user in
 * the workspace it was made in; the secret is shown once and stored as a SHA-256 hash. Each person
 * manages their own; admins may revoke anyone's.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { roleGrants } from '../../auth/permissions.ts';
import { newApiToken } from '../../auth/secret-token.ts';
import {
  type ApiToken,
  createApiToken,
  deleteApiToken,
  findApiToken,
  listApiTokens,
} from '../../repositories/api-token-repository.ts';
import { notFound } from '../api-error.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { entityOf, workspaceOf } from '../context.ts';
import { etagOf, expectedVersion, parseIfMatch } from '../etag.ts';
import { entityMeta, name, pageOf } from '../schemas/common.ts';
import { etagHeaders, idParam, ifMatchHeader } from './register-resource.ts';
import { inWrite } from './write.ts';

const JSON_TYPE = 'application/json';

const ApiTokenSchema = z
  .object({
    ...entityMeta,
    name: z.string(),
    prefix: z.string(),
    userId: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .openapi('ApiToken');
const NewApiToken = z
  .strictObject({ name, expiresInDays: z.number().int().min(1).max(3650).optional() })
  .openapi('NewApiToken');
const CreatedApiToken = z
  .object({
    apiToken: ApiTokenSchema,
    token: z.string().openapi({ description: 'Shown once: store it now.' }),
  })
  .openapi('CreatedApiToken');
const tokensQuery = z.strictObject({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

function presentToken(row: ApiToken) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    userId: row.user_id,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const oneToken = { param: 'id', entity: 'API token', find: findApiToken };

/** The caller's own token (admins: anyone's); someone else's is as unknown as a missing one. */
function ownToken(c: Context<AppEnv>): ApiToken {
  const { principal } = workspaceOf(c);
  const row = entityOf(c) as unknown as ApiToken;
  const admin = principal.role !== undefined && roleGrants(principal.role, 'workspace:admin');
  if (row.user_id !== principal.userId && !admin) throw notFound('API token', row.id);
  return row;
}

export function registerApiTokenRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'workspace:read' },
      {
        method: 'get',
        path: '/api/tokens',
        tags: ['API tokens'],
        summary: 'Your API tokens in this workspace',
        request: { query: tokensQuery },
        responses: {
          200: {
            description: 'One page',
            content: { [JSON_TYPE]: { schema: pageOf(ApiTokenSchema, 'ApiTokenPage') } },
          },
        },
      },
    ),
    async (c) => {
      const { principal, workspaceId } = workspaceOf(c);
      const query = c.req.valid('query');
      const page = await listApiTokens(c.get('deps').db, workspaceId, {
        ...query,
        filter: { user_id: principal.userId },
      });
      return c.json({ items: page.items.map(presentToken), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:read' },
      {
        method: 'post',
        path: '/api/tokens',
        tags: ['API tokens'],
        summary: 'Create an API token; the secret is in the response, once',
        description: 'Not idempotent by key: the response holds a secret, which is never stored.',
        request: { body: { required: true, content: { [JSON_TYPE]: { schema: NewApiToken } } } },
        responses: {
          201: {
            description: 'Created',
            content: { [JSON_TYPE]: { schema: CreatedApiToken } },
            headers: etagHeaders,
          },
        },
      },
    ),
    async (c) => {
      const { principal } = workspaceOf(c);
      const body = c.req.valid('json');
      const { clock } = c.get('deps');
      const secret = newApiToken();
      const row = await inWrite(c, { reschedule: false }, (trx, ctx) =>
        createApiToken(trx, ctx, {
          user_id: principal.userId,
          name: body.name,
          prefix: secret.prefix,
          token_hash: secret.hash,
          last_used_at: null,
          expires_at:
            body.expiresInDays === undefined
              ? null
              : new Date(clock().getTime() + body.expiresInDays * 86_400_000).toISOString(),
          revoked_at: null,
        }),
      );
      return c.json({ apiToken: presentToken(row), token: secret.token }, 201, {
        etag: etagOf(row.version),
        location: `/api/tokens/${row.id}`,
      });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:read', row: oneToken },
      {
        method: 'delete',
        path: '/api/tokens/{id}',
        tags: ['API tokens'],
        summary: 'Revoke an API token (yours; admins: anyone’s)',
        request: { params: idParam, headers: ifMatchHeader },
        responses: {
          204: { description: 'Revoked' },
          412: { description: 'Stale If-Match' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const row = ownToken(c);
      const version = await expectedVersion(parseIfMatch(c.req.header('if-match')), async () => row.version);
      await inWrite(c, { reschedule: false }, (trx, ctx) => deleteApiToken(trx, ctx, row.id, version));
      return c.body(null, 204);
    },
  );
}
