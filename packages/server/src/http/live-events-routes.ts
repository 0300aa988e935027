/**
 * `GET /api/projects/{id}/events`: server-sent events for one project, authorised like a read. Each
 * write in the project arrives as `event: change` with `{ entity, id, version, action, at }` — ids,
 * never bodies: clients fetch what they need. A comment line every 15 s keeps proxies from closing
 * the stream; the stream ends when the client leaves or the server shuts down.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { apiRoute } from './api-route.ts';
import type { AppEnv } from './app-env.ts';
import { accessOf, workspaceOf } from './context.ts';
import type { ChangeEvent } from '../events/event-bus.ts';

export const KEEPALIVE_MS = 15_000;

export function registerLiveEventRoutes(app: OpenAPIHono<AppEnv>, shutdown: AbortSignal): void {
  app.openapi(
    apiRoute(
      { permission: 'project:read', project: { param: 'id' } },
      {
        method: 'get',
        path: '/api/projects/{id}/events',
        tags: ['Projects', 'Live updates'],
        summary: 'Live changes in the project (server-sent events)',
        request: {
          params: z.object({
            id: z
              .string()
              .min(1)
              .max(100)
              .openapi({ param: { name: 'id', in: 'path' } }),
          }),
        },
        responses: {
          200: {
            description:
              '`event: ready` once, then `event: change` per write: `{ entity, id, version, action, at }`',
            content: { 'text/event-stream': { schema: z.string() } },
          },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const { events } = c.get('deps');
      return streamSSE(c, async (stream) => {
        const pending: ChangeEvent[] = [];
        let wake: (() => void) | undefined;
        const unsubscribe = events.subscribe(workspaceId, projectId, (event) => {
          pending.push(event);
          wake?.();
        });
        const stop = () => wake?.();
        stream.onAbort(stop);
        shutdown.addEventListener('abort', stop);
        try {
          await stream.writeSSE({ event: 'ready', data: JSON.stringify({ projectId }) });
          while (!stream.aborted && !shutdown.aborted) {
            for (let event = pending.shift(); event; event = pending.shift())
              await stream.writeSSE({
                event: 'change',
                data: JSON.stringify({
                  entity: event.entity,
                  id: event.id,
                  version: event.version,
                  action: event.action,
                  at: event.at,
                }),
              });
            // Checked and armed in one synchronous step, so an event cannot slip in between.
            if (pending.length > 0) continue;
            const woken = await new Promise<boolean>((resolve) => {
              const timer = setTimeout(() => resolve(false), KEEPALIVE_MS);
              wake = () => {
                clearTimeout(timer);
                resolve(true);
              };
            });
            wake = undefined;
            if (!woken && !stream.aborted) await stream.write(': keep-alive\n\n');
          }
        } finally {
          unsubscribe();
          shutdown.removeEventListener('abort', stop);
        }
      }) as never;
    },
  );
}
