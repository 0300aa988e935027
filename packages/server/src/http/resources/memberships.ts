/**
 * Workspace memberships: who belongs to the workspace with which role. People join through
 * invitations; admins change roles and remove people. Nobody but an owner makes or removes owners,
 * and the last owner cannot leave.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { WORKSPACE_ROLES } from '../../db/schema.ts';
import { isRole, mayAssignRole } from '../../auth/permissions.ts';
import { listAuditEntries } from '../../repositories/audit-repository.ts';
import {
  WORKSPACE_MEMBERS,
  type WorkspaceMember,
  deleteWorkspaceMember,
  findWorkspaceMember,
  listWorkspaceMembers,
  updateWorkspaceMember,
} from '../../repositories/workspace-member-repository.ts';
import type { Db } from '../../repositories/transaction.ts';
import { ApiError, forbidden } from '../api-error.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { entityOf, workspaceOf } from '../context.ts';
import { etagOf, expectedVersion, parseIfMatch } from '../etag.ts';
import { entityMeta, pageOf } from '../schemas/common.ts';
import { AuditPage, auditQuery, presentAudit } from './audit.ts';
import { listQuerySchema, toListOptions } from './list-query.ts';
import { etagHeaders, idParam, ifMatchHeader, present } from './register-resource.ts';
import { inWrite, publishChange } from './write.ts';

const JSON_TYPE = 'application/json';

const MembershipSchema = z
  .object({ ...entityMeta, userId: z.string(), role: z.enum(WORKSPACE_ROLES) })
  .openapi('Membership');
const MembershipPatch = z.strictObject({ role: z.enum(WORKSPACE_ROLES) }).openapi('MembershipPatch');
const entityJson = { content: { [JSON_TYPE]: { schema: MembershipSchema } }, headers: etagHeaders };

const oneMembership = { param: 'id', entity: 'membership', find: findWorkspaceMember };

/** The membership the route's gate found in the caller's workspace. */
async function membership(c: Context<AppEnv>): Promise<WorkspaceMember> {
  return entityOf(c) as unknown as WorkspaceMember;
}

async function refuseLastOwner(trx: Db, workspaceId: string, member: WorkspaceMember): Promise<void> {
  if (member.role !== 'owner') return;
  const owners = await trx
    .selectFrom('workspace_members')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .execute();
  if (owners.length <= 1)
    throw new ApiError(
      409,
      'last_owner',
      'Last owner',
      'A workspace needs an owner: make someone else owner first.',
    );
}

export function registerMembershipRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'workspace:read' },
      {
        method: 'get',
        path: '/api/memberships',
        tags: ['Memberships'],
        summary: 'Workspace memberships and roles',
        request: { query: listQuerySchema(WORKSPACE_MEMBERS) },
        responses: {
          200: {
            description: 'One page',
            content: { [JSON_TYPE]: { schema: pageOf(MembershipSchema, 'MembershipPage') } },
          },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const options = toListOptions(c.req.valid('query') as Record<string, unknown>, WORKSPACE_MEMBERS);
      const page = await listWorkspaceMembers(c.get('deps').db, workspaceId, options as never);
      return c.json({ items: page.items.map(present), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:read', row: oneMembership },
      {
        method: 'get',
        path: '/api/memberships/{id}',
        tags: ['Memberships'],
        summary: 'One membership',
        request: { params: idParam },
        responses: { 200: { description: 'The membership', ...entityJson } },
      },
    ),
    async (c) => {
      const row = await membership(c);
      return c.json(present(row), 200, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:admin', row: oneMembership },
      {
        method: 'patch',
        path: '/api/memberships/{id}',
        tags: ['Memberships'],
        summary: 'Change someone’s role',
        request: {
          params: idParam,
          headers: ifMatchHeader,
          body: { required: true, content: { [JSON_TYPE]: { schema: MembershipPatch } } },
        },
        responses: {
          200: { description: 'Changed', ...entityJson },
          412: { description: 'Stale If-Match' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const { principal, workspaceId } = workspaceOf(c);
      const current = await membership(c);
      const { role } = c.req.valid('json');
      const mine = principal.role;
      if (!isRole(mine) || !mayAssignRole(mine, role) || !mayAssignRole(mine, current.role))
        throw forbidden('Only an owner can make or change owners.');
      const version = await expectedVersion(
        parseIfMatch(c.req.header('if-match')),
        async () => current.version,
      );
      const row = await inWrite(c, { reschedule: false }, async (trx, ctx) => {
        if (role !== 'owner') await refuseLastOwner(trx, workspaceId, current);
        return updateWorkspaceMember(trx, ctx, current.id, version, { role });
      });
      await publishChange(c, {
        projectId: null,
        entity: 'memberships',
        id: row.id,
        version: row.version,
        action: 'updated',
      });
      return c.json(present(row), 200, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:admin', row: oneMembership },
      {
        method: 'delete',
        path: '/api/memberships/{id}',
        tags: ['Memberships'],
        summary: 'Remove someone from the workspace',
        request: { params: idParam, headers: ifMatchHeader },
        responses: {
          204: { description: 'Removed' },
          412: { description: 'Stale If-Match' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const { principal, workspaceId } = workspaceOf(c);
      const current = await membership(c);
      if (!isRole(principal.role) || !mayAssignRole(principal.role, current.role))
        throw forbidden('Only an owner can remove an owner.');
      const version = await expectedVersion(
        parseIfMatch(c.req.header('if-match')),
        async () => current.version,
      );
      await inWrite(c, { reschedule: false }, async (trx, ctx) => {
        await refuseLastOwner(trx, workspaceId, current);
        // Their project memberships and API tokens in this workspace go with them.
        await trx
          .deleteFrom('project_members')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', current.user_id)
          .execute();
        await trx
          .deleteFrom('api_tokens')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', current.user_id)
          .execute();
        await deleteWorkspaceMember(trx, ctx, current.id, version);
      });
      await publishChange(c, {
        projectId: null,
        entity: 'memberships',
        id: current.id,
        version,
        action: 'deleted',
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:admin', row: oneMembership },
      {
        method: 'get',
        path: '/api/memberships/{id}/history',
        tags: ['Memberships', 'History'],
        summary: 'The audit history of a membership',
        request: { params: idParam, query: auditQuery },
        responses: { 200: { description: 'Audit entries', content: { [JSON_TYPE]: { schema: AuditPage } } } },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const row = await membership(c);
      const page = await listAuditEntries(c.get('deps').db, workspaceId, {
        entityType: 'workspace_member',
        entityId: row.id,
        ...c.req.valid('query'),
      });
      return c.json({ items: page.items.map(presentAudit), nextCursor: page.nextCursor }, 200);
    },
  );
}
