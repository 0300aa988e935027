/**
 * Bad input of any kind gets a clear 4xx problem, never a 500 (PRODUCT.md §9). Bodies are generated
 * per endpoint from its OpenAPI schema — wrong types, missing and unknown fields, huge strings,
 * arbitrary JSON — plus invalid JSON, oversized and mistyped bodies, unknown ids and dependency
 * cycles (refused with the tasks named, and nothing written).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { type TandemApp, createApp } from '../app.ts';
import { describeEngines } from '../db/test-engines.ts';
import { createUser } from '../repositories/user-repository.ts';
import { createWorkspaceMember } from '../repositories/workspace-member-repository.ts';
import { createLogger } from './logger.ts';
import { type FixtureIds, createFixtures } from './test-fixtures.ts';
import { type TestWorkspace, call, json, testApp, testWorkspace } from './testing.ts';

interface WriteRoute {
  method: 'POST' | 'PATCH';
  path: string;
  fields: string[];
}

type Doc = ReturnType<TandemApp['getOpenAPI31Document']>;
type SchemaObject = { $ref?: string; properties?: Record<string, unknown> };

function writeRoutes(doc: Doc): WriteRoute[] {
  const routes: WriteRoute[] = [];
  const schemas = (doc.components?.schemas ?? {}) as Record<string, SchemaObject>;
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const [method, op] of Object.entries(
      item as Record<string, { requestBody?: { content?: Record<string, { schema?: SchemaObject }> } }>,
    )) {
      let schema = op.requestBody?.content?.['application/json']?.schema;
      if (!schema || (method !== 'post' && method !== 'patch')) continue;
      if (schema.$ref) schema = schemas[schema.$ref.split('/').pop() ?? ''];
      routes.push({
        method: method.toUpperCase() as 'POST' | 'PATCH',
        path,
        fields: Object.keys(schema?.properties ?? {}),
      });
    }
  return routes;
}

const DOC = createApp({
  db: {} as never,
  engine: 'sqlite',
  logger: createLogger({ level: 'silent' }),
}).getOpenAPI31Document({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
});
const WRITE_ROUTES = writeRoutes(DOC);

// Longer than any string field may be (the longest take 20,000 characters), well under the body limit.
const HUGE = 'x'.repeat(30_000);

/** Values of every JSON type, including ones that look almost right. */
function anyValue(ids: string[]) {
  return fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      '',
      ' ',
      '2026-01-05T08:00:00',
      '2026-02-30',
      '2026-01-05',
      'FS',
      'risk',
      'owner',
      '-1',
      'NaN',
      '"quoted"',
      '{}',
    ),
    fc.constantFrom(...ids),
    fc.constantFrom(-1, 0, 1, 1e308, -1e308, 2 ** 53 + 1, 0.5),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  );
}

async function expectProblem(response: Response, context: string): Promise<number> {
  const text = await response.text();
  expect(response.status, `${context}: ${text.slice(0, 300)}`).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get('content-type'), context).toBe('application/problem+json');
    const problem = JSON.parse(text) as {
      type?: unknown;
      title?: unknown;
      status?: unknown;
      code?: unknown;
      errors?: unknown;
    };
    expect(problem, context).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status: response.status,
      code: expect.any(String),
    });
    if (problem.errors !== undefined)
      for (const e of problem.errors as { path: unknown; message: unknown }[])
        expect(e, context).toMatchObject({ path: expect.any(String), message: expect.any(String) });
  }
  return response.status;
}

describeEngines('bad input', (t) => {
  let app: TandemApp;
  let w: TestWorkspace;
  let ids: FixtureIds;
  let workspaceRows: Record<string, string>;

  beforeAll(async () => {
    app = testApp(t.db, t.engine);
    w = await testWorkspace(t.db);
    const extra = await createUser(t.db, {
      email: `extra-${w.workspace.slug}@example.test`,
      name: 'Extra',
      password_hash: null,
    });
    await createWorkspaceMember(t.db, w.ctx, { user_id: extra.id, role: 'member' });
    ids = await createFixtures(app, w.actors.owner, w.project.id, { extraUserId: extra.id });
    const memberships = await json(app, 'GET', `/api/memberships?userId=${extra.id}`, { as: w.actors.owner });
    workspaceRows = {
      workspaces: w.workspace.id,
      memberships: (memberships.body.items as { id: string }[])[0]?.id ?? '',
    };
  });

  function concrete(path: string): string {
    const [, , second] = path.split('/');
    const id =
      second === 'projects' ? w.project.id : (ids[second ?? ''] ?? workspaceRows[second ?? ''] ?? uuidv7());
    return path.replace('{projectId}', w.project.id).replace('{id}', id);
  }

  describe.each(WRITE_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (name, route) => {
    it('answers generated bodies with 2xx or a 4xx problem, never 5xx', async () => {
      const allIds = [w.project.id, ...Object.values(ids)];
      const fields = route.fields.length > 0 ? route.fields : ['name'];
      const shaped = fc.record(Object.fromEntries(fields.map((f) => [f, anyValue(allIds)])), {
        requiredKeys: [],
      });
      const withExtra = fc.tuple(
        shaped,
        fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), {
          maxKeys: 2,
        }),
      );
      const body = fc.oneof(
        shaped,
        withExtra.map(([a, b]) => ({ ...b, ...a })),
        fc.jsonValue({ maxDepth: 3 }),
      );
      await fc.assert(
        fc.asyncProperty(body, async (value) => {
          const response = await call(app, route.method, concrete(route.path), {
            as: w.actors.owner,
            body: value,
            headers: { 'if-match': '*' },
          });
          await expectProblem(response, `${name} ${JSON.stringify(value).slice(0, 200)}`);
        }),
        { numRuns: 12 },
      );
    });

    it('refuses a huge string in any field, and invalid JSON', async () => {
      for (const field of route.fields) {
        const response = await call(app, route.method, concrete(route.path), {
          as: w.actors.owner,
          body: { [field]: HUGE },
          headers: { 'if-match': '*' },
        });
        const status = await expectProblem(response, `${name} huge ${field}`);
        expect(status, `${name} huge ${field}`).toBeGreaterThanOrEqual(400);
      }
      for (const raw of ['{', '{"name": }', 'null x', "{'name': 'single quotes'}", '\u0000']) {
        const response = await call(app, route.method, concrete(route.path), {
          as: w.actors.owner,
          raw,
          headers: { 'if-match': '*' },
        });
        expect(await expectProblem(response, `${name} raw ${raw}`)).toBe(400);
      }
    });
  });

  it('refuses bodies over the size limit with 413, and other media types with 415', async () => {
    const url = `/api/projects/${w.project.id}/work-items`;
    const big = await call(app, 'POST', url, {
      as: w.actors.owner,
      raw: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toBe('application/problem+json');
    const text = await call(app, 'POST', url, {
      as: w.actors.owner,
      raw: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(await expectProblem(text, 'text/plain')).toBe(415);
  });

  it('answers unknown ids with 404 on every item route', async () => {
    const itemRoutes = Object.entries(DOC.paths ?? {}).filter(
      ([path]) => /\{id\}/.test(path) && !path.startsWith('/api/workspaces'),
    );
    for (const [path, item] of itemRoutes)
      for (const method of Object.keys(item as object)) {
        const response = await call(app, method.toUpperCase(), path.replace('{id}', uuidv7()), {
          as: w.actors.owner,
          ...(method === 'get' ? {} : { body: {} }),
          headers: { 'if-match': '"1"' },
        });
        if (response.headers.get('content-type')?.startsWith('text/event-stream'))
          await response.body?.cancel();
        expect(await expectProblem(response, `${method} ${path}`), `${method} ${path}`).toBe(404);
      }
  });

  it('refuses a dependency that closes a cycle, naming its tasks, and writes nothing', async () => {
    const as = w.actors.pm;
    const { body: project } = await json(app, 'POST', '/api/projects', {
      as,
      body: { name: 'Cycles', start: '2026-01-05T08:00:00' },
    });
    const task = async (name: string) =>
      (
        await json(app, 'POST', `/api/projects/${project.id}/work-items`, {
          as,
          body: { name, durationMinutes: 480 },
        })
      ).body.id as string;
    const [design, build, test] = [await task('Design'), await task('Build'), await task('Test')];
    const link = (predecessorId: string, successorId: string) =>
      json(app, 'POST', `/api/projects/${project.id}/dependencies`, {
        as,
        body: { predecessorId, successorId },
      });
    expect((await link(design, build)).status).toBe(201);
    expect((await link(build, test)).status).toBe(201);
    const before = await json(app, 'GET', `/api/projects/${project.id}/history?limit=500`, { as });

    const cycle = await link(test, design);
    expect(cycle.status).toBe(422);
    expect(cycle.body.code).toBe('dependency_cycle');
    expect((cycle.body.tasks as { id: string; name: string }[]).map((x) => x.name).sort()).toEqual([
      'Build',
      'Design',
      'Test',
    ]);
    expect((cycle.body.tasks as { id: string }[]).map((x) => x.id).sort()).toEqual(
      [design, build, test].sort(),
    );
    expect(String(cycle.body.detail)).toMatch(/Design|Build|Test/);

    const links = await json(app, 'GET', `/api/projects/${project.id}/dependencies`, { as });
    expect(links.body.items).toHaveLength(2);
    const after = await json(app, 'GET', `/api/projects/${project.id}/history?limit=500`, { as });
    expect(after.body.items).toEqual(before.body.items);

    expect((await link(design, design)).status).toBe(422);
  });

  it('refuses to move a work item under its own descendant', async () => {
    const as = w.actors.pm;
    const create = async (name: string, parentId?: string) =>
      (
        await json(app, 'POST', `/api/projects/${w.project.id}/work-items`, {
          as,
          body: { name, ...(parentId ? { parentId } : {}) },
        })
      ).body as { id: string; version: number };
    const parent = await create('Parent');
    const child = await create('Child', parent.id);
    const loop = await json(app, 'PATCH', `/api/work-items/${parent.id}`, {
      as,
      headers: { 'if-match': `"${parent.version}"` },
      body: { parentId: child.id },
    });
    expect(loop.status).toBe(422);
    expect(loop.body.errors).toEqual([{ path: 'parentId', message: expect.any(String) }]);
  });
});
