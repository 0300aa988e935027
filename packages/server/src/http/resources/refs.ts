/**
 * References between rows must stay inside one project (and people inside the workspace): the
 * database's foreign keys only guarantee the workspace, so a dependency could otherwise point at a
 * task of a project its author cannot even see. Every bad reference is reported with its field path.
 */
import type { Db } from '../../repositories/transaction.ts';
import { ApiError } from '../api-error.ts';
import type { FieldIssue } from '../problem.ts';
import type { Reference } from './resource-def.ts';

export async function checkReferences(
  trx: Db,
  workspaceId: string,
  projectId: string,
  body: Record<string, unknown>,
  refs: Record<string, Reference> = {},
  refLists: Record<string, Reference> = {},
): Promise<void> {
  const errors: FieldIssue[] = [];
  for (const [field, ref] of Object.entries(refs)) {
    const value = body[field];
    if (typeof value !== 'string') continue;
    const found = await existing(trx, workspaceId, projectId, ref, [value]);
    if (!found.has(value))
      errors.push({ path: field, message: `no ${ref.what} ${value} in this ${scope(ref)}` });
  }
  for (const [field, ref] of Object.entries(refLists)) {
    const values = body[field];
    if (!Array.isArray(values) || values.length === 0) continue;
    const found = await existing(trx, workspaceId, projectId, ref, values as string[]);
    values.forEach((value, i) => {
      if (!found.has(value as string))
        errors.push({
          path: `${field}[${i}]`,
          message: `no ${ref.what} ${String(value)} in this ${scope(ref)}`,
        });
    });
  }
  if (errors.length > 0)
    throw new ApiError(
      422,
      'invalid_reference',
      'Invalid reference',
      errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      {
        errors,
      },
    );
}

const scope = (ref: Reference) => (ref.table === 'users' ? 'workspace' : 'project');

async function existing(
  trx: Db,
  workspaceId: string,
  projectId: string,
  ref: Reference,
  ids: string[],
): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (ref.table === 'users') {
    const rows = await trx
      .selectFrom('workspace_members')
      .select('user_id')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', 'in', unique)
      .execute();
    return new Set(rows.map((r) => r.user_id));
  }
  // Every referenced table here has a project_id column; the table is one of ours, never user input.
  const rows = (await trx
    .selectFrom(ref.table as 'work_items')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('id', 'in', unique)
    .execute()) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
