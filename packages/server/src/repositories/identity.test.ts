import { expect, it } from 'vitest';
import { describeEngines } from '../db/test-engines.ts';
import {
  createApiToken,
  findApiTokenByHash,
  getApiToken,
  touchApiToken,
  updateApiToken,
} from './api-token-repository.ts';
import { listAuditEntries } from './audit-repository.ts';
import { ConstraintError, VersionConflictError } from './errors.ts';
import { findIdempotencyKey, saveIdempotencyKey } from './idempotency-key-repository.ts';
import { createInvitation, findInvitationByTokenHash, updateInvitation } from './invitation-repository.ts';
import {
  createSession,
  deleteExpiredSessions,
  deleteUserSessions,
  findSessionByTokenHash,
  touchSession,
} from './session-repository.ts';
import { newWorkspace } from './testing.ts';
import { createUser, findUserByEmail, updateUser } from './user-repository.ts';
import { listWorkspaceMembers } from './workspace-member-repository.ts';
import {
  createWorkspace,
  findWorkspaceBySlug,
  getWorkspace,
  listWorkspacesOfUser,
  updateWorkspace,
} from './workspace-repository.ts';

const FUTURE = '2099-01-01T00:00:00.000Z';
const PAST = '2000-01-01T00:00:00.000Z';
const tag = () => Math.random().toString(36).slice(2, 10);

describeEngines('accounts and workspaces', (t) => {
  it('users: emails normalised and unique; versioned updates; password hashes never audited', async () => {
    const { ctx } = await newWorkspace(t.db);
    const email = `Ada.${tag()}@Example.TEST `;
    const user = await createUser(t.db, { email, name: 'Ada', password_hash: 'secret-hash' }, ctx);
    expect(user.email).toBe(email.trim().toLowerCase());
    expect(user.disabled).toBe(false);
    expect(await findUserByEmail(t.db, email.toUpperCase())).toEqual(user);
    await expect(createUser(t.db, { email, name: 'Other', password_hash: null })).rejects.toMatchObject({
      kind: 'unique',
    });
    const v2 = await updateUser(t.db, user.id, 1, { name: 'Ada L.', password_hash: 'new-hash' }, ctx);
    await expect(updateUser(t.db, user.id, 1, { name: 'stale' })).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    expect(v2).toMatchObject({ name: 'Ada L.', version: 2 });
    const audit = JSON.stringify(
      (await listAuditEntries(t.db, ctx.workspaceId, { entityId: user.id })).items,
    );
    expect(audit).not.toContain('secret-hash');
    expect(audit).toContain('[redacted]');
  });

  it('workspaces: the creator is owner; slugs unique; versioned updates', async () => {
    const user = await createUser(t.db, { email: `w-${tag()}@example.test`, name: 'W', password_hash: null });
    const slug = `acme-${tag()}`;
    const ws = await createWorkspace(t.db, user.id, { name: 'Acme', slug });
    expect((await listWorkspaceMembers(t.db, ws.id)).items).toMatchObject([
      { user_id: user.id, role: 'owner' },
    ]);
    expect(await listWorkspacesOfUser(t.db, user.id)).toMatchObject([{ id: ws.id, role: 'owner' }]);
    expect(await findWorkspaceBySlug(t.db, slug)).toEqual(ws);
    await expect(createWorkspace(t.db, null, { name: 'Copy', slug })).rejects.toBeInstanceOf(ConstraintError);
    const ctx = { workspaceId: ws.id, actorId: user.id };
    await updateWorkspace(t.db, ctx, 1, { name: 'Acme Ltd', settings: { theme: 'dark' } });
    await expect(updateWorkspace(t.db, ctx, 1, { name: 'stale' })).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    expect(await getWorkspace(t.db, ws.id)).toMatchObject({
      name: 'Acme Ltd',
      version: 2,
      settings: { theme: 'dark' },
    });
  });

  it('sessions: found by token hash until they expire; signed out everywhere at once', async () => {
    const { user } = await newWorkspace(t.db);
    const live = await createSession(t.db, {
      user_id: user.id,
      token_hash: `s-${tag()}`,
      csrf_token: 'c',
      expires_at: FUTURE,
      user_agent: 'test',
      ip: '127.0.0.1',
    });
    const old = await createSession(t.db, {
      user_id: user.id,
      token_hash: `s-${tag()}`,
      csrf_token: 'c',
      expires_at: PAST,
      user_agent: null,
      ip: null,
    });
    expect(await findSessionByTokenHash(t.db, live.token_hash)).toEqual(live);
    expect(await findSessionByTokenHash(t.db, old.token_hash)).toBeUndefined();
    await touchSession(t.db, live.id, '2098-01-01T00:00:00.000Z');
    expect(await findSessionByTokenHash(t.db, live.token_hash)).toMatchObject({
      expires_at: '2098-01-01T00:00:00.000Z',
    });
    expect(await deleteExpiredSessions(t.db)).toBeGreaterThanOrEqual(1);
    expect(await deleteUserSessions(t.db, user.id)).toBe(1);
    expect(await findSessionByTokenHash(t.db, live.token_hash)).toBeUndefined();
  });

  it('API tokens and invitations: found by hash unless revoked, expired or accepted', async () => {
    const { ctx, user } = await newWorkspace(t.db);
    const token = await createApiToken(t.db, ctx, {
      user_id: user.id,
      name: 'CI',
      prefix: 'tdm_x',
      token_hash: `t-${tag()}`,
      expires_at: FUTURE,
    });
    expect(await findApiTokenByHash(t.db, token.token_hash)).toEqual(token);
    await touchApiToken(t.db, ctx.workspaceId, token.id, '2026-03-01T00:00:00.000Z');
    const touched = await getApiToken(t.db, ctx.workspaceId, token.id);
    expect(touched).toMatchObject({ last_used_at: '2026-03-01T00:00:00.000Z', version: 1 });
    await updateApiToken(t.db, ctx, token.id, 1, { revoked_at: '2026-03-02T00:00:00.000Z' });
    expect(await findApiTokenByHash(t.db, token.token_hash)).toBeUndefined();
    const expired = await createApiToken(t.db, ctx, {
      user_id: user.id,
      name: 'old',
      prefix: 'tdm_y',
      token_hash: `t-${tag()}`,
      expires_at: PAST,
    });
    expect(await findApiTokenByHash(t.db, expired.token_hash)).toBeUndefined();

    const invitation = await createInvitation(t.db, ctx, {
      email: 'x@example.test',
      role: 'member',
      token_hash: `i-${tag()}`,
      expires_at: FUTURE,
      invited_by: user.id,
    });
    expect(await findInvitationByTokenHash(t.db, invitation.token_hash)).toEqual(invitation);
    await updateInvitation(t.db, ctx, invitation.id, 1, {
      accepted_at: '2026-03-01T00:00:00.000Z',
      accepted_by: user.id,
    });
    expect(await findInvitationByTokenHash(t.db, invitation.token_hash)).toBeUndefined();
  });

  it('idempotency keys: one response per key and user until it expires', async () => {
    const { ctx, user } = await newWorkspace(t.db);
    const entry = {
      workspace_id: ctx.workspaceId,
      user_id: user.id,
      key: 'k',
      request_hash: 'h',
      response: { status: 201, body: { id: 'x' } },
      expires_at: FUTURE,
    };
    const saved = await saveIdempotencyKey(t.db, entry);
    expect(await findIdempotencyKey(t.db, ctx.workspaceId, user.id, 'k')).toEqual(saved);
    await expect(saveIdempotencyKey(t.db, entry)).rejects.toMatchObject({ kind: 'unique' });
    const other = await newWorkspace(t.db);
    expect(await findIdempotencyKey(t.db, other.ctx.workspaceId, user.id, 'k')).toBeUndefined();
    // An expired entry makes way for a new one.
    await saveIdempotencyKey(t.db, { ...entry, key: 'e', expires_at: PAST });
    expect(await findIdempotencyKey(t.db, ctx.workspaceId, user.id, 'e')).toBeUndefined();
    await saveIdempotencyKey(t.db, { ...entry, key: 'e', request_hash: 'h2' });
    expect(await findIdempotencyKey(t.db, ctx.workspaceId, user.id, 'e')).toMatchObject({
      request_hash: 'h2',
    });
  });
});
