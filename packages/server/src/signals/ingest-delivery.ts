/**
 * One webhook delivery, after its signature was checked: deduplicated by delivery id (per project and
 * provider), stored raw and parsed, its signals applied — all in one transaction, so a delivery is
 * either fully recorded or not at all. `replayDelivery` re-parses a stored raw body (after a parser
 * fix, or once the work items its keys name exist) and applies it again.
 */
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { type ParsedDelivery, parseDelivery } from '@tandem/formats';
import type { HookConfig } from '../repositories/hook-config-repository.ts';
import { ConstraintError } from '../repositories/errors.ts';
import { type HookDelivery, findDeliveryByDeliveryId } from '../repositories/signal-repository.ts';
import { type Db, type WriteContext, withTransaction } from '../repositories/transaction.ts';
import { type AppliedSignal, applySignals } from './apply-signals.ts';
import { projectLinker } from './work-item-linker.ts';

/** Headers kept with a delivery: what it is, never its signature or token. */
const KEPT_HEADERS = [
  'content-type',
  'user-agent',
  'x-github-event',
  'x-github-delivery',
  'x-github-hook-id',
  'x-github-hook-installation-target-type',
  'x-gitlab-event',
  'x-gitlab-event-uuid',
  'x-gitlab-webhook-uuid',
  'x-gitlab-instance',
  'circleci-event-type',
  'x-delivery-id',
];

export interface IncomingDelivery {
  hook: HookConfig;
  header: (name: string) => string | undefined;
  rawBody: string;
  payload: unknown;
  now: string;
}

export interface IngestResult {
  duplicate: boolean;
  delivery: HookDelivery;
  applied: AppliedSignal[];
}

/** The provider's id of the delivery, else a hash of the body (the same body twice is one delivery). */
export function deliveryIdOf(
  provider: string,
  header: (name: string) => string | undefined,
  payload: unknown,
  rawBody: string,
): string {
  const given =
    (provider === 'github' && header('x-github-delivery')) ||
    (provider === 'gitlab' && (header('x-gitlab-event-uuid') || header('x-gitlab-webhook-uuid'))) ||
    (provider === 'circleci' &&
      typeof payload === 'object' &&
      payload !== null &&
      typeof (payload as { id?: unknown }).id === 'string' &&
      (payload as { id: string }).id) ||
    header('x-delivery-id') ||
    header('idempotency-key');
  return (given || `sha256:${createHash('sha256').update(rawBody).digest('hex')}`).slice(0, 200);
}

function keptHeaders(header: (name: string) => string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = header(name);
    if (v !== undefined) out[name] = v.slice(0, 500);
  }
  return out;
}

/** Parses first (a payload we cannot read is refused before anything is written). */
export async function ingestDelivery(db: Db, incoming: IncomingDelivery): Promise<IngestResult> {
  const { hook } = incoming;
  const ctx: WriteContext = { workspaceId: hook.workspace_id, actorId: null };
  const linker = await projectLinker(db, hook.workspace_id, hook.project_id);
  const header = (n: string) => incoming.header(n) ?? null;
  const parsed = parseDelivery(hook.provider, header, incoming.payload, linker.keys);
  const deliveryId = deliveryIdOf(hook.provider, incoming.header, incoming.payload, incoming.rawBody);
  const existing = async () =>
    findDeliveryByDeliveryId(db, hook.workspace_id, hook.project_id, hook.provider, deliveryId);
  const seen = await existing();
  if (seen) return { duplicate: true, delivery: seen, applied: [] };
  try {
    return await withTransaction(db, async (trx) => {
      const delivery = await trx
        .insertInto('hook_deliveries')
        .values({
          workspace_id: hook.workspace_id,
          id: uuidv7(),
          version: 1,
          created_at: incoming.now,
          updated_at: incoming.now,
          project_id: hook.project_id,
          hook_id: hook.id,
          provider: hook.provider,
          delivery_id: deliveryId,
          event: parsed.event.slice(0, 200),
          headers: keptHeaders(incoming.header),
          raw_body: incoming.rawBody,
          parsed: parsed as never,
          status: 'processed',
          error: null,
          signal_count: parsed.signals.length,
          received_at: incoming.now,
          processed_at: incoming.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const applied = await applySignals(
        {
          trx,
          ctx,
          projectId: hook.project_id,
          provider: hook.provider,
          deliveryId: delivery.id,
          linker,
          now: incoming.now,
        },
        parsed.signals,
      );
      await trx
        .updateTable('hook_configs')
        .set({ last_delivery_at: incoming.now })
        .where('workspace_id', '=', hook.workspace_id)
        .where('id', '=', hook.id)
        .execute();
      return { duplicate: false, delivery, applied };
    });
  } catch (error) {
    // The same delivery arriving twice at once: the unique index let one in; the other is a duplicate.
    if (error instanceof ConstraintError && error.kind === 'unique') {
      const row = await existing();
      if (row) return { duplicate: true, delivery: row, applied: [] };
    }
    throw error;
  }
}

/** Re-parses the stored raw body with today's parser and work items, and applies it again. */
export async function replayDelivery(
  db: Db,
  ctx: WriteContext,
  delivery: HookDelivery,
  now: string,
): Promise<{ delivery: HookDelivery; applied: AppliedSignal[] }> {
  const linker = await projectLinker(db, delivery.workspace_id, delivery.project_id);
  const headers = delivery.headers;
  let parsed: ParsedDelivery;
  try {
    parsed = parseDelivery(
      delivery.provider,
      (n) => headers[n] ?? null,
      JSON.parse(delivery.raw_body) as unknown,
      linker.keys,
    );
  } catch (error) {
    const updated = await db
      .updateTable('hook_deliveries')
      .set({
        status: 'failed',
        error: error instanceof Error ? error.message.slice(0, 2000) : 'unreadable',
        processed_at: now,
        version: delivery.version + 1,
        updated_at: now,
      })
      .where('workspace_id', '=', delivery.workspace_id)
      .where('id', '=', delivery.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { delivery: updated, applied: [] };
  }
  return withTransaction(db, async (trx) => {
    const applied = await applySignals(
      {
        trx,
        ctx,
        projectId: delivery.project_id,
        provider: delivery.provider,
        deliveryId: delivery.id,
        linker,
        now,
      },
      parsed.signals,
    );
    const updated = await trx
      .updateTable('hook_deliveries')
      .set({
        parsed: parsed as never,
        status: 'processed',
        error: null,
        signal_count: parsed.signals.length,
        processed_at: now,
        version: delivery.version + 1,
        updated_at: now,
      })
      .where('workspace_id', '=', delivery.workspace_id)
      .where('id', '=', delivery.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { delivery: updated, applied };
  });
}
