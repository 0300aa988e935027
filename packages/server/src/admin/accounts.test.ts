import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD_HASHING, verifyPassword } from '../auth/password.ts';
import { sha256 } from '../auth/secret-token.ts';
import { backupWorkspace } from '../backup/workspace-backup.ts';
import { DatabaseNotEmptyError, restoreIntoEmptyDatabase } from '../backup/restore-into-empty.ts';
import { ENGINES, describeEngines, openTestDatabase, requireEngines } from '../db/test-engines.ts';
import { ValidationError } from '../repositories/errors.ts';
import { newWorkspace } from '../repositories/testing.ts';
import { findUserByEmail } from '../repositories/user-repository.ts';
import { listWorkspacesOfUser } from '../repositories/workspace-repository.ts';
import { createAccount, issueApiToken, resolveWorkspace } from './accounts.ts';

describeEngines('accounts made by an operator', (t) => {
  it('without a workspace in the database: an account alone, with a generated password', async () => {
    const created = await createAccount(
      t.db,
      { email: ' First@Example.com ', name: 'First' },
      TEST_PASSWORD_HASHING,
    );
    expect(created.workspace).toBeUndefined();
    expect(created.user.email).toBe('first@example.com');
    expect(created.generatedPassword).toMatch(/^[\w-]{20}$/);
    const stored = await findUserByEmail(t.db, 'first@example.com');
    expect(await verifyPassword(stored!.password_hash!, created.generatedPassword!)).toBe(true);
  });

  it('joins the only workspace with the role asked; refuses to guess among several', async () => {
    const { workspace } = await newWorkspace(t.db, 'Only');
    const pm = await createAccount(
      t.db,
      { email: 'pm@example.com', name: 'P M', password: 'long enough secret', role: 'pm' },
      TEST_PASSWORD_HASHING,
    );
    expect(pm.generatedPassword).toBeUndefined();
    expect(pm.workspace?.id).toBe(workspace.id);
    expect((await listWorkspacesOfUser(t.db, pm.user.id)).map((w) => [w.id, w.role])).toEqual([
      [workspace.id, 'pm'],
    ]);

    const other = await newWorkspace(t.db, 'Other');
    await expect(resolveWorkspace(t.db, undefined)).rejects.toThrow(/several workspaces/);
    const member = await createAccount(
      t.db,
      { email: 'm@example.com', name: 'M', workspace: other.workspace.slug },
      TEST_PASSWORD_HASHING,
    );
    expect(member).toMatchObject({ role: 'member', workspace: { id: other.workspace.id } });
  });

  it('names every problem of the input, and a taken email', async () => {
    const attempt = createAccount(t.db, { email: 'nope', name: ' ', role: 'boss', password: 'short' });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      issues: ['email', 'name', 'role', 'password'].map((path) => expect.objectContaining({ path })),
    });
    await expect(
      createAccount(t.db, { email: 'PM@example.com', name: 'Again' }, TEST_PASSWORD_HASHING),
    ).rejects.toThrow(/pm@example.com exists already/);
  });

  it('issues an API token stored as a hash, in a workspace of the account', async () => {
    const issued = await issueApiToken(t.db, { email: 'pm@example.com', name: 'CI' });
    expect(issued.token).toMatch(/^tdm_[\w-]{8}_[\w-]{43}$/);
    expect(issued.apiToken.token_hash).toBe(sha256(issued.token));
    expect(issued.apiToken.prefix).toBe(issued.token.slice(0, 12));
    await expect(issueApiToken(t.db, { email: 'first@example.com', name: 'CI' })).rejects.toThrow(
      /not a member of any workspace/,
    );
    await expect(
      issueApiToken(t.db, { email: 'pm@example.com', name: 'CI', workspace: 'elsewhere' }),
    ).rejects.toThrow(/not a workspace of this account/);
  });
});

describe.each(ENGINES)('restore into an empty database [%s]', (engine) => {
  if (!requireEngines([engine])) return;

  it('restores into an empty database; refuses one with data, changing nothing', async () => {
    const [source, target] = await Promise.all([openTestDatabase(engine), openTestDatabase(engine)]);
    try {
      const { workspace } = await newWorkspace(source.db, 'Backed up');
      const backup = await backupWorkspace(source.db, workspace.id);
      await restoreIntoEmptyDatabase(target.db, backup);
      expect(await backupWorkspace(target.db, workspace.id)).toEqual(backup);
      const again = restoreIntoEmptyDatabase(source.db, { ...backup, workspaceId: 'x' });
      await expect(again).rejects.toBeInstanceOf(DatabaseNotEmptyError);
      await expect(again).rejects.toThrow(`it has the workspace ${workspace.slug}`);
    } finally {
      await Promise.all([source.destroy(), target.destroy()]);
    }
  });
});
