/** Service level objectives and their availability samples (migration 0004). */
import type { Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { SloSampleTable, SloTable } from '../db/schema.ts';
import {
  type EntitySpec,
  type ListOptions,
  type NewRow,
  type RowPatch,
  createRow,
  deleteRow,
  findRow,
  listRows,
  updateRow,
} from './entity-repository.ts';
import type { Page } from './pagination.ts';
import { type Db, type WriteContext, timestamp } from './transaction.ts';

export type Slo = Selectable<SloTable>;
export type SloSample = Selectable<SloSampleTable>;
export type NewSlo = NewRow<SloTable, 'description' | 'service' | 'window_days' | 'method'>;
export type SloPatch = RowPatch<SloTable>;

export const SLOS: EntitySpec<'slos'> = {
  table: 'slos',
  entityType: 'slo',
  filters: ['method'],
  sorts: ['name', 'created_at'],
  defaultSort: 'created_at',
  defaults: () => ({ description: null, service: null, window_days: 30, method: 'incidents' }),
};

export function createSlo(db: Db, ctx: WriteContext, input: NewSlo): Promise<Slo> {
  return createRow(db, ctx, SLOS, input);
}
export function findSlo(db: Db, workspaceId: string, id: string): Promise<Slo | undefined> {
  return findRow(db, workspaceId, SLOS, id);
}
export function listSlos(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'slos'> = {},
): Promise<Page<Slo>> {
  return listRows(db, workspaceId, SLOS, options, { project_id: projectId });
}
export function updateSlo(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: SloPatch,
): Promise<Slo> {
  return updateRow(db, ctx, SLOS, id, expectedVersion, patch);
}
export function deleteSlo(db: Db, ctx: WriteContext, id: string, expectedVersion: number): Promise<void> {
  return deleteRow(db, ctx, SLOS, id, expectedVersion);
}

export interface NewSloSample {
  at: string;
  good: number;
  total: number;
}

/** Measurements are data, not edits: no audit entry per sample. */
export async function addSloSamples(
  db: Db,
  workspaceId: string,
  slo: Slo,
  samples: NewSloSample[],
): Promise<number> {
  const now = timestamp();
  for (let i = 0; i < samples.length; i += 500)
    await db
      .insertInto('slo_samples')
      .values(
        samples.slice(i, i + 500).map((s) => ({
          workspace_id: workspaceId,
          id: uuidv7(),
          version: 1,
          created_at: now,
          updated_at: now,
          project_id: slo.project_id,
          slo_id: slo.id,
          at: s.at,
          good: s.good,
          total: s.total,
        })),
      )
      .execute();
  return samples.length;
}

export function listSloSamples(
  db: Db,
  workspaceId: string,
  sloId: string,
  from: string,
  to: string,
): Promise<SloSample[]> {
  return db
    .selectFrom('slo_samples')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('slo_id', '=', sloId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('at')
    .execute();
}
