/**
 * `tandem user create` and `tandem token create`: accounts and API tokens for scripts and first set-up.
 * Scriptable: stdout is the new user's id, or the token — nothing else — unless `--json`.
 */
import { createAccount, issueApiToken } from '@tandem/server';
import type { CliIo } from '../cli-io.ts';
import { UserError } from '../user-error.ts';
import { type DatabaseSettings, describeDatabase, serverError, withDatabase } from './server-database.ts';

export interface UserCreateOptions {
  email?: string | undefined;
  name?: string | undefined;
  password?: string | undefined;
  passwordStdin?: boolean | undefined;
  workspace?: string | undefined;
  role?: string | undefined;
  json: boolean;
}

export async function userCreateCommand(
  database: DatabaseSettings,
  options: UserCreateOptions,
  io: CliIo,
): Promise<void> {
  const usage =
    'tandem user create --email E --name N [--password P | --password-stdin] [--workspace W] [--role R]';
  if (options.email === undefined || options.name === undefined)
    throw new UserError(`user create needs --email and --name: ${usage}`);
  if (options.password !== undefined && options.passwordStdin)
    throw new UserError('give --password or --password-stdin, not both');
  const password = options.passwordStdin ? await readPassword(io) : options.password;
  const created = await withDatabase(database, (db) =>
    createAccount(db, {
      email: options.email!,
      name: options.name!,
      ...(password !== undefined ? { password } : {}),
      ...(options.workspace !== undefined ? { workspace: options.workspace } : {}),
      ...(options.role !== undefined ? { role: options.role } : {}),
    }),
  ).catch((error: unknown) => {
    throw serverError(error, 'cannot create the user');
  });
  const { user, workspace, role, generatedPassword } = created;
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          id: user.id,
          email: user.email,
          name: user.name,
          workspace: workspace ? { id: workspace.id, slug: workspace.slug } : null,
          role: role ?? null,
          ...(generatedPassword !== undefined ? { password: generatedPassword } : {}),
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  io.stdout.write(`${user.id}\n`);
  io.stderr.write(
    workspace
      ? `Created ${user.email}, ${role} of workspace ${workspace.slug} (${describeDatabase(database)}).\n`
      : `Created ${user.email}, in no workspace yet: the database has none (${describeDatabase(database)}).\n`,
  );
  if (generatedPassword !== undefined)
    io.stderr.write(`Password (shown only now; change it after signing in): ${generatedPassword}\n`);
}

/** The first line of stdin, without its line ending. */
async function readPassword(io: CliIo): Promise<string> {
  const stdin = io.stdin ?? process.stdin;
  let text = '';
  for await (const chunk of stdin)
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '') throw new UserError('--password-stdin: stdin is empty');
  return password;
}

export interface TokenCreateOptions {
  email?: string | undefined;
  name?: string | undefined;
  workspace?: string | undefined;
  json: boolean;
}

export async function tokenCreateCommand(
  database: DatabaseSettings,
  options: TokenCreateOptions,
  io: CliIo,
): Promise<void> {
  if (options.email === undefined || options.name === undefined)
    throw new UserError(
      'token create needs --email and --name: tandem token create --email E --name NAME [--workspace W]',
    );
  const issued = await withDatabase(database, (db) =>
    issueApiToken(db, {
      email: options.email!,
      name: options.name!,
      ...(options.workspace !== undefined ? { workspace: options.workspace } : {}),
    }),
  ).catch((error: unknown) => {
    throw serverError(error, 'cannot create the token');
  });
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          id: issued.apiToken.id,
          name: issued.apiToken.name,
          prefix: issued.apiToken.prefix,
          email: issued.user.email,
          workspace: { id: issued.workspace.id, slug: issued.workspace.slug },
          token: issued.token,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  io.stdout.write(`${issued.token}\n`);
  io.stderr.write(
    `API token "${issued.apiToken.name}" for ${issued.user.email} in workspace ${issued.workspace.slug}: ` +
      'shown only now (only its hash is stored). Use it as "Authorization: Bearer <token>".\n',
  );
}
