/**
 * The real server on a random port: first start seeds the demo and prints a one-time link that signs
 * in over HTTP; live events arrive over a real connection; close() ends open streams and returns;
 * a second start on the same data seeds nothing, and fails the import jobs a stopped server left.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD_HASHING } from './auth/password.ts';
import { openDatabase } from './db/open-database.ts';
import { createLogger } from './http/logger.ts';
import { INTERRUPTED_IMPORT_MESSAGE } from './interop/reap-import-jobs.ts';
import { createImportJob, getImportJob, setImportJobProgress } from './repositories/import-job-repository.ts';
import { type RunningServer, serverOptionsFromEnv, startServer } from './main.ts';

describe('startServer', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-server-'));
  const printed: string[] = [];
  let server: RunningServer;
  const options = {
    port: 0,
    dataDir,
    logger: createLogger({ level: 'silent' }),
    print: (text: string) => printed.push(text),
    passwordHashing: TEST_PASSWORD_HASHING,
  };

  beforeAll(async () => {
    server = await startServer(options);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the OpenAPI document and the docs', async () => {
    const doc = await fetch(`${server.url}/api/openapi.json`);
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0');
    const docs = await fetch(`${server.url}/api/docs`);
    expect(await docs.text()).toContain('swagger');
  });

  let cookie = '';
  let csrf = '';

  it('prints a one-time sign-in link on first start, which signs in once', async () => {
    expect(server.signInLink).toMatch(new RegExp(`^${server.url}/auth/link/[\\w-]{43}$`));
    expect(printed.join('\n')).toContain(server.signInLink);
    const first = await fetch(server.signInLink ?? '', { redirect: 'manual' });
    expect(first.status).toBe(303);
    const pairs = first.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
    cookie = pairs.join('; ');
    csrf = pairs.find((p) => p.startsWith('tandem_csrf='))?.slice('tandem_csrf='.length) ?? '';
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie } });
    expect(((await me.json()) as { workspace: { slug: string } }).workspace.slug).toBe('demo');
    expect((await fetch(server.signInLink ?? '', { redirect: 'manual' })).status).toBe(404);
  });

  it('streams live events over HTTP, and close() ends open streams', async () => {
    const projects = (await (await fetch(`${server.url}/api/projects`, { headers: { cookie } })).json()) as {
      items: { id: string }[];
    };
    const projectId = projects.items[0]?.id ?? '';
    const stream = await fetch(`${server.url}/api/projects/${projectId}/events`, { headers: { cookie } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) return false;
        text += value;
      }
      return true;
    };
    expect(await readUntil('event: ready')).toBe(true);
    const created = await fetch(`${server.url}/api/projects/${projectId}/raid`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'issue', title: 'Raised over HTTP' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await readUntil(id)).toBe(true);
    expect(text).toContain('"entity":"raid-entries"');

    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await readUntil('never arrives')).toBe(false);
  });

  it('seeds nothing and prints no link when started again on the same data', async () => {
    printed.length = 0;
    server = await startServer(options);
    expect(server.signInLink).toBeUndefined();
    expect(printed.join('\n')).not.toContain('/auth/link/');
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie } })).status).toBe(200);
  });

  it('fails the import jobs a stopped server left running, saying why', async () => {
    await server.close();
    const opened = await openDatabase({ dataDir });
    const project = await opened.db
      .selectFrom('projects')
      .select(['id', 'workspace_id'])
      .executeTakeFirstOrThrow();
    const job = await createImportJob(
      opened.db,
      { workspaceId: project.workspace_id, actorId: null },
      { project_id: project.id, created_by: null, format: 'mspdi', file_name: 'big.xml', file_bytes: 1 },
    );
    await setImportJobProgress(opened.db, project.workspace_id, job.id, 'saving', 0.5);
    await opened.close();

    server = await startServer(options);
    const reopened = await openDatabase({ dataDir });
    const after = await getImportJob(reopened.db, project.workspace_id, job.id);
    await reopened.close();
    expect(after).toMatchObject({
      status: 'failed',
      import_errors: [{ path: 'file', message: INTERRUPTED_IMPORT_MESSAGE }],
    });
  });

  it('reads its settings from the environment', () => {
    expect(serverOptionsFromEnv({})).toMatchObject({ port: 4400, host: '127.0.0.1' });
    expect(
      serverOptionsFromEnv({
        PORT: '0',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://x/y',
        TANDEM_DATA: '/tmp/t',
      }),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      databaseUrl: 'postgres://x/y',
      dataDir: '/tmp/t',
    });
    expect(() => serverOptionsFromEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
