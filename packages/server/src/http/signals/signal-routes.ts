/**
 * Signals as read-only lists (project:read), and one action from a signal to the RAID log:
 *
 *   GET  /api/projects/{projectId}/deployments | changes | incidents | ci-runs
 *   POST /api/projects/{id}/signals/{kind}/{signalId}/raise-risk    → a technical risk (201)
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listRows } from '../../repositories/entity-repository.ts';
import { CHANGES, CI_RUNS, DEPLOYMENTS, INCIDENTS } from '../../repositories/signal-repository.ts';
import { SIGNAL_KINDS, type SignalKindPath, raiseRiskFromSignal } from '../../signals/raise-risk.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, workspaceOf } from '../context.ts';
import { etagOf } from '../etag.ts';
import { projectIdParam, present } from '../resources/register-resource.ts';
import { listQuerySchema, toListOptions } from '../resources/list-query.ts';
import { entityMeta, pageOf } from '../schemas/common.ts';
import { inWrite, publishChange } from '../resources/write.ts';
import { criticalWorkItemIds } from './critical-work.ts';

const JSON_TYPE = 'application/json';

const signalBase = {
  ...entityMeta,
  projectId: z.string(),
  provider: z.string(),
  externalId: z.string(),
  deliveryId: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  releaseId: z.string().nullable(),
  workItemIds: z.array(z.string()),
};

const LISTS = [
  {
    path: 'deployments',
    pageName: 'DeploymentPage',
    spec: DEPLOYMENTS,
    schema: z
      .object({
        ...signalBase,
        environment: z.string(),
        status: z.string(),
        sha: z.string().nullable(),
        ref: z.string().nullable(),
        deployedAt: z.string(),
      })
      .openapi('Deployment'),
    summary: 'Deployments (from webhooks), any environment',
  },
  {
    path: 'changes',
    pageName: 'ChangePage',
    spec: CHANGES,
    schema: z
      .object({
        ...signalBase,
        sha: z.string(),
        message: z.string(),
        author: z.string().nullable(),
        branch: z.string().nullable(),
        committedAt: z.string(),
        landedAs: z.string().nullable(),
        landedAt: z.string().nullable(),
        pullRequest: z.number().nullable(),
      })
      .openapi('Change'),
    summary: 'Changes (commits), with the merge or squash commit that landed them',
  },
  {
    path: 'incidents',
    pageName: 'IncidentPage',
    spec: INCIDENTS,
    schema: z
      .object({
        ...signalBase,
        title: z.string(),
        state: z.string(),
        severity: z.string().nullable(),
        origin: z.string(),
        openedAt: z.string(),
        resolvedAt: z.string().nullable(),
        rootCauses: z.array(z.string()),
        deploymentId: z.string().nullable(),
      })
      .openapi('Incident'),
    summary: 'Incidents, from alerts and from issues labelled as incidents',
  },
  {
    path: 'ci-runs',
    pageName: 'CiRunPage',
    spec: CI_RUNS,
    schema: z
      .object({
        ...signalBase,
        name: z.string(),
        status: z.string(),
        sha: z.string().nullable(),
        branch: z.string().nullable(),
        startedAt: z.string().nullable(),
        finishedAt: z.string().nullable(),
        coverage: z.number().nullable(),
      })
      .openapi('CiRun'),
    summary: 'CI runs (builds, workflows, checks) with test coverage',
  },
] as const;

const RaiseRiskBody = z
  .strictObject({
    title: z.string().min(1).max(300).optional(),
    probability: z.number().min(0).max(1).optional(),
    impact: z.number().int().min(1).max(5).optional(),
  })
  .openapi('RaiseRisk');

export function registerSignalRoutes(app: OpenAPIHono<AppEnv>): void {
  for (const list of LISTS) {
    app.openapi(
      apiRoute(
        { permission: 'project:read', project: { param: 'projectId' } },
        {
          method: 'get',
          path: `/api/projects/{projectId}/${list.path}`,
          tags: ['Engineering signals'],
          summary: list.summary,
          request: { params: projectIdParam, query: listQuerySchema(list.spec) },
          responses: {
            200: {
              description: 'One page',
              content: { [JSON_TYPE]: { schema: pageOf(list.schema, list.pageName) } },
            },
          },
        },
      ),
      async (c) => {
        const { workspaceId } = workspaceOf(c);
        const query = c.req.valid('query') as Record<string, unknown>;
        const page = await listRows(
          c.get('deps').db,
          workspaceId,
          list.spec as never,
          toListOptions(query, list.spec) as never,
          { project_id: accessOf(c).projectId },
        );
        return c.json({ items: page.items.map(present), nextCursor: page.nextCursor } as never, 200);
      },
    );
  }

  app.openapi(
    apiRoute(
      { permission: 'project:contribute', project: { param: 'id' } },
      {
        method: 'post',
        path: '/api/projects/{id}/signals/{kind}/{signalId}/raise-risk',
        tags: ['Engineering signals', 'RAID'],
        summary: 'Raise a technical risk from a signal, in one action',
        description:
          'Creates a technical RAID risk that describes the signal (a failing build, a failed deployment, an open incident, a change), links its work items and says whether any is on the critical path (impact 4 then, else 3; probability 0.6, 0.3 for a change). The body may override title, probability and impact.',
        request: {
          params: z.object({
            id: z
              .string()
              .min(1)
              .max(100)
              .openapi({ param: { name: 'id', in: 'path' } }),
            kind: z
              .enum(Object.keys(SIGNAL_KINDS) as [SignalKindPath, ...SignalKindPath[]])
              .openapi({ param: { name: 'kind', in: 'path' } }),
            signalId: z
              .string()
              .min(1)
              .max(100)
              .openapi({ param: { name: 'signalId', in: 'path' } }),
          }),
          body: { required: false, content: { [JSON_TYPE]: { schema: RaiseRiskBody } } },
        },
        responses: {
          201: {
            description: 'The risk',
            content: {
              [JSON_TYPE]: {
                schema: z
                  .object({ id: z.string(), key: z.string(), title: z.string() })
                  .catchall(z.unknown()),
              },
            },
          },
        },
      },
    ),
    async (c) => {
      const { projectId } = accessOf(c);
      const { kind, signalId } = c.req.valid('param');
      const body = (c.req.valid('json') as z.infer<typeof RaiseRiskBody> | undefined) ?? {};
      const { db, plans } = c.get('deps');
      const critical = await criticalWorkItemIds(db, plans, workspaceOf(c).workspaceId, projectId);
      const risk = await inWrite(c, { reschedule: false }, (trx, ctx) =>
        raiseRiskFromSignal(trx, ctx, projectId, kind, signalId, critical, body),
      );
      await publishChange(c, {
        projectId,
        entity: 'raid-entries',
        id: risk.id,
        version: risk.version,
        action: 'created',
      });
      return c.json(present(risk) as never, 201, {
        etag: etagOf(risk.version),
        location: `/api/raid-entries/${risk.id}`,
      });
    },
  );
}
