/**
 * The public webhook endpoints: `POST /api/hooks/{provider}/{hookId}` (the URL a hook config shows),
 * and `POST /api/hooks/{provider}?hook={hookId}` for tools that cannot put an id in the path. Without
 * a hook id, GitHub and GitLab deliveries are matched to the hook configured for their repository
 * (`repository.full_name`, `project.path_with_namespace`).
 *
 * The signature or token is checked first, in constant time; a wrong or missing one answers 401 and
 * stores nothing (an unknown hook answers the same 401, so hook ids cannot be probed). A delivery id
 * seen before answers 200 with `duplicate: true`.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HOOK_PROVIDERS, type HookProvider } from '../../db/schema.ts';
import {
  type HookConfig,
  findHookConfigAnywhere,
  findHookConfigsByRepository,
} from '../../repositories/hook-config-repository.ts';
import { ingestDelivery } from '../../signals/ingest-delivery.ts';
import { verifySignature } from '../../signals/signature.ts';
import { ApiError, badRequest } from '../api-error.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { publishSignals } from './publish-signals.ts';

const JSON_TYPE = 'application/json';

const providerParam = z
  .enum(HOOK_PROVIDERS)
  .openapi({ param: { name: 'provider', in: 'path' }, description: HOOK_PROVIDERS.join(', ') });
const hookIdSchema = z.string().min(1).max(100);

const Accepted = z
  .object({
    deliveryId: z.string().openapi({ description: 'The stored delivery (for replay).' }),
    duplicate: z.boolean(),
    event: z.string(),
    signals: z.number().int(),
  })
  .openapi('HookDeliveryAccepted');

const rejected = () =>
  new ApiError(
    401,
    'bad_signature',
    'Signature or token missing or wrong',
    'The delivery was not stored. Check the secret configured at the sender against the hook’s.',
  );

const DESCRIPTION =
  'Public, authenticated by the hook’s secret: GitHub `X-Hub-Signature-256`, GitLab `X-Gitlab-Token`, ' +
  'CircleCI `circleci-signature` (v1), Jenkins and alerting tools `Authorization: Bearer <secret>` or ' +
  '`X-Tandem-Token`. A wrong or missing signature answers 401 and stores nothing; a repeated delivery id ' +
  '(`X-GitHub-Delivery`, `X-Gitlab-Event-UUID`, CircleCI event id, `X-Delivery-Id`, else a hash of the ' +
  'body) answers 200 with `duplicate: true`.';

/** The JSON of a delivery: a JSON body, or GitHub's form encoding (`payload=<json>`). */
function payloadOf(c: Context<AppEnv>, text: string): unknown {
  let json = text;
  if ((c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded'))
    json = new URLSearchParams(text).get('payload') ?? '';
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new ApiError(400, 'invalid_json', 'Invalid JSON', 'The delivery’s body is not valid JSON.');
  }
}

function repositoryOf(provider: HookProvider, payload: unknown): string | null {
  const p = payload as {
    repository?: { full_name?: unknown };
    project?: { path_with_namespace?: unknown };
  } | null;
  const name =
    provider === 'github'
      ? p?.repository?.full_name
      : provider === 'gitlab'
        ? p?.project?.path_with_namespace
        : null;
  return typeof name === 'string' ? name : null;
}

async function receive(c: Context<AppEnv>, provider: HookProvider, hookId: string | undefined) {
  const { db, clock } = c.get('deps');
  const raw = new Uint8Array(await c.req.arrayBuffer());
  const header = (name: string) => c.req.header(name);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw badRequest('The delivery’s body is not UTF-8.');
  }

  let hook: HookConfig | undefined;
  if (hookId !== undefined) {
    const found = await findHookConfigAnywhere(db, hookId);
    if (
      found &&
      found.provider === provider &&
      found.active &&
      verifySignature(provider, found.secret, header, raw)
    )
      hook = found;
  } else {
    // No id: the hooks configured for the delivery's repository, the one whose secret signs it.
    const repository = repositoryOf(provider, payloadOf(c, text));
    for (const candidate of repository ? await findHookConfigsByRepository(db, provider, repository) : [])
      if (candidate.active && verifySignature(provider, candidate.secret, header, raw)) {
        hook = candidate;
        break;
      }
  }
  if (!hook) throw rejected();

  const payload = payloadOf(c, text);
  const result = await ingestDelivery(db, {
    hook,
    header,
    rawBody: text,
    payload,
    now: clock().toISOString(),
  });
  await publishSignals(c, hook.workspace_id, hook.project_id, [
    ...result.applied,
    // The deliveries list and the hook's last delivery time, for whoever watches the set-up page.
    ...(result.duplicate
      ? []
      : [
          {
            entity: 'hook-deliveries',
            id: result.delivery.id,
            version: result.delivery.version,
            action: 'created' as const,
          },
          { entity: 'hook-configs', id: hook.id, version: hook.version, action: 'updated' as const },
        ]),
  ]);
  return c.json(
    {
      deliveryId: result.delivery.id,
      duplicate: result.duplicate,
      event: result.delivery.event,
      signals: result.delivery.signal_count,
    },
    result.duplicate ? 200 : 202,
  );
}

const responses = {
  200: { description: 'Seen before: nothing new stored', content: { [JSON_TYPE]: { schema: Accepted } } },
  202: { description: 'Stored and applied', content: { [JSON_TYPE]: { schema: Accepted } } },
  401: { description: 'Signature or token missing or wrong (or no such hook): nothing stored' },
  422: { description: 'Signed, but not a payload of this provider' },
};

export function registerHookReceiveRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'public' },
      {
        method: 'post',
        path: '/api/hooks/{provider}/{hookId}',
        tags: ['Engineering signals'],
        summary: 'Receive a webhook delivery',
        description: DESCRIPTION,
        request: {
          params: z.object({
            provider: providerParam,
            hookId: hookIdSchema.openapi({ param: { name: 'hookId', in: 'path' } }),
          }),
        },
        responses,
      },
    ),
    async (c) => {
      const { provider, hookId } = c.req.valid('param');
      return (await receive(c, provider, hookId)) as never;
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'public' },
      {
        method: 'post',
        path: '/api/hooks/{provider}',
        tags: ['Engineering signals'],
        summary: 'Receive a webhook delivery (hook by query or repository)',
        description: `${DESCRIPTION} The hook is \`?hook=<id>\`, or — for GitHub and GitLab — the one configured for the delivery’s repository.`,
        request: {
          params: z.object({ provider: providerParam }),
          query: z.strictObject({ hook: hookIdSchema.optional() }),
        },
        responses,
      },
    ),
    async (c) => {
      const { provider } = c.req.valid('param');
      const { hook } = c.req.valid('query');
      return (await receive(c, provider, hook)) as never;
    },
  );
}
