/**
 * Phase gates: Initiation → Planning → Execution → Testing → Deployment → Closed. Each gate carries
 * the PM's and the TPM's checklist of the phase table, technical criteria checked from the project's
 * data, and the PM's and TPM's sign-offs; passing the current phase's gate moves the project on.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { type GateFacts, TECHNICAL_CRITERIA, evaluateGate, nextPhase } from '@tandem/core';
import type { PhaseGateTable } from '../../db/schema.ts';
import { gateFacts } from '../../governance/gate-facts.ts';
import { projectRolesOf, requiredSignOffRoles } from '../../governance/sign-off-roles.ts';
import { ValidationError } from '../../repositories/errors.ts';
import {
  type PhaseGate,
  ensurePhaseGates,
  findPhaseGate,
  updatePhaseGate,
} from '../../repositories/phase-gate-repository.ts';
import { getProject, updateProject } from '../../repositories/project-repository.ts';
import { createSignOff, listSignOffs, type SignOff } from '../../repositories/sign-off-repository.ts';
import type { Db } from '../../repositories/transaction.ts';
import { ApiError, forbidden } from '../api-error.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, entityOf, workspaceOf } from '../context.ts';
import { etagOf, expectedVersion, parseIfMatch } from '../etag.ts';
import { idParam, ifMatchHeader, present } from '../resources/register-resource.ts';
import type { Row } from '../resources/resource-def.ts';
import { inWrite, publishChange } from '../resources/write.ts';
import { text } from '../schemas/common.ts';
import { anyObject, jsonContent, projectParam } from './common.ts';

type GateRow = Row & PhaseGateTable;

const ofGate = { param: 'id', entity: 'phase gate', find: findPhaseGate };

const GatePatch = z
  .strictObject({
    checklist: z
      .array(
        z.strictObject({
          id: z.string().min(1).max(100),
          done: z.boolean(),
          note: text.nullable().optional(),
        }),
      )
      .max(100)
      .optional(),
    criteria: z
      .array(
        z.strictObject({ id: z.enum(TECHNICAL_CRITERIA), threshold: z.number().min(0).max(100).optional() }),
      )
      .max(TECHNICAL_CRITERIA.length)
      .optional(),
  })
  .openapi('PhaseGatePatch');

const SignOffBody = z
  .strictObject({ decision: z.enum(['approved', 'rejected']), comment: text.optional() })
  .openapi('GateSignOffInput');

/** A gate as the API shows it: the row, its sign-offs and whether it may pass now. */
async function describeGate(
  db: Db,
  workspaceId: string,
  gate: PhaseGate,
  facts: GateFacts,
  required: ('pm' | 'tpm')[],
) {
  const signOffs = await listSignOffs(db, workspaceId, 'phase_gate', gate.id);
  const evaluation = evaluateGate(
    {
      phase: gate.phase,
      checklist: gate.checklist,
      criteria: gate.gate_criteria,
      signOffs: signOffs.map((s) => ({ role: s.role, decision: s.decision, at: s.created_at })),
      requiredRoles: required,
    },
    facts,
  );
  return { gate, signOffs, evaluation };
}

function presentGate(d: {
  gate: PhaseGate;
  signOffs: SignOff[];
  evaluation: ReturnType<typeof evaluateGate>;
}) {
  const { gate_criteria, ...rest } = d.gate;
  return {
    ...present(rest),
    criteria: gate_criteria,
    signOffs: d.signOffs.map(present),
    evaluation: d.evaluation,
  };
}

function refusePassed(gate: GateRow): void {
  if (gate.status === 'passed')
    throw new ApiError(
      409,
      'gate_passed',
      'Gate already passed',
      `The ${gate.phase} gate was passed on ${gate.passed_at ?? ''}.`,
    );
}

export function registerPhaseGateRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'project:read', project: { param: 'id' } },
      {
        method: 'get',
        path: '/api/projects/{id}/gates',
        tags: ['Phase gates'],
        summary: 'The project’s phase gates with checklists, technical criteria, sign-offs and what is unmet',
        request: { params: projectParam },
        responses: { 200: { description: 'Gates in phase order', ...jsonContent(anyObject('PhaseGates')) } },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const db = c.get('deps').db;
      // Made on first use, by the system (any reader may be first).
      const gates = await ensurePhaseGates(db, { workspaceId, actorId: null }, projectId);
      const [project, facts, required] = await Promise.all([
        getProject(db, workspaceId, projectId),
        gateFacts(db, workspaceId, projectId),
        requiredSignOffRoles(db, workspaceId, projectId),
      ]);
      const items = [];
      for (const gate of gates)
        items.push(presentGate(await describeGate(db, workspaceId, gate, facts, required)));
      return c.json({ phase: project.phase, requiredSignOffs: required, items }, 200);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: ofGate },
      {
        method: 'patch',
        path: '/api/phase-gates/{id}',
        tags: ['Phase gates'],
        summary: 'Tick checklist items (by id) or change the technical criteria',
        request: {
          params: idParam,
          headers: ifMatchHeader,
          body: { required: true, ...jsonContent(GatePatch) },
        },
        responses: {
          200: { description: 'Changed', ...jsonContent(anyObject('PhaseGate')) },
          409: { description: 'The gate has passed' },
          412: { description: 'Changed since read' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const current = entityOf(c) as GateRow;
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const version = await expectedVersion(
        parseIfMatch(c.req.header('if-match')),
        async () => current.version,
      );
      const body = c.req.valid('json');
      refusePassed(current);
      let checklist = current.checklist;
      if (body.checklist) {
        const byId = new Map(body.checklist.map((i) => [i.id, i]));
        const known = new Set(current.checklist.map((i) => i.id));
        const unknown = body.checklist.map((i, n) => [i.id, n] as const).filter(([id]) => !known.has(id));
        if (unknown.length > 0)
          throw new ValidationError(
            unknown.map(([id, n]) => ({
              path: `checklist[${n}].id`,
              message: `no checklist item ${id} on the ${current.phase} gate`,
            })),
          );
        checklist = current.checklist.map((item) => {
          const change = byId.get(item.id);
          if (!change) return item;
          const { note, ...rest } = {
            ...item,
            done: change.done,
            note: change.note === undefined ? item.note : change.note,
          };
          return note === null || note === undefined ? rest : { ...rest, note };
        });
      }
      const row = await inWrite(c, { reschedule: false }, (trx, ctx) =>
        updatePhaseGate(trx, ctx, current.id, version, {
          checklist,
          ...(body.criteria ? { gate_criteria: body.criteria } : {}),
        }),
      );
      await publishChange(c, {
        projectId,
        entity: 'phase-gates',
        id: row.id,
        version: row.version,
        action: 'updated',
      });
      const db = c.get('deps').db;
      const facts = await gateFacts(db, workspaceId, projectId);
      const required = await requiredSignOffRoles(db, workspaceId, projectId);
      return c.json(presentGate(await describeGate(db, workspaceId, row, facts, required)), 200, {
        etag: etagOf(row.version),
      });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: ofGate },
      {
        method: 'post',
        path: '/api/phase-gates/{id}/sign-offs',
        tags: ['Phase gates'],
        summary: 'Sign off (or reject) the gate as the project’s PM or TPM',
        request: { params: idParam, body: { required: true, ...jsonContent(SignOffBody) } },
        responses: {
          201: { description: 'Recorded', ...jsonContent(anyObject('GateSignOff')) },
          409: { description: 'The gate has passed' },
        },
      },
    ),
    async (c) => {
      const current = entityOf(c) as GateRow;
      const { principal, workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const body = c.req.valid('json');
      refusePassed(current);
      const roles = await projectRolesOf(c.get('deps').db, workspaceId, projectId, principal.userId);
      const role = roles[0];
      if (!role) throw forbidden('Only the project’s PM or TPM can sign off a phase gate.');
      const signOff = await inWrite(c, { reschedule: false }, (trx, ctx) =>
        createSignOff(trx, ctx, {
          project_id: projectId,
          target_type: 'phase_gate',
          target_id: current.id,
          role,
          user_id: principal.userId,
          decision: body.decision,
          comment: body.comment ?? null,
        }),
      );
      await publishChange(c, {
        projectId,
        entity: 'phase-gates',
        id: current.id,
        version: current.version,
        action: 'updated',
      });
      return c.json(present(signOff), 201);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: ofGate },
      {
        method: 'post',
        path: '/api/phase-gates/{id}/pass',
        tags: ['Phase gates'],
        summary: 'Pass the gate of the current phase: the project moves to the next phase',
        description:
          'Refused (409 `gate_not_passable`) while a checklist item is open, a technical criterion is unmet or a sign-off is missing; `unmet` names each.',
        request: { params: idParam, headers: ifMatchHeader },
        responses: {
          200: { description: 'Passed', ...jsonContent(anyObject('PassedPhaseGate')) },
          409: { description: 'Unmet conditions, not the current phase, or already passed' },
          412: { description: 'Changed since read' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const current = entityOf(c) as GateRow;
      const { principal, workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const version = await expectedVersion(
        parseIfMatch(c.req.header('if-match')),
        async () => current.version,
      );
      const { row, next, projectVersion } = await inWrite(c, { reschedule: false }, async (trx, ctx) => {
        const gate = (await findPhaseGate(trx, workspaceId, current.id)) as GateRow | undefined;
        if (!gate) throw new ApiError(404, 'not_found', 'Not found', `No phase gate ${current.id}.`);
        refusePassed(gate);
        const project = await getProject(trx, workspaceId, projectId);
        if (project.phase !== gate.phase)
          throw new ApiError(
            409,
            'gate_not_current',
            'Not the current phase',
            `The project is in ${project.phase}; only its ${project.phase} gate can be passed.`,
          );
        const facts = await gateFacts(trx, workspaceId, projectId);
        const required = await requiredSignOffRoles(trx, workspaceId, projectId);
        const { evaluation } = await describeGate(trx, workspaceId, gate, facts, required);
        if (!evaluation.canPass)
          throw new ApiError(
            409,
            'gate_not_passable',
            'Gate conditions unmet',
            `The ${gate.phase} gate cannot pass: ${evaluation.unmet.map((u) => `${u.name} (${u.reason})`).join('; ')}.`,
            { unmet: evaluation.unmet },
          );
        const now = c.get('deps').clock().toISOString();
        const next = nextPhase(gate.phase);
        const row = await updatePhaseGate(trx, ctx, gate.id, version, {
          status: 'passed',
          passed_at: now,
          passed_by: principal.userId,
        });
        const moved = await updateProject(trx, ctx, projectId, project.version, { phase: next });
        return { row, next, projectVersion: moved.version };
      });
      await publishChange(c, {
        projectId,
        entity: 'phase-gates',
        id: row.id,
        version: row.version,
        action: 'updated',
      });
      await publishChange(c, {
        projectId,
        entity: 'projects',
        id: projectId,
        version: projectVersion,
        action: 'updated',
      });
      const { gate_criteria, ...rest } = row;
      return c.json(
        { ...present(rest), criteria: gate_criteria, phase: row.phase, projectPhase: next },
        200,
        {
          etag: etagOf(row.version),
        },
      );
    },
  );
}
