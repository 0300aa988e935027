/**
 * Import jobs: `start` records a queued job and runs `importFile` in the background; each phase
 * (parsing, validating, saving) moves the job's progress and is published as a change of the job on
 * the project's live stream (`entity: 'import-jobs'`), and a successful import as a change of the
 * project. The job ends succeeded (with counts) or failed (with every problem and its location); an
 * error that is not the file's (the database went away) fails the job with a generic message and is
 * logged. One runner per app; `idle()` waits for the jobs in flight (shutdown, tests).
 */
import type { ImportFormat } from '@tandem/formats';
import type { Logger } from 'pino';
import type { ChangeAction, EventBus } from '../events/event-bus.ts';
import { NotFoundError } from '../repositories/errors.ts';
import {
  type ImportJob,
  createImportJob,
  finishImportJob,
  setImportJobProgress,
} from '../repositories/import-job-repository.ts';
import type { Db, WriteContext } from '../repositories/transaction.ts';
import { ImportProblems, importFile } from './import-file.ts';

export interface ImportUpload {
  bytes: Uint8Array;
  format: ImportFormat;
  fileName?: string | undefined;
}

export interface ImportJobDeps {
  db: Db;
  logger: Logger;
  events: EventBus;
  clock: () => Date;
}

export class ImportJobRunner {
  readonly #running = new Map<string, Promise<ImportJob | undefined>>();

  constructor(readonly deps: ImportJobDeps) {}

  /** Records the job (queued) and starts it; resolves with the queued job. */
  async start(ctx: WriteContext, projectId: string, upload: ImportUpload): Promise<ImportJob> {
    const job = await createImportJob(this.deps.db, ctx, {
      project_id: projectId,
      created_by: ctx.actorId,
      format: upload.format,
      file_name: upload.fileName ?? null,
      file_bytes: upload.bytes.length,
    });
    await this.#publish(ctx.workspaceId, projectId, 'import-jobs', job.id, job.version, 'created');
    const run = this.#run(ctx, job, upload).finally(() => this.#running.delete(job.id));
    this.#running.set(job.id, run);
    return job;
  }

  /** The finished job once job `id` is done (undefined when it is not running in this process). */
  finished(id: string): Promise<ImportJob | undefined> | undefined {
    return this.#running.get(id);
  }

  /** Waits for every job in flight. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running.values()]);
  }

  async #run(ctx: WriteContext, job: ImportJob, upload: ImportUpload): Promise<ImportJob | undefined> {
    const { db, logger } = this.deps;
    const ws = ctx.workspaceId;
    // Let the request that started the job answer first.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      const outcome = await importFile(db, ctx, job.project_id, upload.bytes, upload.format, {
        onProgress: async (phase, progress) => {
          const row = await setImportJobProgress(db, ws, job.id, phase, progress);
          await this.#publish(ws, job.project_id, 'import-jobs', job.id, row.version, 'updated');
        },
      });
      const done = await finishImportJob(db, ctx, job.id, {
        status: 'succeeded',
        format: outcome.format,
        result: outcome.result,
        warnings: outcome.warnings,
      });
      const project = await db
        .selectFrom('projects')
        .select('version')
        .where('workspace_id', '=', ws)
        .where('id', '=', job.project_id)
        .executeTakeFirst();
      await this.#publish(ws, job.project_id, 'projects', job.project_id, project?.version ?? 0, 'updated');
      await this.#publish(ws, job.project_id, 'import-jobs', job.id, done.version, 'updated');
      return done;
    } catch (error) {
      const problems =
        error instanceof ImportProblems
          ? error.problems
          : error instanceof NotFoundError
            ? [{ path: 'project', message: error.userMessage }]
            : [
                {
                  path: 'file',
                  message: 'The import failed on the server; it has been logged. Nothing was imported.',
                },
              ];
      if (!(error instanceof ImportProblems) && !(error instanceof NotFoundError))
        logger.error({ err: error, importJobId: job.id }, 'import job failed');
      try {
        const failed = await finishImportJob(db, ctx, job.id, {
          status: 'failed',
          errors: problems,
          warnings: [],
        });
        await this.#publish(ws, job.project_id, 'import-jobs', job.id, failed.version, 'updated');
        return failed;
      } catch (cannotRecord) {
        logger.warn(
          { err: cannotRecord, importJobId: job.id },
          'could not record the failure of an import job',
        );
        return undefined;
      }
    }
  }

  async #publish(
    workspaceId: string,
    projectId: string,
    entity: string,
    id: string,
    version: number,
    action: ChangeAction,
  ): Promise<void> {
    try {
      await this.deps.events.publish({
        workspaceId,
        projectId,
        entity,
        id,
        version,
        action,
        at: this.deps.clock().toISOString(),
      });
    } catch (error) {
      this.deps.logger.warn({ err: error, entity, id }, 'could not publish a change event');
    }
  }
}
