/**
 * `tandem import FILE --project ID [--format …] [--json]` and `tandem export --project ID --format
 * mspdi|csv|ics|json|yaml [--output FILE]`: files in and out of a project in the server's database
 * (`DATABASE_URL` / `--database`, else SQLite in `TANDEM_DATA` / `--data`), exactly as the API's
 * import jobs and export route do. The project is its id or its name. An import is all-or-nothing: a
 * refused file prints every problem with its location and changes nothing (exit code 2).
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { IMPORT_FORMATS, type ImportFormat, importFormatOf } from '@tandem/formats';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ImportJob,
  exportProject,
  resolveWorkspace,
  runImportJob,
} from '@tandem/server';
import type { CliIo } from '../cli-io.ts';
import { UserError } from '../user-error.ts';
import { type DatabaseSettings, describeDatabase, serverError, withDatabase } from './server-database.ts';

type Db = Parameters<Parameters<typeof withDatabase>[1]>[0];

const IMPORT_USAGE = `tandem import FILE --project ID [--format ${IMPORT_FORMATS.join('|')}] [--workspace W] [--json]`;
const EXPORT_USAGE = `tandem export --project ID --format ${EXPORT_FORMATS.join('|')} [--output FILE] [--workspace W]`;

const FORMAT_NAMES: Record<string, string> = {
  mspdi: 'MS Project XML',
  csv: 'task CSV',
  'jira-csv': 'Jira issue CSV',
  json: 'plan file (JSON)',
  yaml: 'plan file (YAML)',
};

/** The workspace and the project named by id or (case-insensitive) name. */
async function findProject(
  db: Db,
  database: DatabaseSettings,
  wanted: string,
  workspaceRef: string | undefined,
): Promise<{ workspaceId: string; projectId: string; name: string }> {
  const workspace = await resolveWorkspace(db, workspaceRef);
  if (!workspace) throw new UserError(`the database has no workspace (${describeDatabase(database)})`);
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
  return { workspaceId: workspace.id, projectId: matches[0]!.id, name: matches[0]!.name };
}

function counts(job: ImportJob): string {
  const r = job.import_result;
  if (!r) return '';
  const kinds = ['workItems', 'dependencies', 'resources', 'assignments', 'calendars', 'baselines'] as const;
  const label: Record<(typeof kinds)[number], string> = {
    workItems: 'work items',
    dependencies: 'dependencies',
    resources: 'resources',
    assignments: 'assignments',
    calendars: 'calendars',
    baselines: 'baselines',
  };
  return kinds
    .map(
      (k) =>
        `  ${label[k].padEnd(13)} ${String(r.created[k] ?? 0).padStart(5)} created ${String(r.updated[k] ?? 0).padStart(5)} updated ${String(r.deleted[k] ?? 0).padStart(5)} deleted`,
    )
    .join('\n');
}

function jobJson(job: ImportJob) {
  return {
    id: job.id,
    projectId: job.project_id,
    format: job.format,
    fileName: job.file_name,
    fileBytes: job.file_bytes,
    status: job.status,
    result: job.import_result,
    errors: job.import_errors,
    warnings: job.import_warnings,
    startedAt: job.started_at,
    finishedAt: job.finished_at,
  };
}

export async function importCommand(
  database: DatabaseSettings,
  file: string,
  options: {
    project?: string | undefined;
    format?: string | undefined;
    workspace?: string | undefined;
    json: boolean;
  },
  io: CliIo,
): Promise<void> {
  if (!options.project) throw new UserError(`import needs --project (its id or name): ${IMPORT_USAGE}`);
  if (options.format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(options.format))
    throw new UserError(`--format must be one of ${IMPORT_FORMATS.join(', ')} (got "${options.format}")`);
  const format = (options.format as ImportFormat | undefined) ?? importFormatOf({ fileName: file });
  if (format === undefined)
    throw new UserError(
      `cannot tell the format of ${file} from its name: add --format ${IMPORT_FORMATS.join('|')}`,
    );
  let bytes: Uint8Array;
  try {
    bytes =
      file === '-'
        ? await readStdin(io)
        : new Uint8Array(await readFile(resolve(io.cwd ?? process.cwd(), file)));
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const { job, project } = await withDatabase(database, async (db) => {
    const project = await findProject(db, database, options.project!, options.workspace);
    const job = await runImportJob(
      db,
      { workspaceId: project.workspaceId, actorId: null },
      project.projectId,
      { bytes, format, fileName: file === '-' ? undefined : basename(file) },
      (phase) => {
        if (!options.json) io.stderr.write(`${phase}…\n`);
      },
    );
    return { job, project };
  }).catch((error: unknown) => {
    throw serverError(error, `cannot import ${file}`);
  });
  if (options.json) io.stdout.write(`${JSON.stringify(jobJson(job), null, 2)}\n`);
  if (job.status === 'failed') {
    const problems = job.import_errors;
    throw new UserError(
      `${file} was not imported (${FORMAT_NAMES[job.format] ?? job.format}): ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was changed.\n` +
        problems
          .map(
            (p) =>
              `  ${p.path}: ${p.message}${p.value !== undefined ? ` (found ${JSON.stringify(p.value)})` : ''}`,
          )
          .join('\n'),
    );
  }
  if (options.json) return;
  io.stdout.write(
    `Imported ${file} (${FORMAT_NAMES[job.format] ?? job.format}) into ${project.name}:\n${counts(job)}\n`,
  );
  if ((job.import_result?.sprintsCreated ?? 0) > 0)
    io.stdout.write(`  sprints created: ${job.import_result!.sprintsCreated}\n`);
  for (const w of job.import_warnings) io.stdout.write(`warning: ${w}\n`);
}

export async function exportCommand(
  database: DatabaseSettings,
  options: {
    project?: string | undefined;
    format?: string | undefined;
    output?: string | undefined;
    workspace?: string | undefined;
  },
  io: CliIo,
): Promise<void> {
  if (!options.project) throw new UserError(`export needs --project (its id or name): ${EXPORT_USAGE}`);
  if (options.format === undefined || !(EXPORT_FORMATS as readonly string[]).includes(options.format))
    throw new UserError(
      options.format === undefined
        ? `export needs --format: ${EXPORT_USAGE}`
        : `--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${options.format}")`,
    );
  const format = options.format as ExportFormat;
  const file = await withDatabase(database, async (db) => {
    const project = await findProject(db, database, options.project!, options.workspace);
    return exportProject(db, project.workspaceId, project.projectId, format);
  }).catch((error: unknown) => {
    throw serverError(error, 'cannot export');
  });
  if (options.output === undefined || options.output === '-') {
    io.stdout.write(file.body);
    return;
  }
  const path = resolve(io.cwd ?? process.cwd(), options.output);
  // Written beside the target and renamed over it: a crash never leaves half a file under its name.
  const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    await writeFile(partial, file.body, { flag: 'wx' });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw new UserError(`cannot write ${options.output}: ${(error as Error).message}`);
  }
  io.stdout.write(
    `Exported to ${options.output} (${Buffer.byteLength(file.body).toLocaleString('en-GB')} bytes).\n`,
  );
}

async function readStdin(io: CliIo): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin ?? process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}
