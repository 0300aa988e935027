/**
 * Engineering signals (migration 0004): deployments, changes, incidents and CI runs, each unique per
 * project, provider and the provider's own id, and webhook deliveries. Signals are data arriving from
 * outside, not edits: they carry no audit entries (the delivery row is their record).
 */
import type { Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type {
  ChangeTable,
  CiRunTable,
  Database,
  DeploymentTable,
  HookDeliveryTable,
  IncidentTable,
} from '../db/schema.ts';
import type { EntitySpec } from './entity-repository.ts';
import type { Db } from './transaction.ts';

export type DeploymentRow = Selectable<DeploymentTable>;
export type ChangeRow = Selectable<ChangeTable>;
export type IncidentRow = Selectable<IncidentTable>;
export type CiRunRow = Selectable<CiRunTable>;
export type HookDelivery = Selectable<HookDeliveryTable>;

export type SignalTable = 'deployments' | 'changes' | 'incidents' | 'ci_runs';

const signalSpec = <TB extends SignalTable>(
  table: TB,
  entityType: string,
  filters: EntitySpec<TB>['filters'],
  sorts: EntitySpec<TB>['sorts'],
): EntitySpec<TB> => ({
  table,
  entityType,
  filters,
  sorts,
  defaultSort: sorts[0] as EntitySpec<TB>['defaultSort'],
});

export const DEPLOYMENTS = signalSpec(
  'deployments',
  'deployment',
  ['environment', 'status', 'provider', 'release_id'],
  ['deployed_at', 'created_at'],
);
export const CHANGES = signalSpec(
  'changes',
  'change',
  ['branch', 'provider', 'release_id', 'sha'],
  ['committed_at', 'created_at'],
);
export const INCIDENTS = signalSpec(
  'incidents',
  'incident',
  ['state', 'severity', 'origin', 'provider', 'release_id'],
  ['opened_at', 'created_at'],
);
export const CI_RUNS = signalSpec(
  'ci_runs',
  'ci_run',
  ['status', 'branch', 'provider', 'release_id', 'name'],
  ['created_at'],
);

export const HOOK_DELIVERIES: EntitySpec<'hook_deliveries'> = {
  table: 'hook_deliveries',
  entityType: 'hook_delivery',
  filters: ['hook_id', 'provider', 'status', 'event'],
  sorts: ['received_at', 'created_at'],
  defaultSort: 'received_at',
};

type Insert<TB extends SignalTable> = Omit<
  Database[TB],
  'workspace_id' | 'id' | 'version' | 'created_at' | 'updated_at'
>;

/**
 * Inserts the signal, or — when the project already has one with the same provider and external id —
 * updates it with `merge(existing)`. Returns the row and whether it was created.
 */
export async function upsertSignal<TB extends SignalTable>(
  trx: Db,
  workspaceId: string,
  table: TB,
  row: Insert<TB>,
  merge: (existing: Selectable<Database[TB]>) => Partial<Insert<TB>>,
  now: string,
): Promise<{ row: Selectable<Database[TB]>; created: boolean }> {
  // One table at a time; Kysely cannot narrow a union of table names, so the table is a runtime value.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const any = trx as any;
  const base = row as unknown as { project_id: string; provider: string; external_id: string };
  const existing = (await any
    .selectFrom(table)
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', base.project_id)
    .where('provider', '=', base.provider)
    .where('external_id', '=', base.external_id)
    .executeTakeFirst()) as (Selectable<Database[TB]> & { id: string; version: number }) | undefined;
  if (!existing) {
    const created = await any
      .insertInto(table)
      .values({
        ...row,
        workspace_id: workspaceId,
        id: uuidv7(),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { row: created, created: true };
  }
  const updated = await any
    .updateTable(table)
    .set({ ...merge(existing), version: existing.version + 1, updated_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', existing.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row: updated, created: false };
}

export function findDeliveryByDeliveryId(
  db: Db,
  workspaceId: string,
  projectId: string,
  provider: string,
  deliveryId: string,
): Promise<HookDelivery | undefined> {
  return db
    .selectFrom('hook_deliveries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('provider', '=', provider as HookDelivery['provider'])
    .where('delivery_id', '=', deliveryId)
    .executeTakeFirst();
}

export function findDelivery(db: Db, workspaceId: string, id: string): Promise<HookDelivery | undefined> {
  return db
    .selectFrom('hook_deliveries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A signal row of any kind by id, in the workspace. */
export async function findSignal(
  db: Db,
  workspaceId: string,
  table: SignalTable,
  id: string,
): Promise<
  (Record<string, unknown> & { id: string; project_id: string; work_item_ids: string[] }) | undefined
> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await (db as any)
    .selectFrom(table)
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()) as never;
}
