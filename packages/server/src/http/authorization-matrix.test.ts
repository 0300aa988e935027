/**
 * Every route × every role (and anonymous) × the caller's own project, another project of the same
 * workspace, and another workspace. Routes come from the OpenAPI document (each declares
 * `x-permission`); the expected answer comes from the role table below, written out independently of
 * `auth/permissions.ts`. Requests are harmless by construction: writes go without `If-Match` (428)
 * or with an empty body (422), which the gate has to let through first.
 */
import { beforeAll, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/permissions.ts';
import { describeEngines } from '../db/test-engines.ts';
import { createUser } from '../repositories/user-repository.ts';
import { createWorkspaceMember } from '../repositories/workspace-member-repository.ts';
import { createApp, type TandemApp } from '../app.ts';
import { createLogger } from './logger.ts';
import { type FixtureIds, createFixtures } from './test-fixtures.ts';
import { type Actor, type TestWorkspace, call, json, testApp, testWorkspace } from './testing.ts';

/** Who may do what, as the product promises it (PRODUCT.md §9; packages/server/CONTEXT.md). */
const EXPECTED_GRANTS: Record<string, readonly Role[]> = {
  'workspace:read': ['owner', 'admin', 'pm', 'tpm', 'member', 'viewer'],
  'workspace:admin': ['owner', 'admin'],
  'workspace:delete': ['owner'],
  'project:create': ['owner', 'admin', 'pm', 'tpm'],
  'project:read': ['owner', 'admin', 'pm', 'tpm', 'member', 'viewer'],
  'project:contribute': ['owner', 'admin', 'pm', 'tpm', 'member'],
  'project:plan': ['owner', 'admin', 'pm', 'tpm'],
  'project:delete': ['owner', 'admin'],
};

/** Row-level rules on top of the route's permission, for the fixture rows used here. */
const ROW_RULES: Record<string, string> = {
  // The fixture comment's author is the owner: others need to be planners to change it.
  'PATCH /api/comments/{id}': 'project:plan',
  'DELETE /api/comments/{id}': 'project:plan',
  // The fixture token is the owner's: only admins may revoke someone else's.
  'DELETE /api/tokens/{id}': 'workspace:admin',
};

interface Route {
  method: string;
  path: string;
  permission: string;
}

type Scope = 'own' | 'other' | 'foreign';

function listRoutes(app: TandemApp): Route[] {
  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const [method, op] of Object.entries(item as Record<string, { 'x-permission'?: string }>))
      routes.push({ method: method.toUpperCase(), path, permission: op['x-permission'] ?? '(none)' });
  return routes;
}

// The routes are known without a database: building the app touches none.
const ROUTES = listRoutes(
  createApp({ db: {} as never, engine: 'sqlite', logger: createLogger({ level: 'silent' }) }),
);

const isProjectRoute = (r: Route) => r.permission.startsWith('project:') && r.permission !== 'project:create';
const scopesOf = (r: Route): Scope[] =>
  isProjectRoute(r)
    ? ['own', 'other', 'foreign']
    : /\{(id|token)\}/.test(r.path)
      ? ['own', 'foreign']
      : ['own'];

type Outcome = 'allowed' | 401 | 403 | 404;

function expected(route: Route, role: Role | 'anonymous', scope: Scope): Outcome {
  if (route.permission === 'public') return 'allowed';
  if (role === 'anonymous') return 401;
  if (route.permission === 'self') return scope === 'foreign' ? 404 : 'allowed';
  const permission = ROW_RULES[`${route.method} ${route.path}`] ?? route.permission;
  const granted = EXPECTED_GRANTS[permission]?.includes(role) ?? false;
  if (!isProjectRoute(route)) {
    if (!(EXPECTED_GRANTS[route.permission]?.includes(role) ?? false)) return 403;
    if (scope === 'foreign') return 404;
    return granted ? 'allowed' : 404;
  }
  if (scope === 'foreign') return 404;
  if (scope === 'other' && role !== 'owner' && role !== 'admin') return 404;
  return granted ? 'allowed' : 403;
}

function outcomeOf(status: number, code: unknown): Outcome | number {
  if (status === 401 || status === 403) return status;
  if (status === 404 && code === 'not_found') return 404;
  return status >= 500 ? status : 'allowed';
}

describeEngines('authorisation matrix', (t) => {
  let app: TandemApp;
  let home: TestWorkspace;
  let away: TestWorkspace;
  const fixtures = {} as Record<Scope, FixtureIds>;
  const workspaceRows = {} as Record<'own' | 'foreign', Record<string, string>>;

  beforeAll(async () => {
    app = testApp(t.db, t.engine);
    home = await testWorkspace(t.db, 'Home');
    away = await testWorkspace(t.db, 'Foreign secret');
    const extra = async (w: TestWorkspace) => {
      const user = await createUser(t.db, {
        email: `extra-${w.workspace.slug}@example.test`,
        name: 'Extra',
        password_hash: null,
      });
      await createWorkspaceMember(t.db, w.ctx, { user_id: user.id, role: 'member' });
      return user.id;
    };
    const homeExtra = await extra(home);
    const awayExtra = await extra(away);
    fixtures.own = await createFixtures(app, home.actors.owner, home.project.id, { extraUserId: homeExtra });
    fixtures.other = await createFixtures(app, home.actors.owner, home.otherProject.id, {
      extraUserId: homeExtra,
    });
    fixtures.foreign = await createFixtures(app, away.actors.owner, away.project.id, {
      extraUserId: awayExtra,
      label: 'Foreign secret',
    });
    for (const [scope, w] of [
      ['own', home],
      ['foreign', away],
    ] as const) {
      const owner = w.actors.owner;
      const invitation = await json(app, 'POST', '/api/invitations', {
        as: owner,
        body: { email: `x-${w.workspace.slug}@example.test`, role: 'member' },
      });
      const memberships = await json(app, 'GET', `/api/memberships?userId=${w.actors.viewer.user.id}`, {
        as: owner,
      });
      const tokens = await json(app, 'GET', '/api/tokens', { as: owner });
      workspaceRows[scope] = {
        workspaces: w.workspace.id,
        users: w.actors.viewer.user.id,
        memberships: (memberships.body.items as { id: string }[])[0]?.id ?? '',
        invitations: (invitation.body.invitation as { id: string }).id,
        tokens: (tokens.body.items as { id: string }[])[0]?.id ?? '',
      };
    }
  });

  function pathFor(route: Route, scope: Scope): string {
    const w = scope === 'foreign' ? away : home;
    const project = scope === 'own' ? home.project : scope === 'other' ? home.otherProject : away.project;
    const [, first, second] = route.path.split('/');
    let path = route.path.replace('{projectId}', project.id).replace('{token}', 'x'.repeat(43));
    if (first === 'api' && second === 'projects') return path.replace('{id}', project.id);
    if (second !== undefined && path.includes('{id}')) {
      const id = isProjectRoute(route)
        ? fixtures[scope][second]
        : workspaceRows[scope === 'foreign' ? 'foreign' : 'own'][second];
      if (id === undefined) throw new Error(`no fixture for ${route.path}`);
      path = path.replace('{id}', id);
    }
    void w;
    return path;
  }

  it('every route declares its permission', () => {
    expect(
      ROUTES.filter(
        (r) => !(r.permission in EXPECTED_GRANTS) && r.permission !== 'public' && r.permission !== 'self',
      ),
    ).toEqual([]);
    expect(ROUTES.length).toBeGreaterThan(90);
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_name, route) => {
    const wrong: string[] = [];
    const leaks: string[] = [];
    const callers: (Actor | undefined)[] = [...ROLES.map((role) => home.actors[role]), undefined];
    await Promise.all(
      callers.flatMap((actor) =>
        scopesOf(route).map(async (scope) => {
          const role = actor?.role ?? 'anonymous';
          const path = pathFor(route, scope);
          const unsafe = route.method !== 'GET';
          const response = await call(app, route.method, path, {
            as: actor,
            ...(unsafe ? { body: {} } : {}),
          });
          let text = '';
          if (response.headers.get('content-type')?.startsWith('text/event-stream'))
            await response.body?.cancel();
          else text = await response.text();
          const code = text.startsWith('{') ? (JSON.parse(text) as { code?: unknown }).code : undefined;
          const got = outcomeOf(response.status, code);
          const want = expected(route, role, scope);
          if (got !== want)
            wrong.push(`${role} ${scope}: expected ${want}, got ${response.status} ${text.slice(0, 160)}`);
          if (text.includes('Foreign secret')) leaks.push(`${role} ${scope}: ${text.slice(0, 200)}`);
        }),
      ),
    );
    expect(leaks).toEqual([]);
    expect(wrong).toEqual([]);
  });
});
