/**
 * Full JSON backup of one workspace, and restore — on either engine, into either engine.
 *
 * A backup holds every row of every table that belongs to the workspace (its members' and
 * referenced users' accounts too, password hashes included: keep backups as safe as the database),
 * with a format version and the schema version it was taken at. Rows are sorted by id and their keys
 * alphabetically, and the values are the codec's (parsed JSON, booleans, numbers, ISO text), so the
 * same data gives byte-identical JSON on SQLite and PostgreSQL: backup → restore elsewhere → backup
 * again gives the same document. Sessions are not backed up (they are sign-ins, not data).
 *
 * Restore is all-or-nothing, into a database that does not have the workspace yet, and writes no
 * audit entry of its own (the restored audit log is the workspace's history, unchanged).
 */
import type { Kysely } from 'kysely';
import { MIGRATIONS } from '../db/migrations/index.ts';
import type { Database } from '../db/schema.ts';
import { ConstraintError, ValidationError, type ValidationIssue } from '../repositories/errors.ts';
import { type Db, withTransaction } from '../repositories/transaction.ts';

export const BACKUP_FORMAT = 'tandem-workspace-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Tenant tables in restore order: every row's references are restored before it. */
export const BACKUP_TABLES = [
  'workspace_members',
  'projects',
  'project_members',
  'invitations',
  'api_tokens',
  'calendars',
  'sprints',
  'work_items',
  'dependencies',
  'resources',
  'assignments',
  'baselines',
  'raid_entries',
  'change_requests',
  'stakeholders',
  'requirements',
  'releases',
  'comments',
  // 0004 engineering signals
  'hook_configs',
  'hook_deliveries',
  'deployments',
  'changes',
  'incidents',
  'ci_runs',
  'slos',
  'slo_samples',
  'import_jobs',
  'calendar_feeds',
  'risk_matrices',
  'sign_offs',
  'change_log',
  'scenarios',
  'phase_gates',
  'communication_plan_entries',
  'satisfaction_scores',
  'meetings',
  'action_items',
  'audit_log',
  'idempotency_keys',
] as const satisfies readonly (keyof Database)[];

export type BackupTable = 'workspaces' | 'users' | (typeof BACKUP_TABLES)[number];
type BackupRow = Record<string, unknown>;

export interface WorkspaceBackup {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  /** The last migration of the database it came from. */
  schemaVersion: string;
  workspaceId: string;
  tables: Record<BackupTable, BackupRow[]>;
}

/** Columns that name a user, per table (the users a backup must carry). */
const USER_COLUMNS: Partial<Record<BackupTable, string[]>> = {
  workspace_members: ['user_id'],
  project_members: ['user_id'],
  invitations: ['invited_by', 'accepted_by'],
  api_tokens: ['user_id'],
  work_items: ['assignee_id'],
  resources: ['user_id'],
  raid_entries: ['owner_id'],
  change_requests: ['requester_id'],
  comments: ['author_id'],
  import_jobs: ['created_by'],
  calendar_feeds: ['created_by'],
  sign_offs: ['user_id'],
  change_log: ['actor_id'],
  scenarios: ['created_by'],
  phase_gates: ['passed_by'],
  communication_plan_entries: ['owner_id'],
  action_items: ['owner_id'],
  idempotency_keys: ['user_id'],
};

export function schemaVersion(): string {
  return Object.keys(MIGRATIONS).sort().at(-1) ?? 'none';
}

// Every table is read the same way, so the table name is a runtime value here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function canonical(row: BackupRow): BackupRow {
  return Object.fromEntries(
    Object.keys(row)
      .sort()
      .map((k) => [k, row[k]]),
  );
}

/** Every row of the workspace, read in one transaction (a consistent snapshot on PostgreSQL too). */
export async function backupWorkspace(db: Db, workspaceId: string): Promise<WorkspaceBackup> {
  return withTransaction(db, async (trx) => {
    const any = trx as AnyDb;
    const workspaces = await any.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).execute();
    if (workspaces.length === 0)
      throw new ValidationError([{ path: 'workspaceId', message: 'no such workspace' }]);
    const tables = { workspaces: workspaces.map(canonical) } as Record<BackupTable, BackupRow[]>;
    const userIds = new Set<string>();
    for (const table of BACKUP_TABLES) {
      const rows = (await any
        .selectFrom(table)
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('id')
        .execute()) as BackupRow[];
      tables[table] = rows.map(canonical);
      for (const column of USER_COLUMNS[table] ?? [])
        for (const row of rows) if (typeof row[column] === 'string') userIds.add(row[column] as string);
    }
    const users =
      userIds.size === 0
        ? []
        : ((await any
            .selectFrom('users')
            .selectAll()
            .where('id', 'in', [...userIds])
            .orderBy('id')
            .execute()) as BackupRow[]);
    tables.users = users.map(canonical);
    return {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: schemaVersion(),
      workspaceId,
      tables: Object.fromEntries(
        (['workspaces', 'users', ...BACKUP_TABLES] as BackupTable[]).map((t) => [t, tables[t]]),
      ) as Record<BackupTable, BackupRow[]>,
    };
  });
}

export interface RestoreResult {
  workspaceId: string;
  /** Rows written per table; users already present (same id and email) are not counted. */
  rows: Partial<Record<BackupTable, number>>;
}

/** Checks the document's shape; every problem at once. */
function backupIssues(backup: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const b = backup as Partial<WorkspaceBackup> | null;
  if (typeof b !== 'object' || b === null) return [{ path: '(backup)', message: 'not a JSON object' }];
  if (b.format !== BACKUP_FORMAT) issues.push({ path: 'format', message: `expected "${BACKUP_FORMAT}"` });
  if (b.formatVersion !== BACKUP_FORMAT_VERSION)
    issues.push({
      path: 'formatVersion',
      message: `expected ${BACKUP_FORMAT_VERSION} (this version of Tandem)`,
    });
  if (b.schemaVersion !== schemaVersion())
    issues.push({
      path: 'schemaVersion',
      message: `the backup is of schema ${String(b.schemaVersion)}; this database is at ${schemaVersion()}`,
    });
  if (typeof b.workspaceId !== 'string') issues.push({ path: 'workspaceId', message: 'expected a string' });
  if (typeof b.tables !== 'object' || b.tables === null) {
    issues.push({ path: 'tables', message: 'expected an object of tables' });
    return issues;
  }
  const known = new Set<string>(['workspaces', 'users', ...BACKUP_TABLES]);
  for (const [table, rows] of Object.entries(b.tables)) {
    if (!known.has(table)) issues.push({ path: `tables.${table}`, message: 'unknown table' });
    else if (!Array.isArray(rows))
      issues.push({ path: `tables.${table}`, message: 'expected an array of rows' });
    else
      rows.forEach((row: unknown, i) => {
        if (typeof row !== 'object' || row === null || Array.isArray(row))
          issues.push({ path: `tables.${table}[${i}]`, message: 'expected an object' });
        else if (
          table !== 'users' &&
          table !== 'workspaces' &&
          (row as BackupRow).workspace_id !== b.workspaceId
        )
          issues.push({ path: `tables.${table}[${i}].workspace_id`, message: 'not the backup’s workspace' });
      });
  }
  const ws = b.tables.workspaces;
  if (!Array.isArray(ws) || ws.length !== 1 || (ws[0] as BackupRow | undefined)?.id !== b.workspaceId)
    issues.push({ path: 'tables.workspaces', message: 'expected exactly the backup’s workspace' });
  return issues;
}

/** Parents before children, for a table that refers to itself. */
function parentsFirst(rows: BackupRow[], parentColumn: string): BackupRow[] {
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const done = new Set<string>();
  const ordered: BackupRow[] = [];
  const visit = (row: BackupRow, depth: number) => {
    const id = row.id as string;
    if (done.has(id) || depth > rows.length) return;
    done.add(id);
    const parent = byId.get(row[parentColumn] as string);
    if (parent) visit(parent, depth + 1);
    ordered.push(row);
  };
  rows.forEach((r) => visit(r, 0));
  return ordered;
}

const MAX_PARAMETERS = 30_000;

async function insertRows(db: AnyDb, table: string, rows: BackupRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const perBatch = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let i = 0; i < rows.length; i += perBatch) {
    const batch = rows
      .slice(i, i + perBatch)
      .map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
    await db.insertInto(table).values(batch).execute();
  }
}

/**
 * Restores a backup (from `backupWorkspace`, on any engine) all-or-nothing. Refuses a workspace that
 * already exists, and a user whose email belongs to another account here.
 */
export async function restoreWorkspace(db: Db, backup: unknown): Promise<RestoreResult> {
  const issues = backupIssues(backup);
  if (issues.length > 0) throw new ValidationError(issues);
  const b = backup as WorkspaceBackup;
  return withTransaction(db, async (trx) => {
    const any = trx as AnyDb;
    const exists = await any
      .selectFrom('workspaces')
      .select('id')
      .where('id', '=', b.workspaceId)
      .executeTakeFirst();
    if (exists)
      throw new ConstraintError('unique', `workspace ${b.workspaceId} already exists here`, 'workspaces.id');
    const rows: Partial<Record<BackupTable, number>> = {};

    const users = b.tables.users ?? [];
    const present =
      users.length === 0
        ? []
        : ((await any
            .selectFrom('users')
            .select(['id', 'email'])
            .where(
              'id',
              'in',
              users.map((u) => u.id),
            )
            .execute()) as { id: string; email: string }[]);
    const here = new Map(present.map((u) => [u.id, u.email]));
    const missing = users.filter((u) => {
      const email = here.get(u.id as string);
      if (email !== undefined && email !== u.email)
        throw new ConstraintError(
          'unique',
          `user ${String(u.id)} exists here with another email`,
          'users.id',
        );
      return email === undefined;
    });
    await insertRows(any, 'workspaces', b.tables.workspaces);
    rows.workspaces = 1;
    await insertRows(any, 'users', missing);
    rows.users = missing.length;
    for (const table of BACKUP_TABLES) {
      let list = b.tables[table] ?? [];
      if (table === 'work_items') list = parentsFirst(list, 'parent_id');
      if (table === 'calendars') list = parentsFirst(list, 'base_calendar_id');
      await insertRows(any, table, list);
      rows[table] = list.length;
    }
    return { workspaceId: b.workspaceId, rows };
  });
}
