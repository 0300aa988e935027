/**
 * User accounts. Global, not per workspace (one person, many workspaces); emails are stored
 * lower-cased and unique. Writes made in a workspace (an invitation accepted, a profile edited)
 * are audited there when a `WriteContext` is given; password hashes never reach the audit log.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { UserTable } from '../db/schema.ts';
import { writeAudit } from './audit-repository.ts';
import { NotFoundError, VersionConflictError } from './errors.ts';
import { type Db, type WriteContext, timestamp, withTransaction } from './transaction.ts';

export type User = Selectable<UserTable>;
export type NewUser = Omit<
  Insertable<UserTable>,
  'id' | 'version' | 'created_at' | 'updated_at' | 'disabled'
> & {
  id?: string;
  disabled?: boolean;
};
export type UserPatch = Omit<Updateable<UserTable>, 'id' | 'version' | 'created_at' | 'updated_at'>;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(db: Db, input: NewUser, ctx?: WriteContext): Promise<User> {
  return withTransaction(db, async (trx) => {
    const now = timestamp();
    const user = await trx
      .insertInto('users')
      .values({
        disabled: false,
        ...input,
        email: normalizeEmail(input.email),
        id: input.id ?? uuidv7(),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (ctx)
      await writeAudit(trx, ctx, { action: 'create', entityType: 'user', entityId: user.id, after: user });
    return user;
  });
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getUser(db: Db, id: string): Promise<User> {
  const user = await findUser(db, id);
  if (!user) throw new NotFoundError('user', id);
  return user;
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

/** The members of a workspace with their role, by name. */
export async function listWorkspaceUsers(db: Db, workspaceId: string): Promise<(User & { role: string })[]> {
  return db
    .selectFrom('users')
    .innerJoin('workspace_members', 'workspace_members.user_id', 'users.id')
    .selectAll('users')
    .select('workspace_members.role')
    .where('workspace_members.workspace_id', '=', workspaceId)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
}

export async function updateUser(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: UserPatch,
  ctx?: WriteContext,
): Promise<User> {
  return withTransaction(db, async (trx) => {
    const before = await getUser(trx, id);
    if (before.version !== expectedVersion)
      throw new VersionConflictError('user', id, expectedVersion, before);
    const { id: _id, version: _v, created_at: _c, updated_at: _u, ...changes } = patch as User;
    const after = await trx
      .updateTable('users')
      .set({
        ...changes,
        ...(changes.email !== undefined ? { email: normalizeEmail(changes.email) } : {}),
        version: expectedVersion + 1,
        updated_at: timestamp(),
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw new VersionConflictError('user', id, expectedVersion, await getUser(trx, id));
    if (ctx)
      await writeAudit(trx, ctx, { action: 'update', entityType: 'user', entityId: id, before, after });
    return after;
  });
}
