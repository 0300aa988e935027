/** Signals (and the deliveries that brought them) on the project's live stream (`GET /api/projects/{id}/events`), after commit. */
import type { Context } from 'hono';
import type { AppliedSignal } from '../../signals/apply-signals.ts';
import type { AppEnv } from '../app-env.ts';

export async function publishSignals(
  c: Context<AppEnv>,
  workspaceId: string,
  projectId: string,
  applied: readonly (Omit<AppliedSignal, 'entity'> & { entity: string })[],
): Promise<void> {
  const { events, logger, clock } = c.get('deps');
  const at = clock().toISOString();
  for (const s of applied) {
    try {
      await events.publish({
        workspaceId,
        projectId,
        entity: s.entity,
        id: s.id,
        version: s.version,
        action: s.action,
        at,
      });
    } catch (error) {
      logger.warn({ err: error, entity: s.entity, id: s.id }, 'could not publish a signal');
    }
  }
}
