/** Stakeholder satisfaction scores (0..10) over time: the PM's third KPI. */
import type { Selectable } from 'kysely';
import type { SatisfactionScoreTable } from '../db/schema.ts';
import {
  type EntitySpec,
  type ListOptions,
  type NewRow,
  type RowPatch,
  createRow,
  deleteRow,
  findRow,
  getRow,
  listRows,
  updateRow,
} from './entity-repository.ts';
import type { Page } from './pagination.ts';
import type { Db, WriteContext } from './transaction.ts';

export type SatisfactionScore = Selectable<SatisfactionScoreTable>;
export type NewSatisfactionScore = NewRow<SatisfactionScoreTable, never>;
export type SatisfactionScorePatch = RowPatch<SatisfactionScoreTable>;

export const SATISFACTION_SCORES: EntitySpec<'satisfaction_scores'> = {
  table: 'satisfaction_scores',
  entityType: 'satisfaction_score',
  filters: ['stakeholder_id'],
  sorts: ['scored_on', 'created_at'],
  defaultSort: 'scored_on',
};

export function createSatisfactionScore(
  db: Db,
  ctx: WriteContext,
  input: NewSatisfactionScore,
): Promise<SatisfactionScore> {
  return createRow(db, ctx, SATISFACTION_SCORES, input);
}

export function getSatisfactionScore(db: Db, workspaceId: string, id: string): Promise<SatisfactionScore> {
  return getRow(db, workspaceId, SATISFACTION_SCORES, id);
}

export function findSatisfactionScore(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<SatisfactionScore | undefined> {
  return findRow(db, workspaceId, SATISFACTION_SCORES, id);
}

/** One page of the project's rows. */
export function listSatisfactionScores(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'satisfaction_scores'> = {},
): Promise<Page<SatisfactionScore>> {
  return listRows(db, workspaceId, SATISFACTION_SCORES, options, { project_id: projectId });
}

export function updateSatisfactionScore(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: SatisfactionScorePatch,
): Promise<SatisfactionScore> {
  return updateRow(db, ctx, SATISFACTION_SCORES, id, expectedVersion, patch);
}

export function deleteSatisfactionScore(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, SATISFACTION_SCORES, id, expectedVersion);
}
