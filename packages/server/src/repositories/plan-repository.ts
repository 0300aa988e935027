/**
 * Whole plans in and out of the database.
 *
 * - `loadPlan` builds the core's `Project` from a project's rows, ready for `scheduleProject`.
 * - `savePlan` / `importPlan` store a `Project` into a project, all-or-nothing: rows are matched to
 *   the plan by key (task, calendar and resource ids; links by their two tasks; baselines by name;
 *   risks by key), so a re-import keeps row ids — and the comments, RAID links and sprint choices
 *   that hang off them. Matched rows are updated only where the plan changed them, new ones are
 *   inserted and the rest deleted; risks are only added or updated (the RAID log is the team's).
 *   Every change gets its audit entry, plus one entry for the import itself.
 */
import type { Project } from '@tandem/core';
import type { Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database, ProjectTable, TenantTableName } from '../db/schema.ts';
import { type NewAuditEntry, writeAuditEntries } from './audit-repository.ts';
import { NotFoundError, ValidationError, VersionConflictError } from './errors.ts';
import {
  type PlanIds,
  assignmentColumns,
  assignmentFromRow,
  baselineColumns,
  baselineFromRow,
  calendarColumns,
  calendarFromRow,
  dependencyColumns,
  linkFromRow,
  projectColumns,
  projectFromRow,
  resourceColumns,
  resourceFromRow,
  riskColumns,
  riskFromRow,
  taskFromRow,
  workItemColumns,
  workItemStatus,
  workItemType,
} from './plan-rows.ts';
import { planIssues } from './plan-validation.ts';
import { type Db, type WriteContext, timestamp, withTransaction } from './transaction.ts';

type Row = Record<string, unknown> & { id: string; version: number };

async function rowsOf<T extends TenantTableName>(
  db: Db,
  table: T,
  workspaceId: string,
  projectId: string,
): Promise<Selectable<Database[T]>[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (db as any)
    .selectFrom(table)
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('id')
    .execute();
}

async function planRows(db: Db, workspaceId: string, projectId: string) {
  const [calendars, resources, workItems, dependencies, assignments, baselines, raid] = await Promise.all([
    rowsOf(db, 'calendars', workspaceId, projectId),
    rowsOf(db, 'resources', workspaceId, projectId),
    rowsOf(db, 'work_items', workspaceId, projectId),
    rowsOf(db, 'dependencies', workspaceId, projectId),
    rowsOf(db, 'assignments', workspaceId, projectId),
    rowsOf(db, 'baselines', workspaceId, projectId),
    rowsOf(db, 'raid_entries', workspaceId, projectId),
  ]);
  return {
    calendars,
    resources,
    workItems,
    dependencies,
    assignments,
    baselines,
    risks: raid.filter((r) => r.kind === 'risk'),
  };
}

/** Parents before children, siblings by `sort_key` (whatever order the rows were created in). */
function outlineOrder<T extends { id: string; parent_id: string | null; sort_key: number }>(rows: T[]): T[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const row of [...rows].sort((a, b) => a.sort_key - b.sort_key || (a.id < b.id ? -1 : 1))) {
    const parent = row.parent_id !== null && ids.has(row.parent_id) ? row.parent_id : null;
    const list = children.get(parent) ?? [];
    list.push(row);
    children.set(parent, list);
  }
  const ordered: T[] = [];
  const visit = (parent: string | null) => {
    for (const row of children.get(parent) ?? []) {
      ordered.push(row);
      visit(row.id);
    }
  };
  visit(null);
  return ordered;
}

/** Every row `loadPlan` reads: the project's and its plan's (risks: its RAID entries of kind risk). */
export type PlanRows = Awaited<ReturnType<typeof planRows>> & { project: Selectable<ProjectTable> };

/** The rows of a project's plan, as `planFromRows` takes them. Read them in one transaction. */
export async function loadPlanRows(db: Db, workspaceId: string, projectId: string): Promise<PlanRows> {
  const project = await db
    .selectFrom('projects')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', projectId)
    .executeTakeFirst();
  if (!project) throw new NotFoundError('project', projectId);
  return { project, ...(await planRows(db, workspaceId, projectId)) };
}

/** The core's `Project` of these rows (see `loadPlan`). Pure: no database. */
export function planFromRows(rows: PlanRows): Project {
  const keys = new Map<string, string>();
  for (const r of [...rows.calendars, ...rows.resources, ...rows.workItems]) keys.set(r.id, r.key);
  const risks = rows.risks
    .filter((r) => r.probability !== null && r.status !== 'closed')
    .map((r) => riskFromRow(r, keys));
  return {
    ...projectFromRow(rows.project, keys),
    calendars: rows.calendars.map((r) => calendarFromRow(r, keys)),
    tasks: outlineOrder(rows.workItems).map((r) => taskFromRow(r, keys)),
    links: rows.dependencies.map((r) => linkFromRow(r, keys)),
    resources: rows.resources.map((r) => resourceFromRow(r, keys)),
    assignments: rows.assignments.map((r) => assignmentFromRow(r, keys)),
    baselines: rows.baselines.map((r) => baselineFromRow(r, keys)),
    ...(risks.length > 0 ? { risks } : {}),
  };
}

/**
 * The project's plan as the core's model. Task, calendar and resource ids are the rows' keys; open
 * risks with a probability become `risks` for schedule risk analysis.
 *
 * @example
 * const schedule = scheduleProject(await loadPlan(db, workspaceId, projectId));
 */
export async function loadPlan(db: Db, workspaceId: string, projectId: string): Promise<Project> {
  return planFromRows(await loadPlanRows(db, workspaceId, projectId));
}

export interface PlanCounts {
  calendars: number;
  resources: number;
  workItems: number;
  dependencies: number;
  assignments: number;
  baselines: number;
  risks: number;
}

export interface PlanSaveResult {
  project: Selectable<ProjectTable>;
  created: PlanCounts;
  updated: PlanCounts;
  deleted: PlanCounts;
}

export interface PlanSaveOptions {
  /** The project version the caller read; a different one is a `VersionConflictError`. */
  expectedVersion?: number;
}

/** Stores a plan read from a file (MS Project, plan file, CSV) into an existing project. */
export function importPlan(
  db: Db,
  ctx: WriteContext,
  projectId: string,
  plan: Project,
  options: PlanSaveOptions = {},
): Promise<PlanSaveResult> {
  return storePlan(db, ctx, projectId, plan, options, 'import');
}

/** Stores an edited plan (the model after a what-if was accepted, a bulk edit). */
export function savePlan(
  db: Db,
  ctx: WriteContext,
  projectId: string,
  plan: Project,
  options: PlanSaveOptions = {},
): Promise<PlanSaveResult> {
  return storePlan(db, ctx, projectId, plan, options, 'save_plan');
}

const ENTITY: Record<keyof PlanCounts, { table: TenantTableName; type: string }> = {
  calendars: { table: 'calendars', type: 'calendar' },
  resources: { table: 'resources', type: 'resource' },
  workItems: { table: 'work_items', type: 'work_item' },
  dependencies: { table: 'dependencies', type: 'dependency' },
  assignments: { table: 'assignments', type: 'assignment' },
  baselines: { table: 'baselines', type: 'baseline' },
  risks: { table: 'raid_entries', type: 'raid_entry' },
};

async function storePlan(
  db: Db,
  ctx: WriteContext,
  projectId: string,
  plan: Project,
  options: PlanSaveOptions,
  action: string,
): Promise<PlanSaveResult> {
  const issues = planIssues(plan);
  if (issues.length > 0) throw new ValidationError(issues);
  return withTransaction(db, async (trx) => {
    const ws = ctx.workspaceId;
    const before = await trx
      .selectFrom('projects')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', projectId)
      .executeTakeFirst();
    if (!before) throw new NotFoundError('project', projectId);
    const expected = options.expectedVersion ?? before.version;
    if (before.version !== expected) throw new VersionConflictError('project', projectId, expected, before);
    // Take the project first: on PostgreSQL this row lock makes concurrent saves of a plan queue up.
    const locked = await trx
      .updateTable('projects')
      .set((eb) => ({
        version: expected + 1,
        updated_at: timestamp(),
        plan_revision: eb('plan_revision', '+', 1),
      }))
      .where('workspace_id', '=', ws)
      .where('id', '=', projectId)
      .where('version', '=', expected)
      .executeTakeFirst();
    if (Number(locked.numUpdatedRows) !== 1) {
      const now = await trx
        .selectFrom('projects')
        .selectAll()
        .where('workspace_id', '=', ws)
        .where('id', '=', projectId)
        .executeTakeFirstOrThrow();
      throw new VersionConflictError('project', projectId, expected, now);
    }

    const existing = await planRows(trx, ws, projectId);
    const byKey = <T extends { key: string; id: string }>(rows: T[]) => new Map(rows.map((r) => [r.key, r]));
    const calendars = byKey(existing.calendars);
    const resources = byKey(existing.resources);
    const items = byKey(existing.workItems);
    const ids: PlanIds = {
      calendar: new Map(plan.calendars.map((c) => [c.id, calendars.get(c.id)?.id ?? uuidv7()])),
      resource: new Map(plan.resources.map((r) => [r.id, resources.get(r.id)?.id ?? uuidv7()])),
      task: new Map(plan.tasks.map((t) => [t.id, items.get(t.id)?.id ?? uuidv7()])),
    };
    const w = new PlanWriter(trx, ctx, projectId);

    // Calendars: new ones base-first, so each base exists when its derived calendar goes in.
    const calendarOrder = baseFirst(plan.calendars);
    for (const c of calendarOrder)
      w.put('calendars', calendars.get(c.id), ids.calendar.get(c.id)!, calendarColumns(c, ids));
    await w.flush('calendars');
    for (const r of plan.resources)
      w.put('resources', resources.get(r.id), ids.resource.get(r.id)!, {
        skills: [],
        ...resourceColumns(r, ids),
      });
    await w.flush('resources');

    const parents = new Set(plan.tasks.flatMap((t) => (t.parentId !== undefined ? [t.parentId] : [])));
    plan.tasks.forEach((t, i) => {
      const current = items.get(t.id);
      const columns = {
        ...workItemColumns(t, i + 1, ids),
        type: workItemType(t, parents.has(t.id), current?.type),
        status: workItemStatus(t, current?.status),
      };
      w.put('workItems', current, ids.task.get(t.id)!, columns, { labels: [] });
    });
    await w.flush('workItems');

    const pair = (p: string, s: string) => `${p}\u0000${s}`;
    const deps = new Map(existing.dependencies.map((d) => [pair(d.predecessor_id, d.successor_id), d]));
    for (const l of plan.links) {
      const columns = dependencyColumns(l, ids);
      const current = deps.get(pair(columns.predecessor_id, columns.successor_id));
      w.put('dependencies', current, current?.id ?? uuidv7(), columns);
    }
    await w.flush('dependencies');

    // Assignments: the n-th assignment of a resource to a task matches the n-th such row.
    const slots = new Map<string, (typeof existing.assignments)[number][]>();
    for (const a of existing.assignments) {
      const k = pair(a.work_item_id, a.resource_id);
      slots.set(k, [...(slots.get(k) ?? []), a]);
    }
    for (const a of plan.assignments) {
      const columns = assignmentColumns(a, ids);
      const current = slots.get(pair(columns.work_item_id, columns.resource_id))?.shift();
      w.put('assignments', current, current?.id ?? uuidv7(), columns);
    }
    await w.flush('assignments');

    const baselines = new Map(existing.baselines.map((b) => [b.name, b]));
    for (const b of plan.baselines) {
      const current = baselines.get(b.name);
      w.put('baselines', current, current?.id ?? uuidv7(), baselineColumns(b, ids));
    }
    await w.flush('baselines');

    const risks = new Map(existing.risks.map((r) => [r.key, r]));
    for (const r of plan.risks ?? []) {
      const current = risks.get(r.id);
      w.put('risks', current, current?.id ?? uuidv7(), riskColumns(r, ids), {
        kind: 'risk',
        status: 'open',
        options: [],
      });
    }
    await w.flush('risks');

    // Deletions, dependants first (their cascades would otherwise go unaudited).
    await w.removeMissing('assignments', existing.assignments);
    await w.removeMissing('dependencies', existing.dependencies);
    await w.removeMissing('baselines', existing.baselines);
    // Children before parents, so no statement leaves a child without its parent.
    await w.removeMissing('workItems', outlineOrder(existing.workItems).reverse());
    await w.removeMissing('resources', existing.resources);
    await w.removeMissing('calendars', existing.calendars);

    const after = await trx
      .updateTable('projects')
      .set(projectColumns(plan, ids))
      .where('workspace_id', '=', ws)
      .where('id', '=', projectId)
      .returningAll()
      .executeTakeFirstOrThrow();
    w.audit.push({
      action: 'update',
      entityType: 'project',
      entityId: projectId,
      projectId,
      before,
      after,
    });
    w.audit.push({
      action,
      entityType: 'project',
      entityId: projectId,
      projectId,
      after: { created: w.created, updated: w.updated, deleted: w.deleted },
    });
    await writeAuditEntries(trx, ctx, w.audit);
    return { project: after, created: w.created, updated: w.updated, deleted: w.deleted };
  });
}

function baseFirst<T extends { id: string; baseCalendarId?: string }>(calendars: T[]): T[] {
  const byId = new Map(calendars.map((c) => [c.id, c]));
  const done = new Set<string>();
  const ordered: T[] = [];
  const visit = (c: T) => {
    if (done.has(c.id)) return;
    done.add(c.id);
    const base = c.baseCalendarId !== undefined ? byId.get(c.baseCalendarId) : undefined;
    if (base) visit(base);
    ordered.push(c);
  };
  calendars.forEach(visit);
  return ordered;
}

const zero = (): PlanCounts => ({
  calendars: 0,
  resources: 0,
  workItems: 0,
  dependencies: 0,
  assignments: 0,
  baselines: 0,
  risks: 0,
});

/** Rows with this many values or fewer go in one INSERT (SQLite allows 32,766 parameters). */
const MAX_PARAMETERS = 30_000;

/** Collects a plan's inserts (written in batches), updates and deletions, with their audit entries. */
class PlanWriter {
  readonly created = zero();
  readonly updated = zero();
  readonly deleted = zero();
  readonly audit: NewAuditEntry[] = [];
  readonly #kept = new Map<keyof PlanCounts, Set<string>>();
  readonly #inserts = new Map<keyof PlanCounts, Record<string, unknown>[]>();
  readonly #updates = new Map<keyof PlanCounts, { current: Row; changes: Record<string, unknown> }[]>();

  constructor(
    readonly db: Db,
    readonly ctx: WriteContext,
    readonly projectId: string,
  ) {}

  /** The plan wants this row: insert it (no `current`) or update the columns that differ. */
  put(
    kind: keyof PlanCounts,
    current: object | undefined,
    id: string,
    columns: object,
    insertDefaults: object = {},
  ): void {
    const kept = this.#kept.get(kind) ?? new Set();
    this.#kept.set(kind, kept);
    kept.add(id);
    if (current === undefined) {
      const now = timestamp();
      const list = this.#inserts.get(kind) ?? [];
      list.push({
        ...insertDefaults,
        ...columns,
        workspace_id: this.ctx.workspaceId,
        id,
        project_id: this.projectId,
        version: 1,
        created_at: now,
        updated_at: now,
      });
      this.#inserts.set(kind, list);
      return;
    }
    const row = current as Row;
    const changes = Object.fromEntries(
      Object.entries(columns).filter(
        ([k, v]) => JSON.stringify(row[k] ?? null) !== JSON.stringify(v ?? null),
      ),
    );
    if (Object.keys(changes).length === 0) return;
    const list = this.#updates.get(kind) ?? [];
    list.push({ current: row, changes });
    this.#updates.set(kind, list);
  }

  async flush(kind: keyof PlanCounts): Promise<void> {
    const { table, type } = ENTITY[kind];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const db = this.db as any;
    const inserts = this.#inserts.get(kind) ?? [];
    const first = inserts[0];
    if (first) {
      const perBatch = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(first).length));
      for (let i = 0; i < inserts.length; i += perBatch) {
        const created = (await db
          .insertInto(table)
          .values(inserts.slice(i, i + perBatch))
          .returningAll()
          .execute()) as Row[];
        for (const after of created)
          this.audit.push({
            action: 'create',
            entityType: type,
            entityId: after.id,
            projectId: this.projectId,
            after,
          });
      }
      this.created[kind] += inserts.length;
    }
    for (const { current, changes } of this.#updates.get(kind) ?? []) {
      const after = (await db
        .updateTable(table)
        .set({ ...changes, version: current.version + 1, updated_at: timestamp() })
        .where('workspace_id', '=', this.ctx.workspaceId)
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .returningAll()
        .executeTakeFirst()) as Row | undefined;
      if (!after) throw new VersionConflictError(type, current.id, current.version, current);
      this.audit.push({
        action: 'update',
        entityType: type,
        entityId: current.id,
        projectId: this.projectId,
        before: current,
        after,
      });
      this.updated[kind] += 1;
    }
    this.#inserts.delete(kind);
    this.#updates.delete(kind);
  }

  /** Deletes the rows the plan no longer has. */
  async removeMissing(kind: keyof PlanCounts, rows: { id: string }[]): Promise<void> {
    const kept = this.#kept.get(kind) ?? new Set<string>();
    const gone = rows.filter((r) => !kept.has(r.id));
    const { table, type } = ENTITY[kind];
    for (let i = 0; i < gone.length; i += 500) {
      const chunk = gone.slice(i, i + 500);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await (this.db as any)
        .deleteFrom(table)
        .where('workspace_id', '=', this.ctx.workspaceId)
        .where(
          'id',
          'in',
          chunk.map((r) => r.id),
        )
        .execute();
    }
    for (const before of gone)
      this.audit.push({
        action: 'delete',
        entityType: type,
        entityId: before.id,
        projectId: this.projectId,
        before,
      });
    this.deleted[kind] += gone.length;
  }
}
