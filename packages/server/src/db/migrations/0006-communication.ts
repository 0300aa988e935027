/**
 * Stakeholder communication and meetings (issue 7 §5, §7, §8):
 *
 * - `communication_plan_entries`: who is told what (audience or one stakeholder), how often
 *   (cadence), how (channel), by whom (owner), from which date, and when it was last done — the
 *   next due date is computed from these (core `communication/`);
 * - `satisfaction_scores`: a stakeholder's satisfaction 0..10 on a date, with a note (the PM's third
 *   KPI, over time);
 * - `meetings`: stand-ups, status meetings and gate reviews with agenda, notes, decisions, attendees;
 * - `action_items`: what a meeting agreed someone would do; `work_item_id` once converted into a work
 *   item (no foreign key: deleting the work item must stay possible, and the action keeps its text);
 * - `projects.staffing_profile`: the staffing advisor's profile of the project, when the team saved one.
 *
 * Same portable column types and key rules as 0001.
 */
import type { CreateTableBuilder, Kysely } from 'kysely';

// Migrations are frozen in time: they must not depend on today's `Database` interface.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;
type Table = CreateTableBuilder<string, string>;

const TEXT = 'text';
const INT = 'integer';
const REAL = 'double precision';

function inProject(db: Db, name: string): Table {
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
    )
    .addColumn('version', INT, (c) => c.notNull())
    .addColumn('created_at', TEXT, (c) => c.notNull())
    .addColumn('updated_at', TEXT, (c) => c.notNull());
}

/** A cascading reference to another row of the same workspace. */
function ref(t: Table, name: string, column: string, table: string, nullable: boolean): Table {
  return t
    .addColumn(column, TEXT, (c) => (nullable ? c : c.notNull()))
    .addForeignKeyConstraint(
      `${name}_${column}_fk`,
      ['workspace_id', column],
      table,
      ['workspace_id', 'id'],
      (f) => f.onDelete('cascade'),
    );
}

function owner(t: Table, name: string): Table {
  return t
    .addColumn('owner_id', TEXT)
    .addForeignKeyConstraint(`${name}_owner_id_fk`, ['owner_id'], 'users', ['id'], (f) =>
      f.onDelete('set null'),
    );
}

export async function up(db: Db): Promise<void> {
  await owner(
    ref(
      inProject(db, 'communication_plan_entries'),
      'communication_plan_entries',
      'stakeholder_id',
      'stakeholders',
      true,
    ),
    'communication_plan_entries',
  )
    .addColumn('audience', TEXT, (c) => c.notNull())
    .addColumn('purpose', TEXT)
    .addColumn('cadence', TEXT, (c) => c.notNull())
    .addColumn('channel', TEXT, (c) => c.notNull())
    .addColumn('detail_level', TEXT)
    .addColumn('owner', TEXT)
    .addColumn('start_date', TEXT, (c) => c.notNull())
    .addColumn('last_done_on', TEXT)
    .addColumn('active', INT, (c) => c.notNull())
    .addColumn('notes', TEXT)
    .execute();
  await db.schema
    .createIndex('communication_plan_entries_project')
    .on('communication_plan_entries')
    .columns(['workspace_id', 'project_id', 'audience', 'id'])
    .execute();

  await ref(
    inProject(db, 'satisfaction_scores'),
    'satisfaction_scores',
    'stakeholder_id',
    'stakeholders',
    false,
  )
    .addColumn('score', REAL, (c) => c.notNull())
    .addColumn('scored_on', TEXT, (c) => c.notNull())
    .addColumn('note', TEXT)
    .execute();
  await db.schema
    .createIndex('satisfaction_scores_project')
    .on('satisfaction_scores')
    .columns(['workspace_id', 'project_id', 'scored_on', 'id'])
    .execute();

  await inProject(db, 'meetings')
    .addColumn('kind', TEXT, (c) => c.notNull())
    .addColumn('title', TEXT, (c) => c.notNull())
    .addColumn('held_on', TEXT, (c) => c.notNull())
    .addColumn('attendees', TEXT, (c) => c.notNull())
    .addColumn('agenda', TEXT, (c) => c.notNull())
    .addColumn('notes', TEXT)
    .addColumn('decisions', TEXT, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meetings_project')
    .on('meetings')
    .columns(['workspace_id', 'project_id', 'held_on', 'id'])
    .execute();

  await owner(
    ref(inProject(db, 'action_items'), 'action_items', 'meeting_id', 'meetings', false),
    'action_items',
  )
    .addColumn('text', TEXT, (c) => c.notNull())
    .addColumn('owner', TEXT)
    .addColumn('due_date', TEXT)
    .addColumn('status', TEXT, (c) => c.notNull())
    .addColumn('work_item_id', TEXT)
    .execute();
  await db.schema
    .createIndex('action_items_meeting')
    .on('action_items')
    .columns(['workspace_id', 'meeting_id', 'id'])
    .execute();
  await db.schema
    .createIndex('action_items_project')
    .on('action_items')
    .columns(['workspace_id', 'project_id', 'status', 'id'])
    .execute();

  await db.schema.alterTable('projects').addColumn('staffing_profile', TEXT).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('projects').dropColumn('staffing_profile').execute();
  for (const table of ['action_items', 'meetings', 'satisfaction_scores', 'communication_plan_entries'])
    await db.schema.dropTable(table).execute();
}
