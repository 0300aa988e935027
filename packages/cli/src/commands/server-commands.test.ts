/**
 * The server commands in-process, on a temporary SQLite folder: serve (the real server on a free
 * port), user create, token create, backup, restore — and a SQLite backup restored into PostgreSQL and
 * backed up again, byte for byte the same.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../../../server/src/db/scratch-database.ts';
import { TEST_DATABASE_URL, requireEngines } from '../../../server/src/db/test-engines.ts';
import type { CliIo } from '../cli-io.ts';
import { main } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-cli-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function start(argv: string[], options: { stdin?: string[]; signal?: AbortSignal } = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
    env: { LOG_LEVEL: 'warn' },
    cwd: dir,
    ...(options.stdin
      ? {
          stdin: (async function* () {
            yield* options.stdin!;
          })(),
        }
      : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  return { out, done: main(argv, io).then((code): Run => ({ code, ...out })) };
}
const run = (argv: string[], options: { stdin?: string[] } = {}) => start(argv, options).done;

/** `tandem serve` until `stop()`; resolves once it prints its URL. */
async function serve(data: string) {
  const stop = new AbortController();
  const server = start(['serve', '--port', '0', '--data', data], { signal: stop.signal });
  while (!/running at (\S+)/.test(server.out.stdout)) {
    const early = await Promise.race([server.done, new Promise((r) => setTimeout(r, 20, undefined))]);
    if (early) throw new Error(`serve ended: ${JSON.stringify(early)}`);
  }
  const url = /running at (http:\/\/[^\s)]+)/.exec(server.out.stdout)![1]!;
  return {
    url,
    output: server.out,
    stop: async () => {
      stop.abort();
      return server.done;
    },
  };
}

describe('tandem serve, user, token, backup and restore on SQLite', () => {
  const data = 'live';
  let token = '';

  it('serve starts the server, seeds the demo with a sign-in link, and stops on its signal', async () => {
    const server = await serve(data);
    expect(server.output.stdout).toMatch(/\/auth\/link\/[\w-]{43}/);
    expect((await fetch(`${server.url}/api/openapi.json`)).status).toBe(200);
    expect(await server.stop()).toMatchObject({ code: 0 });
    expect(existsSync(join(dir, data, 'tandem.db'))).toBe(true);
  });

  it('user create prints only the id; the password from stdin signs in', async () => {
    const created = await run([
      ...['user', 'create', '--email', 'Ana@Example.com', '--name', 'Ana Lima', '--role', 'pm'],
      ...['--data', data],
    ]);
    // No --password and no --password-stdin: a password is generated and shown once, on stderr.
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(created.stderr).toMatch(/ana@example.com, pm of workspace demo/);
    const generated = /shown only now[^:]*: (\S+)/.exec(created.stderr)![1]!;

    const piped = await run(
      ['user', 'create', '--email', 'ben@example.com', '--name', 'Ben', '--password-stdin', '--data', data],
      { stdin: ['correct horse battery\n', 'ignored second line\n'] },
    );
    expect(piped).toMatchObject({ code: 0 });
    expect(piped.stderr).not.toContain('shown only now');

    const server = await serve(data);
    try {
      for (const [email, password] of [
        ['ana@example.com', generated],
        ['ben@example.com', 'correct horse battery'],
      ]) {
        const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
        expect(signIn.status, email).toBe(200);
      }
    } finally {
      await server.stop();
    }
  });

  it('user create refuses bad input with exit code 2 and says why', async () => {
    const cases: [string[], RegExp][] = [
      [['user', 'create', '--email', 'x@example.com'], /needs --email and --name/],
      [
        ['user', 'create', '--email', 'x@example.com', '--name', 'X', '--role', 'boss'],
        /role: must be one of/,
      ],
      [['user', 'create', '--email', 'not-an-email', '--name', 'X'], /email: not an email address/],
      [['user', 'create', '--email', 'ana@example.com', '--name', 'Again'], /ana@example.com exists already/],
      [
        ['user', 'create', '--email', 'y@example.com', '--name', 'Y', '--password', 'short'],
        /password: must be 10/,
      ],
      [
        ['user', 'create', '--email', 'y@example.com', '--name', 'Y', '--workspace', 'nope'],
        /no workspace nope/,
      ],
      [['user', 'remove'], /the subcommand is "create"/],
      [
        ['token', 'create', '--email', 'nobody@example.com', '--name', 'CI'],
        /no account with nobody@example.com/,
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await run([...argv, '--data', data]);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });

  it('token create prints the token once, stores only its hash, and the token works', async () => {
    const created = await run([
      'token',
      'create',
      '--email',
      'ana@example.com',
      '--name',
      'CI',
      '--data',
      data,
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^tdm_[\w-]{8}_[\w-]{43}\n$/);
    token = created.stdout.trim();
    const db = readFileSync(join(dir, data, 'tandem.db'));
    expect(db.includes(token)).toBe(false);
    expect(db.includes(createHash('sha256').update(token).digest('hex'))).toBe(true);

    const server = await serve(data);
    try {
      const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { email: string } }).user.email).toBe('ana@example.com');
    } finally {
      await server.stop();
    }
  });

  it('backup writes the workspace as JSON; restore refuses a database that has data', async () => {
    const backedUp = await run(['backup', 'demo.json', '--data', data]);
    expect(backedUp).toMatchObject({ code: 0, stderr: '' });
    expect(backedUp.stdout).toMatch(/^Backed up workspace demo: [\d,]+ rows to demo.json/);
    const document = JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8')) as {
      format: string;
      tables: Record<string, { email?: string }[]>;
    };
    expect(document.format).toBe('tandem-workspace-backup');
    expect(document.tables.users!.map((u) => u.email)).toContain('ana@example.com');
    expect(JSON.stringify(document)).not.toContain(token);

    const refused = await run(['restore', 'demo.json', '--data', data]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not empty: it has the workspace demo.*Nothing was changed/);
  });

  it('restore fills an empty database all-or-nothing; a backup of it is identical', async () => {
    const text = readFileSync(join(dir, 'demo.json'), 'utf8');
    // A link to a task that is not there, late in the restore order.
    const broken = JSON.parse(text) as { tables: { dependencies: { predecessor_id: string }[] } };
    broken.tables.dependencies.at(-1)!.predecessor_id = '00000000-0000-7000-8000-000000000000';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    const failed = await run(['restore', 'broken.json', '--data', 'copy']);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/cannot restore broken.json/);

    const notBackup = await run(['restore', '-', '--data', 'copy'], { stdin: ['{"format": "zip"}'] });
    expect(notBackup.code).toBe(2);
    expect(notBackup.stderr).toMatch(/format: expected "tandem-workspace-backup"/);

    const restored = await run(['restore', 'demo.json', '--data', 'copy']);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^Restored workspace demo: [\d,]+ rows into SQLite at /);
    const again = await run(['backup', '-', '--data', 'copy']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(text);
  });

  it('honours TANDEM_DATA and names a missing file', async () => {
    const viaEnv = await main(['backup', 'env.json'], {
      stdout: { write: () => true },
      stderr: { write: () => true },
      env: { TANDEM_DATA: join(dir, 'copy') },
      cwd: dir,
    });
    expect(viaEnv).toBe(0);
    expect(readFileSync(join(dir, 'env.json'), 'utf8')).toBe(readFileSync(join(dir, 'demo.json'), 'utf8'));
    const missing = await run(['restore', 'nope.json', '--data', 'other']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read nope.json/);
  });
});

describe('tandem restore of a SQLite backup into PostgreSQL', () => {
  if (!requireEngines(['postgres'])) return;

  it('restores it there, and a backup taken from PostgreSQL is the same JSON', async () => {
    const scratch = await createScratchDatabase('postgres', TEST_DATABASE_URL);
    try {
      const url = scratch.env.DATABASE_URL!;
      const text = readFileSync(join(dir, 'demo.json'), 'utf8');
      const restored = await run(['restore', 'demo.json', '--database', url]);
      expect(restored.stderr).toBe('');
      expect(restored.stdout).toMatch(/into PostgreSQL at /);
      // DATABASE_URL, as the server reads it, instead of --database.
      let stdout = '';
      const code = await main(['backup', '-'], {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: () => true },
        env: { DATABASE_URL: url },
        cwd: dir,
      });
      expect(code).toBe(0);
      expect(stdout).toBe(text);
      const refused = await run(['restore', 'demo.json', '--database', url]);
      expect(refused.code).toBe(2);
    } finally {
      await scratch.destroy();
    }
  });
});
