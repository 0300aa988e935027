/**
 * The create/get/list/update/delete every tenant table shares, written once. Each entity's own file
 * (`project-repository.ts`, …) describes its table with an `EntitySpec` and exports plain, typed
 * functions that call these.
 *
 * - every query is scoped by `workspace_id`: another workspace's id never reads or changes a row;
 * - every write bumps `version`, sets `updated_at` and writes an audit entry in the same transaction;
 * - `update` and `delete` take the version the caller read and write nothing when it differs
 *   (`VersionConflictError` carrying the current row). The check is in the UPDATE/DELETE's own WHERE
 *   clause, so two concurrent writers can never both succeed.
 */
import { type Insertable, type Kysely, type Selectable, type Updateable, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database, TenantTableName } from '../db/schema.ts';
import { writeAudit } from './audit-repository.ts';
import { NotFoundError, ValidationError, VersionConflictError } from './errors.ts';
import { type Page, decodeCursor, encodeCursor, pageLimit } from './pagination.ts';
import { type Db, type WriteContext, timestamp, withTransaction } from './transaction.ts';

type Managed = 'workspace_id' | 'id' | 'version' | 'created_at' | 'updated_at';

/** What a caller gives to create a row: no workspace, version or timestamps; `id` optional. */
export type NewRow<T, Defaulted extends keyof Insertable<T> = never> = Omit<
  Insertable<T>,
  Managed | Defaulted
> &
  Partial<Pick<Insertable<T>, Defaulted>> & { id?: string };

/** What a caller may change: not the workspace, id, version, timestamps, nor the owning project. */
export type RowPatch<T> = Omit<Updateable<T>, Managed | 'project_id'>;

export type Column<TB extends TenantTableName> = keyof Database[TB] & string;

export interface EntitySpec<TB extends TenantTableName> {
  table: TB;
  /** As written in the audit log and in errors: `work_item`. */
  entityType: string;
  /** Columns a list may filter on (equality, a list of values, or null). */
  filters: readonly Column<TB>[];
  /** Columns a list may sort by: NOT NULL columns only (ties are broken by id). */
  sorts: readonly Column<TB>[];
  defaultSort: Column<TB>;
  /** Values for columns the caller may leave out. */
  defaults?: () => Partial<Insertable<Database[TB]>>;
  /** `key` defaults to the row's id (work items, calendars, resources). */
  keyDefaultsToId?: boolean;
  /** `key` defaults to the next `PREFIX-n` in the project (`R-7`, `CR-3`); may depend on the row. */
  keyPrefix?: string | ((row: Record<string, unknown>) => string);
  /**
   * The table is part of the plan `loadPlan` reads: every write bumps the project's `plan_revision`
   * first, in its transaction (which also takes the project's row lock on PostgreSQL, before the row's).
   */
  partOfPlan?: boolean;
}

export interface ListOptions<TB extends TenantTableName> {
  /** Equality filters; an array means "any of"; null means "is null". */
  filter?: { [C in Column<TB>]?: Database[TB][C] | readonly Database[TB][C][] | null };
  sort?: Column<TB>;
  direction?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

// Repositories of every table share this code, so inside it the table is a runtime value.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;

const MANAGED = new Set([
  'workspace_id',
  'id',
  'version',
  'created_at',
  'updated_at',
  'project_id',
  'plan_revision',
]);

/**
 * Bumps the project's plan revision (migration 0002): call in the transaction of any write to the
 * plan, before writing its rows, so that the project's row lock comes first on PostgreSQL as it does
 * in a plan import.
 */
export async function bumpPlanRevision(db: Db, workspaceId: string, projectId: string): Promise<void> {
  await db
    .updateTable('projects')
    .set((eb) => ({ plan_revision: eb('plan_revision', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', projectId)
    .execute();
}

async function bumpIfPlan<TB extends TenantTableName>(
  db: Db,
  ctx: WriteContext,
  spec: EntitySpec<TB>,
  row: Row,
) {
  const projectId = projectIdOf(spec, row);
  if (spec.partOfPlan && typeof projectId === 'string')
    await bumpPlanRevision(db, ctx.workspaceId, projectId);
}

function withoutUndefined(values: Row): Row {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

export async function findRow<TB extends TenantTableName>(
  db: Db,
  workspaceId: string,
  spec: EntitySpec<TB>,
  id: string,
): Promise<Selectable<Database[TB]> | undefined> {
  const row = await (db as AnyDb)
    .selectFrom(spec.table as string)
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row as Selectable<Database[TB]> | undefined;
}

export async function getRow<TB extends TenantTableName>(
  db: Db,
  workspaceId: string,
  spec: EntitySpec<TB>,
  id: string,
): Promise<Selectable<Database[TB]>> {
  const row = await findRow(db, workspaceId, spec, id);
  if (!row) throw new NotFoundError(spec.entityType, id);
  return row;
}

export async function createRow<TB extends TenantTableName>(
  db: Db,
  ctx: WriteContext,
  spec: EntitySpec<TB>,
  input: object,
): Promise<Selectable<Database[TB]>> {
  return withTransaction(db, async (trx) => {
    const now = timestamp();
    const given = withoutUndefined(input as Row);
    const id = typeof given.id === 'string' ? given.id : uuidv7();
    const row: Row = {
      ...withoutUndefined((spec.defaults?.() ?? {}) as Row),
      ...given,
      workspace_id: ctx.workspaceId,
      id,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    if (spec.keyDefaultsToId && row.key == null) row.key = id;
    if (spec.keyPrefix && row.key == null) {
      const prefix = typeof spec.keyPrefix === 'string' ? spec.keyPrefix : spec.keyPrefix(row);
      row.key = await nextKey(trx, spec, ctx.workspaceId, row.project_id as string, prefix);
    }
    await bumpIfPlan(trx, ctx, spec, row);
    const created = (await (trx as AnyDb)
      .insertInto(spec.table as string)
      .values(row)
      .returningAll()
      .executeTakeFirstOrThrow()) as Row;
    await writeAudit(trx, ctx, {
      action: 'create',
      entityType: spec.entityType,
      entityId: id,
      projectId: projectIdOf(spec, created),
      after: created,
    });
    return created as Selectable<Database[TB]>;
  });
}

/**
 * `read` is the row as the caller read it, if it did: when it has the expected version it is not read
 * again, since the UPDATE below changes nothing unless the row still has that version, and every write
 * to a row bumps its version — so the row written over is the one read.
 */
export async function updateRow<TB extends TenantTableName>(
  db: Db,
  ctx: WriteContext,
  spec: EntitySpec<TB>,
  id: string,
  expectedVersion: number,
  patch: object,
  read?: Selectable<Database[TB]>,
): Promise<Selectable<Database[TB]>> {
  return withTransaction(db, async (trx) => {
    const known = read as (Row & { version: number; id: string }) | undefined;
    const before =
      known?.id === id && known.version === expectedVersion
        ? (read as Selectable<Database[TB]>)
        : await getRow(trx, ctx.workspaceId, spec, id);
    const current = before as unknown as Row & { version: number };
    if (current.version !== expectedVersion)
      throw new VersionConflictError(spec.entityType, id, expectedVersion, before as typeof current);
    const changes = Object.fromEntries(
      Object.entries(withoutUndefined(patch as Row)).filter(([k]) => !MANAGED.has(k)),
    );
    await bumpIfPlan(trx, ctx, spec, current);
    const after = (await (trx as AnyDb)
      .updateTable(spec.table as string)
      .set({ ...changes, version: expectedVersion + 1, updated_at: timestamp() })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst()) as Row | undefined;
    if (!after) throw await lostRace(trx, ctx.workspaceId, spec, id, expectedVersion);
    await writeAudit(trx, ctx, {
      action: 'update',
      entityType: spec.entityType,
      entityId: id,
      projectId: projectIdOf(spec, after),
      before,
      after,
    });
    return after as Selectable<Database[TB]>;
  });
}

export async function deleteRow<TB extends TenantTableName>(
  db: Db,
  ctx: WriteContext,
  spec: EntitySpec<TB>,
  id: string,
  expectedVersion: number,
): Promise<void> {
  await withTransaction(db, async (trx) => {
    const before = await getRow(trx, ctx.workspaceId, spec, id);
    const current = before as unknown as Row & { version: number };
    if (current.version !== expectedVersion)
      throw new VersionConflictError(spec.entityType, id, expectedVersion, before as typeof current);
    await bumpIfPlan(trx, ctx, spec, current);
    const result = await (trx as AnyDb)
      .deleteFrom(spec.table as string)
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1)
      throw await lostRace(trx, ctx.workspaceId, spec, id, expectedVersion);
    await writeAudit(trx, ctx, {
      action: 'delete',
      entityType: spec.entityType,
      entityId: id,
      projectId: projectIdOf(spec, current),
      before,
    });
  });
}

/** Another writer got in between our read and our write. */
async function lostRace<TB extends TenantTableName>(
  db: Db,
  workspaceId: string,
  spec: EntitySpec<TB>,
  id: string,
  expectedVersion: number,
): Promise<Error> {
  const now = await findRow(db, workspaceId, spec, id);
  if (!now) return new NotFoundError(spec.entityType, id);
  return new VersionConflictError(
    spec.entityType,
    id,
    expectedVersion,
    now as unknown as { version: number },
  );
}

/**
 * One page of rows, sorted by `sort` then id. `scope` holds equality conditions the repository
 * imposes (the project), applied besides the caller's filters.
 */
export async function listRows<TB extends TenantTableName>(
  db: Db,
  workspaceId: string,
  spec: EntitySpec<TB>,
  options: ListOptions<TB> = {},
  scope: Row = {},
): Promise<Page<Selectable<Database[TB]>>> {
  const sort = options.sort ?? spec.defaultSort;
  const direction = options.direction ?? 'asc';
  if (!spec.sorts.includes(sort) && sort !== 'id')
    throw new ValidationError([
      { path: 'sort', message: `cannot sort by "${sort}"; use one of ${[...spec.sorts, 'id'].join(', ')}` },
    ]);
  if (direction !== 'asc' && direction !== 'desc')
    throw new ValidationError([{ path: 'direction', message: 'must be asc or desc' }]);
  const limit = pageLimit(options.limit);
  let q = (db as AnyDb)
    .selectFrom(spec.table as string)
    .selectAll()
    .where('workspace_id', '=', workspaceId);
  for (const [column, value] of Object.entries(scope)) q = q.where(column, '=', value);
  for (const [column, value] of Object.entries(options.filter ?? {})) {
    if (value === undefined) continue;
    if (!(spec.filters as readonly string[]).includes(column))
      throw new ValidationError([
        {
          path: `filter.${column}`,
          message: `cannot filter by "${column}"; use one of ${spec.filters.join(', ')}`,
        },
      ]);
    if (value === null) q = q.where(column, 'is', null);
    else if (Array.isArray(value)) q = value.length === 0 ? q.where(sqlFalse) : q.where(column, 'in', value);
    else q = q.where(column, '=', value);
  }
  const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor, sort, direction);
  const op = direction === 'asc' ? '>' : '<';
  if (after && sort === 'id') q = q.where('id', op, after.id);
  else if (after)
    q = q.where((eb: AnyExpressionBuilder) =>
      eb.or([eb(sort, op, after.value), eb.and([eb(sort, '=', after.value), eb('id', op, after.id)])]),
    );
  q = sort === 'id' ? q.orderBy('id', direction) : q.orderBy(sort, direction).orderBy('id', direction);
  const rows = (await q.limit(limit + 1).execute()) as Row[];
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items as Selectable<Database[TB]>[],
    nextCursor:
      rows.length > limit && last ? encodeCursor(sort, direction, last[sort], last.id as string) : null,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyExpressionBuilder = any;

const sqlFalse = sql<boolean>`1 = 0`;

function projectIdOf<TB extends TenantTableName>(spec: EntitySpec<TB>, row: Row): string | null {
  if (spec.table === 'projects') return row.id as string;
  return typeof row.project_id === 'string' ? row.project_id : null;
}

/** The next free `PREFIX-n` in the project (n = highest so far + 1). */
async function nextKey<TB extends TenantTableName>(
  db: Db,
  spec: EntitySpec<TB>,
  workspaceId: string,
  projectId: string,
  prefix: string,
): Promise<string> {
  const rows = (await (db as AnyDb)
    .selectFrom(spec.table as string)
    .select('key')
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('key', 'like', `${prefix}-%`)
    .execute()) as { key: string }[];
  let max = 0;
  for (const { key } of rows) {
    const n = Number(key.slice(prefix.length + 1));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}-${max + 1}`;
}

/** Row types for an entity file, from its table. */
export type RowOf<TB extends TenantTableName> = Selectable<Database[TB]>;
