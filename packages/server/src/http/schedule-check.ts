/**
 * Re-schedules a project inside the write's transaction. A plan that cannot be scheduled (a dependency
 * cycle above all) throws, which rolls the write back: nothing is stored. The cycle is reported with
 * the work items' ids as well as the keys and names the scheduler knows them by.
 */
import { CycleError, scheduleProject } from '@tandem/core';
import { loadSchedulablePlan as loadPlan } from './plan.ts';
import type { Db } from '../repositories/transaction.ts';
import { ApiError } from './api-error.ts';

export async function checkSchedule(trx: Db, workspaceId: string, projectId: string): Promise<void> {
  const plan = await loadPlan(trx, workspaceId, projectId);
  try {
    scheduleProject(plan);
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
