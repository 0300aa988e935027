/** An import job as the API shows it, and its OpenAPI schema. */
import { z } from '@hono/zod-openapi';
import type { ImportJob } from '../../repositories/import-job-repository.ts';

const Problem = z.object({ path: z.string(), message: z.string(), value: z.unknown().optional() });
const Counts = z.record(z.string(), z.number());

export const ImportJobSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    format: z.enum(['mspdi', 'csv', 'jira-csv', 'json', 'yaml']),
    fileName: z.string().nullable(),
    fileBytes: z.number().int(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    phase: z.enum(['queued', 'parsing', 'validating', 'saving', 'done']),
    progress: z.number().min(0).max(1),
    result: z
      .object({
        created: Counts,
        updated: Counts,
        deleted: Counts,
        sprintsCreated: z.number().int(),
        workItems: z.number().int(),
      })
      .nullable(),
    errors: z.array(Problem).openapi({
      description:
        'Every problem of a failed import, with its location: `line 12, column Duration` (CSV), an element path such as `Project/Tasks/Task[UID=3]/Start` (MSPDI) or `tasks[2].after[0]` (plan files).',
    }),
    warnings: z.array(z.string()),
    createdBy: z.string().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ImportJob');

export function presentImportJob(row: ImportJob) {
  return {
    id: row.id,
    projectId: row.project_id,
    format: row.format as z.infer<typeof ImportJobSchema>['format'],
    fileName: row.file_name,
    fileBytes: row.file_bytes,
    status: row.status,
    phase: row.phase,
    progress: row.progress,
    result: row.import_result,
    errors: row.import_errors,
    warnings: row.import_warnings,
    createdBy: row.created_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
