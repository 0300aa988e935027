/** The risk matrix of a project (one row per project; the default 5 × 5 matrix until one is saved). */
import { DEFAULT_RISK_MATRIX, type RiskMatrix } from '@tandem/core';
import type { Selectable } from 'kysely';
import type { RiskMatrixTable } from '../db/schema.ts';
import { type EntitySpec, type NewRow, type RowPatch, createRow, updateRow } from './entity-repository.ts';
import type { Db, WriteContext } from './transaction.ts';

export type RiskMatrixRow = Selectable<RiskMatrixTable>;
export type NewRiskMatrixRow = NewRow<RiskMatrixTable>;
export type RiskMatrixPatch = RowPatch<RiskMatrixTable>;

export const RISK_MATRICES: EntitySpec<'risk_matrices'> = {
  table: 'risk_matrices',
  entityType: 'risk_matrix',
  filters: [],
  sorts: ['created_at'],
  defaultSort: 'created_at',
};

export function findRiskMatrixOfProject(
  db: Db,
  workspaceId: string,
  projectId: string,
): Promise<RiskMatrixRow | undefined> {
  return db
    .selectFrom('risk_matrices')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

/** The project's matrix as the core uses it. */
export function riskMatrixOf(row: RiskMatrixRow | undefined): RiskMatrix {
  if (!row) return DEFAULT_RISK_MATRIX;
  return {
    probabilityLevels: row.probability_levels,
    impactLevels: row.impact_levels,
    thresholds: row.rating_thresholds,
  };
}

export function createRiskMatrix(db: Db, ctx: WriteContext, input: NewRiskMatrixRow): Promise<RiskMatrixRow> {
  return createRow(db, ctx, RISK_MATRICES, input);
}

export function updateRiskMatrix(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: RiskMatrixPatch,
): Promise<RiskMatrixRow> {
  return updateRow(db, ctx, RISK_MATRICES, id, expectedVersion, patch);
}
