/**
 * `tandem restore`: a workspace backup into a database that holds nothing yet (no workspace, no
 * account), all-or-nothing. The emptiness check and the restore share one transaction.
 */
import type { Db } from '../repositories/transaction.ts';
import { withTransaction } from '../repositories/transaction.ts';
import { type RestoreResult, restoreWorkspace } from './workspace-backup.ts';

/** The database already has data: nothing was restored. */
export class DatabaseNotEmptyError extends Error {
  override readonly name = 'DatabaseNotEmptyError';
  constructor(readonly workspaces: string[]) {
    super(
      workspaces.length > 0
        ? `the database is not empty: it has the workspace${workspaces.length > 1 ? 's' : ''} ${workspaces.join(', ')}`
        : 'the database is not empty: it has accounts',
    );
  }
}

export async function restoreIntoEmptyDatabase(db: Db, backup: unknown): Promise<RestoreResult> {
  return withTransaction(db, async (trx) => {
    const workspaces = await trx.selectFrom('workspaces').select('slug').orderBy('slug').limit(6).execute();
    const users = await trx.selectFrom('users').select('id').limit(1).execute();
    if (workspaces.length > 0 || users.length > 0) {
      const slugs = workspaces.map((w) => w.slug);
      throw new DatabaseNotEmptyError(slugs.length > 5 ? [...slugs.slice(0, 5), '…'] : slugs);
    }
    return restoreWorkspace(trx, backup);
  });
}
