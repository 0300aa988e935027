/**
 * The per-route gate. Every API route declares an `Access` (see `http/api-route.ts`); this middleware
 * enforces it before validation and before the handler:
 *
 * - `public`: anyone; otherwise a principal is required (401);
 * - cookie sessions must echo their CSRF token on unsafe methods (403); API tokens need not;
 * - workspace permissions: the role in the active workspace (403 when it does not grant it), and a
 *   row the route names must be in that workspace (else 404);
 * - project permissions: the project must be one the caller may see (else 404, exactly as for an id
 *   that does not exist or belongs to another workspace), and the role there must grant it (403).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Principal } from '../http/app-env.ts';
import { ApiError, forbidden, notFound, unauthenticated } from '../http/api-error.ts';
import type { Db } from '../repositories/transaction.ts';
import { findProject } from '../repositories/project-repository.ts';
import {
  type Permission,
  type Role,
  isProjectPermission,
  isRole,
  roleGrants,
  seesAllProjects,
} from './permissions.ts';
import { safeEqual } from './secret-token.ts';
import { CSRF_HEADER } from './session-cookie.ts';

type Row = Record<string, unknown>;

/** Where a project route finds its project. */
export type ProjectLocator =
  /** The project id is this path parameter (`/projects/{projectId}/…`). */
  | { param: string }
  /** The path parameter is the id of a row that belongs to a project (`/work-items/{id}`). */
  | {
      param: string;
      entity: string;
      find: (db: Db, workspaceId: string, id: string) => Promise<Row | undefined>;
    };

/** A workspace-level row named by a path parameter (`/memberships/{id}`). */
export interface RowLocator {
  param: string;
  entity: string;
  find: (db: Db, workspaceId: string, id: string) => Promise<Row | undefined>;
}

export interface Access {
  permission: Permission;
  project?: ProjectLocator;
  /** Workspace routes about one row: found in the caller's workspace before anything else, else 404. */
  row?: RowLocator;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authorize(access: Access): MiddlewareHandler<AppEnv> {
  if (isProjectPermission(access.permission) && !access.project)
    throw new Error(`a route with permission ${access.permission} must say where its project is`);
  return async (c, next) => {
    if (access.permission !== 'public') {
      const principal = requirePrincipal(c);
      checkCsrf(c, principal);
      if (access.permission !== 'self') await checkPermission(c, principal, access);
    }
    await next();
  };
}

export function requirePrincipal(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw c.get('authProblem') ?? unauthenticated();
  return principal;
}

function checkCsrf(c: Context<AppEnv>, principal: Principal): void {
  if (principal.via !== 'session' || SAFE_METHODS.has(c.req.method)) return;
  const sent = c.req.header(CSRF_HEADER) ?? '';
  if (!principal.csrfToken || !safeEqual(sent, principal.csrfToken))
    throw new ApiError(
      403,
      'csrf',
      'CSRF token missing or wrong',
      `Send the value of the tandem_csrf cookie as the ${CSRF_HEADER} header.`,
    );
}

async function checkPermission(c: Context<AppEnv>, principal: Principal, access: Access): Promise<void> {
  const { workspaceId, role } = principal;
  if (workspaceId === undefined || role === undefined)
    throw forbidden('You are not a member of any workspace.');
  const { db } = c.get('deps');
  if (!access.project) {
    if (!roleGrants(role, access.permission)) throw forbidden();
    if (access.row) {
      const id = c.req.param(access.row.param) ?? '';
      const row = await access.row.find(db, workspaceId, id);
      if (!row) throw notFound(access.row.entity, id);
      c.set('entity', row);
    }
    return;
  }
  const id = c.req.param(access.project.param) ?? '';
  let projectId = id;
  if ('entity' in access.project) {
    const row = await access.project.find(db, workspaceId, id);
    if (!row || typeof row.project_id !== 'string') throw notFound(access.project.entity, id);
    c.set('entity', row);
    projectId = row.project_id;
  }
  const seen = await projectAccess(db, principal, projectId);
  if (seen === undefined) throw notFound('project', projectId);
  if (!roleGrants(seen.role, access.permission)) throw forbidden();
  c.set('access', { projectId, role: seen.role, planRevision: seen.planRevision });
}

/**
 * The caller's role in a project, or undefined when they may not see it. Owners and admins keep their
 * workspace role everywhere; others need a project membership and take its role — except that a
 * workspace viewer stays a viewer.
 */
export async function roleInProject(
  db: Db,
  principal: Principal,
  projectId: string,
): Promise<Role | undefined> {
  return (await projectAccess(db, principal, projectId))?.role;
}

/** `roleInProject`, with the project's plan revision as read for the check. */
async function projectAccess(
  db: Db,
  principal: Principal,
  projectId: string,
): Promise<{ role: Role; planRevision: number } | undefined> {
  const { workspaceId, role } = principal;
  if (workspaceId === undefined || role === undefined) return undefined;
  const project = await findProject(db, workspaceId, projectId);
  if (!project) return undefined;
  const planRevision = project.plan_revision;
  if (seesAllProjects(role)) return { role, planRevision };
  const membership = await db
    .selectFrom('project_members')
    .select('role')
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('user_id', '=', principal.userId)
    .executeTakeFirst();
  if (!membership || !isRole(membership.role)) return undefined;
  return { role: role === 'viewer' ? 'viewer' : membership.role, planRevision };
}
