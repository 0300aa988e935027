/**
 * "Now" for a project's engineering views: the end of its status date when that is in the past (the
 * date every report of the project is as of), else the clock. Explicit windows override it.
 */
import type { Db } from '../repositories/transaction.ts';

const DAY = 86_400_000;

export async function projectAsOf(
  db: Db,
  workspaceId: string,
  projectId: string,
  now: Date,
): Promise<number> {
  const row = await db
    .selectFrom('projects')
    .select(['status_date'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', projectId)
    .executeTakeFirst();
  const clock = now.getTime();
  if (!row?.status_date) return clock;
  const end = Date.parse(`${row.status_date.slice(0, 10)}T00:00:00Z`) + DAY;
  return Number.isNaN(end) ? clock : Math.min(end, clock);
}
