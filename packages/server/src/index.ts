// Public surface of @tandem/server: start the server, or build the app and its parts for embedding.
export { startServer, serverOptionsFromEnv, type ServerOptions, type RunningServer } from './main.ts';
export { createApp, type CreateAppOptions, type TandemApp } from './app.ts';
export { createLogger } from './http/logger.ts';
export type { EventBus, ChangeEvent } from './events/event-bus.ts';
export { InProcessEventBus } from './events/event-bus.ts';
export { PgEventBus } from './events/pg-event-bus.ts';
export { openDatabase, databaseOptionsFromEnv } from './db/open-database.ts';
export { DEFAULT_HOST, DEFAULT_PORT } from './main.ts';
export { engineOf, DatabaseConfigError, type Engine, type OpenDatabaseOptions } from './db/open-database.ts';
export { MigrationError } from './db/migrate.ts';
export {
  RepositoryError,
  ValidationError,
  NotFoundError,
  ConstraintError,
  type ValidationIssue,
} from './repositories/errors.ts';
export {
  createAccount,
  issueApiToken,
  resolveWorkspace,
  type NewAccount,
  type CreatedAccount,
  type IssuedToken,
} from './admin/accounts.ts';
export {
  backupWorkspace,
  restoreWorkspace,
  type WorkspaceBackup,
  type RestoreResult,
} from './backup/workspace-backup.ts';
export { restoreIntoEmptyDatabase, DatabaseNotEmptyError } from './backup/restore-into-empty.ts';
export { projectStatusSnapshot, resolveStatusDate } from './reports/status-snapshot.ts';
export { reportFileName } from './http/communication/report-routes.ts';
export { importFile, ImportProblems, type ImportOutcome } from './interop/import-file.ts';
export { runImportJob } from './interop/run-import-job.ts';
export {
  exportProject,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportedFile,
} from './interop/export-project.ts';
export type { ImportJob } from './repositories/import-job-repository.ts';
