/**
 * Import jobs left queued or running by a server that stopped (a crash, a deploy) would otherwise
 * spin forever in the client. An import saves in one transaction, so such a job imported nothing:
 * `reapInterruptedImportJobs` fails every unfinished job whose last sign of life (`updated_at`, moved by
 * each progress tick) is before `staleBefore`, saying so and that the file can be uploaded again.
 *
 * At start-up the server reaps with `staleBefore` = now on SQLite (one server per database file, so
 * nothing else can be running them) and now − `STALE_IMPORT_MS` on PostgreSQL, where other servers
 * may be importing; reading a job (`GET /api/import-jobs/{id}`) reaps it when it has gone stale.
 */
import { VersionConflictError } from '../repositories/errors.ts';
import { type ImportJob, finishImportJob } from '../repositories/import-job-repository.ts';
import type { Db } from '../repositories/transaction.ts';

/** How long an unfinished job may go without progress before it counts as interrupted. */
export const STALE_IMPORT_MS = 15 * 60_000;

export const INTERRUPTED_IMPORT_MESSAGE =
  'The import was interrupted (the server stopped before it finished). Nothing was imported; upload the file again.';

const UNFINISHED = ['queued', 'running'] as const;

export function isStale(job: Pick<ImportJob, 'status' | 'updated_at'>, now: Date): boolean {
  return (
    (UNFINISHED as readonly string[]).includes(job.status) &&
    Date.parse(job.updated_at) < now.getTime() - STALE_IMPORT_MS
  );
}

/** Fails one interrupted job; undefined when it moved on meanwhile (finished or progressed). */
export async function reapImportJob(db: Db, job: ImportJob): Promise<ImportJob | undefined> {
  try {
    return await finishImportJob(
      db,
      { workspaceId: job.workspace_id, actorId: null },
      job.id,
      {
        status: 'failed',
        errors: [{ path: 'file', message: INTERRUPTED_IMPORT_MESSAGE }],
        warnings: [],
      },
      job.version,
    );
  } catch (error) {
    if (error instanceof VersionConflictError) return undefined;
    throw error;
  }
}

/** Fails every unfinished job last touched before `staleBefore`; returns those it failed. */
export async function reapInterruptedImportJobs(db: Db, staleBefore: Date): Promise<ImportJob[]> {
  const stuck = await db
    .selectFrom('import_jobs')
    .selectAll()
    .where('status', 'in', UNFINISHED)
    .where('updated_at', '<', staleBefore.toISOString())
    .execute();
  const reaped: ImportJob[] = [];
  for (const job of stuck) {
    const failed = await reapImportJob(db, job);
    if (failed) reaped.push(failed);
  }
  return reaped;
}
