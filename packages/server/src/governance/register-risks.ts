/**
 * The RAID log's risks for the core's register functions, and their stored scores: `score` and
 * `residual_score` of a risk are the project's matrix applied to its probability and impact (kept
 * current on every write of the risk and when the matrix changes).
 */
import { type RegisterRisk, type RiskMatrix, scoreRisk } from '@tandem/core';
import type { RaidEntryTable } from '../db/schema.ts';
import { findRiskMatrixOfProject, riskMatrixOf } from '../repositories/risk-matrix-repository.ts';
import type { Db } from '../repositories/transaction.ts';

type RaidRow = Pick<
  RaidEntryTable,
  | 'id'
  | 'key'
  | 'title'
  | 'status'
  | 'category'
  | 'owner'
  | 'probability'
  | 'impact'
  | 'residual_probability'
  | 'residual_impact'
  | 'schedule_impact'
  | 'cost_impact'
>;

export function registerRiskOf(row: RaidRow): RegisterRisk {
  return {
    id: row.id,
    key: row.key,
    title: row.title,
    status: row.status,
    category: row.category,
    owner: row.owner,
    probability: row.probability,
    impact: row.impact,
    residualProbability: row.residual_probability ?? null,
    residualImpact: row.residual_impact ?? null,
    scheduleImpact: row.schedule_impact,
    costImpact: row.cost_impact,
  };
}

export async function projectRiskMatrix(db: Db, workspaceId: string, projectId: string): Promise<RiskMatrix> {
  return riskMatrixOf(await findRiskMatrixOfProject(db, workspaceId, projectId));
}

export async function listRiskRows(db: Db, workspaceId: string, projectId: string) {
  return db
    .selectFrom('raid_entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('kind', '=', 'risk')
    .orderBy('key')
    .execute();
}

/** Scores of a risk on the matrix: null where probability or impact is missing. */
export function storedScores(
  matrix: RiskMatrix,
  row: {
    probability: number | null;
    impact: number | null;
    residual_probability: number | null;
    residual_impact: number | null;
  },
): { score: number | null; residual_score: number | null } {
  const { probability: p, impact: i } = row;
  const score = p !== null && i !== null ? scoreRisk(matrix, p, i).score : null;
  const rp = row.residual_probability ?? p;
  const ri = row.residual_impact ?? i;
  const hasResidual = row.residual_probability !== null || row.residual_impact !== null;
  const residual = hasResidual && rp !== null && ri !== null ? scoreRisk(matrix, rp, ri).score : null;
  return { score, residual_score: residual };
}

/** The write's values with `score` and `residual_score` from the matrix, for a risk; others unchanged. */
export async function withRiskScores(
  db: Db,
  workspaceId: string,
  projectId: string,
  merged: Record<string, unknown>,
  values: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (merged.kind !== 'risk') return values;
  const num = (k: string) => (typeof merged[k] === 'number' ? (merged[k] as number) : null);
  const matrix = await projectRiskMatrix(db, workspaceId, projectId);
  const scores = storedScores(matrix, {
    probability: num('probability'),
    impact: num('impact'),
    residual_probability: num('residual_probability'),
    residual_impact: num('residual_impact'),
  });
  return {
    ...values,
    ...(scores.score !== null ? { score: scores.score } : {}),
    ...(scores.residual_score !== null ? { residual_score: scores.residual_score } : {}),
  };
}
