/**
 * Read-only views of a project: its schedule (exactly what `tandem schedule --json` prints for the
 * same plan) and its audit history.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listAuditEntries } from '../../repositories/audit-repository.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, workspaceOf } from '../context.ts';
import { AuditPage, auditQuery, presentAudit } from './audit.ts';

const JSON_TYPE = 'application/json';
const projectParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const inProject = { param: 'id' };

const ScheduleSchema = z
  .object({
    project: z.object({ start: z.string(), finish: z.string() }).catchall(z.unknown()),
    tasks: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          parentId: z.string().optional(),
          wbs: z.string().optional(),
          summary: z.boolean(),
          milestone: z.boolean(),
          durationMinutes: z.number(),
          start: z.string(),
          finish: z.string(),
          earlyStart: z.string(),
          earlyFinish: z.string(),
          lateStart: z.string(),
          lateFinish: z.string(),
          totalFloatMinutes: z.number(),
          freeFloatMinutes: z.number(),
          critical: z.boolean(),
          drivingPredecessorId: z.string().optional(),
          warnings: z.array(z.string()),
        })
        .catchall(z.unknown()),
    ),
    criticalPath: z.array(z.string()),
  })
  .openapi('Schedule');

export function registerProjectViewRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'project:read', project: inProject },
      {
        method: 'get',
        path: '/api/projects/{id}/schedule',
        tags: ['Projects', 'Schedule'],
        summary: 'The project’s schedule',
        description: 'Exactly what `tandem schedule --json` prints for the same plan.',
        request: { params: projectParam },
        responses: {
          200: { description: 'The schedule', content: { [JSON_TYPE]: { schema: ScheduleSchema } } },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { db, plans } = c.get('deps');
      const { projectId, planRevision } = accessOf(c);
      const state = await plans.current(db, workspaceId, projectId, planRevision);
      // Serialised once per plan revision; the same bytes `c.json` would send.
      return c.body(state.scheduleJson() as never, 200, { 'content-type': 'application/json' }) as never;
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:read', project: inProject },
      {
        method: 'get',
        path: '/api/projects/{id}/history',
        tags: ['Projects', 'History'],
        summary: 'Everything that changed in the project, newest first',
        request: { params: projectParam, query: auditQuery },
        responses: { 200: { description: 'Audit entries', content: { [JSON_TYPE]: { schema: AuditPage } } } },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const page = await listAuditEntries(c.get('deps').db, workspaceId, {
        projectId: accessOf(c).projectId,
        ...c.req.valid('query'),
      });
      return c.json({ items: page.items.map(presentAudit), nextCursor: page.nextCursor }, 200);
    },
  );
}
