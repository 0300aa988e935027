/**
 * `runImportJob`: an import recorded as a job and run to its end in the caller's process (what
 * `tandem import` does; the API's runner does the same in the background). Resolves with the finished
 * job — succeeded, or failed with every problem of the file; an error that is not the file's is
 * recorded on the job and thrown.
 */
import type { ImportJob } from '../repositories/import-job-repository.ts';
import {
  createImportJob,
  finishImportJob,
  setImportJobProgress,
} from '../repositories/import-job-repository.ts';
import type { Db, WriteContext } from '../repositories/transaction.ts';
import { ImportProblems, type ImportPhase, importFile } from './import-file.ts';
import type { ImportUpload } from './import-jobs.ts';

export async function runImportJob(
  db: Db,
  ctx: WriteContext,
  projectId: string,
  upload: ImportUpload,
  onProgress?: (phase: ImportPhase, progress: number) => void,
): Promise<ImportJob> {
  const job = await createImportJob(db, ctx, {
    project_id: projectId,
    created_by: ctx.actorId,
    format: upload.format,
    file_name: upload.fileName ?? null,
    file_bytes: upload.bytes.length,
  });
  try {
    const outcome = await importFile(db, ctx, projectId, upload.bytes, upload.format, {
      onProgress: async (phase, progress) => {
        await setImportJobProgress(db, ctx.workspaceId, job.id, phase, progress);
        onProgress?.(phase, progress);
      },
    });
    return await finishImportJob(db, ctx, job.id, {
      status: 'succeeded',
      format: outcome.format,
      result: outcome.result,
      warnings: outcome.warnings,
    });
  } catch (error) {
    if (error instanceof ImportProblems)
      return finishImportJob(db, ctx, job.id, {
        status: 'failed',
        format: error.format,
        errors: error.problems,
        warnings: [],
      });
    await finishImportJob(db, ctx, job.id, {
      status: 'failed',
      errors: [{ path: 'file', message: (error as Error).message }],
      warnings: [],
    }).catch(() => undefined);
    throw error;
  }
}
