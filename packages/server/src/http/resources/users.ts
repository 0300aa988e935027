/**
 * People: yourself (`/api/me`: profile, password, workspaces) and the members of your workspace.
 * Password hashes never leave the server.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  hashPassword,
  verifyPassword,
} from '../../auth/password.ts';
import { startSession } from '../../auth/session-cookie.ts';
import { listAuditEntries } from '../../repositories/audit-repository.ts';
import { decodeCursor, encodeCursor, pageLimit } from '../../repositories/pagination.ts';
import { deleteUserSessions } from '../../repositories/session-repository.ts';
import type { Db } from '../../repositories/transaction.ts';
import { type User, getUser, listWorkspaceUsers, updateUser } from '../../repositories/user-repository.ts';
import { listWorkspacesOfUser } from '../../repositories/workspace-repository.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { entityOf, requirePrincipal, workspaceOf } from '../context.ts';
import { etagOf, expectedVersion, parseIfMatch } from '../etag.ts';
import { entityMeta, name } from '../schemas/common.ts';
import { AuditPage, auditQuery, presentAudit } from './audit.ts';
import { etagHeaders, idParam, ifMatchHeader } from './register-resource.ts';

const JSON_TYPE = 'application/json';

export const UserSchema = z
  .object({
    ...entityMeta,
    email: z.string(),
    name: z.string(),
    disabled: z.boolean(),
    role: z.string().optional(),
  })
  .openapi('User');

export function presentUser(user: User & { role?: string }) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    disabled: user.disabled,
    ...(user.role !== undefined ? { role: user.role } : {}),
    version: user.version,
    createdAt: user.created_at,
    updatedAt: user.updated_at,
  };
}

export const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH);

const MeSchema = z
  .object({
    user: UserSchema,
    hasPassword: z.boolean(),
    workspace: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
    role: z.string().nullable(),
    workspaces: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), role: z.string() })),
    via: z.enum(['session', 'token']),
    csrfToken: z
      .string()
      .optional()
      .openapi({ description: 'For cookie sessions: send as X-CSRF-Token on writes.' }),
  })
  .openapi('Me');
const MePatch = z
  .strictObject({
    name: name.optional(),
    password: password.optional(),
    currentPassword: z.string().max(MAX_PASSWORD_LENGTH).optional(),
  })
  .openapi('MePatch');
const UserPage = z
  .object({ items: z.array(UserSchema), nextCursor: z.string().nullable() })
  .openapi('UserPage');
const usersQuery = z.strictObject({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

const oneMember = {
  param: 'id',
  entity: 'user',
  find: async (db: Db, workspaceId: string, id: string) =>
    (await listWorkspaceUsers(db, workspaceId)).find((u) => u.id === id),
};

async function me(c: Context<AppEnv>) {
  const principal = requirePrincipal(c);
  const { db } = c.get('deps');
  const user = await getUser(db, principal.userId);
  const all = await listWorkspacesOfUser(db, user.id);
  const workspaces = principal.via === 'token' ? all.filter((w) => w.id === principal.workspaceId) : all;
  const active = workspaces.find((w) => w.id === principal.workspaceId);
  return {
    user: presentUser(user),
    hasPassword: user.password_hash !== null,
    workspace: active ? { id: active.id, name: active.name, slug: active.slug } : null,
    role: principal.role ?? null,
    workspaces: workspaces.map((w) => ({ id: w.id, name: w.name, slug: w.slug, role: w.role })),
    via: principal.via,
    ...(principal.csrfToken !== undefined ? { csrfToken: principal.csrfToken } : {}),
  };
}

export function registerUserRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'self' },
      {
        method: 'get',
        path: '/api/me',
        tags: ['Users'],
        summary: 'Who you are, your workspaces and your active one',
        responses: {
          200: { description: 'You', content: { [JSON_TYPE]: { schema: MeSchema } }, headers: etagHeaders },
        },
      },
    ),
    async (c) => {
      const body = await me(c);
      return c.json(body, 200, { etag: etagOf(body.user.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'self' },
      {
        method: 'patch',
        path: '/api/me',
        tags: ['Users'],
        summary: 'Change your name or password',
        description:
          'Changing the password needs `currentPassword` when you have one, and signs you out everywhere else.',
        request: {
          headers: ifMatchHeader,
          body: { required: true, content: { [JSON_TYPE]: { schema: MePatch } } },
        },
        responses: {
          200: {
            description: 'Changed',
            content: { [JSON_TYPE]: { schema: MeSchema } },
            headers: etagHeaders,
          },
          412: { description: 'Stale If-Match' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const principal = requirePrincipal(c);
      const { db, passwordHashing } = c.get('deps');
      const current = await getUser(db, principal.userId);
      const version = await expectedVersion(
        parseIfMatch(c.req.header('if-match')),
        async () => current.version,
      );
      const body = c.req.valid('json');
      const patch: { name?: string; password_hash?: string } = {};
      if (body.name !== undefined) patch.name = body.name;
      if (body.password !== undefined) {
        if (
          current.password_hash !== null &&
          !(await verifyPassword(current.password_hash, body.currentPassword ?? ''))
        )
          throw new ApiError(
            403,
            'wrong_password',
            'Wrong password',
            'currentPassword is not your current password.',
            {
              errors: [{ path: 'currentPassword', message: 'does not match' }],
            },
          );
        patch.password_hash = await hashPassword(body.password, passwordHashing);
      }
      const ctx = principal.workspaceId
        ? { workspaceId: principal.workspaceId, actorId: principal.userId }
        : undefined;
      await updateUser(db, principal.userId, version, patch, ctx);
      if (patch.password_hash !== undefined) {
        await deleteUserSessions(db, principal.userId);
        if (principal.via === 'session')
          principal.csrfToken = (await startSession(c, principal.userId)).csrfToken;
      }
      const body2 = await me(c);
      return c.json(body2, 200, { etag: etagOf(body2.user.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:read' },
      {
        method: 'get',
        path: '/api/users',
        tags: ['Users'],
        summary: 'The members of your workspace, by name, with their role',
        request: { query: usersQuery },
        responses: { 200: { description: 'One page', content: { [JSON_TYPE]: { schema: UserPage } } } },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const query = c.req.valid('query');
      const limit = pageLimit(query.limit);
      // Sorted here, by code points, so the cursor's comparison agrees with the order on both engines.
      const all = (await listWorkspaceUsers(c.get('deps').db, workspaceId)).sort((a, b) =>
        a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.id < b.id ? -1 : 1,
      );
      let start = 0;
      if (query.cursor !== undefined) {
        const after = decodeCursor(query.cursor, 'name', 'asc');
        start = all.findIndex(
          (u) => u.name > String(after.value) || (u.name === after.value && u.id > after.id),
        );
        if (start < 0) start = all.length;
      }
      const items = all.slice(start, start + limit);
      const last = items.at(-1);
      const more = start + limit < all.length;
      return c.json(
        {
          items: items.map(presentUser),
          nextCursor: more && last ? encodeCursor('name', 'asc', last.name, last.id) : null,
        },
        200,
      );
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:read', row: oneMember },
      {
        method: 'get',
        path: '/api/users/{id}',
        tags: ['Users'],
        summary: 'A member of your workspace',
        request: { params: idParam },
        responses: {
          200: {
            description: 'The member',
            content: { [JSON_TYPE]: { schema: UserSchema } },
            headers: etagHeaders,
          },
        },
      },
    ),
    async (c) => {
      const member = entityOf(c) as unknown as User & { role: string };
      return c.json(presentUser(member), 200, { etag: etagOf(member.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:admin', row: oneMember },
      {
        method: 'get',
        path: '/api/users/{id}/history',
        tags: ['Users', 'History'],
        summary: 'Changes to a member’s account made in this workspace',
        request: { params: idParam, query: auditQuery },
        responses: { 200: { description: 'Audit entries', content: { [JSON_TYPE]: { schema: AuditPage } } } },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const id = c.req.valid('param').id;
      const page = await listAuditEntries(c.get('deps').db, workspaceId, {
        entityType: 'user',
        entityId: id,
        ...c.req.valid('query'),
      });
      return c.json({ items: page.items.map(presentAudit), nextCursor: page.nextCursor }, 200);
    },
  );
}
