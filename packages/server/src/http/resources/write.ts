/**
 * The shape of every write: one transaction that makes the change, re-schedules the project when the
 * change can move dates (so a dependency cycle rolls everything back), and only after commit publishes
 * the change event.
 */
import type { Context } from 'hono';
import { withTransaction, type Db, type WriteContext } from '../../repositories/transaction.ts';
import type { ChangeAction } from '../../events/event-bus.ts';
import type { AppEnv } from '../app-env.ts';
import { checkSchedule } from '../schedule-check.ts';
import { ApiError } from '../api-error.ts';
import type { PlanChange, PlanState } from '../plan-cache.ts';

export function writeContext(c: Context<AppEnv>): WriteContext {
  const principal = c.get('principal');
  if (!principal?.workspaceId) throw new ApiError(403, 'forbidden', 'Not allowed', 'No active workspace.');
  return { workspaceId: principal.workspaceId, actorId: principal.userId };
}

export interface WriteOptions<T> {
  /** The project to re-schedule in the transaction, or false when the write cannot move dates. */
  reschedule: string | false;
  /** The one plan row the write created or updated (lets the re-schedule patch the cached plan). */
  change?: (result: T) => PlanChange | undefined;
}

export async function inWrite<T>(
  c: Context<AppEnv>,
  options: WriteOptions<T>,
  fn: (trx: Db, ctx: WriteContext) => Promise<T>,
): Promise<T> {
  const ctx = writeContext(c);
  const { db, plans } = c.get('deps');
  let state: PlanState | undefined;
  const result = await withTransaction(db, async (trx) => {
    const result = await fn(trx, ctx);
    if (options.reschedule !== false)
      state = await checkSchedule(trx, plans, ctx.workspaceId, options.reschedule, options.change?.(result));
    return result;
  });
  // Committed: the re-scheduled plan is the project's now.
  if (state && options.reschedule !== false) plans.remember(ctx.workspaceId, options.reschedule, state);
  return result;
}

export interface Change {
  projectId: string | null;
  entity: string;
  id: string;
  version: number;
  action: ChangeAction;
}

/** Tells live subscribers; a failure here is logged, never turned into a failed request. */
export async function publishChange(c: Context<AppEnv>, change: Change): Promise<void> {
  const { events, logger, clock } = c.get('deps');
  const workspaceId = c.get('principal')?.workspaceId;
  if (workspaceId === undefined) return;
  try {
    await events.publish({ workspaceId, ...change, at: clock().toISOString() });
  } catch (error) {
    logger.warn({ err: error, change }, 'could not publish a change event');
  }
}
