/**
 * The initial schema, portable to SQLite and PostgreSQL: only `text`, `integer` and `double precision`
 * columns (see `schema.ts` for what each holds), composite keys led by `workspace_id` so every tenant
 * table can be distributed by workspace, and foreign keys that include `workspace_id` so a row can
 * never point into another workspace.
 *
 * Foreign keys without an `ON DELETE` action are checked at the end of each statement on both engines
 * (NO ACTION), so deleting a whole project's rows in one statement is fine while deleting a single
 * referenced row is refused (a `ConstraintError`).
 */
import type { CreateTableBuilder, Kysely } from 'kysely';

// Migrations are frozen in time: they must not depend on today's `Database` interface.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;
type Table = CreateTableBuilder<string, string>;

const TEXT = 'text';
const INT = 'integer';
const REAL = 'double precision';

/** `workspace_id`, `id`, primary key and the workspace foreign key. */
function tenant(db: Db, name: string): Table {
  return db.schema
    .createTable(name)
    .addColumn('workspace_id', TEXT, (c) => c.notNull())
    .addColumn('id', TEXT, (c) => c.notNull())
    .addPrimaryKeyConstraint(`${name}_pk`, ['workspace_id', 'id'])
    .addForeignKeyConstraint(`${name}_workspace_fk`, ['workspace_id'], 'workspaces', ['id'], (f) =>
      f.onDelete('cascade'),
    );
}

/** `version`, `created_at`, `updated_at`. */
function versioned(t: Table): Table {
  return t
    .addColumn('version', INT, (c) => c.notNull())
    .addColumn('created_at', TEXT, (c) => c.notNull())
    .addColumn('updated_at', TEXT, (c) => c.notNull());
}

/** `project_id` with a cascading foreign key to the project. */
function inProject(t: Table, name: string, nullable = false): Table {
  return t
    .addColumn('project_id', TEXT, (c) => (nullable ? c : c.notNull()))
    .addForeignKeyConstraint(
      `${name}_project_fk`,
      ['workspace_id', 'project_id'],
      'projects',
      ['workspace_id', 'id'],
      (f) => f.onDelete('cascade'),
    );
}

/** A foreign key to another row of the same workspace. */
function ref(t: Table, name: string, column: string, table: string, cascade = false): Table {
  return t.addForeignKeyConstraint(
    `${name}_${column}_fk`,
    ['workspace_id', column],
    table,
    ['workspace_id', 'id'],
    (f) => (cascade ? f.onDelete('cascade') : f),
  );
}

function userRef(t: Table, name: string, column: string, onDelete: 'cascade' | 'set null'): Table {
  return t.addForeignKeyConstraint(`${name}_${column}_fk`, [column], 'users', ['id'], (f) =>
    f.onDelete(onDelete),
  );
}

async function index(db: Db, table: string, name: string, columns: string[], unique = false) {
  let b = db.schema.createIndex(`${table}_${name}`).on(table).columns(columns);
  if (unique) b = b.unique();
  await b.execute();
}

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', TEXT, (c) => c.primaryKey())
    .addColumn('name', TEXT, (c) => c.notNull())
    .addColumn('slug', TEXT, (c) => c.notNull().unique())
    .addColumn('settings', TEXT, (c) => c.notNull())
    .addColumn('version', INT, (c) => c.notNull())
    .addColumn('created_at', TEXT, (c) => c.notNull())
    .addColumn('updated_at', TEXT, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', TEXT, (c) => c.primaryKey())
    .addColumn('email', TEXT, (c) => c.notNull().unique())
    .addColumn('name', TEXT, (c) => c.notNull())
    .addColumn('password_hash', TEXT)
    .addColumn('disabled', INT, (c) => c.notNull())
    .addColumn('version', INT, (c) => c.notNull())
    .addColumn('created_at', TEXT, (c) => c.notNull())
    .addColumn('updated_at', TEXT, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', TEXT, (c) => c.primaryKey())
    .addColumn('user_id', TEXT, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', TEXT, (c) => c.notNull().unique())
    .addColumn('csrf_token', TEXT, (c) => c.notNull())
    .addColumn('expires_at', TEXT, (c) => c.notNull())
    .addColumn('created_at', TEXT, (c) => c.notNull())
    .addColumn('last_seen_at', TEXT, (c) => c.notNull())
    .addColumn('user_agent', TEXT)
    .addColumn('ip', TEXT)
    .execute();
  await index(db, 'sessions', 'user', ['user_id']);
  await index(db, 'sessions', 'expires', ['expires_at']);

  await versioned(
    userRef(tenant(db, 'workspace_members'), 'workspace_members', 'user_id', 'cascade')
      .addColumn('user_id', TEXT, (c) => c.notNull())
      .addColumn('role', TEXT, (c) => c.notNull()),
  ).execute();
  await index(db, 'workspace_members', 'user', ['workspace_id', 'user_id'], true);
  await index(db, 'workspace_members', 'by_user', ['user_id']);

  await versioned(
    tenant(db, 'projects')
      .addColumn('name', TEXT, (c) => c.notNull())
      .addColumn('description', TEXT)
      .addColumn('objectives', TEXT, (c) => c.notNull())
      .addColumn('scope', TEXT)
      .addColumn('methodology', TEXT, (c) => c.notNull())
      .addColumn('phase', TEXT, (c) => c.notNull())
      .addColumn('start', TEXT, (c) => c.notNull())
      .addColumn('finish', TEXT)
      .addColumn('schedule_from', TEXT)
      .addColumn('status_date', TEXT)
      .addColumn('time_zone', TEXT)
      .addColumn('currency', TEXT)
      .addColumn('calendar_id', TEXT)
      .addColumn('units', TEXT, (c) => c.notNull())
      .addColumn('critical_slack_minutes', REAL)
      .addColumn('default_start_minute', INT)
      .addColumn('default_finish_minute', INT)
      .addColumn('correlations', TEXT, (c) => c.notNull())
      .addColumn('budget', REAL)
      .addColumn('health', TEXT)
      .addColumn('health_reason', TEXT)
      .addColumn('archived_at', TEXT),
  ).execute();
  await index(db, 'projects', 'name', ['workspace_id', 'name', 'id']);

  await versioned(
    userRef(
      inProject(tenant(db, 'project_members'), 'project_members'),
      'project_members',
      'user_id',
      'cascade',
    )
      .addColumn('user_id', TEXT, (c) => c.notNull())
      .addColumn('role', TEXT, (c) => c.notNull()),
  ).execute();
  await index(db, 'project_members', 'user', ['workspace_id', 'project_id', 'user_id'], true);
  await index(db, 'project_members', 'by_user', ['workspace_id', 'user_id']);

  await versioned(
    inProject(
      userRef(tenant(db, 'invitations'), 'invitations', 'invited_by', 'set null'),
      'invitations',
      true,
    )
      .addColumn('email', TEXT, (c) => c.notNull())
      .addColumn('role', TEXT, (c) => c.notNull())
      .addColumn('project_role', TEXT)
      .addColumn('token_hash', TEXT, (c) => c.notNull().unique())
      .addColumn('invited_by', TEXT)
      .addColumn('expires_at', TEXT, (c) => c.notNull())
      .addColumn('accepted_at', TEXT)
      .addColumn('accepted_by', TEXT),
  ).execute();
  await index(db, 'invitations', 'email', ['workspace_id', 'email']);

  await versioned(
    userRef(tenant(db, 'api_tokens'), 'api_tokens', 'user_id', 'cascade')
      .addColumn('user_id', TEXT, (c) => c.notNull())
      .addColumn('name', TEXT, (c) => c.notNull())
      .addColumn('prefix', TEXT, (c) => c.notNull())
      .addColumn('token_hash', TEXT, (c) => c.notNull().unique())
      .addColumn('last_used_at', TEXT)
      .addColumn('expires_at', TEXT)
      .addColumn('revoked_at', TEXT),
  ).execute();
  await index(db, 'api_tokens', 'user', ['workspace_id', 'user_id']);

  await versioned(
    ref(inProject(tenant(db, 'calendars'), 'calendars'), 'calendars', 'base_calendar_id', 'calendars')
      .addColumn('key', TEXT, (c) => c.notNull())
      .addColumn('name', TEXT, (c) => c.notNull())
      .addColumn('base_calendar_id', TEXT)
      // No foreign key: a resource names its calendar and a calendar its resource.
      .addColumn('resource_id', TEXT)
      .addColumn('week', TEXT, (c) => c.notNull())
      .addColumn('exceptions', TEXT, (c) => c.notNull())
      .addColumn('work_weeks', TEXT, (c) => c.notNull()),
  ).execute();
  await index(db, 'calendars', 'key', ['workspace_id', 'project_id', 'key'], true);

  await versioned(
    inProject(tenant(db, 'sprints'), 'sprints')
      .addColumn('name', TEXT, (c) => c.notNull())
      .addColumn('goal', TEXT)
      .addColumn('start_date', TEXT)
      .addColumn('finish_date', TEXT)
      .addColumn('status', TEXT, (c) => c.notNull())
      .addColumn('capacity_points', REAL),
  ).execute();
  await index(db, 'sprints', 'project', ['workspace_id', 'project_id', 'name', 'id']);

  let workItems = inProject(tenant(db, 'work_items'), 'work_items');
  workItems = ref(workItems, 'work_items', 'parent_id', 'work_items');
  workItems = ref(workItems, 'work_items', 'calendar_id', 'calendars');
  workItems = ref(workItems, 'work_items', 'sprint_id', 'sprints');
  workItems = userRef(workItems, 'work_items', 'assignee_id', 'set null');
  await versioned(
    workItems
      .addColumn('parent_id', TEXT)
      .addColumn('key', TEXT, (c) => c.notNull())
      .addColumn('sort_key', REAL, (c) => c.notNull())
      .addColumn('wbs', TEXT)
      .addColumn('type', TEXT, (c) => c.notNull())
      .addColumn('track', TEXT)
      .addColumn('status', TEXT, (c) => c.notNull())
      .addColumn('name', TEXT, (c) => c.notNull())
      .addColumn('notes', TEXT)
      .addColumn('milestone', INT, (c) => c.notNull())
      .addColumn('duration_minutes', REAL, (c) => c.notNull())
      .addColumn('duration_unit', TEXT)
      .addColumn('elapsed', INT, (c) => c.notNull())
      .addColumn('duration_estimated', INT, (c) => c.notNull())
      .addColumn('estimate', TEXT)
      .addColumn('constraint_type', TEXT)
      .addColumn('constraint_date', TEXT)
      .addColumn('deadline', TEXT)
      .addColumn('calendar_id', TEXT)
      .addColumn('ignore_resource_calendar', INT, (c) => c.notNull())
      .addColumn('priority', INT)
      .addColumn('percent_complete', REAL)
      .addColumn('actual_start', TEXT)
      .addColumn('actual_finish', TEXT)
      .addColumn('remaining_minutes', REAL)
      .addColumn('manual_start', TEXT)
      .addColumn('manual_finish', TEXT)
      .addColumn('inactive', INT, (c) => c.notNull())
      .addColumn('fixed_cost', REAL)
      .addColumn('actual_cost', REAL)
      .addColumn('story_points', REAL)
      .addColumn('sprint_id', TEXT)
      .addColumn('labels', TEXT, (c) => c.notNull())
      .addColumn('assignee_id', TEXT)
      .addColumn('extra', TEXT, (c) => c.notNull()),
  ).execute();
  await index(db, 'work_items', 'key', ['workspace_id', 'project_id', 'key'], true);
  await index(db, 'work_items', 'outline', ['workspace_id', 'project_id', 'sort_key', 'id']);
  await index(db, 'work_items', 'parent', ['workspace_id', 'parent_id']);
  await index(db, 'work_items', 'sprint', ['workspace_id', 'sprint_id']);
  await index(db, 'work_items', 'calendar', ['workspace_id', 'calendar_id']);

  let dependencies = inProject(tenant(db, 'dependencies'), 'dependencies');
  dependencies = ref(dependencies, 'dependencies', 'predecessor_id', 'work_items', true);
  dependencies = ref(dependencies, 'dependencies', 'successor_id', 'work_items', true);
  await versioned(
    dependencies
      .addColumn('predecessor_id', TEXT, (c) => c.notNull())
      .addColumn('successor_id', TEXT, (c) => c.notNull())
      .addColumn('type', TEXT, (c) => c.notNull())
      .addColumn('lag_minutes', REAL, (c) => c.notNull())
      .addColumn('lag_percent', REAL)
      .addColumn('lag_elapsed', INT, (c) => c.notNull())
      .addColumn('lag_unit', TEXT),
  ).execute();
  await index(db, 'dependencies', 'pair', ['workspace_id', 'predecessor_id', 'successor_id'], true);
  await index(db, 'dependencies', 'successor', ['workspace_id', 'successor_id']);
  await index(db, 'dependencies', 'project', ['workspace_id', 'project_id', 'id']);

  let resources = inProject(tenant(db, 'resources'), 'resources');
  resources = ref(resources, 'resources', 'calendar_id', 'calendars');
  resources = userRef(resources, 'resources', 'user_id', 'set null');
  await versioned(
    resources
      .addColumn('key', TEXT, (c) => c.notNull())
      .addColumn('name', TEXT, (c) => c.notNull())
      .addColumn('type', TEXT, (c) => c.notNull())
      .addColumn('role', TEXT)
      .addColumn('skills', TEXT, (c) => c.notNull())
      .addColumn('user_id', TEXT)
      .addColumn('email', TEXT)
      .addColumn('group_name', TEXT)
      .addColumn('initials', TEXT)
      .addColumn('max_units', REAL)
      .addColumn('standard_rate', REAL)
      .addColumn('overtime_rate', REAL)
      .addColumn('cost_per_use', REAL)
      .addColumn('calendar_id', TEXT),
  ).execute();
  await index(db, 'resources', 'key', ['workspace_id', 'project_id', 'key'], true);
  await index(db, 'resources', 'calendar', ['workspace_id', 'calendar_id']);

  let assignments = inProject(tenant(db, 'assignments'), 'assignments');
  assignments = ref(assignments, 'assignments', 'work_item_id', 'work_items', true);
  assignments = ref(assignments, 'assignments', 'resource_id', 'resources', true);
  await versioned(
    assignments
      .addColumn('work_item_id', TEXT, (c) => c.notNull())
      .addColumn('resource_id', TEXT, (c) => c.notNull())
      .addColumn('key', TEXT)
      .addColumn('units', REAL, (c) => c.notNull())
      .addColumn('work_minutes', REAL)
      .addColumn('actual_work_minutes', REAL),
  ).execute();
  await index(db, 'assignments', 'project', ['workspace_id', 'project_id', 'id']);
  await index(db, 'assignments', 'work_item', ['workspace_id', 'work_item_id']);
  await index(db, 'assignments', 'resource', ['workspace_id', 'resource_id']);

  await versioned(
    inProject(tenant(db, 'baselines'), 'baselines')
      .addColumn('name', TEXT, (c) => c.notNull())
      .addColumn('snapshot', TEXT, (c) => c.notNull()),
  ).execute();
  await index(db, 'baselines', 'name', ['workspace_id', 'project_id', 'name'], true);

  await versioned(
    userRef(inProject(tenant(db, 'raid_entries'), 'raid_entries'), 'raid_entries', 'owner_id', 'set null')
      .addColumn('kind', TEXT, (c) => c.notNull())
      .addColumn('key', TEXT, (c) => c.notNull())
      .addColumn('title', TEXT, (c) => c.notNull())
      .addColumn('description', TEXT)
      .addColumn('category', TEXT)
      .addColumn('probability', REAL)
      .addColumn('impact', REAL)
      .addColumn('score', REAL)
      .addColumn('owner', TEXT)
      .addColumn('owner_id', TEXT)
      .addColumn('response_strategy', TEXT)
      .addColumn('response_plan', TEXT)
      .addColumn('trigger', TEXT)
      .addColumn('residual_score', REAL)
      .addColumn('status', TEXT, (c) => c.notNull())
      .addColumn('due_date', TEXT)
      .addColumn('linked_work_item_ids', TEXT, (c) => c.notNull())
      .addColumn('schedule_impact', TEXT)
      .addColumn('cost_impact', TEXT)
      .addColumn('context', TEXT)
      .addColumn('options', TEXT, (c) => c.notNull())
      .addColumn('decision', TEXT)
      .addColumn('consequences', TEXT),
  ).execute();
  await index(db, 'raid_entries', 'key', ['workspace_id', 'project_id', 'key'], true);
  await index(db, 'raid_entries', 'kind', ['workspace_id', 'project_id', 'kind', 'status']);

  await versioned(
    userRef(
      inProject(tenant(db, 'change_requests'), 'change_requests'),
      'change_requests',
      'requester_id',
      'set null',
    )
      .addColumn('key', TEXT, (c) => c.notNull())
      .addColumn('title', TEXT, (c) => c.notNull())
      .addColumn('description', TEXT)
      .addColumn('requester', TEXT)
      .addColumn('requester_id', TEXT)
      .addColumn('reason', TEXT)
      .addColumn('status', TEXT, (c) => c.notNull())
      .addColumn('schedule_impact_minutes', REAL)
      .addColumn('cost_impact_amount', REAL)
      .addColumn('scope_impact', TEXT)
      .addColumn('technical_impact', TEXT)
      .addColumn('affected_work_item_ids', TEXT, (c) => c.notNull())
      .addColumn('approvals', TEXT, (c) => c.notNull())
      .addColumn('rebaseline', INT, (c) => c.notNull())
      // No foreign key: the record of a decision outlives the baseline it created.
      .addColumn('baseline_id', TEXT)
      .addColumn('decided_at', TEXT),
  ).execute();
  await index(db, 'change_requests', 'key', ['workspace_id', 'project_id', 'key'], true);
  await index(db, 'change_requests', 'status', ['workspace_id', 'project_id', 'status']);

  await versioned(
    inProject(tenant(db, 'stakeholders'), 'stakeholders')
      .addColumn('name', TEXT, (c) => c.notNull())
      .addColumn('title', TEXT)
      .addColumn('organisation', TEXT)
      .addColumn('email', TEXT)
      .addColumn('influence', REAL)
      .addColumn('interest', REAL)
      .addColumn('attitude', TEXT)
      .addColumn('detail_level', TEXT, (c) => c.notNull())
      .addColumn('communication', TEXT, (c) => c.notNull())
      .addColumn('satisfaction', TEXT, (c) => c.notNull())
      .addColumn('notes', TEXT),
  ).execute();
  await index(db, 'stakeholders', 'project', ['workspace_id', 'project_id', 'name', 'id']);

  await versioned(
    inProject(tenant(db, 'requirements'), 'requirements')
      .addColumn('key', TEXT, (c) => c.notNull())
      .addColumn('title', TEXT, (c) => c.notNull())
      .addColumn('description', TEXT)
      .addColumn('kind', TEXT, (c) => c.notNull())
      .addColumn('category', TEXT)
      .addColumn('priority', TEXT)
      .addColumn('status', TEXT, (c) => c.notNull())
      .addColumn('acceptance_criteria', TEXT, (c) => c.notNull())
      .addColumn('links', TEXT, (c) => c.notNull()),
  ).execute();
  await index(db, 'requirements', 'key', ['workspace_id', 'project_id', 'key'], true);

  await versioned(
    inProject(tenant(db, 'releases'), 'releases')
      .addColumn('name', TEXT, (c) => c.notNull())
      .addColumn('tag', TEXT)
      .addColumn('description', TEXT)
      .addColumn('status', TEXT, (c) => c.notNull())
      .addColumn('environment', TEXT)
      .addColumn('planned_date', TEXT)
      .addColumn('actual_date', TEXT)
      .addColumn('cutover_checklist', TEXT, (c) => c.notNull())
      .addColumn('rollback_plan', TEXT)
      .addColumn('work_item_ids', TEXT, (c) => c.notNull()),
  ).execute();
  await index(db, 'releases', 'project', ['workspace_id', 'project_id', 'planned_date', 'id']);

  await versioned(
    userRef(inProject(tenant(db, 'comments'), 'comments', true), 'comments', 'author_id', 'set null')
      .addColumn('target_type', TEXT, (c) => c.notNull())
      .addColumn('target_id', TEXT, (c) => c.notNull())
      .addColumn('author_id', TEXT)
      .addColumn('body', TEXT, (c) => c.notNull()),
  ).execute();
  await index(db, 'comments', 'target', ['workspace_id', 'target_type', 'target_id', 'id']);

  // The audit log keeps no foreign keys but the workspace's: history outlives what it describes.
  await tenant(db, 'audit_log')
    .addColumn('at', TEXT, (c) => c.notNull())
    .addColumn('actor_id', TEXT)
    .addColumn('action', TEXT, (c) => c.notNull())
    .addColumn('entity_type', TEXT, (c) => c.notNull())
    .addColumn('entity_id', TEXT, (c) => c.notNull())
    .addColumn('project_id', TEXT)
    .addColumn('before', TEXT)
    .addColumn('after', TEXT)
    .execute();
  await index(db, 'audit_log', 'entity', ['workspace_id', 'entity_type', 'entity_id', 'id']);
  await index(db, 'audit_log', 'project', ['workspace_id', 'project_id', 'id']);

  await userRef(tenant(db, 'idempotency_keys'), 'idempotency_keys', 'user_id', 'cascade')
    .addColumn('key', TEXT, (c) => c.notNull())
    .addColumn('user_id', TEXT, (c) => c.notNull())
    .addColumn('request_hash', TEXT, (c) => c.notNull())
    .addColumn('response', TEXT, (c) => c.notNull())
    .addColumn('created_at', TEXT, (c) => c.notNull())
    .addColumn('expires_at', TEXT, (c) => c.notNull())
    .execute();
  await index(db, 'idempotency_keys', 'key', ['workspace_id', 'user_id', 'key'], true);
  await index(db, 'idempotency_keys', 'expires', ['expires_at']);
}

export async function down(db: Db): Promise<void> {
  const tables = [
    'idempotency_keys',
    'audit_log',
    'comments',
    'releases',
    'requirements',
    'stakeholders',
    'change_requests',
    'raid_entries',
    'baselines',
    'assignments',
    'resources',
    'dependencies',
    'work_items',
    'sprints',
    'calendars',
    'api_tokens',
    'invitations',
    'project_members',
    'projects',
    'workspace_members',
    'sessions',
    'users',
    'workspaces',
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
}
