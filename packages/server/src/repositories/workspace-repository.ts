/**
 * Workspaces (tenants). Creating one with an actor makes that user its owner, in one transaction.
 * The workspace row is keyed by `id`, which is every other table's `workspace_id`.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { WorkspaceTable } from '../db/schema.ts';
import { writeAudit } from './audit-repository.ts';
import { NotFoundError, VersionConflictError } from './errors.ts';
import { type Db, type WriteContext, timestamp, withTransaction } from './transaction.ts';

export type Workspace = Selectable<WorkspaceTable>;
export type NewWorkspace = Omit<
  Insertable<WorkspaceTable>,
  'id' | 'version' | 'created_at' | 'updated_at' | 'settings'
> & {
  id?: string;
  settings?: WorkspaceTable['settings'];
};
export type WorkspacePatch = Omit<Updateable<WorkspaceTable>, 'id' | 'version' | 'created_at' | 'updated_at'>;

/** `actorId`, when given, becomes the owner. */
export async function createWorkspace(
  db: Db,
  actorId: string | null,
  input: NewWorkspace,
): Promise<Workspace> {
  return withTransaction(db, async (trx) => {
    const now = timestamp();
    const workspace = await trx
      .insertInto('workspaces')
      .values({
        settings: {},
        ...input,
        id: input.id ?? uuidv7(),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const ctx: WriteContext = { workspaceId: workspace.id, actorId };
    await writeAudit(trx, ctx, {
      action: 'create',
      entityType: 'workspace',
      entityId: workspace.id,
      after: workspace,
    });
    if (actorId !== null) {
      const member = await trx
        .insertInto('workspace_members')
        .values({
          workspace_id: workspace.id,
          id: uuidv7(),
          user_id: actorId,
          role: 'owner',
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: 'create',
        entityType: 'workspace_member',
        entityId: member.id,
        after: member,
      });
    }
    return workspace;
  });
}

export async function findWorkspace(db: Db, id: string): Promise<Workspace | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getWorkspace(db: Db, id: string): Promise<Workspace> {
  const workspace = await findWorkspace(db, id);
  if (!workspace) throw new NotFoundError('workspace', id);
  return workspace;
}

export async function findWorkspaceBySlug(db: Db, slug: string): Promise<Workspace | undefined> {
  return db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The workspaces a user belongs to, with their role, by name. */
export async function listWorkspacesOfUser(
  db: Db,
  userId: string,
): Promise<(Workspace & { role: string })[]> {
  return db
    .selectFrom('workspaces')
    .innerJoin('workspace_members', 'workspace_members.workspace_id', 'workspaces.id')
    .selectAll('workspaces')
    .select('workspace_members.role')
    .where('workspace_members.user_id', '=', userId)
    .orderBy('workspaces.name')
    .orderBy('workspaces.id')
    .execute();
}

export async function updateWorkspace(
  db: Db,
  ctx: WriteContext,
  expectedVersion: number,
  patch: WorkspacePatch,
): Promise<Workspace> {
  return withTransaction(db, async (trx) => {
    const before = await getWorkspace(trx, ctx.workspaceId);
    if (before.version !== expectedVersion)
      throw new VersionConflictError('workspace', before.id, expectedVersion, before);
    const { id: _id, version: _v, created_at: _c, updated_at: _u, ...changes } = patch as Workspace;
    const after = await trx
      .updateTable('workspaces')
      .set({ ...changes, version: expectedVersion + 1, updated_at: timestamp() })
      .where('id', '=', ctx.workspaceId)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    if (!after) {
      const now = await getWorkspace(trx, ctx.workspaceId);
      throw new VersionConflictError('workspace', now.id, expectedVersion, now);
    }
    await writeAudit(trx, ctx, {
      action: 'update',
      entityType: 'workspace',
      entityId: after.id,
      before,
      after,
    });
    return after;
  });
}

/** Deletes the workspace and, by cascade, every row it owns (its audit log included). */
export async function deleteWorkspace(db: Db, workspaceId: string, expectedVersion: number): Promise<void> {
  await withTransaction(db, async (trx) => {
    const before = await getWorkspace(trx, workspaceId);
    if (before.version !== expectedVersion)
      throw new VersionConflictError('workspace', before.id, expectedVersion, before);
    const result = await trx
      .deleteFrom('workspaces')
      .where('id', '=', workspaceId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) {
      const now = await getWorkspace(trx, workspaceId);
      throw new VersionConflictError('workspace', now.id, expectedVersion, now);
    }
  });
}
