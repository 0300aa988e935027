/**
 * Who signs: the caller's membership role on the project (pm or tpm) decides whose sign-off theirs is
 * — a workspace owner or admin signs only when they are the project's PM or TPM. Whose sign-off is
 * needed: the PM's, and the TPM's on a project that has a TPM member.
 */
import type { SignOffRole } from '@tandem/core';
import type { Db } from '../repositories/transaction.ts';

export async function projectRolesOf(
  db: Db,
  workspaceId: string,
  projectId: string,
  userId: string,
): Promise<SignOffRole[]> {
  const rows = await db
    .selectFrom('project_members')
    .select('role')
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.role).filter((r): r is SignOffRole => r === 'pm' || r === 'tpm');
}

export async function requiredSignOffRoles(
  db: Db,
  workspaceId: string,
  projectId: string,
): Promise<SignOffRole[]> {
  const tpm = await db
    .selectFrom('project_members')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('role', '=', 'tpm')
    .executeTakeFirst();
  return tpm ? ['pm', 'tpm'] : ['pm'];
}
