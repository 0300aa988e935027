/**
 * Re-schedules a project inside the write's transaction. A plan that cannot be scheduled (a dependency
 * cycle above all) throws, which rolls the write back: nothing is stored. The cycle is reported with
 * the work items' ids as well as the keys and names the scheduler knows them by.
 *
 * The plan comes from the plan cache: patched from the state before the write when the write changed
 * one work item or dependency, reloaded inside the transaction otherwise. The state returned is kept
 * for later reads once the write has committed.
 */
import { CycleError } from '@tandem/core';
import type { Db } from '../repositories/transaction.ts';
import { ApiError } from './api-error.ts';
import type { PlanCache, PlanChange, PlanState } from './plan-cache.ts';

export async function checkSchedule(
  trx: Db,
  plans: PlanCache,
  workspaceId: string,
  projectId: string,
  change?: PlanChange,
): Promise<PlanState> {
  const state = await plans.afterWrite(trx, workspaceId, projectId, change);
  try {
    state.schedule();
    return state;
  } catch (error) {
    if (!(error instanceof CycleError)) throw error;
    const rows = await trx
      .selectFrom('work_items')
      .select(['id', 'key'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .where('key', 'in', error.taskIds)
      .execute();
    const idOfKey = new Map(rows.map((r) => [r.key, r.id]));
    const tasks = error.taskIds.map((key, i) => ({
      id: idOfKey.get(key) ?? key,
      key,
      name: error.names[i] ?? key,
    }));
    throw new ApiError(
      422,
      'dependency_cycle',
      'Dependency cycle',
      `This change would make a dependency cycle: ${tasks.map((t) => t.name).join(' → ')} → ${tasks[0]?.name ?? ''}. Nothing was saved.`,
      { tasks },
    );
  }
}
