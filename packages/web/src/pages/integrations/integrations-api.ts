// The Integrations page over HTTP: webhook configurations and their deliveries, calendar feeds, import
// jobs and exports. Query keys sit under the project (`['project', id, 'hook-configs']`…), so the live
// stream's change events for `hook-configs`, `calendar-feeds` and `import-jobs` refresh them.
import { type UseQueryResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, type Problem, api, commonHeaders, fetchAllPages, queryKeys } from '../../api/index.ts';
import type { Entity, Page } from '../../api/index.ts';

export type HookProvider = 'github' | 'gitlab' | 'jenkins' | 'circleci' | 'alerts';

export interface HookConfig extends Entity {
  projectId: string;
  provider: HookProvider;
  name: string;
  /** The secret's last four characters. */
  secretHint: string;
  repository: string | null;
  active: boolean;
  lastDeliveryAt: string | null;
  /** A path: prefix the server's origin. */
  url: string;
}

/** The answer of a create or a rotation: the only time the secret is shown. */
export interface HookWithSecret extends HookConfig {
  secret: string;
}

export interface HookDelivery extends Entity {
  projectId: string;
  hookId: string;
  provider: HookProvider;
  deliveryId: string;
  event: string;
  headers: Record<string, string>;
  status: 'processed' | 'failed';
  error: string | null;
  signalCount: number;
  receivedAt: string;
  processedAt: string | null;
  rawBody?: string;
  parsed?: unknown;
}

export interface CalendarFeed extends Entity {
  projectId: string;
  name: string;
  prefix: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedCalendarFeed {
  calendarFeed: CalendarFeed;
  token: string;
  url: string;
}

export type ImportFormat = 'mspdi' | 'csv' | 'jira-csv' | 'json' | 'yaml';

export interface ImportProblem {
  path: string;
  message: string;
  value?: unknown;
}

export interface ImportJob {
  id: string;
  projectId: string;
  format: ImportFormat;
  fileName: string | null;
  fileBytes: number;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  phase: 'queued' | 'parsing' | 'validating' | 'saving' | 'done';
  progress: number;
  result: {
    created: Record<string, number>;
    updated: Record<string, number>;
    deleted: Record<string, number>;
    sprintsCreated: number;
    workItems: number;
  } | null;
  errors: ImportProblem[];
  warnings: string[];
  finishedAt: string | null;
  createdAt: string;
}

const HOOKS = 'hook-configs';
const DELIVERIES = 'hook-deliveries';
const FEEDS = 'calendar-feeds';
const project = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

/** The server's import limit (`IMPORT_BODY_LIMIT`). */
export const IMPORT_MAX_BYTES = 25 * 1024 * 1024;

export function useHookConfigs(projectId: string): UseQueryResult<HookConfig[]> {
  return useQuery({
    queryKey: queryKeys.collectionList(projectId, HOOKS, undefined),
    queryFn: ({ signal }) => fetchAllPages<HookConfig>(`${project(projectId)}/hook-configs`, {}, signal),
  });
}

/** The 50 newest deliveries. Deliveries have no live event of their own: polled every 10 s. */
export function useDeliveries(projectId: string, enabled: boolean): UseQueryResult<HookDelivery[]> {
  return useQuery({
    queryKey: queryKeys.collectionList(projectId, DELIVERIES, undefined),
    queryFn: async ({ signal }) =>
      (
        await api<Page<HookDelivery>>(`${project(projectId)}/hook-deliveries`, {
          query: { sort: 'receivedAt', direction: 'desc', limit: 50 },
          signal,
        })
      ).items,
    enabled,
    refetchInterval: 10_000,
  });
}

export function useDelivery(projectId: string, id: string | null): UseQueryResult<HookDelivery> {
  return useQuery({
    queryKey: [...queryKeys.collection(projectId, DELIVERIES), 'one', id],
    queryFn: ({ signal }) =>
      api<HookDelivery>(`/api/hook-deliveries/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

export function useCalendarFeeds(projectId: string): UseQueryResult<CalendarFeed[]> {
  return useQuery({
    queryKey: queryKeys.collectionList(projectId, FEEDS, undefined),
    queryFn: ({ signal }) => fetchAllPages<CalendarFeed>(`${project(projectId)}/calendar-feeds`, {}, signal),
  });
}

/** A write of this page: silent (the page shows the error where it happened), refreshes `entity`. */
function useWrite<V, R>(projectId: string, entities: string[], write: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    meta: { silent: true },
    onSettled: () =>
      Promise.all(
        entities.map((e) => client.invalidateQueries({ queryKey: queryKeys.collection(projectId, e) })),
      ),
  });
}

export interface NewHook {
  provider: HookProvider;
  name: string;
  repository?: string | null;
  secret?: string;
}

export function useCreateHook(projectId: string) {
  return useWrite(projectId, [HOOKS], (body: NewHook) =>
    api<HookWithSecret>(`${project(projectId)}/hook-configs`, { method: 'POST', body }),
  );
}

export type HookPatch = { active?: boolean; name?: string; rotateSecret?: boolean };

/** PATCH with If-Match on the row's version (a 412 rejects with a `ConflictError`; the list refreshes). */
export function usePatchHook(projectId: string) {
  return useWrite(projectId, [HOOKS], ({ hook, patch }: { hook: HookConfig; patch: HookPatch }) =>
    api<HookConfig & { secret?: string }>(`/api/hook-configs/${encodeURIComponent(hook.id)}`, {
      method: 'PATCH',
      body: patch,
      ifMatch: hook.version,
    }),
  );
}

export function useDeleteHook(projectId: string) {
  return useWrite(projectId, [HOOKS, DELIVERIES], (hook: HookConfig) =>
    api<void>(`/api/hook-configs/${encodeURIComponent(hook.id)}`, {
      method: 'DELETE',
      ifMatch: hook.version,
    }),
  );
}

export function useReplayDelivery(projectId: string) {
  return useWrite(projectId, [DELIVERIES, HOOKS], (id: string) =>
    api<HookDelivery>(`/api/hook-deliveries/${encodeURIComponent(id)}/replay`, { method: 'POST' }),
  );
}

export function useCreateFeed(projectId: string) {
  return useWrite(projectId, [FEEDS], (name: string) =>
    api<CreatedCalendarFeed>(`${project(projectId)}/calendar-feeds`, {
      method: 'POST',
      body: name.trim() ? { name: name.trim() } : {},
    }),
  );
}

export function useRevokeFeed(projectId: string) {
  return useWrite(projectId, [FEEDS], (feed: CalendarFeed) =>
    api<void>(`/api/calendar-feeds/${encodeURIComponent(feed.id)}`, {
      method: 'DELETE',
      ifMatch: feed.version,
    }),
  );
}

/**
 * Uploads `file` as the request body (the server reads the format from `format`, else the file's
 * extension) and answers the queued job. A refusal (413 too large, 415 unknown format…) rejects with
 * the server's problem.
 */
export async function uploadImport(
  projectId: string,
  file: File,
  format: ImportFormat | 'auto',
): Promise<ImportJob> {
  const query = new URLSearchParams({ fileName: file.name, ...(format !== 'auto' ? { format } : {}) });
  let response: Response;
  try {
    response = await fetch(`${project(projectId)}/imports?${query.toString()}`, {
      method: 'POST',
      headers: { ...commonHeaders('POST'), 'Content-Type': 'application/octet-stream' },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, { title: 'Network error', detail: 'The upload did not reach the Tandem server.' });
  }
  const body = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) throw new ApiError(response.status, body as Problem);
  return body as ImportJob;
}

export function getImportJob(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return api<ImportJob>(`/api/import-jobs/${encodeURIComponent(id)}`, { signal });
}

export type ExportFormat = 'mspdi' | 'csv' | 'ics' | 'json' | 'yaml';

export function exportUrl(projectId: string, format: ExportFormat): string {
  return `${project(projectId)}/export?format=${format}`;
}
