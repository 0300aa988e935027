/**
 * Change sets against a stored project: ids in a change set may be the plan's ids (rows' keys) or
 * the rows' own ids, which are translated to keys; the core's errors about a change set become
 * `ValidationError`s naming the operation; applying a change set saves the changed plan (`savePlan`,
 * inside the caller's transaction).
 */
import {
  type ChangeSet,
  ChangeSetError,
  type ImpactOptions,
  type Project,
  RiskAnalysisError,
  applyChangeSet,
  standardCalendar,
} from '@tandem/core';
import { ValidationError } from '../repositories/errors.ts';
import { loadPlan, savePlan } from '../repositories/plan-repository.ts';
import type { Db, WriteContext } from '../repositories/transaction.ts';

const REFERENCES = [
  'taskId',
  'predecessorId',
  'successorId',
  'parentId',
  'afterId',
  'resourceId',
  'calendarId',
];

/** The change set with row ids replaced by the plan's ids (keys). */
export function resolveChangeSet(changeSet: ChangeSet, keyOfRow: ReadonlyMap<string, string>): ChangeSet {
  return changeSet.map((op) => {
    const copy: Record<string, unknown> = { ...op };
    for (const field of REFERENCES) {
      const value = copy[field];
      if (typeof value === 'string') copy[field] = keyOfRow.get(value) ?? value;
    }
    return copy as unknown as ChangeSet[number];
  });
}

/** Runs `fn`, turning the core's change-set and risk-analysis errors into validation errors. */
export function asValidation<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ChangeSetError)
      throw new ValidationError(
        error.issues.map((i) => ({ path: i.path.replace(/^changeSet/, path), message: i.message })),
      );
    if (error instanceof RiskAnalysisError) throw new ValidationError([{ path, message: error.message }]);
    throw error;
  }
}

export async function rowKeys(db: Db, workspaceId: string, projectId: string): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const table of ['work_items', 'resources', 'calendars'] as const) {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'key'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .execute();
    for (const r of rows) keys.set(r.id, r.key);
  }
  return keys;
}

/** Applies the change set to the stored plan and saves it, in the caller's transaction. */
export async function applyToLivePlan(
  trx: Db,
  ctx: WriteContext,
  projectId: string,
  changeSet: ChangeSet,
  path: string,
): Promise<Project> {
  // The standard calendar a plan only names is made a row (the validation of savePlan wants it defined).
  const stored = await loadPlan(trx, ctx.workspaceId, projectId);
  const plan = stored.calendars.some((c) => c.id === stored.calendarId)
    ? stored
    : { ...stored, calendars: [...stored.calendars, standardCalendar(stored.calendarId)] };
  const resolved = resolveChangeSet(changeSet, await rowKeys(trx, ctx.workspaceId, projectId));
  const changed = asValidation(path, () => applyChangeSet(plan, resolved));
  await savePlan(trx, ctx, projectId, changed);
  return changed;
}

export function impactSettings(options: Partial<ImpactOptions>): ImpactOptions {
  return { iterations: options.iterations ?? 1000, seed: options.seed ?? 1 };
}
