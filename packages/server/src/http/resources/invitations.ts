/**
 * Invitations: admins invite an email to the workspace (optionally to a project). The link is shown
 * once, in the response; only its hash is stored. (No email is sent yet: pass the link on.)
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { PROJECT_ROLES, WORKSPACE_ROLES } from '../../db/schema.ts';
import { INVITATION_DAYS } from '../../auth/invitation-links.ts';
import { isRole, mayAssignRole } from '../../auth/permissions.ts';
import { randomSecret, sha256 } from '../../auth/secret-token.ts';
import {
  INVITATIONS,
  type Invitation,
  createInvitation,
  deleteInvitation,
  findInvitation,
  listInvitations,
} from '../../repositories/invitation-repository.ts';
import { findProject } from '../../repositories/project-repository.ts';
import { normalizeEmail } from '../../repositories/user-repository.ts';
import { ApiError, forbidden } from '../api-error.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { entityOf, workspaceOf } from '../context.ts';
import { etagOf, expectedVersion, parseIfMatch } from '../etag.ts';
import { email, entityMeta, id, pageOf } from '../schemas/common.ts';
import { listQuerySchema, toListOptions } from './list-query.ts';
import { etagHeaders, idParam, ifMatchHeader } from './register-resource.ts';
import { inWrite } from './write.ts';

const JSON_TYPE = 'application/json';

const InvitationSchema = z
  .object({
    ...entityMeta,
    email: z.string(),
    role: z.enum(WORKSPACE_ROLES),
    projectId: z.string().nullable(),
    projectRole: z.enum(PROJECT_ROLES).nullable(),
    invitedBy: z.string().nullable(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
    acceptedBy: z.string().nullable(),
  })
  .openapi('Invitation');
const NewInvitation = z
  .strictObject({
    email,
    role: z.enum(WORKSPACE_ROLES),
    projectId: id.optional(),
    projectRole: z.enum(PROJECT_ROLES).optional(),
    expiresInDays: z.number().int().min(1).max(30).optional(),
  })
  .refine((v) => (v.projectId === undefined) === (v.projectRole === undefined), {
    message: 'projectId and projectRole go together',
    path: ['projectRole'],
  })
  .openapi('NewInvitation');
const CreatedInvitation = z
  .object({
    invitation: InvitationSchema,
    token: z.string().openapi({ description: 'Shown once.' }),
    url: z.string().openapi({ description: 'The link to give the invitee (GET signs them in).' }),
  })
  .openapi('CreatedInvitation');

function presentInvitation(row: Invitation) {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    projectId: row.project_id,
    projectRole: row.project_role,
    invitedBy: row.invited_by,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    acceptedBy: row.accepted_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const oneInvitation = { param: 'id', entity: 'invitation', find: findInvitation };

async function invitation(c: Context<AppEnv>): Promise<Invitation> {
  return entityOf(c) as unknown as Invitation;
}

export function registerInvitationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'workspace:admin' },
      {
        method: 'get',
        path: '/api/invitations',
        tags: ['Invitations'],
        summary: 'Invitations of the workspace',
        request: { query: listQuerySchema(INVITATIONS) },
        responses: {
          200: {
            description: 'One page',
            content: { [JSON_TYPE]: { schema: pageOf(InvitationSchema, 'InvitationPage') } },
          },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const options = toListOptions(c.req.valid('query') as Record<string, unknown>, INVITATIONS);
      const page = await listInvitations(c.get('deps').db, workspaceId, options as never);
      return c.json({ items: page.items.map(presentInvitation), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:admin' },
      {
        method: 'post',
        path: '/api/invitations',
        tags: ['Invitations'],
        summary: 'Invite someone; the link is in the response, once',
        description: 'Not idempotent by key: the response holds a secret, which is never stored.',
        request: { body: { required: true, content: { [JSON_TYPE]: { schema: NewInvitation } } } },
        responses: {
          201: {
            description: 'Created',
            content: { [JSON_TYPE]: { schema: CreatedInvitation } },
            headers: etagHeaders,
          },
        },
      },
    ),
    async (c) => {
      const { principal, workspaceId } = workspaceOf(c);
      const body = c.req.valid('json');
      if (!isRole(principal.role) || !mayAssignRole(principal.role, body.role))
        throw forbidden('Only an owner can invite an owner.');
      const { db, clock } = c.get('deps');
      if (body.projectId !== undefined && !(await findProject(db, workspaceId, body.projectId)))
        throw new ApiError(422, 'invalid_reference', 'Invalid reference', `No project ${body.projectId}.`, {
          errors: [{ path: 'projectId', message: 'no such project in this workspace' }],
        });
      const token = randomSecret();
      const row = await inWrite(c, { reschedule: false }, (trx, ctx) =>
        createInvitation(trx, ctx, {
          email: normalizeEmail(body.email),
          role: body.role,
          project_id: body.projectId ?? null,
          project_role: body.projectRole ?? null,
          token_hash: sha256(token),
          invited_by: principal.userId,
          expires_at: new Date(
            clock().getTime() + (body.expiresInDays ?? INVITATION_DAYS) * 86_400_000,
          ).toISOString(),
          accepted_at: null,
          accepted_by: null,
        }),
      );
      const url = `${new URL(c.req.url).origin}/auth/link/${token}`;
      return c.json({ invitation: presentInvitation(row), token, url }, 201, {
        etag: etagOf(row.version),
        location: `/api/invitations/${row.id}`,
      });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:admin', row: oneInvitation },
      {
        method: 'get',
        path: '/api/invitations/{id}',
        tags: ['Invitations'],
        summary: 'One invitation',
        request: { params: idParam },
        responses: {
          200: {
            description: 'The invitation',
            content: { [JSON_TYPE]: { schema: InvitationSchema } },
            headers: etagHeaders,
          },
        },
      },
    ),
    async (c) => {
      const row = await invitation(c);
      return c.json(presentInvitation(row), 200, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'workspace:admin', row: oneInvitation },
      {
        method: 'delete',
        path: '/api/invitations/{id}',
        tags: ['Invitations'],
        summary: 'Withdraw an invitation',
        request: { params: idParam, headers: ifMatchHeader },
        responses: {
          204: { description: 'Withdrawn' },
          412: { description: 'Stale If-Match' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const row = await invitation(c);
      const version = await expectedVersion(parseIfMatch(c.req.header('if-match')), async () => row.version);
      await inWrite(c, { reschedule: false }, (trx, ctx) => deleteInvitation(trx, ctx, row.id, version));
      return c.body(null, 204);
    },
  );
}
