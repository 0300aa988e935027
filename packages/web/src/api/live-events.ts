// Live updates: `useProjectEvents(projectId)` streams `GET /api/projects/{id}/events` (server-sent
// events) and invalidates the queries a change touches, so another user's edit shows without a reload.
// It reads the stream with fetch rather than EventSource so the `Tandem-Workspace` header goes along;
// it reconnects with back-off and refreshes the whole project after a gap (events may have been missed).
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { commonHeaders } from './http.ts';
import { queryKeys } from './query-keys.ts';
import type { ChangeEvent } from './types.ts';

export type LiveStatus = 'connecting' | 'live' | 'offline';

let status: LiveStatus = 'connecting';
const statusListeners = new Set<() => void>();
function setStatus(next: LiveStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of statusListeners) listener();
}

/** Whether the live stream is connected (for a small indicator in the header). */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    () => status,
  );
}

/** What a change invalidates: its collection, anything derived from the plan, and the project for `projects`. */
export function invalidateForChange(
  client: QueryClient,
  projectId: string,
  event: Pick<ChangeEvent, 'entity'>,
): void {
  if (event.entity === 'projects') {
    void client.invalidateQueries({ queryKey: queryKeys.project(projectId) });
    void client.invalidateQueries({ queryKey: queryKeys.projects });
    return;
  }
  void client.invalidateQueries({ queryKey: queryKeys.collection(projectId, event.entity) });
  void client.invalidateQueries({ queryKey: queryKeys.schedule(projectId) });
  void client.invalidateQueries({ queryKey: queryKeys.summary(projectId) });
  if (SIGNAL_ENTITIES.has(event.entity))
    void client.invalidateQueries({ queryKey: queryKeys.engineering(projectId) });
}

/** Entities whose changes move the DORA keys and the engineering state. */
const SIGNAL_ENTITIES = new Set(['deployments', 'changes', 'incidents', 'ci-runs', 'releases', 'slos']);

/** Parses an SSE byte stream into `{ event, data }` messages. */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<{ event: string; data: string }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = text;
        else if (field === 'data') data.push(text);
      }
      if (data.length > 0 || event !== 'message') yield { event, data: data.join('\n') };
    }
  }
}

export function useProjectEvents(projectId: string | undefined): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!projectId) return;
    const abort = new AbortController();
    let attempt = 0;
    let pending = new Set<string>();
    let flushTimer: ReturnType<typeof setTimeout> | undefined;

    // Several events in a burst (an import, a re-schedule) cost one refresh per entity.
    const queue = (entity: string) => {
      pending.add(entity);
      flushTimer ??= setTimeout(() => {
        flushTimer = undefined;
        const entities = pending;
        pending = new Set();
        for (const entity of entities) invalidateForChange(client, projectId, { entity });
      }, 100);
    };

    const run = async () => {
      while (!abort.signal.aborted) {
        setStatus('connecting');
        try {
          const response = await fetch(`/api/projects/${projectId}/events`, {
            headers: { ...commonHeaders('GET'), Accept: 'text/event-stream' },
            credentials: 'same-origin',
            signal: abort.signal,
          });
          if (response.status === 401 || response.status === 403 || response.status === 404) {
            setStatus('offline');
            return; // not allowed: the page shows its own error
          }
          if (!response.ok || !response.body) throw new Error(`live updates: HTTP ${response.status}`);
          for await (const message of readServerSentEvents(response.body)) {
            if (message.event === 'ready') {
              setStatus('live');
              // Reconnected after a gap: refresh what we may have missed.
              if (attempt > 0) void client.invalidateQueries({ queryKey: queryKeys.project(projectId) });
              attempt = 0;
            } else if (message.event === 'change') {
              const event = JSON.parse(message.data) as ChangeEvent;
              queue(event.entity);
            }
          }
        } catch {
          if (abort.signal.aborted) return;
        }
        setStatus('offline');
        attempt += 1;
        const delay = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    };
    void run();
    return () => {
      abort.abort();
      if (flushTimer) clearTimeout(flushTimer);
      setStatus('connecting');
    };
  }, [client, projectId]);
}
