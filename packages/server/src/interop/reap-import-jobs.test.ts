/**
 * Import jobs a stopped server left unfinished end failed, saying why, at start-up and when read once
 * stale; finished jobs, fresh ones and ones still running in this process are left alone.
 */
import { expect, it } from 'vitest';
import { describeEngines } from '../db/test-engines.ts';
import { json, testApp, testWorkspace } from '../http/testing.ts';
import {
  createImportJob,
  finishImportJob,
  getImportJob,
  setImportJobProgress,
} from '../repositories/import-job-repository.ts';
import type { Db, WriteContext } from '../repositories/transaction.ts';
import {
  INTERRUPTED_IMPORT_MESSAGE,
  STALE_IMPORT_MS,
  reapInterruptedImportJobs,
} from './reap-import-jobs.ts';

function newJob(db: Db, ctx: WriteContext, projectId: string) {
  return createImportJob(db, ctx, {
    project_id: projectId,
    created_by: ctx.actorId,
    format: 'mspdi',
    file_name: 'plan.xml',
    file_bytes: 10,
  });
}

describeEngines('interrupted import jobs', (t) => {
  it('fails the unfinished jobs last touched before the cut-off, and only those', async () => {
    const w = await testWorkspace(t.db);
    const queued = await newJob(t.db, w.ctx, w.project.id);
    const running = await newJob(t.db, w.ctx, w.project.id);
    await setImportJobProgress(t.db, w.workspace.id, running.id, 'saving', 0.8);
    const done = await newJob(t.db, w.ctx, w.project.id);
    await finishImportJob(t.db, w.ctx, done.id, {
      status: 'succeeded',
      result: { created: {}, updated: {}, deleted: {} } as never,
      warnings: [],
    });
    const cutOff = new Date(Date.now() + 1000);
    await new Promise((r) => setTimeout(r, 1100));
    const fresh = await newJob(t.db, w.ctx, w.project.id);

    const reaped = await reapInterruptedImportJobs(t.db, cutOff);

    expect(reaped.map((j) => j.id).sort()).toEqual([queued.id, running.id].sort());
    for (const id of [queued.id, running.id]) {
      expect(await getImportJob(t.db, w.workspace.id, id)).toMatchObject({
        status: 'failed',
        phase: 'done',
        progress: 1,
        import_errors: [{ path: 'file', message: INTERRUPTED_IMPORT_MESSAGE }],
      });
    }
    expect((await getImportJob(t.db, w.workspace.id, done.id)).status).toBe('succeeded');
    expect((await getImportJob(t.db, w.workspace.id, fresh.id)).status).toBe('queued');
    expect(await reapInterruptedImportJobs(t.db, cutOff)).toEqual([]);
  });

  it('reading a job that has made no progress for too long answers it failed', async () => {
    const w = await testWorkspace(t.db);
    const job = await newJob(t.db, w.ctx, w.project.id);
    await setImportJobProgress(t.db, w.workspace.id, job.id, 'parsing', 0.1);
    const read = (app: ReturnType<typeof testApp>) =>
      json(app, 'GET', `/api/import-jobs/${job.id}`, { as: w.actors.viewer });

    const now = testApp(t.db, t.engine);
    expect((await read(now)).body).toMatchObject({ status: 'running', progress: 0.1 });

    const later = testApp(t.db, t.engine, { clock: () => new Date(Date.now() + STALE_IMPORT_MS + 60_000) });
    const answer = await read(later);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'failed',
      progress: 1,
      errors: [{ path: 'file', message: INTERRUPTED_IMPORT_MESSAGE }],
    });
    expect((await read(now)).body).toMatchObject({ status: 'failed' });
  });
});
