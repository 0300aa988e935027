/** Typed access to what the middleware put on the context, for handlers. */
import type { Context } from 'hono';
import { requirePrincipal } from '../auth/authorize.ts';
import { ApiError } from './api-error.ts';
import type { AppEnv, Principal, ProjectAccess } from './app-env.ts';
import type { Row } from './resources/resource-def.ts';

export { requirePrincipal };

/** The active workspace of the caller (authorised routes always have one). */
export function workspaceOf(c: Context<AppEnv>): { principal: Principal; workspaceId: string } {
  const principal = requirePrincipal(c);
  if (principal.workspaceId === undefined)
    throw new ApiError(403, 'forbidden', 'Not allowed', 'You are not a member of any workspace.');
  return { principal, workspaceId: principal.workspaceId };
}

/** The project a project route was authorised for. */
export function accessOf(c: Context<AppEnv>): ProjectAccess {
  const access = c.get('access');
  if (!access) throw new Error('project route without project access: declare `project` in its Access');
  return access;
}

/** The row the authorisation loaded for an item route. */
export function entityOf(c: Context<AppEnv>): Row {
  const entity = c.get('entity');
  if (!entity) throw new Error('item route without an entity locator');
  return entity as Row;
}
