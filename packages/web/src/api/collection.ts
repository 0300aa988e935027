// One helper for every project entity (work items, RAID, change requests…): list / create / patch /
// delete as functions and as TanStack Query hooks, with If-Match from the row's version, an
// Idempotency-Key on creates, the conflict dialog on 412, and caches kept current.
//
//   export const workItems = projectCollection<WorkItem>('work-items', { label: 'work item' });
//   const { data } = workItems.useList(projectId, { status: 'todo' });
//   const patch = workItems.usePatch();  patch.mutate({ row, patch: { name: 'New name' } });
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { deleteResolvingConflicts, resolveConflicts } from './conflicts.ts';
import { api } from './http.ts';
import { fetchAllPages } from './pages.ts';
import { queryKeys } from './query-keys.ts';
import type { ProjectEntity } from './types.ts';

export type ListFilter = Record<string, string | number | boolean | null | undefined>;

export interface CollectionOptions {
  /** For messages: `work item`. */
  label: string;
  /** The segment under the project when it differs from the entity path (`raid` for `raid-entries`). */
  collectionPath?: string;
  /** How to name one row in messages (default its `name`, `title` or `key`). */
  describe?: (row: Record<string, unknown>) => string;
}

export function projectCollection<T extends ProjectEntity, New = Partial<Omit<T, keyof ProjectEntity>>>(
  entity: string,
  options: CollectionOptions,
) {
  const collectionPath = options.collectionPath ?? entity;
  const listPath = (projectId: string) => `/api/projects/${projectId}/${collectionPath}`;
  const rowPath = (id: string) => `/api/${entity}/${id}`;
  const name = (row: T) => {
    const r = row as unknown as Record<string, unknown>;
    const text = options.describe?.(r) ?? r.name ?? r.title ?? r.key;
    return typeof text === 'string' ? `${options.label} “${text}”` : options.label;
  };

  /** Replace one row in every cached list of its project (so edits show at once). */
  function putInCache(client: QueryClient, row: T): void {
    client.setQueriesData<T[]>({ queryKey: queryKeys.collection(row.projectId, entity) }, (old) =>
      Array.isArray(old) ? old.map((r) => (r.id === row.id ? row : r)) : old,
    );
  }
  function refresh(client: QueryClient, projectId: string): void {
    void client.invalidateQueries({ queryKey: queryKeys.collection(projectId, entity) });
    void client.invalidateQueries({ queryKey: queryKeys.schedule(projectId) });
    void client.invalidateQueries({ queryKey: queryKeys.summary(projectId) });
  }

  const fns = {
    entity,
    label: options.label,
    list: (projectId: string, filter?: ListFilter, signal?: AbortSignal) =>
      fetchAllPages<T>(listPath(projectId), filter, signal),
    get: (id: string) => api<T>(rowPath(id)),
    create: (projectId: string, body: New) =>
      api<T>(listPath(projectId), {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      }),
    /** PATCH on `row.version`; a 412 asks the user (keep theirs → the current row; mine → re-applied). */
    patch: (row: T, patch: Partial<T>) =>
      resolveConflicts<T>(name(row), row, patch, (version, body) =>
        api<T>(rowPath(row.id), { method: 'PATCH', ifMatch: version, body }),
      ),
    remove: (row: T) =>
      deleteResolvingConflicts(name(row), row, (version) =>
        api<void>(rowPath(row.id), { method: 'DELETE', ifMatch: version }),
      ),
  };

  return {
    ...fns,
    queryKey: (projectId: string, filter?: ListFilter) => queryKeys.collectionList(projectId, entity, filter),

    useList(projectId: string, filter?: ListFilter, enabled = true) {
      return useQuery({
        queryKey: queryKeys.collectionList(projectId, entity, filter),
        queryFn: ({ signal }) => fns.list(projectId, filter, signal),
        enabled,
      });
    },

    useCreate(projectId: string) {
      const client = useQueryClient();
      return useMutation({
        mutationFn: (body: New) => fns.create(projectId, body),
        onSuccess: () => refresh(client, projectId),
      });
    },

    usePatch() {
      const client = useQueryClient();
      return useMutation({
        mutationFn: ({ row, patch }: { row: T; patch: Partial<T> }) => fns.patch(row, patch),
        onSuccess: (row) => {
          putInCache(client, row);
          refresh(client, row.projectId);
        },
      });
    },

    useRemove() {
      const client = useQueryClient();
      return useMutation({
        mutationFn: (row: T) => fns.remove(row),
        onSuccess: (_result, row) => refresh(client, row.projectId),
      });
    },
  };
}

export type ProjectCollection<T extends ProjectEntity> = ReturnType<typeof projectCollection<T>>;
