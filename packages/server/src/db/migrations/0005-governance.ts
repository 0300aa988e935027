/**
 * Governance (issue 7): scored risks with residuals and escalated issues in the RAID log, a risk
 * matrix per project, change sets and their impact analysis on change requests, PM/TPM sign-offs
 * (of change requests and phase gates), the change log, scenarios (what-if copies of the plan) and
 * phase gates. Same portable column types as 0001: text, integer, double precision.
 */
import type { CreateTableBuilder, Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;
type Table = CreateTableBuilder<string, string>;

const TEXT = 'text';
const INT = 'integer';
const REAL = 'double precision';

function tenant(db: Db, name: string): Table {
  return db.schema
    .createTable(name)
    .addColumn('workspace_id', TEXT, (c) => c.notNull())
    .addColumn('id', TEXT, (c) => c.notNull())
    .addPrimaryKeyConstraint(`${name}_pk`, ['workspace_id', 'id'])
    .addForeignKeyConstraint(`${name}_workspace_fk`, ['workspace_id'], 'workspaces', ['id'], (f) =>
      f.onDelete('cascade'),
    )
    .addColumn('project_id', TEXT, (c) => c.notNull())
    .addForeignKeyConstraint(
      `${name}_project_fk`,
      ['workspace_id', 'project_id'],
      'projects',
      ['workspace_id', 'id'],
      (f) => f.onDelete('cascade'),
    );
}

function versioned(t: Table): Table {
  return t
    .addColumn('version', INT, (c) => c.notNull())
    .addColumn('created_at', TEXT, (c) => c.notNull())
    .addColumn('updated_at', TEXT, (c) => c.notNull());
}

const userRef = (t: Table, name: string, column: string) =>
  t.addForeignKeyConstraint(`${name}_${column}_fk`, [column], 'users', ['id'], (f) => f.onDelete('set null'));

async function index(db: Db, table: string, name: string, columns: string[], unique = false) {
  let b = db.schema.createIndex(`${table}_${name}`).on(table).columns(columns);
  if (unique) b = b.unique();
  await b.execute();
}

export async function up(db: Db): Promise<void> {
  for (const [column, type] of [
    ['residual_probability', REAL],
    ['residual_impact', REAL],
    ['escalation_level', INT],
    ['escalated_to', TEXT],
    ['escalated_at', TEXT],
  ] as const)
    await db.schema.alterTable('raid_entries').addColumn(column, type).execute();

  await db.schema
    .alterTable('change_requests')
    .addColumn('change_set', TEXT, (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('change_requests').addColumn('impact_analysis', TEXT).execute();
  await db.schema.alterTable('change_requests').addColumn('applied_at', TEXT).execute();

  await versioned(
    tenant(db, 'risk_matrices')
      .addColumn('probability_levels', TEXT, (c) => c.notNull())
      .addColumn('impact_levels', TEXT, (c) => c.notNull())
      .addColumn('rating_thresholds', TEXT, (c) => c.notNull()),
  ).execute();
  await index(db, 'risk_matrices', 'project', ['workspace_id', 'project_id'], true);

  await userRef(tenant(db, 'sign_offs'), 'sign_offs', 'user_id')
    .addColumn('target_type', TEXT, (c) => c.notNull())
    .addColumn('target_id', TEXT, (c) => c.notNull())
    .addColumn('role', TEXT, (c) => c.notNull())
    .addColumn('user_id', TEXT)
    .addColumn('decision', TEXT, (c) => c.notNull())
    .addColumn('comment', TEXT)
    .addColumn('created_at', TEXT, (c) => c.notNull())
    .execute();
  await index(db, 'sign_offs', 'target', ['workspace_id', 'target_type', 'target_id', 'created_at']);

  await userRef(tenant(db, 'change_log'), 'change_log', 'actor_id')
    .addColumn('change_request_id', TEXT)
    .addColumn('action', TEXT, (c) => c.notNull())
    .addColumn('actor_id', TEXT)
    .addColumn('summary', TEXT, (c) => c.notNull())
    .addColumn('log_details', TEXT, (c) => c.notNull())
    .addColumn('created_at', TEXT, (c) => c.notNull())
    .execute();
  await index(db, 'change_log', 'project', ['workspace_id', 'project_id', 'created_at', 'id']);

  await versioned(
    userRef(tenant(db, 'scenarios'), 'scenarios', 'created_by')
      .addColumn('name', TEXT, (c) => c.notNull())
      .addColumn('description', TEXT)
      .addColumn('change_set', TEXT, (c) => c.notNull())
      .addColumn('comparison', TEXT)
      .addColumn('status', TEXT, (c) => c.notNull())
      .addColumn('created_by', TEXT)
      .addColumn('decided_at', TEXT),
  ).execute();
  await index(db, 'scenarios', 'project', ['workspace_id', 'project_id', 'status']);

  await versioned(
    userRef(tenant(db, 'phase_gates'), 'phase_gates', 'passed_by')
      .addColumn('phase', TEXT, (c) => c.notNull())
      .addColumn('checklist', TEXT, (c) => c.notNull())
      .addColumn('gate_criteria', TEXT, (c) => c.notNull())
      .addColumn('status', TEXT, (c) => c.notNull())
      .addColumn('passed_at', TEXT)
      .addColumn('passed_by', TEXT),
  ).execute();
  await index(db, 'phase_gates', 'phase', ['workspace_id', 'project_id', 'phase'], true);
}

export async function down(db: Db): Promise<void> {
  for (const table of ['phase_gates', 'scenarios', 'change_log', 'sign_offs', 'risk_matrices'])
    await db.schema.dropTable(table).execute();
  for (const column of ['applied_at', 'impact_analysis', 'change_set'])
    await db.schema.alterTable('change_requests').dropColumn(column).execute();
  for (const column of [
    'escalated_at',
    'escalated_to',
    'escalation_level',
    'residual_impact',
    'residual_probability',
  ])
    await db.schema.alterTable('raid_entries').dropColumn(column).execute();
}
