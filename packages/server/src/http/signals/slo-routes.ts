/**
 * SLOs: a project resource (list/create/read/change/delete/history through `registerResource`), plus
 *
 *   GET  /api/slos/{id}/status     uptime, error budget (spent, remaining), burn rate, over the window
 *   POST /api/slos/{id}/samples    availability measurements { samples: [{ at, good, total }] }
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  SLOS,
  type Slo,
  addSloSamples,
  createSlo,
  deleteSlo,
  findSlo,
  listSlos,
  updateSlo,
} from '../../repositories/slo-repository.ts';
import { ValidationError } from '../../repositories/errors.ts';
import { withTransaction } from '../../repositories/transaction.ts';
import { projectAsOf } from '../../signals/as-of.ts';
import { sloStatus } from '../../signals/slo-status.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { entityOf, workspaceOf } from '../context.ts';
import { idParam, registerResource } from '../resources/register-resource.ts';
import { type ResourceDef, repository } from '../resources/resource-def.ts';
import { name, text } from '../schemas/common.ts';

const JSON_TYPE = 'application/json';

export const slos: ResourceDef = {
  path: 'slos',
  entityType: 'slo',
  title: 'service level objective',
  schemaName: 'Slo',
  tag: 'Engineering signals',
  spec: SLOS,
  fields: {
    name,
    description: text.nullable().optional(),
    objective: z.number().gt(0).lt(1).openapi({ description: 'e.g. 0.999 for 99.9 %' }),
    windowDays: z.number().int().min(1).max(365).optional(),
    method: z.enum(['samples', 'incidents']).optional(),
    service: z.string().max(200).nullable().optional(),
  },
  access: { read: 'project:read', create: 'project:plan', update: 'project:plan', delete: 'project:plan' },
  repo: repository({
    find: findSlo,
    list: listSlos,
    create: createSlo,
    update: updateSlo,
    delete: deleteSlo,
  }),
};

const Samples = z
  .strictObject({
    samples: z
      .array(
        z.strictObject({
          at: z.iso.datetime({ offset: true }),
          good: z.number().min(0),
          total: z.number().min(0),
        }),
      )
      .min(1)
      .max(10_000),
  })
  .openapi('SloSamples');

const ofSlo = { param: 'id', entity: 'service level objective', find: findSlo };

export function registerSloRoutes(app: OpenAPIHono<AppEnv>): void {
  registerResource(app, slos);

  app.openapi(
    apiRoute(
      { permission: 'project:read', project: ofSlo },
      {
        method: 'get',
        path: '/api/slos/{id}/status',
        tags: ['Engineering signals'],
        summary: 'An SLO’s uptime and error budget, as of the project’s status date (or now)',
        request: { params: idParam },
        responses: {
          200: {
            description: 'The status',
            content: { [JSON_TYPE]: { schema: z.object({}).catchall(z.unknown()).openapi('SloStatus') } },
          },
        },
      },
    ),
    async (c) => {
      const slo = entityOf(c) as unknown as Slo;
      const { db, clock } = c.get('deps');
      const asOf = await projectAsOf(db, slo.workspace_id, slo.project_id, clock());
      return c.json(
        { sloId: slo.id, ...(await sloStatus(db, slo, new Date(asOf).toISOString())) } as never,
        200,
      );
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:contribute', project: ofSlo },
      {
        method: 'post',
        path: '/api/slos/{id}/samples',
        tags: ['Engineering signals'],
        summary: 'Add availability measurements to an SLO',
        request: { params: idParam, body: { required: true, content: { [JSON_TYPE]: { schema: Samples } } } },
        responses: {
          201: {
            description: 'Added',
            content: { [JSON_TYPE]: { schema: z.object({ added: z.number().int() }) } },
          },
        },
      },
    ),
    async (c) => {
      const slo = entityOf(c) as unknown as Slo;
      const { workspaceId } = workspaceOf(c);
      const { samples } = c.req.valid('json');
      const bad = samples.findIndex((s) => s.good > s.total);
      if (bad >= 0) throw new ValidationError([{ path: `samples[${bad}].good`, message: 'more than total' }]);
      const added = await withTransaction(c.get('deps').db, (trx) =>
        addSloSamples(
          trx,
          workspaceId,
          slo,
          samples.map((s) => ({ at: new Date(s.at).toISOString(), good: s.good, total: s.total })),
        ),
      );
      return c.json({ added } as never, 201);
    },
  );
}
