/**
 * Change control: a change request's impact analysis (the plan re-scheduled with its change set
 * applied to a what-if copy), the PM's and TPM's sign-offs, approval (refused while a required
 * sign-off is missing; optionally applying the change to the live plan and capturing a new baseline,
 * all in one transaction) and the project's change log.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { impactAnalysis, missingSignOffs } from '@tandem/core';
import type { ChangeRequestTable } from '../../db/schema.ts';
import { projectRolesOf, requiredSignOffRoles } from '../../governance/sign-off-roles.ts';
import { applyToLivePlan, asValidation, impactSettings, resolveChangeSet } from '../../governance/what-if.ts';
import { createBaseline } from '../../repositories/baseline-repository.ts';
import { appendChangeLog, listChangeLog } from '../../repositories/change-log-repository.ts';
import { findChangeRequest, updateChangeRequest } from '../../repositories/change-request-repository.ts';
import { createSignOff, listSignOffs } from '../../repositories/sign-off-repository.ts';
import { ApiError, forbidden } from '../api-error.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, entityOf, workspaceOf } from '../context.ts';
import { etagOf, expectedVersion, parseIfMatch } from '../etag.ts';
import { captureSnapshot } from '../resources/baselines.ts';
import { idParam, ifMatchHeader, present } from '../resources/register-resource.ts';
import type { Row } from '../resources/resource-def.ts';
import { inWrite, publishChange } from '../resources/write.ts';
import { name, text } from '../schemas/common.ts';
import { impactOptions } from './change-set-schema.ts';
import { anyObject, jsonContent, projectParam } from './common.ts';

type ChangeRequestRow = Row & ChangeRequestTable;

const ofChangeRequest = { param: 'id', entity: 'change request', find: findChangeRequest };
const DECIDED = new Set(['approved', 'rejected', 'implemented', 'withdrawn']);

const SignOffBody = z
  .strictObject({ decision: z.enum(['approved', 'rejected']), comment: text.optional() })
  .openapi('SignOffInput');
const ApproveBody = z
  .strictObject({
    /** Apply the change set to the live plan. */
    apply: z.boolean(),
    /** Capture a new baseline with this name (after applying). */
    rebaseline: name.optional(),
  })
  .openapi('ChangeApproval');

function refuseDecided(row: ChangeRequestRow): void {
  if (DECIDED.has(row.status))
    throw new ApiError(
      409,
      'change_request_decided',
      'Already decided',
      `Change request ${row.key} is ${row.status}.`,
    );
}

export function registerChangeControlRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'project:contribute', project: ofChangeRequest },
      {
        method: 'post',
        path: '/api/change-requests/{id}/impact',
        tags: ['Change requests'],
        summary: 'Analyse the change: re-schedule a what-if copy of the plan with its change set',
        description:
          'Before/after finish, cost, critical path and P80 (seeded Monte Carlo) with their deltas; stored on the change request.',
        request: { params: idParam, body: { required: false, ...jsonContent(impactOptions) } },
        responses: {
          200: {
            description: 'The change request with its impact analysis',
            ...jsonContent(anyObject('ChangeRequestImpact')),
          },
        },
      },
    ),
    async (c) => {
      const current = entityOf(c) as ChangeRequestRow;
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const body = (c.req.valid('json') as z.infer<typeof impactOptions> | undefined) ?? {};
      const { db, plans } = c.get('deps');
      const state = await plans.current(db, workspaceId, projectId);
      const changeSet = resolveChangeSet(current.change_set, state.keys);
      const settings = impactSettings(body);
      const analysis = asValidation('changeSet', () => impactAnalysis(state.plan, changeSet, settings));
      const row = await inWrite(c, { reschedule: false }, async (trx, ctx) => {
        const saved = await updateChangeRequest(trx, ctx, current.id, current.version, {
          impact_analysis: {
            ...analysis,
            at: c.get('deps').clock().toISOString(),
            planRevision: state.revision,
          },
          schedule_impact_minutes: Math.round(
            analysis.delta.finishWorkingDays * state.plan.units.minutesPerDay,
          ),
          cost_impact_amount: analysis.delta.cost,
        });
        await appendChangeLog(trx, ctx, {
          projectId,
          changeRequestId: current.id,
          action: 'impact_analysed',
          summary: `${current.key}: finish ${signed(analysis.delta.finishWorkingDays)} working days, cost ${signed(analysis.delta.cost)}, P80 ${signed(analysis.delta.p80WorkingDays)} working days`,
          details: { delta: analysis.delta as never },
        });
        return saved;
      });
      await publishChange(c, {
        projectId,
        entity: 'change-requests',
        id: row.id,
        version: row.version,
        action: 'updated',
      });
      return c.json(present(row), 200, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:read', project: ofChangeRequest },
      {
        method: 'get',
        path: '/api/change-requests/{id}/sign-offs',
        tags: ['Change requests'],
        summary: 'The sign-offs given, and the ones still needed for approval',
        request: { params: idParam },
        responses: { 200: { description: 'Sign-offs', ...jsonContent(anyObject('ChangeRequestSignOffs')) } },
      },
    ),
    async (c) => {
      const current = entityOf(c) as ChangeRequestRow;
      const { workspaceId } = workspaceOf(c);
      const db = c.get('deps').db;
      const signOffs = await listSignOffs(db, workspaceId, 'change_request', current.id);
      const required = await requiredSignOffRoles(db, workspaceId, current.project_id);
      const missing = missingSignOffs(
        required,
        signOffs.map((s) => ({ ...s, at: s.created_at })),
      );
      return c.json({ items: signOffs.map(present), required, missing }, 200);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: ofChangeRequest },
      {
        method: 'post',
        path: '/api/change-requests/{id}/sign-offs',
        tags: ['Change requests'],
        summary: 'Sign off (or reject) as the project’s PM or TPM',
        description:
          'Your membership role on the project decides whose sign-off it is; the latest of each role counts.',
        request: { params: idParam, body: { required: true, ...jsonContent(SignOffBody) } },
        responses: { 201: { description: 'Recorded', ...jsonContent(anyObject('SignOff')) } },
      },
    ),
    async (c) => {
      const current = entityOf(c) as ChangeRequestRow;
      const { principal, workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const body = c.req.valid('json');
      refuseDecided(current);
      const db = c.get('deps').db;
      const roles = await projectRolesOf(db, workspaceId, projectId, principal.userId);
      const role = roles[0];
      if (!role) throw forbidden('Only the project’s PM or TPM can sign off a change request.');
      const signOff = await inWrite(c, { reschedule: false }, async (trx, ctx) => {
        const created = await createSignOff(trx, ctx, {
          project_id: projectId,
          target_type: 'change_request',
          target_id: current.id,
          role,
          user_id: principal.userId,
          decision: body.decision,
          comment: body.comment ?? null,
        });
        await appendChangeLog(trx, ctx, {
          projectId,
          changeRequestId: current.id,
          action: 'signed_off',
          summary: `${current.key}: ${role.toUpperCase()} ${body.decision}${body.comment ? ` — ${body.comment}` : ''}`,
          details: { role, decision: body.decision },
        });
        return created;
      });
      await publishChange(c, {
        projectId,
        entity: 'change-requests',
        id: current.id,
        version: current.version,
        action: 'updated',
      });
      return c.json(present(signOff), 201);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: ofChangeRequest },
      {
        method: 'post',
        path: '/api/change-requests/{id}/approve',
        tags: ['Change requests'],
        summary: 'Approve: needs the PM’s sign-off and, on a project with a TPM, the TPM’s',
        description:
          '409 `sign_offs_missing` naming each missing or rejecting role. `apply: true` applies the change set to the live plan and `rebaseline` captures a new baseline, in the same transaction.',
        request: {
          params: idParam,
          headers: ifMatchHeader,
          body: { required: true, ...jsonContent(ApproveBody) },
        },
        responses: {
          200: { description: 'Approved', ...jsonContent(anyObject('ApprovedChangeRequest')) },
          409: { description: 'A required sign-off is missing, or the request is already decided' },
          412: { description: 'Changed since read' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const current = entityOf(c) as ChangeRequestRow;
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const body = c.req.valid('json');
      const version = await expectedVersion(
        parseIfMatch(c.req.header('if-match')),
        async () => current.version,
      );
      const { row, baselineId } = await inWrite(
        c,
        { reschedule: body.apply ? projectId : false },
        async (trx, ctx) => {
          const fresh = (await findChangeRequest(trx, workspaceId, current.id)) as
            ChangeRequestRow | undefined;
          if (!fresh) throw new ApiError(404, 'not_found', 'Not found', `No change request ${current.id}.`);
          refuseDecided(fresh);
          const required = await requiredSignOffRoles(trx, workspaceId, projectId);
          const signOffs = await listSignOffs(trx, workspaceId, 'change_request', fresh.id);
          const missing = missingSignOffs(
            required,
            signOffs.map((s) => ({ ...s, at: s.created_at })),
          );
          if (missing.length > 0)
            throw new ApiError(
              409,
              'sign_offs_missing',
              'Sign-off missing',
              `${fresh.key} cannot be approved: ${missing.map((m) => m.reason).join('; ')}.`,
              { missing },
            );
          const now = c.get('deps').clock().toISOString();
          if (body.apply) {
            await applyToLivePlan(trx, ctx, projectId, fresh.change_set, 'changeSet');
            await appendChangeLog(trx, ctx, {
              projectId,
              changeRequestId: fresh.id,
              action: 'applied',
              summary: `${fresh.key}: ${fresh.change_set.length} change(s) applied to the plan`,
              details: { changeSet: fresh.change_set as never },
            });
          }
          let baselineId: string | null = null;
          if (body.rebaseline !== undefined) {
            const baseline = await createBaseline(trx, ctx, {
              project_id: projectId,
              name: body.rebaseline,
              snapshot: await captureSnapshot(trx, workspaceId, projectId),
            });
            baselineId = baseline.id;
            await appendChangeLog(trx, ctx, {
              projectId,
              changeRequestId: fresh.id,
              action: 'rebaselined',
              summary: `${fresh.key}: new baseline “${body.rebaseline}”`,
              details: { baselineId },
            });
          }
          const row = await updateChangeRequest(trx, ctx, fresh.id, version, {
            status: body.apply ? 'implemented' : 'approved',
            decided_at: now,
            ...(body.apply ? { applied_at: now } : {}),
            ...(baselineId ? { rebaseline: true, baseline_id: baselineId } : {}),
          });
          await appendChangeLog(trx, ctx, {
            projectId,
            changeRequestId: fresh.id,
            action: 'approved',
            summary: `${fresh.key} approved (signed off by ${required.map((r) => r.toUpperCase()).join(' and ')})`,
            details: { apply: body.apply, rebaseline: body.rebaseline ?? null },
          });
          return { row, baselineId };
        },
      );
      await publishChange(c, {
        projectId,
        entity: 'change-requests',
        id: row.id,
        version: row.version,
        action: 'updated',
      });
      return c.json({ ...present(row), baselineId }, 200, { etag: etagOf(row.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:read', project: { param: 'id' } },
      {
        method: 'get',
        path: '/api/projects/{id}/change-log',
        tags: ['Change requests'],
        summary: 'The change log: impact analyses, sign-offs, approvals, applied changes, re-baselines',
        request: {
          params: projectParam,
          query: z.strictObject({
            changeRequestId: z.string().min(1).max(100).optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
            cursor: z.string().max(2000).optional(),
          }),
        },
        responses: { 200: { description: 'Newest first', ...jsonContent(anyObject('ChangeLogPage')) } },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const q = c.req.valid('query');
      const page = await listChangeLog(c.get('deps').db, workspaceId, accessOf(c).projectId, {
        ...(q.changeRequestId !== undefined ? { changeRequestId: q.changeRequestId } : {}),
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
        ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
      });
      return c.json({ items: page.items.map(present), nextCursor: page.nextCursor }, 200);
    },
  );
}

const signed = (x: number) => (x > 0 ? `+${x}` : `${x}`);
