/**
 * A restored workspace answers the API exactly as the original did. The seeded demo workspace is
 * backed up, restored into an empty database (same engine and across engines), and every GET route of
 * the OpenAPI document is called for every object it can name — lists page by page, each row, its
 * history, each project's schedule — on both servers: same status, same headers (but the request id),
 * byte-identical bodies.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from '../admin/accounts.ts';
import { type TandemApp, createApp } from '../app.ts';
import type { Engine } from '../db/open-database.ts';
import { ENGINES, type TestDatabase, openTestDatabase, requireEngines } from '../db/test-engines.ts';
import { createLogger } from '../http/logger.ts';
import { PROJECT_RESOURCES } from '../http/routes.ts';
import { COMMUNICATION_RESOURCES } from '../http/communication/register-communication-routes.ts';
import { seedDemoWorkspace } from '../seed/seed-demo-workspace.ts';
import { backupWorkspace, restoreWorkspace } from './workspace-backup.ts';

/** GET routes that name no object to compare: a live stream and the one-time link. */
const NOT_COMPARED = new Set([
  '/api/projects/{id}/events',
  '/auth/link/{token}',
  // A calendar feed's token is shown once and never stored: nothing names one to fetch.
  '/api/feeds/{token}.ics',
]);
/** Headers that differ per request by design. */
const PER_REQUEST = new Set(['x-request-id', 'date']);
/** Fixed, so that the token's `lastUsedAt` (set on first use) is the same on both servers. */
const NOW = new Date('2026-06-01T12:00:00.000Z');

/** Item route → the list route whose rows it reads. */
const ITEM_SOURCES: Record<string, string> = {
  '/api/workspaces/{id}': '/api/workspaces',
  '/api/users/{id}': '/api/users',
  '/api/memberships/{id}': '/api/memberships',
  '/api/invitations/{id}': '/api/invitations',
  '/api/tokens/{id}': '/api/tokens',
  '/api/projects/{id}': '/api/projects',
  // Engineering signals (issue 6 §2–4)
  '/api/hook-configs/{id}': '/api/projects/{projectId}/hook-configs',
  '/api/hook-deliveries/{id}': '/api/projects/{projectId}/hook-deliveries',
  '/api/slos/{id}': '/api/projects/{projectId}/slos',
  ...Object.fromEntries(
    PROJECT_RESOURCES.map((def) => [
      `/api/${def.path}/{id}`,
      `/api/projects/{projectId}/${def.collectionPath ?? def.path}`,
    ]),
  ),
  '/api/scenarios/{id}': '/api/projects/{projectId}/scenarios',
  '/api/import-jobs/{id}': '/api/projects/{projectId}/imports',
  ...Object.fromEntries(
    COMMUNICATION_RESOURCES.map((def) => [`/api/${def.path}/{id}`, `/api/projects/{projectId}/${def.path}`]),
  ),
};

interface Answer {
  status: number;
  headers: [string, string][];
  body: string;
}

/** Every GET the API offers on this workspace, in a fixed order: URL → answer. */
async function crawl(
  app: TandemApp,
  token: string,
): Promise<{ answers: Map<string, Answer>; routes: Set<string> }> {
  const answers = new Map<string, Answer>();
  const headers = { authorization: `Bearer ${token}` };
  const get = async (url: string): Promise<Answer> => {
    const response = await app.request(url, { headers });
    const answer = {
      status: response.status,
      headers: [...response.headers].filter(([k]) => !PER_REQUEST.has(k)).sort(),
      body: await response.text(),
    };
    answers.set(url, answer);
    return answer;
  };
  /** Every page of a list; the ids of its rows. */
  const list = async (url: string): Promise<string[]> => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const separator = url.includes('?') ? '&' : '?';
      const answer = await get(
        `${url}${separator}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(answer.status, url).toBe(200);
      const page = JSON.parse(answer.body) as { items: { id: string }[]; nextCursor: string | null };
      ids.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  };

  const doc = JSON.parse((await get('/api/openapi.json')).body) as {
    paths: Record<string, { get?: object }>;
  };
  const templates = Object.keys(doc.paths).filter((p) => doc.paths[p]!.get && !NOT_COMPARED.has(p));
  const visited = new Set<string>();
  const idsOf = new Map<string, string[]>();
  const isList = (t: string) => !/\{(id|token)\}/.test(t);
  // Views that need query parameters (an export's format, …) are left to tests that know them.
  const needsQuery = (t: string) =>
    (t.match(/\{[^}]+\}/g) ?? []).some((param) => param !== '{id}') ||
    ((doc.paths[t]!.get as { parameters?: { in: string; required?: boolean }[] }).parameters ?? []).some(
      (p) => p.in === 'query' && p.required === true,
    );

  // Lists first (workspace-level, then per project), then every row they name.
  for (const template of templates.filter((t) => isList(t) && !t.includes('{projectId}'))) {
    visited.add(template);
    if (template === '/api/me' || template === '/api/openapi.json') await get(template);
    else idsOf.set(template, await list(template));
  }
  const projectIds = idsOf.get('/api/projects') ?? [];
  expect(projectIds.length).toBeGreaterThan(0);
  for (const template of templates.filter((t) => t.includes('{projectId}'))) {
    visited.add(template);
    const ids: string[] = [];
    for (const projectId of projectIds) ids.push(...(await list(template.replace('{projectId}', projectId))));
    idsOf.set(template, ids);
  }
  for (const template of templates.filter((t) => !isList(t))) {
    // Views of a row (`/history`, `/schedule`, `/raid/heat-map`, `/sign-offs`, …) read that row's ids.
    const base = template.replace(/(\/\{id\})\/.+$/, '$1');
    const source = ITEM_SOURCES[base];
    if (source === undefined || needsQuery(template)) continue;
    visited.add(template);
    for (const id of idsOf.get(source) ?? []) {
      const url = template.replace('{id}', id);
      if (template.endsWith('/history')) await list(url);
      else expect((await get(url)).status, url).toBe(200);
    }
  }
  // Status reports: every audience of every project, as Markdown (the same bytes after a restore).
  for (const template of templates.filter((t) => t.includes('{audience}'))) {
    visited.add(template);
    for (const projectId of projectIds)
      for (const audience of ['executive', 'pm', 'engineering'])
        await get(`${template.replace('{id}', projectId).replace('{audience}', audience)}?format=md`);
  }
  // Exports: every format of every project (the same files after a restore).
  for (const template of templates.filter((t) => t === '/api/projects/{id}/export')) {
    visited.add(template);
    for (const projectId of projectIds)
      for (const format of ['mspdi', 'csv', 'ics', 'json', 'yaml'])
        expect((await get(`${template.replace('{id}', projectId)}?format=${format}`)).status).toBe(200);
  }
  return { answers, routes: new Set(templates.filter((t) => !visited.has(t))) };
}

interface Source {
  db: TestDatabase;
  backup: unknown;
  token: string;
  crawled: Awaited<ReturnType<typeof crawl>>;
}

const logger = createLogger({ level: 'silent' });
const appOn = (db: TestDatabase) => createApp({ db: db.db, engine: db.engine, logger, clock: () => NOW });

const sources = new Map<Engine, Promise<Source>>();
function source(engine: Engine): Promise<Source> {
  let s = sources.get(engine);
  if (!s) {
    s = (async () => {
      const db = await openTestDatabase(engine);
      const seeded = (await seedDemoWorkspace(db.db, { hashPassword: async (p) => `test-hash:${p}` }))!;
      const { token } = await issueApiToken(db.db, { email: seeded.owner.email, name: 'compare' }, NOW);
      const backup = JSON.parse(JSON.stringify(await backupWorkspace(db.db, seeded.workspace.id))) as unknown;
      return { db, backup, token, crawled: await crawl(appOn(db), token) };
    })();
    sources.set(engine, s);
  }
  return s;
}
afterAll(async () => {
  for (const s of sources.values()) await (await s).db.destroy();
});

const PAIRS = ENGINES.flatMap((from) => ENGINES.map((to): [Engine, Engine] => [from, to]));

describe.each(PAIRS)('backup on %s, restore on %s: the same API answers', (from, to) => {
  if (!requireEngines([from, to])) return;
  let original: Source;
  let target: TestDatabase;
  beforeAll(async () => {
    [original, target] = await Promise.all([source(from), openTestDatabase(to)]);
    await restoreWorkspace(target.db, original.backup);
  }, 120_000);
  afterAll(async () => {
    await target?.destroy();
  });

  it('answers every GET of every object identically', async () => {
    const before = original.crawled;
    expect([...before.routes], 'GET routes this test does not know how to fill in').toEqual([]);
    expect(before.answers.size).toBeGreaterThan(500);
    const after = await crawl(appOn(target), original.token);
    expect([...after.answers.keys()]).toEqual([...before.answers.keys()]);
    const different = [...before.answers]
      .filter(([url, answer]) => !isDeepStrictEqual(after.answers.get(url), answer))
      .map(([url]) => url);
    expect(different, 'URLs answered differently').toEqual([]);
  });
});
