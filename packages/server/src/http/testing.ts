/**
 * Test fixtures for the HTTP API: a real app on a real database, a workspace with one person per role
 * (each a member of the main project with that role), a second project nobody but owners and admins
 * can see, and a foreign workspace whose rows must never show through. Requests go through
 * `app.request()` in-process, authenticated with real API tokens.
 */
import type { Kysely } from 'kysely';
import { type TandemApp, createApp } from '../app.ts';
import { TEST_PASSWORD_HASHING } from '../auth/password.ts';
import { ROLES, type Role } from '../auth/permissions.ts';
import { newApiToken } from '../auth/secret-token.ts';
import type { Engine } from '../db/open-database.ts';
import type { Database } from '../db/schema.ts';
import type { EventBus } from '../events/event-bus.ts';
import { createApiToken } from '../repositories/api-token-repository.ts';
import { createProjectMember } from '../repositories/project-member-repository.ts';
import { type Project, createProject } from '../repositories/project-repository.ts';
import type { WriteContext } from '../repositories/transaction.ts';
import { type User, createUser } from '../repositories/user-repository.ts';
import { createWorkspaceMember } from '../repositories/workspace-member-repository.ts';
import { type Workspace, createWorkspace } from '../repositories/workspace-repository.ts';
import { createLogger } from './logger.ts';
import type { PlanCache } from './plan-cache.ts';

export interface Actor {
  role: Role;
  user: User;
  /** `Bearer …` header value. */
  authorization: string;
}

export interface TestWorkspace {
  workspace: Workspace;
  ctx: WriteContext;
  actors: Record<Role, Actor>;
  /** Every role is a member of this project with that role (owners and admins need not be). */
  project: Project;
  /** A project of the same workspace with no members: only owners and admins see it. */
  otherProject: Project;
}

let counter = 0;
const tag = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export function testApp(
  db: Kysely<Database>,
  engine: Engine,
  options: { events?: EventBus; plans?: PlanCache; clock?: () => Date } = {},
): TandemApp {
  return createApp({
    db,
    engine,
    logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    passwordHashing: TEST_PASSWORD_HASHING,
    ...options,
  });
}

export async function tokenFor(db: Kysely<Database>, workspaceId: string, user: User): Promise<string> {
  const secret = newApiToken();
  await createApiToken(
    db,
    { workspaceId, actorId: user.id },
    {
      user_id: user.id,
      name: 'test',
      prefix: secret.prefix,
      token_hash: secret.hash,
      last_used_at: null,
      expires_at: null,
      revoked_at: null,
    },
  );
  return secret.token;
}

/** A workspace with one person per role, a shared project and a project nobody is a member of. */
export async function testWorkspace(db: Kysely<Database>, name = 'Workspace'): Promise<TestWorkspace> {
  const t = tag();
  const owner = await createUser(db, {
    email: `owner-${t}@example.test`,
    name: `Owner ${t}`,
    password_hash: null,
  });
  const workspace = await createWorkspace(db, owner.id, { name, slug: `ws-${t}` });
  const ctx: WriteContext = { workspaceId: workspace.id, actorId: owner.id };
  const project = await createProject(db, ctx, { name: `${name} project`, start: '2026-01-05T08:00:00' });
  const otherProject = await createProject(db, ctx, {
    name: `${name} other project`,
    start: '2026-01-05T08:00:00',
  });
  const actors = {} as Record<Role, Actor>;
  for (const role of ROLES) {
    const user =
      role === 'owner'
        ? owner
        : await createUser(db, {
            email: `${role}-${t}@example.test`,
            name: `${role} ${t}`,
            password_hash: null,
          });
    if (role !== 'owner') await createWorkspaceMember(db, ctx, { user_id: user.id, role });
    if (role !== 'owner' && role !== 'admin')
      await createProjectMember(db, ctx, { project_id: project.id, user_id: user.id, role });
    actors[role] = { role, user, authorization: `Bearer ${await tokenFor(db, workspace.id, user)}` };
  }
  return { workspace, ctx, actors, project, otherProject };
}

export interface CallOptions {
  as?: Actor | undefined;
  body?: unknown;
  /** A raw body, sent as is (invalid JSON, …). */
  raw?: string;
  headers?: Record<string, string>;
}

/** One in-process request; JSON bodies are serialised and the content type set. */
export function call(
  app: TandemApp,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.as) headers.authorization = options.as.authorization;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  return Promise.resolve(app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) }));
}

/** `call` and parse: `{ status, body, headers }`. */
export async function json(
  app: TandemApp,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<{ status: number; body: Record<string, unknown> & { [key: string]: unknown }; headers: Headers }> {
  const response = await call(app, method, path, options);
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let body: any = {};
  if (text !== '') body = JSON.parse(text);
  return { status: response.status, body, headers: response.headers };
}
