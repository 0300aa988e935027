/** A project's work item ids by key (the plan file's task ids), for seeding links to work. */
import type { Db } from '../repositories/transaction.ts';

export async function workItemIds(db: Db, workspaceId: string, projectId: string) {
  const rows = await db
    .selectFrom('work_items')
    .select(['id', 'key'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .execute();
  const ids = new Map(rows.map((r) => [r.key, r.id]));
  return (...keys: string[]): string[] =>
    keys.map((k) => {
      const id = ids.get(k);
      if (id === undefined) throw new Error(`seed: no work item "${k}" in the plan`);
      return id;
    });
}
