/**
 * Projects: list (only those the caller may see), create, read, change (re-scheduled in the same
 * transaction), delete. The schedule and history are in `project-views.ts`.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { HEALTH, METHODOLOGIES, PHASES } from '../../db/schema.ts';
import { seesAllProjects } from '../../auth/permissions.ts';
import { listRows } from '../../repositories/entity-repository.ts';
import { createProjectMember } from '../../repositories/project-member-repository.ts';
import {
  PROJECTS,
  type Project,
  createProject,
  deleteProject,
  getProject,
  updateProject,
} from '../../repositories/project-repository.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { fromApi } from '../casing.ts';
import { accessOf, workspaceOf } from '../context.ts';
import { etagOf, expectedVersion, parseIfMatch } from '../etag.ts';
import { entityMeta, id, label, localDateTime, money, name, pageOf, text } from '../schemas/common.ts';
import { idempotent, respond } from './idempotency.ts';
import { listQuerySchema, toListOptions } from './list-query.ts';
import { checkReferences } from './refs.ts';
import { etagHeaders, idempotencyHeader, ifMatchHeader, present } from './register-resource.ts';
import { inWrite, publishChange } from './write.ts';

const JSON_TYPE = 'application/json';
const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

const projectFields = {
  name,
  start: localDateTime,
  description: nullable(text),
  objectives: z.array(text).max(100).optional(),
  scope: nullable(text),
  methodology: z.enum(METHODOLOGIES).optional(),
  phase: z.enum(PHASES).optional(),
  finish: nullable(localDateTime),
  scheduleFrom: z.enum(['start', 'finish']).optional(),
  statusDate: nullable(localDateTime),
  timeZone: nullable(z.string().max(100)),
  currency: nullable(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')),
  calendarId: nullable(id),
  units: z
    .strictObject({
      minutesPerDay: z.number().int().min(1).max(1440),
      minutesPerWeek: z.number().int().min(1).max(10_080),
      daysPerMonth: z.number().int().min(1).max(31),
    })
    .optional(),
  criticalSlackMinutes: nullable(z.number().int().min(0).max(1e9)),
  defaultStartMinute: nullable(z.number().int().min(0).max(1440)),
  defaultFinishMinute: nullable(z.number().int().min(0).max(1440)),
  correlations: z
    .array(
      z.strictObject({ workItemIds: z.array(id).min(2).max(1000), coefficient: z.number().min(-1).max(1) }),
    )
    .max(1000)
    .optional(),
  budget: nullable(money),
  health: nullable(z.enum(HEALTH)),
  healthReason: nullable(label),
};

export const ProjectSchema = z
  .object({
    ...entityMeta,
    ...Object.fromEntries(Object.entries(projectFields).map(([k, v]) => [k, (v as z.ZodType).optional()])),
    archivedAt: z.string().nullable(),
  })
  .openapi('Project');
const NewProject = z.strictObject(projectFields).openapi('NewProject');
const ProjectPatch = z
  .strictObject(
    Object.fromEntries(Object.entries(projectFields).map(([k, v]) => [k, (v as z.ZodType).optional()])),
  )
  .openapi('ProjectPatch');
const projectParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const entityJson = { content: { [JSON_TYPE]: { schema: ProjectSchema } }, headers: etagHeaders };
const inProject = { param: 'id' };

/** A project as the API shows it: without the storage layer's plan revision. */
function presentProject({ plan_revision: _revision, ...row }: Project) {
  return present(row);
}

export function registerProjectRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'workspace:read' },
      {
        method: 'get',
        path: '/api/projects',
        tags: ['Projects'],
        summary: 'List the projects you may see',
        request: { query: listQuerySchema(PROJECTS) },
        responses: {
          200: {
            description: 'One page',
            content: { [JSON_TYPE]: { schema: pageOf(ProjectSchema, 'ProjectPage') } },
          },
        },
      },
    ),
    async (c) => {
      const { principal, workspaceId } = workspaceOf(c);
      const { db } = c.get('deps');
      const options = toListOptions(c.req.valid('query') as Record<string, unknown>, PROJECTS);
      let filter = options.filter;
      if (!seesAllProjects(principal.role ?? 'viewer')) {
        const memberships = await db
          .selectFrom('project_members')
          .select('project_id')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', principal.userId)
          .execute();
        filter = { ...filter, id: memberships.map((m) => m.project_id) };
      }
      const page = await listRows(db, workspaceId, { ...PROJECTS, filters: [...PROJECTS.filters, 'id'] }, {
        ...options,
        filter,
      } as never);
      return c.json({ items: page.items.map(presentProject), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:create' },
      {
        method: 'post',
        path: '/api/projects',
        tags: ['Projects'],
        summary: 'Create a project',
        description: 'A PM or TPM who creates a project becomes its member with their role.',
        request: {
          headers: idempotencyHeader,
          body: { required: true, content: { [JSON_TYPE]: { schema: NewProject } } },
        },
        responses: { 201: { description: 'Created', ...entityJson } },
      },
    ),
    async (c) => {
      const { principal } = workspaceOf(c);
      const body = c.req.valid('json');
      if (body.calendarId != null) checkNoCalendarYet();
      const { stored, replayed } = await idempotent(c, body, (saveKey) =>
        inWrite(c, { reschedule: false }, async (trx, ctx) => {
          const row = await createProject(trx, ctx, fromApi(body) as never);
          if (principal.role === 'pm' || principal.role === 'tpm')
            await createProjectMember(trx, ctx, {
              project_id: row.id,
              user_id: principal.userId,
              role: principal.role,
            });
          const stored = {
            status: 201,
            headers: { etag: etagOf(row.version), location: `/api/projects/${row.id}` },
            body: presentProject(row) as never,
          };
          await saveKey(trx, stored);
          return stored;
        }),
      );
      if (!replayed) {
        const created = stored.body as unknown as { id: string; version: number };
        await publishChange(c, {
          projectId: created.id,
          entity: 'projects',
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
      { permission: 'project:read', project: inProject },
      {
        method: 'get',
        path: '/api/projects/{id}',
        tags: ['Projects'],
        summary: 'Read a project',
        request: { params: projectParam },
        responses: { 200: { description: 'The project', ...entityJson } },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const row = await getProject(c.get('deps').db, workspaceId, accessOf(c).projectId);
      return c.json(presentProject(row), 200, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: inProject },
      {
        method: 'patch',
        path: '/api/projects/{id}',
        tags: ['Projects'],
        summary: 'Change a project',
        description: 'Re-schedules the project in the same transaction.',
        request: {
          params: projectParam,
          headers: ifMatchHeader,
          body: { required: true, content: { [JSON_TYPE]: { schema: ProjectPatch } } },
        },
        responses: {
          200: { description: 'Changed', ...entityJson },
          412: { description: 'Changed by someone else since read' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const { db } = c.get('deps');
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      const body = c.req.valid('json') as Record<string, unknown>;
      const version = await expectedVersion(
        ifMatch,
        async () => (await getProject(db, workspaceId, projectId)).version,
      );
      const row = await inWrite(c, { reschedule: projectId }, async (trx, ctx) => {
        await checkReferences(trx, ctx.workspaceId, projectId, body, {
          calendarId: { table: 'calendars', what: 'calendar' },
        });
        return updateProject(trx, ctx, projectId, version, fromApi(body));
      });
      await publishChange(c, {
        projectId,
        entity: 'projects',
        id: projectId,
        version: row.version,
        action: 'updated',
      });
      return c.json(presentProject(row), 200, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:delete', project: inProject },
      {
        method: 'delete',
        path: '/api/projects/{id}',
        tags: ['Projects'],
        summary: 'Delete a project and everything in it',
        request: { params: projectParam, headers: ifMatchHeader },
        responses: {
          204: { description: 'Deleted' },
          412: { description: 'Changed by someone else since read' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const { db } = c.get('deps');
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      const version = await expectedVersion(
        ifMatch,
        async () => (await getProject(db, workspaceId, projectId)).version,
      );
      await inWrite(c, { reschedule: false }, (trx, ctx) => deleteProject(trx, ctx, projectId, version));
      await publishChange(c, { projectId, entity: 'projects', id: projectId, version, action: 'deleted' });
      return c.body(null, 204);
    },
  );
}

// A new project has no calendars yet, so it cannot name one.
function checkNoCalendarYet(): never {
  throw new ApiError(
    422,
    'invalid_reference',
    'Invalid reference',
    'A new project has no calendars yet: set calendarId once one exists.',
    {
      errors: [{ path: 'calendarId', message: 'no calendar in this project yet' }],
    },
  );
}
