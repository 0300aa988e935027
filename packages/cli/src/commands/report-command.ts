/**
 * `tandem report --project ID --audience executive|pm|engineering --format html|md|pdf`: a project's
 * status report from the server's database (the same bytes as `GET /api/projects/{id}/reports/…`),
 * to stdout or `--output FILE`. The project is its id or its name; reproducible for `--status-date`.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { REPORT_AUDIENCES, type ReportAudience, buildStatusReport } from '@tandem/core';
import { REPORT_FORMATS, type ReportFormat, renderReport } from '@tandem/formats';
import { projectStatusSnapshot, resolveWorkspace } from '@tandem/server';
import type { CliIo } from '../cli-io.ts';
import { UserError } from '../user-error.ts';
import { type DatabaseSettings, describeDatabase, serverError, withDatabase } from './server-database.ts';

export interface ReportOptions {
  project?: string | undefined;
  audience?: string | undefined;
  format?: string | undefined;
  statusDate?: string | undefined;
  output?: string | undefined;
  workspace?: string | undefined;
}

const USAGE =
  'tandem report --project ID --audience executive|pm|engineering --format html|md|pdf [--status-date DATE] [--output FILE]';

function oneOf<T extends string>(
  what: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback?: T,
): T {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UserError(`report needs --${what} (${allowed.join(', ')}): ${USAGE}`);
  }
  if (!(allowed as readonly string[]).includes(value))
    throw new UserError(`--${what} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export async function reportCommand(
  database: DatabaseSettings,
  options: ReportOptions,
  io: CliIo,
): Promise<void> {
  const audience = oneOf<ReportAudience>('audience', options.audience, REPORT_AUDIENCES);
  const format = oneOf<ReportFormat>('format', options.format, REPORT_FORMATS, 'md');
  if (!options.project) throw new UserError(`report needs --project (its id or name): ${USAGE}`);
  if (format === 'pdf' && options.output === undefined)
    throw new UserError('a PDF report needs --output FILE (it is not text for the terminal)');
  const statusDate = options.statusDate;
  if (statusDate !== undefined && !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(statusDate))
    throw new UserError(`--status-date must be YYYY-MM-DD or YYYY-MM-DDTHH:mm (got "${statusDate}")`);

  const body = await withDatabase(database, async (db) => {
    const workspace = await resolveWorkspace(db, options.workspace);
    if (!workspace) throw new UserError(`the database has no workspace (${describeDatabase(database)})`);
    const wanted = options.project!;
    const projects = await db
      .selectFrom('projects')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspace.id)
      .orderBy('name')
      .execute();
    const matches = projects.filter((p) => p.id === wanted || p.name.toLowerCase() === wanted.toLowerCase());
    if (matches.length !== 1)
      throw new UserError(
        `${matches.length === 0 ? 'no' : 'more than one'} project "${wanted}" in workspace ${workspace.slug}; its projects: ${
          projects.map((p) => `${p.name} (${p.id})`).join(', ') || 'none'
        }`,
      );
    const snapshot = await projectStatusSnapshot(
      db,
      workspace.id,
      matches[0]!.id,
      statusDate ? { statusDate } : {},
    );
    return renderReport(buildStatusReport(snapshot, audience), format);
  }).catch((error: unknown) => {
    throw serverError(error, 'cannot make the report');
  });

  if (options.output === undefined) {
    io.stdout.write(body as string);
    return;
  }
  const path = resolve(io.cwd ?? process.cwd(), options.output);
  const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    await writeFile(partial, body, { flag: 'wx' });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw new UserError(`cannot write ${options.output}: ${(error as Error).message}`);
  }
  io.stderr.write(`Wrote the ${audience} report (${format}) to ${options.output}.\n`);
}
