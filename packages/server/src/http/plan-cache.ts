/**
 * Each project's loaded plan, schedule and schedule JSON, kept between requests and checked against the
 * database on every use: a state is current while its `revision` is the project's `plan_revision`,
 * which every write to the plan bumps in its transaction (migration 0002) — whichever process makes
 * it. So a read costs one small query while nothing changed, and a write re-schedules from the plan
 * it changed rather than reloading thousands of rows.
 *
 * - `current(db, …)`: the plan as committed now (a reload, in one snapshot, when the revision moved);
 * - `afterWrite(trx, …, change)`: inside a write's transaction, after its writes: the plan as it will
 *   be committed. When the cache holds the revision just before this write and `change` is the one row
 *   written (a work item or a dependency), the cached plan is patched instead of reloaded;
 * - `remember(state)`: after the commit, for the next readers.
 *
 * States are immutable (schedule and JSON are computed once, lazily); a patched state shares what did
 * not change with the state it came from.
 */
import {
  type PreparedSchedule,
  type Project,
  type Schedule,
  type WorkingTime,
  compileCalendars,
  prepareSchedule,
  reprepareSchedule,
  schedulePrepared,
  toScheduleJson,
} from '@tandem/core';
import type { Engine } from '../db/open-database.ts';
import { NotFoundError } from '../repositories/errors.ts';
import { type PlanRows, loadPlanRows, planFromRows } from '../repositories/plan-repository.ts';
import { linkFromRow, taskFromRow } from '../repositories/plan-rows.ts';
import type { Db } from '../repositories/transaction.ts';
import { schedulable } from './plan.ts';

type WorkItemRow = PlanRows['workItems'][number];
type DependencyRow = PlanRows['dependencies'][number];

/** The one row a write created or updated. */
export type PlanChange =
  { table: 'work_items'; row: WorkItemRow } | { table: 'dependencies'; row: DependencyRow };

export class PlanState {
  #schedule: Schedule | undefined;
  #json: Buffer | undefined;
  /** The plan compiled for scheduling, once scheduled (a patched state re-prepares from it). */
  #prepared: PreparedSchedule | undefined;
  /** Until scheduled: the state this one patched, prepared, and the task the patch replaced. */
  #base: { prepared: PreparedSchedule; task: number } | undefined;

  private constructor(
    readonly revision: number,
    readonly rows: PlanRows,
    /** Schedulable: the standard calendar added when the plan names it without defining it. */
    readonly plan: Project,
    /** `plan.calendars`, compiled. */
    readonly calendars: Map<string, WorkingTime>,
    /** Row id → key, for calendars, resources and work items (as `planFromRows` makes them). */
    readonly keys: Map<string, string>,
    /** Work item row id → index in `plan.tasks`. */
    readonly taskIndex: Map<string, number>,
  ) {}

  static fromRows(revision: number, rows: PlanRows): PlanState {
    const plan = schedulable(planFromRows(rows));
    const keys = new Map<string, string>();
    for (const r of [...rows.calendars, ...rows.resources, ...rows.workItems]) keys.set(r.id, r.key);
    const indexOfKey = new Map(plan.tasks.map((t, i) => [t.id, i]));
    const taskIndex = new Map(rows.workItems.map((r) => [r.id, indexOfKey.get(r.key)!]));
    return new PlanState(revision, rows, plan, compileCalendars(plan.calendars), keys, taskIndex);
  }

  /** May throw `CycleError` or `ScheduleError`, as `scheduleProject` does. */
  schedule(): Schedule {
    if (this.#schedule) return this.#schedule;
    const options = { compiledCalendars: this.calendars };
    const base = this.#base;
    // One task changed in what leaves the network as it was (a duration, dates): reuse the network and
    // the other tasks' timing — the same result as preparing afresh (core's reprepareSchedule test).
    const prepared =
      (base && reprepareSchedule(base.prepared, this.plan, [base.task], options)) ??
      prepareSchedule(this.plan, options);
    this.#schedule = schedulePrepared(prepared);
    this.#prepared = prepared;
    this.#base = undefined;
    return this.#schedule;
  }

  /** `GET /api/projects/{id}/schedule`'s body: `toScheduleJson`, serialised once. */
  scheduleJson(): Buffer {
    return (this.#json ??= Buffer.from(JSON.stringify(toScheduleJson(this.plan, this.schedule()))));
  }

  get taskCount(): number {
    return this.plan.tasks.length;
  }

  /**
   * This state with one row created or updated, at `revision`; undefined when the change touches the
   * outline or the keys (then the caller reloads). The result equals `fromRows` of the changed rows.
   */
  patched(change: PlanChange, revision: number): PlanState | undefined {
    if (change.table === 'work_items') {
      const { row } = change;
      const position = this.rows.workItems.findIndex((r) => r.id === row.id);
      const before = this.rows.workItems[position];
      const index = this.taskIndex.get(row.id);
      if (!before || index === undefined) return undefined; // a new work item: the outline changes
      if (before.key !== row.key || before.parent_id !== row.parent_id || before.sort_key !== row.sort_key)
        return undefined;
      const workItems = this.rows.workItems.slice();
      workItems[position] = row;
      const tasks = this.plan.tasks.slice();
      tasks[index] = taskFromRow(row, this.keys);
      const state = this.#with(revision, { ...this.rows, workItems }, { ...this.plan, tasks });
      if (this.#prepared) state.#base = { prepared: this.#prepared, task: index };
      return state;
    }
    const { row } = change;
    const rows = this.rows.dependencies;
    let position = rows.findIndex((r) => r.id === row.id);
    const replace = position >= 0;
    // Rows are in id order, as loadPlan reads them: a new one goes where a reload would put it.
    if (!replace) position = upperBound(rows, row.id);
    const dependencies = rows.slice();
    dependencies.splice(position, replace ? 1 : 0, row);
    const links = this.plan.links.slice();
    links.splice(position, replace ? 1 : 0, linkFromRow(row, this.keys));
    return this.#with(revision, { ...this.rows, dependencies }, { ...this.plan, links });
  }

  #with(revision: number, rows: PlanRows, plan: Project): PlanState {
    return new PlanState(revision, rows, plan, this.calendars, this.keys, this.taskIndex);
  }
}

function upperBound(rows: readonly { id: string }[], id: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface PlanCacheOptions {
  /** Keep plans up to this many tasks in all (least recently used go first). Default 200,000. */
  maxTasks?: number;
}

export class PlanCache {
  /** How plans were obtained: still current, reloaded, or patched by a write. */
  readonly stats = { hits: 0, loads: 0, patches: 0 };
  readonly #states = new Map<string, PlanState>();
  readonly #loading = new Map<string, Promise<PlanState>>();
  readonly #maxTasks: number;
  #tasks = 0;

  constructor(
    readonly engine: Engine,
    options: PlanCacheOptions = {},
  ) {
    this.#maxTasks = options.maxTasks ?? 200_000;
  }

  /**
   * The project's plan as committed now; `NotFoundError` when there is no such project. `revision`: the
   * project's `plan_revision` if the caller has just read it (the request's access check), which then
   * is not read again.
   */
  async current(db: Db, workspaceId: string, projectId: string, revision?: number): Promise<PlanState> {
    revision ??= await this.#revision(db, workspaceId, projectId, false);
    const key = `${workspaceId}/${projectId}`;
    const cached = this.#states.get(key);
    // A newer state is one committed since the revision was read (states are kept once committed).
    if (cached && cached.revision >= revision) {
      this.stats.hits++;
      this.#touch(key, cached);
      return cached;
    }
    let loading = this.#loading.get(key);
    if (!loading) {
      loading = this.#load(db, workspaceId, projectId).finally(() => this.#loading.delete(key));
      this.#loading.set(key, loading);
    }
    let state = await loading;
    // A load that began before the revision we read may predate it.
    if (state.revision < revision) state = await this.#load(db, workspaceId, projectId);
    this.remember(workspaceId, projectId, state);
    return state;
  }

  /**
   * Inside a write's transaction, after its writes: the plan as the transaction has it. `change` is
   * the one row the write created or updated, when it is a work item or a dependency.
   */
  async afterWrite(trx: Db, workspaceId: string, projectId: string, change?: PlanChange): Promise<PlanState> {
    // Locks the project's row on PostgreSQL (every plan write took it already): no other write to this
    // plan can commit until this one ends, so what is read below is the plan this write commits.
    const revision = await this.#revision(trx, workspaceId, projectId, true);
    const cached = this.#states.get(`${workspaceId}/${projectId}`);
    // The write bumped the revision once, for its one row: the cached state is the plan just before.
    if (change && cached?.revision === revision - 1) {
      const patched = cached.patched(change, revision);
      if (patched) {
        this.stats.patches++;
        return patched;
      }
    }
    this.stats.loads++;
    return PlanState.fromRows(revision, await loadPlanRows(trx, workspaceId, projectId));
  }

  /** Keeps a committed state unless a newer one is kept already. */
  remember(workspaceId: string, projectId: string, state: PlanState): void {
    const key = `${workspaceId}/${projectId}`;
    const cached = this.#states.get(key);
    if (cached && cached.revision > state.revision) return;
    this.#touch(key, state);
  }

  async #revision(db: Db, workspaceId: string, projectId: string, lock: boolean): Promise<number> {
    let query = db
      .selectFrom('projects')
      .select('plan_revision')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', projectId);
    if (lock && this.engine === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) throw new NotFoundError('project', projectId);
    return row.plan_revision;
  }

  /** The rows and their revision from one snapshot. */
  async #load(db: Db, workspaceId: string, projectId: string): Promise<PlanState> {
    const read = (trx: Db) => loadPlanRows(trx, workspaceId, projectId);
    const rows = db.isTransaction
      ? await read(db)
      : this.engine === 'postgres'
        ? await db.transaction().setIsolationLevel('repeatable read').execute(read)
        : await db.transaction().execute(read);
    this.stats.loads++;
    return PlanState.fromRows(rows.project.plan_revision, rows);
  }

  #touch(key: string, state: PlanState): void {
    const old = this.#states.get(key);
    if (old) this.#tasks -= old.taskCount;
    this.#states.delete(key);
    this.#states.set(key, state);
    this.#tasks += state.taskCount;
    for (const [k, s] of this.#states) {
      if (this.#tasks <= this.#maxTasks || k === key) break;
      this.#states.delete(k);
      this.#tasks -= s.taskCount;
    }
  }
}
