/** Sign-offs of the PM and the TPM on change requests and phase gates: append-only, audited. */
import type { Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { SignOffTable } from '../db/schema.ts';
import { writeAudit } from './audit-repository.ts';
import { type Db, type WriteContext, timestamp, withTransaction } from './transaction.ts';

export type SignOff = Selectable<SignOffTable>;
export type NewSignOff = Omit<SignOff, 'workspace_id' | 'id' | 'created_at'>;

export function createSignOff(db: Db, ctx: WriteContext, input: NewSignOff): Promise<SignOff> {
  return withTransaction(db, async (trx) => {
    const row: SignOff = { ...input, workspace_id: ctx.workspaceId, id: uuidv7(), created_at: timestamp() };
    await trx.insertInto('sign_offs').values(row).execute();
    await writeAudit(trx, ctx, {
      action: 'sign_off',
      entityType: input.target_type,
      entityId: input.target_id,
      projectId: input.project_id,
      after: row,
    });
    return row;
  });
}

/** Oldest first. */
export function listSignOffs(
  db: Db,
  workspaceId: string,
  targetType: SignOff['target_type'],
  targetId: string,
): Promise<SignOff[]> {
  return db
    .selectFrom('sign_offs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('target_type', '=', targetType)
    .where('target_id', '=', targetId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
