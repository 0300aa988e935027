/**
 * Workspaces (tenants): the ones you belong to, a new one (you become its owner), and the active one —
 * read, renamed by its admins, deleted by its owner. Another workspace's id answers 404.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  createWorkspace,
  deleteWorkspace,
  getWorkspace,
  listWorkspacesOfUser,
  updateWorkspace,
} from '../../repositories/workspace-repository.ts';
import { listAuditEntries } from '../../repositories/audit-repository.ts';
import type { Db } from '../../repositories/transaction.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { requirePrincipal, workspaceOf } from '../context.ts';
import { etagOf, expectedVersion, parseIfMatch } from '../etag.ts';
import { entityMeta, name } from '../schemas/common.ts';
import { AuditPage, auditQuery, presentAudit } from './audit.ts';
import { etagHeaders, idParam, ifMatchHeader, present } from './register-resource.ts';
import { inWrite } from './write.ts';

const JSON_TYPE = 'application/json';

const slug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and dashes');
const settings = z
  .record(z.string().max(100), z.unknown())
  .refine((s) => JSON.stringify(s).length <= 50_000, 'at most 50 kB of settings');

const WorkspaceSchema = z
  .object({
    ...entityMeta,
    name: z.string(),
    slug: z.string(),
    settings: z.record(z.string(), z.unknown()),
    role: z.string().optional(),
  })
  .openapi('Workspace');
const NewWorkspace = z.strictObject({ name, slug }).openapi('NewWorkspace');
const WorkspacePatch = z
  .strictObject({ name: name.optional(), slug: slug.optional(), settings: settings.optional() })
  .openapi('WorkspacePatch');
const entityJson = { content: { [JSON_TYPE]: { schema: WorkspaceSchema } }, headers: etagHeaders };

/** The `{id}` must be the caller's active workspace: any other is not found. */
const theActiveWorkspace = {
  param: 'id',
  entity: 'workspace',
  find: async (db: Db, workspaceId: string, id: string) =>
    id === workspaceId ? getWorkspace(db, id) : undefined,
};

function activeWorkspace(c: Parameters<typeof workspaceOf>[0]): string {
  return workspaceOf(c).workspaceId;
}

export function registerWorkspaceRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'self' },
      {
        method: 'get',
        path: '/api/workspaces',
        tags: ['Workspaces'],
        summary: 'The workspaces you belong to, with your role in each',
        responses: {
          200: {
            description: 'All of them (a person belongs to few)',
            content: {
              [JSON_TYPE]: { schema: z.object({ items: z.array(WorkspaceSchema), nextCursor: z.null() }) },
            },
          },
        },
      },
    ),
    async (c) => {
      const principal = requirePrincipal(c);
      const rows = await listWorkspacesOfUser(c.get('deps').db, principal.userId);
      const visible = principal.via === 'token' ? rows.filter((w) => w.id === principal.workspaceId) : rows;
      return c.json({ items: visible.map(present), nextCursor: null }, 200);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'self' },
      {
        method: 'post',
        path: '/api/workspaces',
        tags: ['Workspaces'],
        summary: 'Create a workspace; you become its owner',
        request: { body: { required: true, content: { [JSON_TYPE]: { schema: NewWorkspace } } } },
        responses: { 201: { description: 'Created', ...entityJson } },
      },
    ),
    async (c) => {
      const principal = requirePrincipal(c);
      const row = await createWorkspace(c.get('deps').db, principal.userId, c.req.valid('json'));
      return c.json(present({ ...row, role: 'owner' }), 201, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:read', row: theActiveWorkspace },
      {
        method: 'get',
        path: '/api/workspaces/{id}',
        tags: ['Workspaces'],
        summary: 'Read your active workspace',
        request: { params: idParam },
        responses: { 200: { description: 'The workspace', ...entityJson } },
      },
    ),
    async (c) => {
      const row = await getWorkspace(c.get('deps').db, activeWorkspace(c));
      return c.json(present({ ...row, role: requirePrincipal(c).role }), 200, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:admin', row: theActiveWorkspace },
      {
        method: 'patch',
        path: '/api/workspaces/{id}',
        tags: ['Workspaces'],
        summary: 'Rename the workspace or change its settings',
        request: {
          params: idParam,
          headers: ifMatchHeader,
          body: { required: true, content: { [JSON_TYPE]: { schema: WorkspacePatch } } },
        },
        responses: {
          200: { description: 'Changed', ...entityJson },
          412: { description: 'Stale If-Match' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const workspaceId = activeWorkspace(c);
      const { db } = c.get('deps');
      const version = await expectedVersion(
        parseIfMatch(c.req.header('if-match')),
        async () => (await getWorkspace(db, workspaceId)).version,
      );
      const body = c.req.valid('json');
      const row = await inWrite(c, { reschedule: false }, (trx, ctx) =>
        updateWorkspace(trx, ctx, version, body as never),
      );
      return c.json(present({ ...row, role: requirePrincipal(c).role }), 200, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:delete', row: theActiveWorkspace },
      {
        method: 'delete',
        path: '/api/workspaces/{id}',
        tags: ['Workspaces'],
        summary: 'Delete the workspace and everything in it (owner only)',
        request: { params: idParam, headers: ifMatchHeader },
        responses: {
          204: { description: 'Deleted' },
          412: { description: 'Stale If-Match' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const workspaceId = activeWorkspace(c);
      const { db } = c.get('deps');
      const version = await expectedVersion(
        parseIfMatch(c.req.header('if-match')),
        async () => (await getWorkspace(db, workspaceId)).version,
      );
      await deleteWorkspace(db, workspaceId, version);
      return c.body(null, 204);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:admin', row: theActiveWorkspace },
      {
        method: 'get',
        path: '/api/workspaces/{id}/history',
        tags: ['Workspaces', 'History'],
        summary: 'Everything that changed in the workspace, newest first',
        request: { params: idParam, query: auditQuery },
        responses: { 200: { description: 'Audit entries', content: { [JSON_TYPE]: { schema: AuditPage } } } },
      },
    ),
    async (c) => {
      const workspaceId = activeWorkspace(c);
      const page = await listAuditEntries(c.get('deps').db, workspaceId, c.req.valid('query'));
      return c.json({ items: page.items.map(presentAudit), nextCursor: page.nextCursor }, 200);
    },
  );
}
