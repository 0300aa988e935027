/**
 * Accounts and API tokens made by an operator rather than through the API (`tandem user create`,
 * `tandem token create`): the same rows and audit entries the API writes, with the system as the actor.
 * Problems are `ValidationError`s naming the field (`email`, `workspace`, `role`, `password`).
 */
import { randomBytes } from 'node:crypto';
import {
  type PasswordHashing,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  hashPassword,
} from '../auth/password.ts';
import { ROLES, type Role, isRole } from '../auth/permissions.ts';
import { newApiToken } from '../auth/secret-token.ts';
import { type ApiToken, createApiToken } from '../repositories/api-token-repository.ts';
import { ValidationError } from '../repositories/errors.ts';
import { type Db, withTransaction } from '../repositories/transaction.ts';
import { type User, createUser, findUserByEmail, normalizeEmail } from '../repositories/user-repository.ts';
import { createWorkspaceMember } from '../repositories/workspace-member-repository.ts';
import {
  type Workspace,
  findWorkspace,
  findWorkspaceBySlug,
  listWorkspacesOfUser,
} from '../repositories/workspace-repository.ts';

const invalid = (path: string, message: string) => new ValidationError([{ path, message }]);

/**
 * The workspace `ref` names (its slug or id); without `ref`, the only workspace of `among` (default:
 * of the database). Several candidates and no `ref` is an error listing their slugs.
 */
export async function resolveWorkspace(
  db: Db,
  ref: string | undefined,
  among?: readonly Workspace[],
): Promise<Workspace | undefined> {
  if (ref !== undefined) {
    const found =
      among !== undefined
        ? among.find((w) => w.slug === ref || w.id === ref)
        : ((await findWorkspaceBySlug(db, ref)) ?? (await findWorkspace(db, ref)));
    if (!found)
      throw invalid(
        'workspace',
        among !== undefined ? `not a workspace of this account: ${ref}` : `no workspace ${ref}`,
      );
    return found;
  }
  const candidates =
    among ??
    (await db.selectFrom('workspaces').selectAll().orderBy('name').orderBy('id').limit(51).execute());
  if (candidates.length <= 1) return candidates[0];
  throw invalid(
    'workspace',
    `there are several workspaces; name one (${candidates
      .slice(0, 50)
      .map((w) => w.slug)
      .join(', ')})`,
  );
}

export interface NewAccount {
  email: string;
  name: string;
  /** Absent: a random one is made and returned once. */
  password?: string;
  /** Slug or id; default the only workspace. Without any workspace, the account is made alone. */
  workspace?: string;
  /** Default `member`. */
  role?: string;
}

export interface CreatedAccount {
  user: User;
  workspace?: Workspace;
  role?: Role;
  /** Set when the password was generated here: show it once, it is not stored. */
  generatedPassword?: string;
}

/** A sign-in account, a member of the workspace with `role`. */
export async function createAccount(
  db: Db,
  input: NewAccount,
  hashing?: PasswordHashing,
): Promise<CreatedAccount> {
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  const issues = [];
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320)
    issues.push({ path: 'email', message: `not an email address: ${input.email}` });
  if (name === '' || name.length > 200) issues.push({ path: 'name', message: 'must be 1 to 200 characters' });
  const role = input.role ?? 'member';
  if (!isRole(role)) issues.push({ path: 'role', message: `must be one of ${ROLES.join(', ')}` });
  if (
    input.password !== undefined &&
    (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > MAX_PASSWORD_LENGTH)
  )
    issues.push({
      path: 'password',
      message: `must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
    });
  if (issues.length > 0) throw new ValidationError(issues);

  const generated = input.password === undefined ? randomBytes(15).toString('base64url') : undefined;
  const passwordHash = await hashPassword(input.password ?? generated!, hashing);
  return withTransaction(db, async (trx) => {
    if (await findUserByEmail(trx, email)) throw invalid('email', `an account with ${email} exists already`);
    const workspace = await resolveWorkspace(trx, input.workspace);
    const ctx = workspace ? { workspaceId: workspace.id, actorId: null } : undefined;
    const user = await createUser(trx, { email, name, password_hash: passwordHash }, ctx);
    if (workspace && ctx) await createWorkspaceMember(trx, ctx, { user_id: user.id, role: role as Role });
    return {
      user,
      ...(workspace ? { workspace, role: role as Role } : {}),
      ...(generated !== undefined ? { generatedPassword: generated } : {}),
    };
  });
}

export interface IssuedToken {
  /** `tdm_…`: shown once, only its SHA-256 hash is stored. */
  token: string;
  apiToken: ApiToken;
  user: User;
  workspace: Workspace;
}

/** An API token for the account with `email`, in one of its workspaces (default: its only one). */
export async function issueApiToken(
  db: Db,
  input: { email: string; name: string; workspace?: string; expiresInDays?: number },
  now: Date = new Date(),
): Promise<IssuedToken> {
  const name = input.name.trim();
  if (name === '' || name.length > 200) throw invalid('name', 'must be 1 to 200 characters');
  return withTransaction(db, async (trx) => {
    const user = await findUserByEmail(trx, normalizeEmail(input.email));
    if (!user) throw invalid('email', `no account with ${input.email}`);
    if (user.disabled) throw invalid('email', `the account ${user.email} is disabled`);
    const workspaces = await listWorkspacesOfUser(trx, user.id);
    const workspace = await resolveWorkspace(trx, input.workspace, workspaces);
    if (!workspace) throw invalid('workspace', `${user.email} is not a member of any workspace`);
    const secret = newApiToken();
    const apiToken = await createApiToken(
      trx,
      { workspaceId: workspace.id, actorId: null },
      {
        user_id: user.id,
        name,
        prefix: secret.prefix,
        token_hash: secret.hash,
        last_used_at: null,
        expires_at:
          input.expiresInDays === undefined
            ? null
            : new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
        revoked_at: null,
      },
    );
    return { token: secret.token, apiToken, user, workspace };
  });
}
