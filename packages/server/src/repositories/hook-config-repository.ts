/**
 * Webhook configurations (migration 0004): one per project, provider and secret. The secret is
 * redacted in the audit log (`audit-repository.ts`) and never returned after creation by the API.
 */
import type { Selectable } from 'kysely';
import type { HookConfigTable } from '../db/schema.ts';
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

export type HookConfig = Selectable<HookConfigTable>;
export type NewHookConfig = NewRow<HookConfigTable, 'active' | 'last_delivery_at' | 'repository'>;
export type HookConfigPatch = RowPatch<HookConfigTable>;

export const HOOK_CONFIGS: EntitySpec<'hook_configs'> = {
  table: 'hook_configs',
  entityType: 'hook_config',
  filters: ['provider', 'active'],
  sorts: ['name', 'created_at'],
  defaultSort: 'created_at',
  defaults: () => ({ active: true, last_delivery_at: null, repository: null }),
};

export function createHookConfig(db: Db, ctx: WriteContext, input: NewHookConfig): Promise<HookConfig> {
  return createRow(db, ctx, HOOK_CONFIGS, input);
}

export function findHookConfig(db: Db, workspaceId: string, id: string): Promise<HookConfig | undefined> {
  return findRow(db, workspaceId, HOOK_CONFIGS, id);
}

/** The public webhook routes know only the hook id (UUIDv7, unique across workspaces). */
export function findHookConfigAnywhere(db: Db, id: string): Promise<HookConfig | undefined> {
  return db.selectFrom('hook_configs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Hooks of a provider with no hook id in the URL: those that name the delivery's repository. */
export function findHookConfigsByRepository(
  db: Db,
  provider: string,
  repository: string,
): Promise<HookConfig[]> {
  return db
    .selectFrom('hook_configs')
    .selectAll()
    .where('provider', '=', provider as HookConfig['provider'])
    .where('repository', '=', repository)
    .orderBy('id')
    .execute();
}

export function listHookConfigs(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'hook_configs'> = {},
): Promise<Page<HookConfig>> {
  return listRows(db, workspaceId, HOOK_CONFIGS, options, { project_id: projectId });
}

export function updateHookConfig(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  patch: HookConfigPatch,
): Promise<HookConfig> {
  return updateRow(db, ctx, HOOK_CONFIGS, id, expectedVersion, patch);
}

export function deleteHookConfig(
  db: Db,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteRow(db, ctx, HOOK_CONFIGS, id, expectedVersion);
}
