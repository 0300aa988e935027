/**
 * Engineering signals (issue 6 §2–4): webhook configurations per project and provider, every delivery
 * (raw body and what it meant), and the signals themselves — deployments, changes (commits), incidents,
 * CI runs with coverage — plus SLOs and their availability samples. Same portable column types as
 * 0001: text, integer, double precision.
 *
 * Signals link to a release (`release_id`, nullable, no foreign key: deleting a release must not be
 * refused because a deployment once named it) and to work items (`work_item_ids`, JSON, like
 * `releases.work_item_ids`). Each signal is unique per project, provider and the provider's own id
 * (`external_id`), so a redelivered or updated event updates its row instead of adding one.
 */
import type { CreateTableBuilder, Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;
type Table = CreateTableBuilder<string, string>;

const TEXT = 'text';
const INT = 'integer';
const REAL = 'double precision';

/** Tenant key, version and timestamps, and the project (cascading). */
function projectTable(db: Db, name: string): Table {
  return db.schema
    .createTable(name)
    .addColumn('workspace_id', TEXT, (c) => c.notNull())
    .addColumn('id', TEXT, (c) => c.notNull())
    .addColumn('version', INT, (c) => c.notNull())
    .addColumn('created_at', TEXT, (c) => c.notNull())
    .addColumn('updated_at', TEXT, (c) => c.notNull())
    .addColumn('project_id', TEXT, (c) => c.notNull())
    .addPrimaryKeyConstraint(`${name}_pk`, ['workspace_id', 'id'])
    .addForeignKeyConstraint(`${name}_workspace_fk`, ['workspace_id'], 'workspaces', ['id'], (f) =>
      f.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      `${name}_project_fk`,
      ['workspace_id', 'project_id'],
      'projects',
      ['workspace_id', 'id'],
      (f) => f.onDelete('cascade'),
    );
}

/** Columns every signal has. */
function signal(t: Table): Table {
  return t
    .addColumn('provider', TEXT, (c) => c.notNull())
    .addColumn('external_id', TEXT, (c) => c.notNull())
    .addColumn('delivery_id', TEXT)
    .addColumn('source', TEXT)
    .addColumn('url', TEXT)
    .addColumn('release_id', TEXT)
    .addColumn('work_item_ids', TEXT, (c) => c.notNull());
}

async function index(db: Db, table: string, name: string, columns: string[], unique = false) {
  let b = db.schema.createIndex(`${table}_${name}`).on(table).columns(columns);
  if (unique) b = b.unique();
  await b.execute();
}

export async function up(db: Db): Promise<void> {
  await projectTable(db, 'hook_configs')
    .addColumn('provider', TEXT, (c) => c.notNull())
    .addColumn('name', TEXT, (c) => c.notNull())
    // The shared secret: the HMAC key (GitHub, CircleCI) or the token (GitLab, Jenkins, alerts). Never
    // shown after creation, never logged, redacted in the audit log.
    .addColumn('secret', TEXT, (c) => c.notNull())
    .addColumn('secret_hint', TEXT, (c) => c.notNull())
    .addColumn('repository', TEXT)
    .addColumn('active', INT, (c) => c.notNull())
    .addColumn('last_delivery_at', TEXT)
    .execute();
  await index(db, 'hook_configs', 'project', ['workspace_id', 'project_id']);
  await index(db, 'hook_configs', 'id', ['id'], true);

  await projectTable(db, 'hook_deliveries')
    .addColumn('hook_id', TEXT, (c) => c.notNull())
    .addColumn('provider', TEXT, (c) => c.notNull())
    .addColumn('delivery_id', TEXT, (c) => c.notNull())
    .addColumn('event', TEXT, (c) => c.notNull())
    .addColumn('headers', TEXT, (c) => c.notNull())
    .addColumn('raw_body', TEXT, (c) => c.notNull())
    .addColumn('parsed', TEXT)
    .addColumn('status', TEXT, (c) => c.notNull())
    .addColumn('error', TEXT)
    .addColumn('signal_count', INT, (c) => c.notNull())
    .addColumn('received_at', TEXT, (c) => c.notNull())
    .addColumn('processed_at', TEXT)
    .addForeignKeyConstraint(
      'hook_deliveries_hook_fk',
      ['workspace_id', 'hook_id'],
      'hook_configs',
      ['workspace_id', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .execute();
  await index(
    db,
    'hook_deliveries',
    'unique',
    ['workspace_id', 'project_id', 'provider', 'delivery_id'],
    true,
  );
  await index(db, 'hook_deliveries', 'hook', ['workspace_id', 'hook_id', 'received_at']);

  await signal(projectTable(db, 'deployments'))
    .addColumn('environment', TEXT, (c) => c.notNull())
    .addColumn('status', TEXT, (c) => c.notNull())
    .addColumn('sha', TEXT)
    .addColumn('ref', TEXT)
    .addColumn('deployed_at', TEXT, (c) => c.notNull())
    .execute();

  await signal(projectTable(db, 'changes'))
    .addColumn('sha', TEXT, (c) => c.notNull())
    .addColumn('message', TEXT, (c) => c.notNull())
    .addColumn('author', TEXT)
    .addColumn('branch', TEXT)
    .addColumn('committed_at', TEXT, (c) => c.notNull())
    .addColumn('landed_as', TEXT)
    .addColumn('landed_at', TEXT)
    .addColumn('pull_request', INT)
    .execute();

  await signal(projectTable(db, 'incidents'))
    .addColumn('title', TEXT, (c) => c.notNull())
    .addColumn('state', TEXT, (c) => c.notNull())
    .addColumn('severity', TEXT)
    .addColumn('origin', TEXT, (c) => c.notNull())
    .addColumn('opened_at', TEXT, (c) => c.notNull())
    .addColumn('resolved_at', TEXT)
    .addColumn('root_causes', TEXT, (c) => c.notNull())
    .addColumn('deployment_id', TEXT)
    .execute();

  await signal(projectTable(db, 'ci_runs'))
    .addColumn('name', TEXT, (c) => c.notNull())
    .addColumn('status', TEXT, (c) => c.notNull())
    .addColumn('sha', TEXT)
    .addColumn('branch', TEXT)
    .addColumn('started_at', TEXT)
    .addColumn('finished_at', TEXT)
    .addColumn('coverage', REAL)
    .execute();

  for (const table of ['deployments', 'changes', 'incidents', 'ci_runs'])
    await index(db, table, 'external', ['workspace_id', 'project_id', 'provider', 'external_id'], true);
  await index(db, 'deployments', 'time', ['workspace_id', 'project_id', 'deployed_at']);
  await index(db, 'changes', 'sha', ['workspace_id', 'project_id', 'sha']);
  await index(db, 'incidents', 'time', ['workspace_id', 'project_id', 'opened_at']);
  await index(db, 'ci_runs', 'time', ['workspace_id', 'project_id', 'started_at']);

  await projectTable(db, 'slos')
    .addColumn('name', TEXT, (c) => c.notNull())
    .addColumn('description', TEXT)
    .addColumn('objective', REAL, (c) => c.notNull())
    .addColumn('window_days', INT, (c) => c.notNull())
    // 'samples': good/total measurements; 'incidents': downtime from the project's incidents
    .addColumn('method', TEXT, (c) => c.notNull())
    // incidents mode: only incidents whose source is this service (all when null)
    .addColumn('service', TEXT)
    .execute();
  await index(db, 'slos', 'project', ['workspace_id', 'project_id']);

  await projectTable(db, 'slo_samples')
    .addColumn('slo_id', TEXT, (c) => c.notNull())
    .addColumn('at', TEXT, (c) => c.notNull())
    .addColumn('good', REAL, (c) => c.notNull())
    .addColumn('total', REAL, (c) => c.notNull())
    .addForeignKeyConstraint(
      'slo_samples_slo_fk',
      ['workspace_id', 'slo_id'],
      'slos',
      ['workspace_id', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .execute();
  await index(db, 'slo_samples', 'slo', ['workspace_id', 'slo_id', 'at']);
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'slo_samples',
    'slos',
    'ci_runs',
    'incidents',
    'changes',
    'deployments',
    'hook_deliveries',
    'hook_configs',
  ])
    await db.schema.dropTable(table).execute();
}
