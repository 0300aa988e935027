/** Phase gates: one row per gate phase of a project, made on first use with the phase table's checklists. */
import { DEFAULT_GATE_CRITERIA, GATE_PHASES, defaultChecklist } from '@tandem/core';
import type { Selectable } from 'kysely';
import type { PhaseGateTable } from '../db/schema.ts';
import { type EntitySpec, type RowPatch, createRow, findRow, updateRow } from './entity-repository.ts';
import { type Db, type WriteContext, withTransaction } from './transaction.ts';

export type PhaseGate = Selectable<PhaseGateTable>;
export type PhaseGatePatch = RowPatch<PhaseGateTable>;

export const PHASE_GATES: EntitySpec<'phase_gates'> = {
  table: 'phase_gates',
  entityType: 'phase_gate',
  filters: ['phase', 'status'],
  sorts: ['created_at'],
  defaultSort: 'created_at',
};

export function findPhaseGate(db: Db, workspaceId: string, id: string): Promise<PhaseGate | undefined> {
  return findRow(db, workspaceId, PHASE_GATES, id);
}

function listGates(db: Db, workspaceId: string, projectId: string): Promise<PhaseGate[]> {
  return db
    .selectFrom('phase_gates')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .execute();
}

const order = (gates: PhaseGate[]) =>
  [...gates].sort((a, b) => GATE_PHASES.indexOf(a.phase) - GATE_PHASES.indexOf(b.phase));

/**
 * The project's gates in phase order, creating the missing ones (checklists of the phase table, the
 * default technical criteria). Two first readers racing: the loser's insert fails on the unique
 * (project, phase) index and it reads the winner's rows.
 */
export async function ensurePhaseGates(db: Db, ctx: WriteContext, projectId: string): Promise<PhaseGate[]> {
  const existing = await listGates(db, ctx.workspaceId, projectId);
  if (existing.length === GATE_PHASES.length) return order(existing);
  try {
    await withTransaction(db, async (trx) => {
      const have = new Set((await listGates(trx, ctx.workspaceId, projectId)).map((g) => g.phase));
      for (const phase of GATE_PHASES)
        if (!have.has(phase))
          await createRow(trx, ctx, PHASE_GATES, {
            project_id: projectId,
            phase,
            checklist: defaultChecklist(phase),
            gate_criteria: DEFAULT_GATE_CRITERIA[phase],
            status: 'open',
            passed_at: null,
            passed_by: null,
          });
    });
  } catch (error) {
    const now = await listGates(db, ctx.workspaceId, projectId);
    if (now.length !== GATE_PHASES.length) throw error;
  }
  return order(await listGates(db, ctx.workspaceId, projectId));
}

export function updatePhaseGate(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: PhaseGatePatch,
): Promise<PhaseGate> {
  return updateRow(db, ctx, PHASE_GATES, id, expectedVersion, patch);
}
