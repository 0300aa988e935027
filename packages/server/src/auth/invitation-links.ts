/**
 * Links that sign someone in: invitations (an admin invites an email to the workspace) and one-time
 * sign-in links the server issues itself (printed at first start). Both are invitation rows found by
 * the SHA-256 of their token, valid once and until they expire; a system link has no `invited_by`.
 *
 * Accepting never lets an invitation stand in for an existing account's credentials: only a system
 * link, or the account's own session or password, signs into an account that already exists —
 * otherwise whoever created the invitation could use it to enter that person's other workspaces.
 */
import { v7 as uuidv7 } from 'uuid';
import { isRole } from './permissions.ts';
import { randomSecret, sha256 } from './secret-token.ts';
import { verifyPassword } from './password.ts';
import {
  createInvitation,
  findInvitationByTokenHash,
  updateInvitation,
} from '../repositories/invitation-repository.ts';
import { createProjectMember } from '../repositories/project-member-repository.ts';
import { type Db, withTransaction } from '../repositories/transaction.ts';
import { type User, createUser, findUserByEmail, updateUser } from '../repositories/user-repository.ts';
import { createWorkspaceMember } from '../repositories/workspace-member-repository.ts';
import { ApiError } from '../http/api-error.ts';
import type { WorkspaceRole } from '../db/schema.ts';

export const SIGN_IN_LINK_MINUTES = 15;
export const INVITATION_DAYS = 7;

/** A one-time sign-in link for an existing member (the first-start link). Returns the token. */
export async function createSignInLink(
  db: Db,
  options: { workspaceId: string; user: User; role: WorkspaceRole; now?: Date; minutes?: number },
): Promise<string> {
  const token = randomSecret();
  const now = options.now ?? new Date();
  await createInvitation(
    db,
    { workspaceId: options.workspaceId, actorId: null },
    {
      id: uuidv7(),
      email: options.user.email,
      role: options.role,
      project_id: null,
      project_role: null,
      token_hash: sha256(token),
      invited_by: null,
      expires_at: new Date(now.getTime() + (options.minutes ?? SIGN_IN_LINK_MINUTES) * 60_000).toISOString(),
      accepted_at: null,
      accepted_by: null,
    },
  );
  return token;
}

export interface Acceptance {
  token: string;
  /** The signed-in user accepting, if any. */
  sessionUserId?: string;
  /** For a new account: its name and password hash (a link without them makes a passwordless account). */
  name?: string;
  passwordHash?: string;
  /** For an existing account without a session: its password. */
  password?: string;
  now: Date;
}

/** Consumes the link; returns the user to sign in and the workspace joined. */
export async function acceptLink(
  db: Db,
  acceptance: Acceptance,
): Promise<{ user: User; workspaceId: string }> {
  const invalid = () =>
    new ApiError(
      404,
      'link_invalid',
      'Link invalid',
      'This link is unknown, already used or expired. Ask for a new one.',
    );
  const found = await findInvitationByTokenHash(db, sha256(acceptance.token), acceptance.now.toISOString());
  if (!found) throw invalid();
  const existing = await findUserByEmail(db, found.email);
  if (existing && !(await mayEnter(existing, found.invited_by === null, acceptance)))
    throw new ApiError(
      403,
      'sign_in_required',
      'Sign in first',
      `An account for ${found.email} exists: sign in as that account (or give its password) to accept.`,
    );
  if (existing?.disabled)
    throw new ApiError(403, 'account_disabled', 'Account disabled', 'This account is disabled.');
  return withTransaction(db, async (trx) => {
    const ctx = { workspaceId: found.workspace_id, actorId: existing?.id ?? null };
    let user =
      existing ??
      (await createUser(
        trx,
        {
          email: found.email,
          name: acceptance.name ?? found.email.split('@')[0] ?? found.email,
          password_hash: acceptance.passwordHash ?? null,
        },
        ctx,
      ));
    ctx.actorId = user.id;
    if (existing && existing.password_hash === null && acceptance.passwordHash !== undefined)
      user = await updateUser(trx, user.id, user.version, { password_hash: acceptance.passwordHash }, ctx);
    const member = await trx
      .selectFrom('workspace_members')
      .select('id')
      .where('workspace_id', '=', found.workspace_id)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (!member && isRole(found.role))
      await createWorkspaceMember(trx, ctx, { user_id: user.id, role: found.role });
    if (found.project_id !== null && found.project_role !== null) {
      const inProject = await trx
        .selectFrom('project_members')
        .select('id')
        .where('workspace_id', '=', found.workspace_id)
        .where('project_id', '=', found.project_id)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      if (!inProject)
        await createProjectMember(trx, ctx, {
          project_id: found.project_id,
          user_id: user.id,
          role: found.project_role,
        });
    }
    // The version check makes the link single-use even when two requests race with it.
    await updateInvitation(trx, ctx, found.id, found.version, {
      accepted_at: acceptance.now.toISOString(),
      accepted_by: user.id,
    }).catch((error: unknown) => {
      throw error instanceof Error && error.name === 'VersionConflictError' ? invalid() : error;
    });
    return { user, workspaceId: found.workspace_id };
  });
}

async function mayEnter(user: User, systemLink: boolean, acceptance: Acceptance): Promise<boolean> {
  if (systemLink || acceptance.sessionUserId === user.id) return true;
  if (acceptance.password === undefined || user.password_hash === null) return false;
  return verifyPassword(user.password_hash, acceptance.password);
}
