/**
 * Import jobs: one row per file imported into a project. Created queued; the runner moves it through
 * its phases (`setImportJobProgress`: no audit entry, a progress tick is not a change anyone reviews)
 * and finishes it once, audited, as succeeded (with what it changed) or failed (with every problem).
 */
import type { Selectable } from 'kysely';
import type { ImportJobPhase, ImportJobTable, ImportProblemJson, ImportResultJson } from '../db/schema.ts';
import {
  type EntitySpec,
  type ListOptions,
  type NewRow,
  createRow,
  findRow,
  getRow,
  listRows,
  updateRow,
} from './entity-repository.ts';
import type { Page } from './pagination.ts';
import { type Db, type WriteContext, timestamp } from './transaction.ts';

export type ImportJob = Selectable<ImportJobTable>;
export type NewImportJob = NewRow<
  ImportJobTable,
  | 'status'
  | 'phase'
  | 'progress'
  | 'import_result'
  | 'import_errors'
  | 'import_warnings'
  | 'started_at'
  | 'finished_at'
  | 'file_name'
>;

export const IMPORT_JOBS: EntitySpec<'import_jobs'> = {
  table: 'import_jobs',
  entityType: 'import_job',
  filters: ['status', 'format', 'created_by'],
  sorts: ['created_at'],
  defaultSort: 'created_at',
  defaults: () => ({
    status: 'queued',
    phase: 'queued',
    progress: 0,
    import_result: null,
    import_errors: [],
    import_warnings: [],
    started_at: null,
    finished_at: null,
    file_name: null,
  }),
};

export function createImportJob(db: Db, ctx: WriteContext, input: NewImportJob): Promise<ImportJob> {
  return createRow(db, ctx, IMPORT_JOBS, input);
}

export function getImportJob(db: Db, workspaceId: string, id: string): Promise<ImportJob> {
  return getRow(db, workspaceId, IMPORT_JOBS, id);
}

export function findImportJob(db: Db, workspaceId: string, id: string): Promise<ImportJob | undefined> {
  return findRow(db, workspaceId, IMPORT_JOBS, id);
}

export function listImportJobs(
  db: Db,
  workspaceId: string,
  projectId: string,
  options: ListOptions<'import_jobs'> = {},
): Promise<Page<ImportJob>> {
  return listRows(db, workspaceId, IMPORT_JOBS, options, { project_id: projectId });
}

/** Moves a running job on (phase and progress 0..1); the version goes up so clients see the change. */
export async function setImportJobProgress(
  db: Db,
  workspaceId: string,
  id: string,
  phase: ImportJobPhase,
  progress: number,
): Promise<ImportJob> {
  return db
    .updateTable('import_jobs')
    .set((eb) => ({
      phase,
      progress,
      status: 'running',
      version: eb('version', '+', 1),
      updated_at: timestamp(),
      ...(phase === 'parsing' ? { started_at: timestamp() } : {}),
    }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The end of a job: succeeded with its result, or failed with every problem found. */
export async function finishImportJob(
  db: Db,
  ctx: WriteContext,
  id: string,
  outcome: (
    | { status: 'succeeded'; result: ImportResultJson; warnings: string[] }
    | { status: 'failed'; errors: ImportProblemJson[]; warnings: string[] }
  ) & {
    /** The format the file turned out to be (a CSV may be Jira's export). */
    format?: string;
  },
  /** Finish only this version (a conflict otherwise); default whatever is current. */
  expectedVersion?: number,
): Promise<ImportJob> {
  const version = expectedVersion ?? (await getImportJob(db, ctx.workspaceId, id)).version;
  return updateRow(db, ctx, IMPORT_JOBS, id, version, {
    status: outcome.status,
    phase: 'done',
    progress: 1,
    finished_at: timestamp(),
    import_warnings: outcome.warnings,
    ...(outcome.format !== undefined ? { format: outcome.format } : {}),
    ...(outcome.status === 'succeeded'
      ? { import_result: outcome.result }
      : { import_errors: outcome.errors }),
  });
}
