/**
 * `tandem backup FILE` and `tandem restore FILE`: a whole workspace as one JSON document (every row,
 * audit log included; the same JSON from SQLite and PostgreSQL), and back into an empty database —
 * on either engine, all-or-nothing. `-` is stdout / stdin.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  DatabaseNotEmptyError,
  backupWorkspace,
  resolveWorkspace,
  restoreIntoEmptyDatabase,
} from '@tandem/server';
import type { CliIo } from '../cli-io.ts';
import { UserError } from '../user-error.ts';
import { type DatabaseSettings, describeDatabase, serverError, withDatabase } from './server-database.ts';

export async function backupCommand(
  database: DatabaseSettings,
  file: string,
  options: { workspace?: string | undefined },
  io: CliIo,
): Promise<void> {
  const backup = await withDatabase(database, async (db) => {
    const workspace = await resolveWorkspace(db, options.workspace);
    if (!workspace)
      throw new UserError(
        `nothing to back up: the database has no workspace (${describeDatabase(database)})`,
      );
    return { workspace, document: await backupWorkspace(db, workspace.id) };
  }).catch((error: unknown) => {
    throw serverError(error, 'cannot back up');
  });
  const json = `${JSON.stringify(backup.document, null, 2)}\n`;
  const rows = Object.values(backup.document.tables).reduce((n, t) => n + t.length, 0);
  const summary = `Backed up workspace ${backup.workspace.slug}: ${rows.toLocaleString('en-GB')} rows`;
  if (file === '-') {
    io.stdout.write(json);
    io.stderr.write(`${summary}.\n`);
    return;
  }
  const path = resolve(io.cwd ?? process.cwd(), file);
  // Written beside the target and renamed over it: a crash never leaves half a backup under its name.
  const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    await writeFile(partial, json, { flag: 'wx' });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw new UserError(`cannot write ${file}: ${(error as Error).message}`);
  }
  io.stdout.write(`${summary} to ${file}.\n`);
}

export async function restoreCommand(database: DatabaseSettings, file: string, io: CliIo): Promise<void> {
  let text: string;
  try {
    text = file === '-' ? await readAll(io) : await readFile(resolve(io.cwd ?? process.cwd(), file), 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file} is not a Tandem backup: not JSON (${(error as Error).message})`);
  }
  const target = describeDatabase(database);
  const result = await withDatabase(database, (db) => restoreIntoEmptyDatabase(db, document)).catch(
    (error: unknown) => {
      if (error instanceof DatabaseNotEmptyError)
        throw new UserError(
          `cannot restore ${file}: ${error.message} (${target}). Restore into an empty database — a new ` +
            '--data folder, or a new PostgreSQL database. Nothing was changed.',
        );
      throw serverError(error, `cannot restore ${file} into ${target}`);
    },
  );
  const rows = Object.values(result.rows).reduce((n, count) => n + (count ?? 0), 0);
  const slug = (document as { tables: { workspaces: { slug: string }[] } }).tables.workspaces[0]?.slug;
  io.stdout.write(
    `Restored workspace ${slug ?? result.workspaceId}: ${rows.toLocaleString('en-GB')} rows into ${target}.\n`,
  );
}

async function readAll(io: CliIo): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin ?? process.stdin)
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text;
}
