/** Scenarios: what-if copies of a plan (a change set), compared with the live plan, promoted or discarded. */
import type { Selectable } from 'kysely';
import type { ScenarioTable } from '../db/schema.ts';
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
import type { Db, WriteContext } from './transaction.ts';

export type Scenario = Selectable<ScenarioTable>;
export type NewScenario = NewRow<ScenarioTable, 'status' | 'change_set'>;
export type ScenarioPatch = RowPatch<ScenarioTable>;

export const SCENARIOS: EntitySpec<'scenarios'> = {
  table: 'scenarios',
  entityType: 'scenario',
  filters: ['status', 'created_by'],
  sorts: ['created_at', 'updated_at', 'name', 'status'],
  defaultSort: 'created_at',
  defaults: () => ({ status: 'open', change_set: [] }),
};

export function createScenario(db: Db, ctx: WriteContext, input: NewScenario): Promise<Scenario> {
  return createRow(db, ctx, SCENARIOS, input);
}

export function findScenario(db: Db, workspaceId: string, id: string): Promise<Scenario | undefined> {
  return findRow(db, workspaceId, SCENARIOS, id);
}

export function listScenarios(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'scenarios'> = {},
): Promise<Page<Scenario>> {
  return listRows(db, workspaceId, SCENARIOS, options, { project_id: projectId });
}

export function updateScenario(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: ScenarioPatch,
): Promise<Scenario> {
  return updateRow(db, ctx, SCENARIOS, id, expectedVersion, patch);
}

export function deleteScenario(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, SCENARIOS, id, expectedVersion);
}
