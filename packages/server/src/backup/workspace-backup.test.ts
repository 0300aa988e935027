import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../db/open-database.ts';
import { ENGINES, type TestDatabase, openTestDatabase, requireEngines } from '../db/test-engines.ts';
import { createApiToken } from '../repositories/api-token-repository.ts';
import { createCalendarFeed } from '../repositories/calendar-feed-repository.ts';
import { createComment } from '../repositories/comment-repository.ts';
import { ConstraintError, ValidationError } from '../repositories/errors.ts';
import { saveIdempotencyKey } from '../repositories/idempotency-key-repository.ts';
import { createImportJob, finishImportJob } from '../repositories/import-job-repository.ts';
import { createInvitation } from '../repositories/invitation-repository.ts';
import { loadPlan } from '../repositories/plan-repository.ts';
import { createSession } from '../repositories/session-repository.ts';
import { newProject, newWorkspace } from '../repositories/testing.ts';
import { type SeedResult, seedDemoWorkspace } from '../seed/seed-demo-workspace.ts';
import {
  BACKUP_TABLES,
  type WorkspaceBackup,
  backupWorkspace,
  restoreWorkspace,
} from './workspace-backup.ts';

const hashPassword = async (p: string) => `test-hash:${p}`;

/** A seeded demo workspace plus a row in every table the seed leaves empty, and another workspace. */
async function fill(db: TestDatabase['db']): Promise<SeedResult> {
  const seeded = (await seedDemoWorkspace(db, { hashPassword }))!;
  const ctx = { workspaceId: seeded.workspace.id, actorId: seeded.owner.id };
  const project = seeded.projects.banking;
  const item = await db
    .selectFrom('work_items')
    .select('id')
    .where('project_id', '=', project.id)
    .executeTakeFirstOrThrow();
  await createComment(db, ctx, {
    project_id: project.id,
    target_type: 'work_item',
    target_id: item.id,
    author_id: seeded.owner.id,
    body: 'Looks right — “quotes”, émojis 🚀 and\nnew lines',
  });
  await createInvitation(db, ctx, {
    email: 'new@example.test',
    role: 'member',
    project_id: project.id,
    project_role: 'member',
    token_hash: 'inv-hash',
    invited_by: seeded.owner.id,
    expires_at: '2099-01-01T00:00:00.000Z',
  });
  await createApiToken(db, ctx, {
    user_id: seeded.owner.id,
    name: 'CI',
    prefix: 'tdm_ab',
    token_hash: 'tok-hash',
  });
  await saveIdempotencyKey(db, {
    workspace_id: ctx.workspaceId,
    key: 'k1',
    user_id: seeded.owner.id,
    request_hash: 'r',
    response: { status: 201, body: { ok: true } },
    expires_at: '2099-01-01T00:00:00.000Z',
  });
  await createSession(db, {
    user_id: seeded.owner.id,
    token_hash: 'session-hash',
    csrf_token: 'csrf',
    expires_at: '2099-01-01T00:00:00.000Z',
    user_agent: null,
    ip: null,
  });
  // Imports and calendar feeds (0003): a failed import job (JSON columns filled) and a feed.
  const job = await createImportJob(db, ctx, {
    project_id: project.id,
    created_by: seeded.owner.id,
    format: 'csv',
    file_name: 'plan.csv',
    file_bytes: 12,
  });
  await finishImportJob(db, ctx, job.id, {
    status: 'failed',
    errors: [{ path: 'line 2, column Duration', message: 'expected a duration', value: '5x' }],
    warnings: ['line 1: columns not imported: Cost'],
  });
  await createCalendarFeed(db, ctx, {
    project_id: project.id,
    created_by: seeded.owner.id,
    name: 'Milestones',
    prefix: 'tdmcal_abcdef',
    token_hash: 'feed-hash',
  });
  const other = await newWorkspace(db, 'Someone else');
  await newProject(db, other.ctx, { name: 'Not in the backup' });
  return seeded;
}

const PAIRS: [Engine, Engine][] = ENGINES.flatMap((from) =>
  ENGINES.map((to): [Engine, Engine] => [from, to]),
);

interface Source {
  db: TestDatabase;
  seeded: SeedResult;
  backup: WorkspaceBackup;
}

/** One filled database per engine, shared by the blocks of this file (seeding is the slow part). */
const sources = new Map<Engine, Promise<Source>>();
function source(engine: Engine): Promise<Source> {
  let s = sources.get(engine);
  if (!s) {
    s = (async () => {
      const db = await openTestDatabase(engine);
      const seeded = await fill(db.db);
      return { db, seeded, backup: await backupWorkspace(db.db, seeded.workspace.id) };
    })();
    sources.set(engine, s);
  }
  return s;
}
afterAll(async () => {
  for (const s of sources.values()) await (await s).db.destroy();
});

describe.each(PAIRS)('backup on %s, restore on %s', (from, to) => {
  if (!requireEngines([from, to])) return;
  let source_: Source;
  let target: TestDatabase;
  let seeded: SeedResult;
  let backup: WorkspaceBackup;
  beforeAll(async () => {
    [source_, target] = await Promise.all([source(from), openTestDatabase(to)]);
    ({ seeded, backup } = source_);
  });
  afterAll(async () => {
    await target?.destroy();
  });

  it('backs up every table of the workspace and nothing of another', () => {
    for (const table of ['workspaces', 'users', ...BACKUP_TABLES] as const)
      expect(backup.tables[table].length, table).toBeGreaterThan(0);
    const all = JSON.stringify(backup);
    expect(all).not.toContain('Not in the backup');
    expect(all).not.toContain('session-hash');
  });

  it('restores it, and a backup of the restored copy is identical', async () => {
    const result = await restoreWorkspace(target.db, JSON.parse(JSON.stringify(backup)));
    expect(result.rows.work_items).toBe(backup.tables.work_items.length);
    const again = await backupWorkspace(target.db, seeded.workspace.id);
    expect(JSON.stringify(again)).toBe(JSON.stringify(backup));
    for (const p of Object.values(seeded.projects))
      expect(await loadPlan(target.db, seeded.workspace.id, p.id)).toEqual(
        await loadPlan(source_.db.db, seeded.workspace.id, p.id),
      );
  });

  it('refuses to restore over an existing workspace, changing nothing', async () => {
    const before = await backupWorkspace(target.db, seeded.workspace.id);
    await expect(restoreWorkspace(target.db, backup)).rejects.toBeInstanceOf(ConstraintError);
    expect(await backupWorkspace(target.db, seeded.workspace.id)).toEqual(before);
  });
});

describe.each(ENGINES)('restore is all-or-nothing [%s]', (engine) => {
  if (!requireEngines([engine])) return;
  let db: TestDatabase;
  let backup: WorkspaceBackup;
  beforeAll(async () => {
    [{ backup }, db] = await Promise.all([source('sqlite'), openTestDatabase(engine)]);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('a row that breaks a reference, late in the restore, leaves the database as it was', async () => {
    const broken = structuredClone(backup);
    broken.tables.comments[0]!.project_id = '00000000-0000-7000-8000-000000000000';
    await expect(restoreWorkspace(db.db, broken)).rejects.toBeInstanceOf(ConstraintError);
    expect(await db.db.selectFrom('workspaces').selectAll().execute()).toEqual([]);
    expect(await db.db.selectFrom('users').selectAll().execute()).toEqual([]);
    expect(await db.db.selectFrom('work_items').selectAll().execute()).toEqual([]);
  });

  it('names every problem of a document that is not a backup', async () => {
    const bad = {
      ...backup,
      format: 'zip',
      formatVersion: 9,
      tables: { ...backup.tables, nope: [], comments: [{ workspace_id: 'x' }] },
    };
    const attempt = restoreWorkspace(db.db, bad);
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: 'format' }),
        expect.objectContaining({ path: 'formatVersion' }),
        expect.objectContaining({ path: 'tables.nope' }),
        expect.objectContaining({ path: 'tables.comments[0].workspace_id' }),
      ]),
    });
    await expect(restoreWorkspace(db.db, 'not json')).rejects.toBeInstanceOf(ValidationError);
  });

  it('then restores the intact backup', async () => {
    await restoreWorkspace(db.db, backup);
    expect(JSON.stringify(await backupWorkspace(db.db, backup.workspaceId))).toBe(JSON.stringify(backup));
  });
});
