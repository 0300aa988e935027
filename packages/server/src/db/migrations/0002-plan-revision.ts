/**
 * `projects.plan_revision`: a counter bumped by every write to anything `loadPlan` reads (the project
 * row, its calendars, resources, work items, dependencies, assignments, baselines and RAID entries),
 * in the write's transaction. Unlike `version` (the project row's own ETag) it moves when a task
 * changes, so a server can keep a project's loaded plan and schedule and know, with one read of this
 * column, whether they are still current — also when another process made the change.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('projects')
    .addColumn('plan_revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('projects').dropColumn('plan_revision').execute();
}
