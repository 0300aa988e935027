/**
 * Read-only communication views of a project: what is due in a week (`GET …/communications/due`),
 * the influence/interest grid (`GET …/stakeholder-grid`) and satisfaction over time
 * (`GET …/satisfaction-trend`).
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  QUADRANT_ADVICE,
  type SatisfactionScore,
  dueInWeek,
  nextDue,
  satisfactionTrend,
  stakeholderGrid,
  weekStart,
} from '@tandem/core';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, workspaceOf } from '../context.ts';
import { present } from '../resources/register-resource.ts';
import { localDate } from '../schemas/common.ts';
import { JSON_TYPE, inProject, projectParam } from './project-param.ts';

const Row = z.object({ id: z.string() }).catchall(z.unknown());

const DueSchema = z
  .object({
    weekStart: z.string(),
    weekEnd: z.string(),
    items: z.array(z.object({ dueOn: z.string(), overdue: z.boolean(), entry: Row })),
    entries: z.array(Row.extend({ nextDue: z.string() })),
  })
  .openapi('CommunicationsDue');

const Placed = Row.extend({ latestSatisfaction: z.number().nullable() });
const GridSchema = z
  .object({
    quadrants: z.array(
      z.object({
        quadrant: z.string(),
        label: z.string(),
        engagement: z.string(),
        stakeholders: z.array(Placed),
      }),
    ),
    unplaced: z.array(Placed),
  })
  .openapi('StakeholderGrid');

const TrendSchema = z
  .object({
    points: z.array(z.object({ on: z.string(), average: z.number(), stakeholders: z.number() })),
    byStakeholder: z.array(
      z.object({
        stakeholderId: z.string(),
        name: z.string(),
        scores: z.array(z.object({ on: z.string(), score: z.number() })),
      }),
    ),
  })
  .openapi('SatisfactionTrend');

function today(c: { get: (k: 'deps') => { clock: () => Date } }): string {
  return c.get('deps').clock().toISOString().slice(0, 10);
}

export function registerCommunicationViews(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'project:read', project: inProject },
      {
        method: 'get',
        path: '/api/projects/{id}/communications/due',
        tags: ['Communication'],
        summary: 'What the communication plan says is due in a week',
        description:
          'Occurrences of active communication plan entries in the week (Monday to Sunday) that holds `week` (default: this week), and those overdue before it.',
        request: { params: projectParam, query: z.strictObject({ week: localDate.optional() }) },
        responses: { 200: { description: 'Due this week', content: { [JSON_TYPE]: { schema: DueSchema } } } },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const week = weekStart(c.req.valid('query').week ?? today(c));
      const rows = await c
        .get('deps')
        .db.selectFrom('communication_plan_entries')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('project_id', '=', projectId)
        .where('active', '=', true)
        .orderBy('audience')
        .orderBy('id')
        .execute();
      const entries = rows.map((r) => ({
        row: r,
        cadence: r.cadence,
        startDate: r.start_date,
        lastDoneOn: r.last_done_on,
      }));
      const due = dueInWeek(entries, week);
      const end = new Date(Date.parse(`${week}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
      return c.json(
        {
          weekStart: week,
          weekEnd: end,
          items: due.map((d) => ({ dueOn: d.dueOn, overdue: d.overdue, entry: present(d.entry.row) })),
          entries: entries.map((e) => ({ ...present(e.row), nextDue: nextDue(e) })),
        },
        200,
      );
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:read', project: inProject },
      {
        method: 'get',
        path: '/api/projects/{id}/stakeholder-grid',
        tags: ['Communication', 'Stakeholders'],
        summary: 'Stakeholders on the influence/interest grid',
        description:
          'Influence and interest of 3 or more (on 1–5) count as high. Each stakeholder carries its latest satisfaction score.',
        request: { params: projectParam },
        responses: { 200: { description: 'The grid', content: { [JSON_TYPE]: { schema: GridSchema } } } },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const { db } = c.get('deps');
      const [stakeholders, scores] = await Promise.all([
        db
          .selectFrom('stakeholders')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('project_id', '=', projectId)
          .execute(),
        db
          .selectFrom('satisfaction_scores')
          .select(['stakeholder_id', 'score', 'scored_on', 'id'])
          .where('workspace_id', '=', workspaceId)
          .where('project_id', '=', projectId)
          .orderBy('scored_on')
          .orderBy('id')
          .execute(),
      ]);
      const latest = new Map(scores.map((s) => [s.stakeholder_id, s.score]));
      const placed = (s: (typeof stakeholders)[number]) => ({
        ...present(s),
        latestSatisfaction: latest.get(s.id) ?? s.satisfaction.at(-1)?.score ?? null,
      });
      const grid = stakeholderGrid(stakeholders);
      return c.json(
        {
          quadrants: (['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor'] as const).map((q) => ({
            quadrant: q,
            ...QUADRANT_ADVICE[q],
            stakeholders: grid[q].map(placed),
          })),
          unplaced: grid.unplaced.map(placed),
        },
        200,
      );
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:read', project: inProject },
      {
        method: 'get',
        path: '/api/projects/{id}/satisfaction-trend',
        tags: ['Communication', 'Stakeholders'],
        summary: 'Stakeholder satisfaction over time',
        description:
          'On each date a score was given, the average of every stakeholder’s latest score by then.',
        request: { params: projectParam, query: z.strictObject({ until: localDate.optional() }) },
        responses: { 200: { description: 'The trend', content: { [JSON_TYPE]: { schema: TrendSchema } } } },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const { db } = c.get('deps');
      const { until } = c.req.valid('query');
      const [stakeholders, rows] = await Promise.all([
        db
          .selectFrom('stakeholders')
          .select(['id', 'name'])
          .where('workspace_id', '=', workspaceId)
          .where('project_id', '=', projectId)
          .orderBy('name')
          .execute(),
        db
          .selectFrom('satisfaction_scores')
          .select(['stakeholder_id', 'score', 'scored_on'])
          .where('workspace_id', '=', workspaceId)
          .where('project_id', '=', projectId)
          .orderBy('scored_on')
          .orderBy('id')
          .execute(),
      ]);
      const scores: SatisfactionScore[] = rows
        .filter((r) => until === undefined || r.scored_on <= until)
        .map((r) => ({ stakeholderId: r.stakeholder_id, score: r.score, on: r.scored_on }));
      return c.json(
        {
          points: satisfactionTrend(scores),
          byStakeholder: stakeholders
            .map((s) => ({
              stakeholderId: s.id,
              name: s.name,
              scores: scores
                .filter((x) => x.stakeholderId === s.id)
                .map((x) => ({ on: x.on, score: x.score })),
            }))
            .filter((s) => s.scores.length > 0),
        },
        200,
      );
    },
  );
}
