/**
 * Accounts and access: password sign-in and its rate limit, session cookies and CSRF, API tokens,
 * invitations and one-time links, password changes, and secrets kept out of logs and errors.
 */
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TandemApp, createApp } from '../app.ts';
import { describeEngines } from '../db/test-engines.ts';
import { createLogger } from '../http/logger.ts';
import { type TestWorkspace, call, json, testWorkspace } from '../http/testing.ts';
import { findInvitationByTokenHash } from '../repositories/invitation-repository.ts';
import { updateUser } from '../repositories/user-repository.ts';
import { createSignInLink } from './invitation-links.ts';
import { TEST_PASSWORD_HASHING, hashPassword } from './password.ts';
import { sha256 } from './secret-token.ts';

const PASSWORD = 'correct horse battery staple';

/** `name=value` pairs of the Set-Cookie headers, and their attributes. */
function cookies(response: Response): Map<string, { value: string; attributes: string }> {
  const out = new Map<string, { value: string; attributes: string }>();
  for (const line of response.headers.getSetCookie()) {
    const [pair = '', ...rest] = line.split(';');
    const [name = '', value = ''] = pair.split('=');
    out.set(name.trim(), { value, attributes: rest.join(';') });
  }
  return out;
}

/** A browser: keeps the session cookie and echoes the CSRF token when asked to. */
function browser(app: TandemApp, response: Response) {
  const jar = cookies(response);
  const cookie = [...jar].map(([k, v]) => `${k}=${v.value}`).join('; ');
  const csrf = jar.get('tandem_csrf')?.value ?? '';
  return (
    method: string,
    path: string,
    options: { body?: unknown; csrf?: string | false; headers?: Record<string, string> } = {},
  ) =>
    call(app, method, path, {
      ...(options.body !== undefined ? { body: options.body } : {}),
      headers: {
        cookie,
        ...(options.csrf === false ? {} : { 'x-csrf-token': options.csrf ?? csrf }),
        ...options.headers,
      },
    });
}

describeEngines('accounts and access', (t) => {
  let app: TandemApp;
  let w: TestWorkspace;
  let logs: string;

  beforeAll(async () => {
    logs = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    app = createApp({
      db: t.db,
      engine: t.engine,
      logger: createLogger({ level: 'debug' }, sink),
      passwordHashing: TEST_PASSWORD_HASHING,
    });
    w = await testWorkspace(t.db);
    for (const role of ['pm', 'viewer'] as const) {
      const user = w.actors[role].user;
      await updateUser(t.db, user.id, user.version, {
        password_hash: await hashPassword(PASSWORD, TEST_PASSWORD_HASHING),
      });
    }
  });

  const signIn = (email: string, password: string, url = '/api/auth/sign-in') =>
    call(app, 'POST', url, { body: { email, password } });

  describe('password sign-in', () => {
    it('sets an HttpOnly, SameSite=Lax session cookie and a readable CSRF cookie', async () => {
      const response = await signIn(w.actors.pm.user.email, PASSWORD);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { user: { email: string }; csrfToken: string };
      expect(body.user.email).toBe(w.actors.pm.user.email);
      const jar = cookies(response);
      expect(jar.get('tandem_session')?.attributes).toMatch(/HttpOnly/);
      expect(jar.get('tandem_session')?.attributes).toMatch(/SameSite=Lax/);
      expect(jar.get('tandem_session')?.attributes).not.toMatch(/Secure/);
      expect(jar.get('tandem_csrf')?.attributes).not.toMatch(/HttpOnly/);
      expect(jar.get('tandem_csrf')?.value).toBe(body.csrfToken);
      const me = await browser(app, response)('GET', '/api/me');
      expect(((await me.json()) as { user: { id: string } }).user.id).toBe(w.actors.pm.user.id);
    });

    it('marks cookies Secure over HTTPS', async () => {
      const response = await signIn(
        w.actors.viewer.user.email,
        PASSWORD,
        'https://tandem.example/api/auth/sign-in',
      );
      expect(response.status).toBe(200);
      expect(cookies(response).get('tandem_session')?.attributes).toMatch(/Secure/);
    });

    it('answers a wrong password and an unknown email alike, without a cookie', async () => {
      const wrong = await signIn(w.actors.viewer.user.email, 'not the password');
      const unknown = await signIn('nobody@example.test', 'not the password');
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(await wrong.json()).toMatchObject({ code: 'invalid_credentials' });
      expect(((await unknown.json()) as { detail: string }).detail).toBe('Wrong email or password.');
      expect(wrong.headers.getSetCookie()).toEqual([]);
    });

    it('refuses accounts without a password', async () => {
      expect((await signIn(w.actors.member.user.email, PASSWORD)).status).toBe(401);
    });

    it('limits attempts per address and email: 429 with Retry-After after five', async () => {
      const email = w.actors.pm.user.email.toUpperCase();
      for (let i = 0; i < 5; i++) expect((await signIn(email, `wrong ${i}`)).status).toBe(401);
      const limited = await signIn(email, PASSWORD);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({ code: 'rate_limited' });
      // Another email from the same address is not affected.
      expect((await signIn(w.actors.viewer.user.email, PASSWORD)).status).toBe(200);
    });
  });

  describe('cookie sessions and CSRF', () => {
    it('needs the CSRF token on unsafe methods, not on reads', async () => {
      const as = browser(app, await signIn(w.actors.viewer.user.email, PASSWORD));
      expect((await as('GET', '/api/projects', { csrf: false })).status).toBe(200);
      const missing = await as('POST', '/api/tokens', { body: { name: 'x' }, csrf: false });
      expect(missing.status).toBe(403);
      expect(await missing.json()).toMatchObject({ code: 'csrf' });
      expect((await as('POST', '/api/tokens', { body: { name: 'x' }, csrf: 'forged' })).status).toBe(403);
      expect((await as('POST', '/api/tokens', { body: { name: 'x' } })).status).toBe(201);
    });

    it('ends the session on sign-out', async () => {
      const as = browser(app, await signIn(w.actors.viewer.user.email, PASSWORD));
      expect((await as('POST', '/api/auth/sign-out')).status).toBe(204);
      const after = await as('GET', '/api/me');
      expect(after.status).toBe(401);
      expect(await after.json()).toMatchObject({ code: 'unauthenticated' });
    });

    it('treats an unknown session cookie as signed out (and still lets you sign in)', async () => {
      const headers = { cookie: 'tandem_session=forged' };
      expect((await call(app, 'GET', '/api/me', { headers })).status).toBe(401);
      expect(
        (
          await call(app, 'POST', '/api/auth/sign-in', {
            headers,
            body: { email: w.actors.viewer.user.email, password: PASSWORD },
          })
        ).status,
      ).toBe(200);
    });
  });

  describe('several workspaces', () => {
    it('picks the active workspace per request with Tandem-Workspace; others are not found', async () => {
      const as = browser(app, await signIn(w.actors.viewer.user.email, PASSWORD));
      const slug = `second-${w.workspace.slug}`;
      const created = await as('POST', '/api/workspaces', { body: { name: 'Zz second', slug } });
      expect(created.status).toBe(201);
      const second = (await created.json()) as { id: string; role: string };
      expect(second.role).toBe('owner');
      const inSecond = await as('GET', '/api/me', { headers: { 'tandem-workspace': slug } });
      expect(await inSecond.json()).toMatchObject({ workspace: { id: second.id }, role: 'owner' });
      const projects = await as('GET', '/api/projects', { headers: { 'tandem-workspace': second.id } });
      expect(((await projects.json()) as { items: unknown[] }).items).toEqual([]);
      const byDefault = await as('GET', '/api/me');
      expect(await byDefault.json()).toMatchObject({ workspace: { id: w.workspace.id }, role: 'viewer' });
      const foreign = await as('GET', '/api/projects', { headers: { 'tandem-workspace': 'not-mine' } });
      expect(foreign.status).toBe(404);
      const other = await as('GET', `/api/workspaces/${w.workspace.id}`, {
        headers: { 'tandem-workspace': slug },
      });
      expect(other.status).toBe(404);
    });
  });

  describe('API tokens', () => {
    it('are shown once, work as Bearer without CSRF, and stop working when revoked', async () => {
      const created = await json(app, 'POST', '/api/tokens', { as: w.actors.pm, body: { name: 'CI' } });
      expect(created.status).toBe(201);
      const token = created.body.token as string;
      expect(token).toMatch(/^tdm_/);
      expect(JSON.stringify(created.body.apiToken)).not.toContain(token);
      const listed = await json(app, 'GET', '/api/tokens', { as: w.actors.pm });
      expect(JSON.stringify(listed.body)).not.toContain(token.slice(14));
      const bearer = { role: 'pm' as const, user: w.actors.pm.user, authorization: `Bearer ${token}` };
      const write = await json(app, 'POST', '/api/projects', {
        as: bearer,
        body: { name: 'By token', start: '2026-01-05T08:00:00' },
      });
      expect(write.status).toBe(201);
      const apiToken = created.body.apiToken as { id: string; version: number };
      const revoke = await json(app, 'DELETE', `/api/tokens/${apiToken.id}`, {
        as: w.actors.pm,
        headers: { 'if-match': `"${apiToken.version}"` },
      });
      expect(revoke.status).toBe(204);
      expect((await json(app, 'GET', '/api/me', { as: bearer })).status).toBe(401);
    });

    it('refuses malformed and unknown tokens with 401', async () => {
      for (const authorization of ['Bearer nope', 'Basic abc', `Bearer tdm_AAAAAAAA_${'a'.repeat(43)}`]) {
        const response = await call(app, 'GET', '/api/me', { headers: { authorization } });
        expect(response.status, authorization).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
      }
    });

    it('stop working when their account is disabled, leaves the workspace, or the token expires', async () => {
      const tw = await testWorkspace(t.db, 'Token checks');
      const me = async (as: { authorization: string }) => {
        const response = await json(app, 'GET', '/api/me', { as: { ...tw.actors.pm, ...as } });
        return { status: response.status, detail: (response.body as { detail?: string }).detail };
      };
      expect((await me(tw.actors.member)).status).toBe(200);
      const { member, viewer, tpm } = tw.actors;
      await updateUser(t.db, member.user.id, member.user.version, { disabled: true });
      expect(await me(member)).toEqual({ status: 401, detail: 'The account of this API token is disabled.' });
      await t.db
        .deleteFrom('workspace_members')
        .where('workspace_id', '=', tw.workspace.id)
        .where('user_id', '=', viewer.user.id)
        .execute();
      expect(await me(viewer)).toEqual({ status: 401, detail: 'This API token no longer has a workspace.' });
      await t.db
        .updateTable('api_tokens')
        .set({ expires_at: '2020-01-01T00:00:00.000Z' })
        .where('workspace_id', '=', tw.workspace.id)
        .where('user_id', '=', tpm.user.id)
        .execute();
      expect(await me(tpm)).toEqual({
        status: 401,
        detail: 'This API token is unknown, expired or revoked.',
      });
    });

    it('cannot revoke another person’s token unless an admin', async () => {
      const created = await json(app, 'POST', '/api/tokens', { as: w.actors.viewer, body: { name: 'Mine' } });
      const id = (created.body.apiToken as { id: string }).id;
      expect(
        (
          await json(app, 'DELETE', `/api/tokens/${id}`, {
            as: w.actors.member,
            headers: { 'if-match': '"1"' },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await json(app, 'DELETE', `/api/tokens/${id}`, {
            as: w.actors.admin,
            headers: { 'if-match': '"1"' },
          })
        ).status,
      ).toBe(204);
    });
  });

  describe('invitations and one-time links', () => {
    it('invites a new person, who sets a password on accepting and can then sign in', async () => {
      const email = `new-${w.workspace.slug}@example.test`;
      const invited = await json(app, 'POST', '/api/invitations', {
        as: w.actors.admin,
        body: { email, role: 'member', projectId: w.project.id, projectRole: 'tpm' },
      });
      expect(invited.status).toBe(201);
      expect(invited.body.url).toBe(`http://localhost/auth/link/${invited.body.token}`);
      const stored = await findInvitationByTokenHash(t.db, sha256(invited.body.token as string));
      expect(stored?.token_hash).not.toBe(invited.body.token);

      const accepted = await call(app, 'POST', '/api/auth/invitations/accept', {
        body: { token: invited.body.token, name: 'New Person', password: 'a new password!' },
      });
      expect(accepted.status).toBe(200);
      const as = browser(app, accepted);
      const me = (await (await as('GET', '/api/me')).json()) as { role: string; user: { name: string } };
      expect(me).toMatchObject({ role: 'member', user: { name: 'New Person' } });
      // The project role came with it: a tpm may plan in that project.
      const link = await as('POST', `/api/projects/${w.project.id}/sprints`, {
        body: { name: 'By the new TPM' },
      });
      expect(link.status).toBe(201);
      expect((await signIn(email, 'a new password!')).status).toBe(200);
      const again = await call(app, 'POST', '/api/auth/invitations/accept', {
        body: { token: invited.body.token, name: 'X', password: 'another password' },
      });
      expect(again.status).toBe(404);
      expect(await again.json()).toMatchObject({ code: 'link_invalid' });
    });

    it('never lets an invitation sign into an existing account without its password', async () => {
      const invited = await json(app, 'POST', '/api/invitations', {
        as: w.actors.admin,
        body: { email: w.actors.pm.user.email, role: 'viewer' },
      });
      const token = invited.body.token as string;
      const viaLink = await call(app, 'GET', `/auth/link/${token}`);
      expect(viaLink.status).toBe(403);
      expect(viaLink.headers.getSetCookie()).toEqual([]);
      const wrong = await call(app, 'POST', '/api/auth/invitations/accept', {
        body: { token, password: 'not the password' },
      });
      expect(wrong.status).toBe(403);
      const right = await call(app, 'POST', '/api/auth/invitations/accept', {
        body: { token, password: PASSWORD },
      });
      expect(right.status).toBe(200);
    });

    it('only owners invite owners', async () => {
      const body = { email: `o-${w.workspace.slug}@example.test`, role: 'owner' };
      expect((await json(app, 'POST', '/api/invitations', { as: w.actors.admin, body })).status).toBe(403);
      expect((await json(app, 'POST', '/api/invitations', { as: w.actors.owner, body })).status).toBe(201);
    });

    it('signs in once with a one-time link, which then expires', async () => {
      let now = new Date();
      const clocked = createApp({
        db: t.db,
        engine: t.engine,
        logger: createLogger({ level: 'silent' }),
        clock: () => now,
      });
      const token = await createSignInLink(t.db, {
        workspaceId: w.workspace.id,
        user: w.actors.owner.user,
        role: 'owner',
        now,
      });
      const first = await call(clocked, 'GET', `/auth/link/${token}`);
      expect(first.status).toBe(303);
      expect(first.headers.get('location')).toBe('/');
      expect(cookies(first).get('tandem_session')?.attributes).toMatch(/HttpOnly/);
      const me = await browser(clocked, first)('GET', '/api/me');
      expect(((await me.json()) as { user: { id: string } }).user.id).toBe(w.actors.owner.user.id);
      expect((await call(clocked, 'GET', `/auth/link/${token}`)).status).toBe(404);

      const late = await createSignInLink(t.db, {
        workspaceId: w.workspace.id,
        user: w.actors.owner.user,
        role: 'owner',
        now,
      });
      now = new Date(now.getTime() + 16 * 60_000);
      expect((await call(clocked, 'GET', `/auth/link/${late}`)).status).toBe(404);
    });
  });

  describe('password changes', () => {
    it('need the current password, and sign out every other session', async () => {
      const user = w.actors.viewer.user;
      const other = browser(app, await signIn(user.email, PASSWORD));
      const as = browser(app, await signIn(user.email, PASSWORD));
      const me = await as('GET', '/api/me');
      const etag = me.headers.get('etag') ?? '';
      const wrong = await as('PATCH', '/api/me', {
        body: { password: 'brand new password', currentPassword: 'nope' },
        headers: { 'if-match': etag },
      });
      expect(wrong.status).toBe(403);
      const changed = await as('PATCH', '/api/me', {
        body: { password: 'brand new password', currentPassword: PASSWORD },
        headers: { 'if-match': etag },
      });
      expect(changed.status).toBe(200);
      expect((await other('GET', '/api/me')).status).toBe(401);
      expect((await signIn(user.email, 'brand new password')).status).toBe(200);
      await updateUser(
        t.db,
        user.id,
        ((await changed.json()) as { user: { version: number } }).user.version,
        {
          password_hash: await hashPassword(PASSWORD, TEST_PASSWORD_HASHING),
        },
      );
    });
  });

  describe('errors and logs', () => {
    it('turns an unexpected error into a bare 500 and logs it', async () => {
      const boom = createApp({
        db: t.db,
        engine: t.engine,
        logger: createLogger(
          { level: 'error' },
          new Writable({
            write: (c: Buffer, _e, d) => {
              logs += c.toString();
              d();
            },
          }),
        ),
      });
      boom.get('/api/boom', () => {
        throw new Error('SELECT secret_column FROM internals');
      });
      const response = await call(boom, 'GET', '/api/boom');
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const text = await response.text();
      expect(text).not.toContain('secret_column');
      expect(JSON.parse(text)).toMatchObject({ status: 500, code: 'internal' });
      expect(logs).toContain('secret_column');
    });

    it('never writes passwords, tokens or cookies to the log', async () => {
      const token = (await json(app, 'POST', '/api/tokens', { as: w.actors.pm, body: { name: 'Logged?' } }))
        .body.token as string;
      await json(app, 'GET', '/api/me', { as: { ...w.actors.pm, authorization: `Bearer ${token}` } });
      const session = await signIn(w.actors.viewer.user.email, PASSWORD);
      await browser(app, session)('GET', '/api/me');
      const link = await createSignInLink(t.db, {
        workspaceId: w.workspace.id,
        user: w.actors.viewer.user,
        role: 'viewer',
      });
      await call(app, 'GET', `/auth/link/${link}`);
      expect(logs).not.toContain(PASSWORD);
      expect(logs).not.toContain(token);
      expect(logs).not.toContain(link);
      expect(logs).not.toContain(cookies(session).get('tandem_session')?.value ?? 'unset');
      expect(logs).toContain('/auth/link/[redacted]');
    });
  });
});
