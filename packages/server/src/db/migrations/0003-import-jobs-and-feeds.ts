/**
 * Imports and calendar feeds (issue 6): `import_jobs` records each file import into a project — its
 * format, status (queued → running → succeeded | failed), progress 0..1 and phase, what it changed
 * and every problem found, with its location — and `calendar_feeds` the subscribable iCalendar feeds
 * of a project, each found by the SHA-256 of its secret token (only a prefix is kept to show).
 * Same portable column types as 0001.
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
    .addColumn('created_by', TEXT)
    .addForeignKeyConstraint(`${name}_created_by_fk`, ['created_by'], 'users', ['id'], (f) =>
      f.onDelete('set null'),
    )
    .addColumn('version', INT, (c) => c.notNull())
    .addColumn('created_at', TEXT, (c) => c.notNull())
    .addColumn('updated_at', TEXT, (c) => c.notNull());
}

export async function up(db: Db): Promise<void> {
  await inProject(db, 'import_jobs')
    .addColumn('format', TEXT, (c) => c.notNull())
    .addColumn('file_name', TEXT)
    .addColumn('file_bytes', INT, (c) => c.notNull())
    .addColumn('status', TEXT, (c) => c.notNull())
    .addColumn('phase', TEXT, (c) => c.notNull())
    .addColumn('progress', REAL, (c) => c.notNull())
    .addColumn('import_result', TEXT)
    .addColumn('import_errors', TEXT, (c) => c.notNull())
    .addColumn('import_warnings', TEXT, (c) => c.notNull())
    .addColumn('started_at', TEXT)
    .addColumn('finished_at', TEXT)
    .execute();
  await db.schema
    .createIndex('import_jobs_project')
    .on('import_jobs')
    .columns(['workspace_id', 'project_id', 'id'])
    .execute();

  await inProject(db, 'calendar_feeds')
    .addColumn('name', TEXT, (c) => c.notNull())
    .addColumn('prefix', TEXT, (c) => c.notNull())
    .addColumn('token_hash', TEXT, (c) => c.notNull().unique())
    .addColumn('last_used_at', TEXT)
    .addColumn('revoked_at', TEXT)
    .execute();
  await db.schema
    .createIndex('calendar_feeds_project')
    .on('calendar_feeds')
    .columns(['workspace_id', 'project_id', 'id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.dropTable('import_jobs').execute();
}
