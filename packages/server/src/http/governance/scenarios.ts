/**
 * Scenarios: what-if copies of the plan (a key engineer's leave, added scope, an extra engineer) as a
 * change set. CRUD like every project entity, plus compare (the live plan and the scenario side by
 * side: dates, cost, critical path, P50/P80), promote (apply to the live plan) and discard.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { compareScenarios } from '@tandem/core';
import type { ScenarioTable } from '../../db/schema.ts';
import { applyToLivePlan, asValidation, impactSettings, resolveChangeSet } from '../../governance/what-if.ts';
import { appendChangeLog } from '../../repositories/change-log-repository.ts';
import {
  SCENARIOS,
  createScenario,
  deleteScenario,
  findScenario,
  listScenarios,
  updateScenario,
} from '../../repositories/scenario-repository.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, entityOf, workspaceOf } from '../context.ts';
import { etagOf, expectedVersion, parseIfMatch } from '../etag.ts';
import { idParam, ifMatchHeader, present } from '../resources/register-resource.ts';
import { type ResourceDef, type Row, repository } from '../resources/resource-def.ts';
import { inWrite, publishChange } from '../resources/write.ts';
import { name, text } from '../schemas/common.ts';
import { changeSetSchema, impactOptions } from './change-set-schema.ts';
import { anyObject, jsonContent } from './common.ts';

type ScenarioRow = Row & ScenarioTable;

export const scenarios: ResourceDef = {
  path: 'scenarios',
  entityType: 'scenario',
  title: 'scenario',
  schemaName: 'Scenario',
  tag: 'Scenarios',
  spec: SCENARIOS,
  description:
    'A what-if copy of the plan: the change set is applied to a copy, never to the live plan until promoted.',
  fields: {
    name,
    description: text.nullable().optional(),
    changeSet: changeSetSchema.optional(),
  },
  readOnly: {
    status: z.enum(['open', 'promoted', 'discarded']),
    comparison: z.unknown(),
    createdBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
  },
  access: {
    read: 'project:read',
    create: 'project:contribute',
    update: 'project:contribute',
    delete: 'project:plan',
  },
  repo: repository({
    find: findScenario,
    list: listScenarios,
    create: createScenario,
    update: updateScenario,
    delete: deleteScenario,
  }),
  beforeCreate: async (c, _trx, input) => ({ ...input, created_by: c.get('principal')?.userId ?? null }),
  beforeUpdate: async (_c, _trx, current, patch) => {
    if (current.status !== 'open')
      throw new ApiError(
        409,
        'scenario_closed',
        'Scenario closed',
        `The scenario was ${String(current.status)}.`,
      );
    // A changed change set makes the last comparison stale.
    return patch.change_set !== undefined ? { ...patch, comparison: null } : patch;
  },
};

const ofScenario = { param: 'id', entity: 'scenario', find: findScenario };

function refuseClosed(row: ScenarioRow): void {
  if (row.status !== 'open')
    throw new ApiError(409, 'scenario_closed', 'Scenario closed', `“${row.name}” was ${row.status}.`);
}

export function registerScenarioActionRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'project:contribute', project: ofScenario },
      {
        method: 'post',
        path: '/api/scenarios/{id}/compare',
        tags: ['Scenarios'],
        summary: 'The live plan and the scenario side by side: finish, cost, critical path, P50/P80',
        request: { params: idParam, body: { required: false, ...jsonContent(impactOptions) } },
        responses: {
          200: {
            description: 'The scenario with its comparison',
            ...jsonContent(anyObject('ScenarioComparison')),
          },
        },
      },
    ),
    async (c) => {
      const current = entityOf(c) as ScenarioRow;
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const body = (c.req.valid('json') as z.infer<typeof impactOptions> | undefined) ?? {};
      const { db, plans, clock } = c.get('deps');
      const state = await plans.current(db, workspaceId, projectId);
      const changeSet = resolveChangeSet(current.change_set, state.keys);
      const result = asValidation('changeSet', () =>
        compareScenarios(state.plan, [{ name: current.name, changeSet }], impactSettings(body)),
      );
      const comparison = { ...result, at: clock().toISOString(), planRevision: state.revision };
      const row = await inWrite(c, { reschedule: false }, (trx, ctx) =>
        updateScenario(trx, ctx, current.id, current.version, { comparison: comparison as never }),
      );
      await publishChange(c, {
        projectId,
        entity: 'scenarios',
        id: row.id,
        version: row.version,
        action: 'updated',
      });
      return c.json(present(row), 200, { etag: etagOf(row.version) });
    },
  );

  for (const action of ['promote', 'discard'] as const)
    app.openapi(
      apiRoute(
        { permission: action === 'promote' ? 'project:plan' : 'project:contribute', project: ofScenario },
        {
          method: 'post',
          path: `/api/scenarios/{id}/${action}`,
          tags: ['Scenarios'],
          summary:
            action === 'promote'
              ? 'Promote: apply the scenario’s change set to the live plan'
              : 'Discard the scenario (kept, marked discarded)',
          request: { params: idParam, headers: ifMatchHeader },
          responses: {
            200: {
              description: 'Done',
              ...jsonContent(anyObject(action === 'promote' ? 'PromotedScenario' : 'DiscardedScenario')),
            },
            409: { description: 'Already promoted or discarded' },
            412: { description: 'Changed since read' },
            428: { description: 'If-Match missing' },
          },
        },
      ),
      async (c) => {
        const current = entityOf(c) as ScenarioRow;
        const { projectId } = accessOf(c);
        const version = await expectedVersion(
          parseIfMatch(c.req.header('if-match')),
          async () => current.version,
        );
        refuseClosed(current);
        const row = await inWrite(
          c,
          { reschedule: action === 'promote' ? projectId : false },
          async (trx, ctx) => {
            if (action === 'promote') {
              await applyToLivePlan(trx, ctx, projectId, current.change_set, 'changeSet');
              await appendChangeLog(trx, ctx, {
                projectId,
                changeRequestId: null,
                action: 'scenario_promoted',
                summary: `Scenario “${current.name}” promoted: ${current.change_set.length} change(s) applied to the plan`,
                details: { scenarioId: current.id, changeSet: current.change_set as never },
              });
            }
            return updateScenario(trx, ctx, current.id, version, {
              status: action === 'promote' ? 'promoted' : 'discarded',
              decided_at: c.get('deps').clock().toISOString(),
            });
          },
        );
        await publishChange(c, {
          projectId,
          entity: 'scenarios',
          id: row.id,
          version: row.version,
          action: 'updated',
        });
        return c.json(present(row), 200, { etag: etagOf(row.version) });
      },
    );
}
