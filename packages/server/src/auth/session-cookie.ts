/**
 * Browser sessions: an HttpOnly, SameSite=Lax session cookie (Secure over HTTPS) and a readable CSRF
 * cookie whose value the web app echoes in `X-CSRF-Token` on unsafe requests (double submit, checked
 * against the session's own token on the server).
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/app-env.ts';
import { createSession } from '../repositories/session-repository.ts';
import { randomSecret, sha256 } from './secret-token.ts';

export const SESSION_COOKIE = 'tandem_session';
export const CSRF_COOKIE = 'tandem_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_DAYS = 14;

export function isSecureRequest(c: Context<AppEnv>): boolean {
  const setting = c.get('deps').secureCookies;
  if (setting !== 'auto') return setting;
  return new URL(c.req.url).protocol === 'https:';
}

/** Creates a session for `userId`, sets both cookies, and returns the CSRF token for the body. */
export async function startSession(c: Context<AppEnv>, userId: string): Promise<{ csrfToken: string }> {
  const { db, clock } = c.get('deps');
  const token = randomSecret();
  const csrfToken = randomSecret();
  const expires = new Date(clock().getTime() + SESSION_DAYS * 86_400_000);
  await createSession(db, {
    user_id: userId,
    token_hash: sha256(token),
    csrf_token: csrfToken,
    expires_at: expires.toISOString(),
    user_agent: c.req.header('user-agent')?.slice(0, 300) ?? null,
    ip: null,
  });
  const secure = isSecureRequest(c);
  const common = { path: '/', sameSite: 'Lax', secure, expires } as const;
  setCookie(c, SESSION_COOKIE, token, { ...common, httpOnly: true });
  setCookie(c, CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
  return { csrfToken };
}

export function clearSessionCookies(c: Context<AppEnv>): void {
  const secure = isSecureRequest(c);
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure });
  deleteCookie(c, CSRF_COOKIE, { path: '/', secure });
}
