/**
 * Finds who is calling, on every request: `Authorization: Bearer <API token>` first, else the session
 * cookie. Never rejects by itself: routes declare what they need and `authorize.ts` decides. A
 * credential that is present but wrong leaves the caller anonymous and records why, so a protected
 * route answers with that reason while public ones (sign-in) still work.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, Principal } from '../http/app-env.ts';
import { ApiError, unauthenticated } from '../http/api-error.ts';
import { findApiTokenAccount, touchApiToken } from '../repositories/api-token-repository.ts';
import { findSessionByTokenHash, touchSession } from '../repositories/session-repository.ts';
import { findUser } from '../repositories/user-repository.ts';
import { listWorkspacesOfUser } from '../repositories/workspace-repository.ts';
import { isRole } from './permissions.ts';
import { apiTokenPrefix, sha256 } from './secret-token.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

/** Choose the active workspace per request (a user may belong to several). */
export const WORKSPACE_HEADER = 'tandem-workspace';

// Record activity at most this often, so reads do not each cost a write.
const TOUCH_EVERY_MS = 60_000;

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  try {
    c.set('principal', await findPrincipal(c));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    c.set('principal', undefined);
    c.set('authProblem', error);
  }
  await next();
};

async function findPrincipal(c: Context<AppEnv>): Promise<Principal | undefined> {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) return fromBearer(c, authorization);
  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie !== undefined && cookie !== '') return fromSession(c, cookie);
  return undefined;
}

async function fromBearer(c: Context<AppEnv>, authorization: string): Promise<Principal> {
  const { db, clock } = c.get('deps');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const token = match?.[1];
  if (token === undefined || apiTokenPrefix(token) === undefined)
    throw unauthenticated('The Authorization header must be "Bearer <API token>".');
  const now = clock();
  const row = await findApiTokenAccount(db, sha256(token), now.toISOString());
  if (!row) throw unauthenticated('This API token is unknown, expired or revoked.');
  const { user, role } = row;
  if (!user || user.disabled) throw unauthenticated('The account of this API token is disabled.');
  if (role === undefined || !isRole(role)) throw unauthenticated('This API token no longer has a workspace.');
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_EVERY_MS)
    await touchApiToken(db, row.workspace_id, row.id, now.toISOString());
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    via: 'token',
    tokenId: row.id,
    workspaceId: row.workspace_id,
    role,
  };
}

async function fromSession(c: Context<AppEnv>, token: string): Promise<Principal> {
  const { db, clock } = c.get('deps');
  const now = clock();
  const session = await findSessionByTokenHash(db, sha256(token), now.toISOString());
  if (!session) throw unauthenticated('Your session has expired. Sign in again.');
  const user = await findUser(db, session.user_id);
  if (!user || user.disabled) throw unauthenticated('This account is disabled.');
  if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) await touchSession(db, session.id);
  const principal: Principal = {
    userId: user.id,
    email: user.email,
    name: user.name,
    via: 'session',
    sessionId: session.id,
    csrfToken: session.csrf_token,
  };
  const workspaces = await listWorkspacesOfUser(db, user.id);
  const wanted = c.req.header(WORKSPACE_HEADER);
  const active =
    wanted === undefined ? workspaces[0] : workspaces.find((w) => w.id === wanted || w.slug === wanted);
  if (wanted !== undefined && !active)
    throw new ApiError(404, 'not_found', 'Not found', `You are not a member of workspace ${wanted}.`);
  if (active && isRole(active.role)) {
    principal.workspaceId = active.id;
    principal.role = active.role;
  }
  return principal;
}
