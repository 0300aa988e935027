/** The project's work items on the critical path now (row ids), from the cached schedule. */
import type { PlanCache } from '../plan-cache.ts';
import type { Db } from '../../repositories/transaction.ts';

export async function criticalWork(
  db: Db,
  plans: PlanCache,
  workspaceId: string,
  projectId: string,
): Promise<{ rowIds: Set<string>; keys: Set<string> } | null> {
  try {
    const state = await plans.current(db, workspaceId, projectId);
    const keys = new Set(state.schedule().criticalPath);
    const rowIds = new Set<string>();
    for (const rowId of state.taskIndex.keys()) if (keys.has(state.keys.get(rowId) ?? '')) rowIds.add(rowId);
    return { rowIds, keys };
  } catch {
    // A plan that cannot be scheduled has no critical path to speak of.
    return null;
  }
}

export async function criticalWorkItemIds(
  db: Db,
  plans: PlanCache,
  workspaceId: string,
  projectId: string,
): Promise<Set<string>> {
  return (await criticalWork(db, plans, workspaceId, projectId))?.rowIds ?? new Set();
}
