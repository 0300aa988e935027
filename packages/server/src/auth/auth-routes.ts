/**
 * Signing in and out: email + password (rate-limited per IP and email), invitation acceptance, and
 * the one-time links at `/auth/link/<token>`. A successful sign-in sets the session and CSRF cookies
 * and returns the CSRF token to send as `X-CSRF-Token` on writes.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteSession } from '../repositories/session-repository.ts';
import { findUserByEmail, normalizeEmail } from '../repositories/user-repository.ts';
import { ApiError, tooManyRequests } from '../http/api-error.ts';
import { apiRoute } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import { requirePrincipal } from '../http/context.ts';
import { password as newPassword, presentUser, UserSchema } from '../http/resources/users.ts';
import { MAX_PASSWORD_LENGTH, hashPassword, verifyPassword } from './password.ts';
import { acceptLink } from './invitation-links.ts';
import { clearSessionCookies, startSession } from './session-cookie.ts';

const JSON_TYPE = 'application/json';

const SignIn = z
  .strictObject({ email: z.string().min(1).max(320), password: z.string().min(1).max(MAX_PASSWORD_LENGTH) })
  .openapi('SignIn');
const SignedIn = z
  .object({
    user: UserSchema,
    csrfToken: z.string().openapi({ description: 'Send as X-CSRF-Token on writes.' }),
  })
  .openapi('SignedIn');
const Accept = z
  .strictObject({
    token: z.string().min(1).max(200),
    name: z.string().trim().min(1).max(500).optional(),
    password: newPassword.optional().openapi({
      description:
        'New account: its password. Existing account: its current password, unless signed in as it.',
    }),
  })
  .openapi('AcceptInvitation');
const linkParam = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' } }),
});

/** The address the request came from (the socket's; no proxy headers are trusted). */
export function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

// Verifying against a real hash when the email is unknown keeps both answers equally slow.
let dummyHash: Promise<string> | undefined;

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'public' },
      {
        method: 'post',
        path: '/api/auth/sign-in',
        tags: ['Auth'],
        summary: 'Sign in with email and password',
        description: 'Five attempts a minute per address and email; then 429 with Retry-After.',
        request: { body: { required: true, content: { [JSON_TYPE]: { schema: SignIn } } } },
        responses: {
          200: {
            description: 'Signed in: session and CSRF cookies set',
            content: { [JSON_TYPE]: { schema: SignedIn } },
          },
        },
      },
    ),
    async (c) => {
      const { db, signInLimiter, passwordHashing } = c.get('deps');
      const { email, password } = c.req.valid('json');
      const key = `${clientAddress(c)}|${normalizeEmail(email)}`;
      const limit = signInLimiter.hit(key);
      if (!limit.allowed) throw tooManyRequests(limit.retryAfterSeconds);
      const user = await findUserByEmail(db, email);
      const stored =
        user?.password_hash ?? (await (dummyHash ??= hashPassword('not-a-password', passwordHashing)));
      const ok =
        (await verifyPassword(stored, password)) &&
        user !== undefined &&
        user.password_hash !== null &&
        !user.disabled;
      if (!ok || !user)
        throw new ApiError(401, 'invalid_credentials', 'Wrong email or password', 'Wrong email or password.');
      signInLimiter.reset(key);
      const { csrfToken } = await startSession(c, user.id);
      return c.json({ user: presentUser(user), csrfToken }, 200);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'self' },
      {
        method: 'post',
        path: '/api/auth/sign-out',
        tags: ['Auth'],
        summary: 'End this session',
        responses: { 204: { description: 'Signed out; cookies cleared' } },
      },
    ),
    async (c) => {
      const principal = requirePrincipal(c);
      if (principal.sessionId !== undefined) await deleteSession(c.get('deps').db, principal.sessionId);
      clearSessionCookies(c);
      return c.body(null, 204);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'public' },
      {
        method: 'post',
        path: '/api/auth/invitations/accept',
        tags: ['Auth'],
        summary: 'Accept an invitation and sign in',
        description:
          'A new account needs `name` and `password`. An existing account must be signed in, or give its password.',
        request: { body: { required: true, content: { [JSON_TYPE]: { schema: Accept } } } },
        responses: {
          200: { description: 'Joined and signed in', content: { [JSON_TYPE]: { schema: SignedIn } } },
        },
      },
    ),
    async (c) => {
      const { db, clock, passwordHashing } = c.get('deps');
      const body = c.req.valid('json');
      const principal = c.get('principal');
      const { user } = await acceptLink(db, {
        token: body.token,
        now: clock(),
        ...(principal ? { sessionUserId: principal.userId } : {}),
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.password !== undefined
          ? { password: body.password, passwordHash: await hashPassword(body.password, passwordHashing) }
          : {}),
      });
      const { csrfToken } = await startSession(c, user.id);
      return c.json({ user: presentUser(user), csrfToken }, 200);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'public' },
      {
        method: 'get',
        path: '/auth/link/{token}',
        tags: ['Auth'],
        summary: 'Follow a one-time sign-in or invitation link',
        description: 'Signs in and redirects to the app. Valid once; sign-in links expire after 15 minutes.',
        request: { params: linkParam },
        responses: { 303: { description: 'Signed in; redirect to /' } },
      },
    ),
    async (c) => {
      const { db, clock } = c.get('deps');
      const principal = c.get('principal');
      const { user } = await acceptLink(db, {
        token: c.req.valid('param').token,
        now: clock(),
        ...(principal ? { sessionUserId: principal.userId } : {}),
      });
      await startSession(c, user.id);
      return c.redirect('/', 303);
    },
  );
}
