/**
 * The RAID log's risk views: heat map, exposure trend, top risks; and the project's risk matrix
 * (probability levels, impact levels, rating thresholds) that scores them.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { exposureTrend, riskHeatMap, riskMatrixProblems, topRisks } from '@tandem/core';
import {
  projectRiskMatrix,
  listRiskRows,
  registerRiskOf,
  storedScores,
} from '../../governance/register-risks.ts';
import { riskStateChanges } from '../../governance/risk-history.ts';
import { ValidationError } from '../../repositories/errors.ts';
import {
  createRiskMatrix,
  findRiskMatrixOfProject,
  riskMatrixOf,
  updateRiskMatrix,
} from '../../repositories/risk-matrix-repository.ts';
import { updateRaidEntry } from '../../repositories/raid-entry-repository.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, workspaceOf } from '../context.ts';
import { etagOf, expectedVersion, parseIfMatch } from '../etag.ts';
import { ifMatchHeader } from '../resources/register-resource.ts';
import { inWrite, publishChange } from '../resources/write.ts';
import { anyObject, jsonContent, projectParam } from './common.ts';

const inProject = { param: 'id' };

const RiskMatrixSchema = z
  .strictObject({
    probabilityLevels: z
      .array(z.strictObject({ label: z.string().min(1).max(100), upTo: z.number().gt(0).max(1) }))
      .min(1)
      .max(10),
    impactLevels: z.array(z.string().min(1).max(100)).min(1).max(10),
    thresholds: z.strictObject({
      medium: z.number().min(0).max(100),
      high: z.number().min(0).max(100),
      critical: z.number().min(0).max(100),
    }),
  })
  .openapi('RiskMatrix');

const RiskMatrixResponse = RiskMatrixSchema.extend({
  version: z.number().int().openapi({ description: '0 while the project uses the default matrix' }),
}).openapi('RiskMatrixState');

export function registerRiskRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'project:read', project: inProject },
      {
        method: 'get',
        path: '/api/projects/{id}/risk-matrix',
        tags: ['RAID'],
        summary: 'The probability × impact matrix that scores the project’s risks',
        request: { params: projectParam },
        responses: {
          200: {
            description: 'The matrix (the default 5 × 5 until one is saved)',
            ...jsonContent(RiskMatrixResponse),
          },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const row = await findRiskMatrixOfProject(c.get('deps').db, workspaceId, accessOf(c).projectId);
      const version = row?.version ?? 0;
      return c.json({ ...riskMatrixOf(row), version }, 200, { etag: etagOf(version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: inProject },
      {
        method: 'put',
        path: '/api/projects/{id}/risk-matrix',
        tags: ['RAID'],
        summary: 'Set the project’s risk matrix (re-scores every risk)',
        description: 'If-Match: the version read (`"0"` for the default matrix).',
        request: {
          params: projectParam,
          headers: ifMatchHeader,
          body: { required: true, ...jsonContent(RiskMatrixSchema) },
        },
        responses: { 200: { description: 'Saved', ...jsonContent(RiskMatrixResponse) } },
      },
    ),
    async (c) => {
      const { projectId } = accessOf(c);
      const body = c.req.valid('json');
      const problems = riskMatrixProblems(body);
      if (problems.length > 0) throw new ValidationError(problems);
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      const row = await inWrite(c, { reschedule: false }, async (trx, ctx) => {
        const current = await findRiskMatrixOfProject(trx, ctx.workspaceId, projectId);
        const values = {
          probability_levels: body.probabilityLevels,
          impact_levels: body.impactLevels,
          rating_thresholds: body.thresholds,
        };
        const version = await expectedVersion(ifMatch, async () => current?.version ?? 0);
        let saved;
        if (!current) {
          if (version !== 0)
            throw new ValidationError([
              { path: 'If-Match', message: 'the project has the default matrix: send "0"' },
            ]);
          saved = await createRiskMatrix(trx, ctx, { project_id: projectId, ...values });
        } else saved = await updateRiskMatrix(trx, ctx, current.id, version, values);
        // Stored scores follow the matrix.
        const matrix = riskMatrixOf(saved);
        for (const risk of await listRiskRows(trx, ctx.workspaceId, projectId)) {
          const scores = storedScores(matrix, risk);
          if (scores.score !== risk.score || scores.residual_score !== risk.residual_score)
            await updateRaidEntry(trx, ctx, risk.id, risk.version, scores);
        }
        return saved;
      });
      await publishChange(c, {
        projectId,
        entity: 'risk-matrix',
        id: row.id,
        version: row.version,
        action: 'updated',
      });
      return c.json({ ...riskMatrixOf(row), version: row.version }, 200, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:read', project: inProject },
      {
        method: 'get',
        path: '/api/projects/{id}/raid/heat-map',
        tags: ['RAID'],
        summary: 'Open risks on the probability × impact matrix',
        request: {
          params: projectParam,
          query: z.strictObject({ basis: z.enum(['inherent', 'residual']).optional() }),
        },
        responses: {
          200: {
            description: 'Every cell with its rating and risks',
            ...jsonContent(anyObject('RiskHeatMap')),
          },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const db = c.get('deps').db;
      const matrix = await projectRiskMatrix(db, workspaceId, projectId);
      const rows = await listRiskRows(db, workspaceId, projectId);
      const map = riskHeatMap(matrix, rows.map(registerRiskOf), c.req.valid('query').basis ?? 'inherent');
      const keyOf = new Map(rows.map((r) => [r.id, r.key]));
      return c.json(
        {
          ...map,
          cells: map.cells.map((cell) => ({
            ...cell,
            riskKeys: cell.riskIds.map((id) => keyOf.get(id) ?? id),
          })),
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
        path: '/api/projects/{id}/raid/top-risks',
        tags: ['RAID'],
        summary: 'The open risks that matter most: score, then expected exposure',
        request: {
          params: projectParam,
          query: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).optional() }),
        },
        responses: {
          200: { description: 'Top risks with scores and exposure', ...jsonContent(anyObject('TopRisks')) },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const db = c.get('deps').db;
      const matrix = await projectRiskMatrix(db, workspaceId, projectId);
      const rows = await listRiskRows(db, workspaceId, projectId);
      return c.json(
        { items: topRisks(matrix, rows.map(registerRiskOf), c.req.valid('query').limit ?? 5) },
        200,
      );
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:read', project: inProject },
      {
        method: 'get',
        path: '/api/projects/{id}/raid/exposure-trend',
        tags: ['RAID'],
        summary: 'Risk exposure at the end of each day on which a risk changed',
        description: 'Replayed from the audit log; scored with the current matrix.',
        request: { params: projectParam },
        responses: {
          200: { description: 'Points in date order', ...jsonContent(anyObject('ExposureTrend')) },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const db = c.get('deps').db;
      const matrix = await projectRiskMatrix(db, workspaceId, projectId);
      const changes = await riskStateChanges(db, workspaceId, projectId);
      return c.json({ points: exposureTrend(matrix, changes) }, 200);
    },
  );
}
