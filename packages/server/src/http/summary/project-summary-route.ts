/**
 * `GET /api/projects/{id}/summary`: the project at a glance (see `summarize-project.ts`) — read-only,
 * computed from the cached plan and schedule plus three counts.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, workspaceOf } from '../context.ts';
import { summarizeProject } from './summarize-project.ts';

const CLOSED_RAID = ['closed', 'resolved', 'retired', 'done', 'cancelled', 'superseded'];
const OPEN_CHANGE = ['draft', 'submitted'];

const projectParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const Milestone = z.object({
  workItemId: z.string().nullable(),
  key: z.string(),
  name: z.string(),
  date: z.string(),
  baselineDate: z.string().nullable(),
  varianceDays: z.number().nullable(),
  critical: z.boolean(),
  done: z.boolean(),
});

const SummarySchema = z
  .object({
    statusDate: z.string().nullable(),
    currency: z.string().nullable(),
    schedule: z.object({
      start: z.string(),
      finish: z.string(),
      baselineFinish: z.string().nullable(),
      finishVarianceDays: z.number().nullable(),
      taskCount: z.number(),
      criticalTaskCount: z.number(),
      percentComplete: z.number(),
    }),
    milestones: z.array(Milestone),
    nextMilestone: Milestone.nullable(),
    evm: z
      .object({
        baseline: z.string(),
        bac: z.number(),
        pv: z.number(),
        ev: z.number(),
        ac: z.number(),
        sv: z.number(),
        cv: z.number(),
        spi: z.number().nullable(),
        cpi: z.number().nullable(),
        eac: z.number().nullable(),
        vac: z.number().nullable(),
        tcpi: z.number().nullable(),
        scheduleVarianceDays: z.number().nullable(),
      })
      .nullable(),
    evmUnavailable: z.string().nullable(),
    budget: z.object({
      budget: z.number().nullable(),
      actualCost: z.number().nullable(),
      forecast: z.number().nullable(),
      state: z.enum(['on_track', 'at_risk', 'over', 'unknown']),
      reason: z.string(),
    }),
    counts: z.object({
      openRisks: z.number(),
      openIssues: z.number(),
      openChangeRequests: z.number(),
      blockedWorkItems: z.number(),
    }),
  })
  .openapi('ProjectSummary');

export function registerProjectSummaryRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'project:read', project: { param: 'id' } },
      {
        method: 'get',
        path: '/api/projects/{id}/summary',
        tags: ['Projects', 'Schedule'],
        summary: 'The project at a glance',
        description:
          'Forecast finish against the baseline, milestones and the next one, earned value (against the ' +
          '"Baseline" baseline at the status date) and the budget’s state, and counts of open risks, issues, ' +
          'change requests and blocked work items. What the portfolio and the project overview show.',
        request: { params: projectParam },
        responses: {
          200: { description: 'The summary', content: { 'application/json': { schema: SummarySchema } } },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const { db, plans } = c.get('deps');
      const state = await plans.current(db, workspaceId, projectId);
      const [project, raid, changes, blocked] = await Promise.all([
        db
          .selectFrom('projects')
          .select(['budget', 'currency'])
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', projectId)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('raid_entries')
          .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
          .where('workspace_id', '=', workspaceId)
          .where('project_id', '=', projectId)
          .where('status', 'not in', CLOSED_RAID)
          .groupBy('kind')
          .execute(),
        db
          .selectFrom('change_requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .where('project_id', '=', projectId)
          .where('status', 'in', OPEN_CHANGE)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('work_items')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .where('project_id', '=', projectId)
          .where('status', '=', 'blocked')
          .executeTakeFirstOrThrow(),
      ]);
      const raidCount = (kind: string) => Number(raid.find((r) => r.kind === kind)?.n ?? 0);
      const summary = summarizeProject({
        plan: state.plan,
        schedule: state.schedule(),
        budget: project.budget,
        currency: project.currency,
        workItemIds: new Map(state.rows.workItems.map((r) => [r.key, r.id])),
        counts: {
          openRisks: raidCount('risk'),
          openIssues: raidCount('issue'),
          openChangeRequests: Number(changes.n),
          blockedWorkItems: Number(blocked.n),
        },
      });
      return c.json(summary, 200);
    },
  );
}
