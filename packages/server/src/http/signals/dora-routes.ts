/**
 * The TPM's view of delivery, beside the plan:
 *
 *   GET /api/projects/{id}/dora?from&to&release&bucket   four keys + band, series, and per release
 *   GET /api/projects/{id}/engineering                    per milestone and release: builds,
 *                                                         deployments, open incidents, coverage
 *
 * The window defaults to the 90 days (Four Keys looks at the last three months) up to the end of the
 * project's status date when that is past, else up to now.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type DoraKeys,
  type SeriesBucket,
  deploymentContents,
  doraKeys,
  doraSeries,
  releaseWindow,
} from '@tandem/core';
import { projectAsOf } from '../../signals/as-of.ts';
import { loadDoraHistory } from '../../signals/dora-history.ts';
import { engineeringView } from '../../signals/engineering-state.ts';
import { badRequest } from '../api-error.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, workspaceOf } from '../context.ts';
import { criticalWork } from './critical-work.ts';
import { EngineeringViewSchema } from './engineering-schema.ts';

const JSON_TYPE = 'application/json';
const DAY = 86_400_000;
const projectParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const dateParam = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'a date (2026-01-31) or an ISO date-time')
  .optional();

const DoraQuery = z.strictObject({
  from: dateParam.openapi({ description: 'Start (inclusive); default 90 days before `to`.' }),
  to: dateParam.openapi({
    description: 'End (exclusive); default the end of the project’s status date when past, else now.',
  }),
  release: z.string().max(100).optional().openapi({ description: 'Only this release’s deployments.' }),
  bucket: z
    .enum(['day', 'week', 'month'])
    .optional()
    .openapi({ description: 'Series period; default week.' }),
});

const Loose = z.object({}).catchall(z.unknown());
const DoraResponse = z
  .object({
    from: z.string(),
    to: z.string(),
    bucket: z.enum(['day', 'week', 'month']),
    releaseId: z.string().nullable(),
    keys: Loose,
    series: z.array(Loose),
    releases: z.array(Loose).openapi({
      description:
        'Each release’s keys over the days it was deployed in (first to last deployment), whatever the window.',
    }),
  })
  .openapi('Dora');

function parseTime(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw badRequest(`${field} is not a date`, [{ path: field, message: 'not a date' }]);
  return ms;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The keys with times as ISO text and durations in minutes, as the API shows them. */
function presentKeys(k: DoraKeys) {
  const minutes = (ms: number | null) => (ms === null ? null : ms / 60_000);
  return {
    rating: k.rating,
    deploymentFrequency: k.deploymentFrequency,
    leadTime: { ...k.leadTime, medianMs: undefined, medianMinutes: minutes(k.leadTime.medianMs) },
    changeFailureRate: k.changeFailureRate,
    timeToRestore: {
      ...k.timeToRestore,
      medianMs: undefined,
      medianMinutes: minutes(k.timeToRestore.medianMs),
    },
  };
}

export function registerDoraRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'project:read', project: { param: 'id' } },
      {
        method: 'get',
        path: '/api/projects/{id}/dora',
        tags: ['Engineering signals'],
        summary: 'DORA four keys (Four Keys’ definitions) with rating bands, over time and per release',
        request: { params: projectParam, query: DoraQuery },
        responses: {
          200: { description: 'The four keys', content: { [JSON_TYPE]: { schema: DoraResponse } } },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const { db, clock } = c.get('deps');
      const q = c.req.valid('query');
      const to = parseTime(q.to, 'to') ?? (await projectAsOf(db, workspaceId, projectId, clock()));
      const from = parseTime(q.from, 'from') ?? to - 90 * DAY;
      if (from >= to)
        throw badRequest('from must be before to', [{ path: 'from', message: 'not before to' }]);
      if (to - from > 3 * 366 * DAY)
        throw badRequest('the window is at most three years', [{ path: 'from', message: 'too early' }]);
      const bucket: SeriesBucket = q.bucket ?? 'week';
      if (bucket === 'day' && to - from > 400 * DAY)
        throw badRequest('daily series cover at most 400 days', [
          { path: 'bucket', message: 'too many days' },
        ]);
      const history = await loadDoraHistory(db, workspaceId, projectId);
      const window = { from, to };
      const contents = deploymentContents(history);
      const options = {
        contents,
        ...(history.dataStart !== null ? { dataStart: history.dataStart } : {}),
        ...(q.release !== undefined ? { releaseId: q.release } : {}),
      };
      const keys = doraKeys(history, window, options);
      const series = doraSeries(
        history,
        window,
        bucket,
        q.release !== undefined ? { releaseId: q.release } : {},
      ).map((p) => ({
        ...p,
        from: iso(p.from),
        to: iso(p.to),
      }));
      const releases =
        q.release !== undefined
          ? []
          : await Promise.all(
              (
                await db
                  .selectFrom('releases')
                  .select(['id', 'name', 'tag', 'status'])
                  .where('workspace_id', '=', workspaceId)
                  .where('project_id', '=', projectId)
                  .orderBy('planned_date')
                  .orderBy('id')
                  .execute()
              ).map(async (r) => ({
                releaseId: r.id,
                name: r.name,
                tag: r.tag,
                status: r.status,
                // A release's keys over the days it was deployed in (they may predate the window).
                keys: presentKeys(
                  doraKeys(history, releaseWindow(history, r.id, to) ?? { from: 0, to }, {
                    contents,
                    releaseId: r.id,
                  }),
                ),
              })),
            );
      return c.json(
        {
          from: iso(from),
          to: iso(to),
          bucket,
          releaseId: q.release ?? null,
          keys: presentKeys(keys),
          series,
          releases,
        } as never,
        200,
      );
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:read', project: { param: 'id' } },
      {
        method: 'get',
        path: '/api/projects/{id}/engineering',
        tags: ['Engineering signals'],
        summary:
          'Engineering state of each milestone and release: builds, deployments, open incidents, coverage',
        request: { params: projectParam },
        responses: {
          200: {
            description: 'The state',
            content: { [JSON_TYPE]: { schema: EngineeringViewSchema } },
          },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const { db, plans } = c.get('deps');
      const critical = await criticalWork(db, plans, workspaceId, projectId);
      const view = await engineeringView(db, workspaceId, projectId, critical?.keys ?? null);
      const onCriticalPath = (ids: string[]) => (critical ? ids.filter((id) => critical.rowIds.has(id)) : []);
      const withCritical = <T extends { failingBuilds: { workItemIds: string[] }[] }>(s: T) => ({
        ...s,
        failingBuilds: s.failingBuilds.map((b) => ({
          ...b,
          criticalWorkItemIds: onCriticalPath(b.workItemIds),
        })),
      });
      return c.json(
        {
          project: withCritical(view.project),
          releases: view.releases.map(withCritical),
          milestones: view.milestones.map(withCritical),
        } as never,
        200,
      );
    },
  );
}
