// The Engineering page's queries and actions. DORA, the engineering state and SLO status are keyed
// under `queryKeys.engineering(projectId)` (live updates refresh them when a signal arrives); the raw
// signal lists under their collection (`deployments`, `ci-runs`…), which change events refresh.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, fetchAllPages, queryKeys, workItems, type Page, type RaidEntry } from '../../api/index.ts';
import type { Deployment, Dora, SignalKind, SignalRows, Slo, SloStatus } from './engineering-types.ts';
import { type DoraWindow, isDefaultWindow, windowRange } from './dora-window.ts';
import { stillFailing } from './failed-deployments.ts';

/** The API's default window (90 days up to the status date or now, weekly): shared with the overview. */
export function useDefaultDora(projectId: string) {
  return useQuery({
    queryKey: [...queryKeys.engineering(projectId), 'dora'],
    queryFn: () => api<Dora>(`/api/projects/${projectId}/dora`),
  });
}

/** The keys and series for the chosen window, anchored at the default window's end. */
export function useDora(projectId: string, window: DoraWindow) {
  const base = useDefaultDora(projectId);
  const anchor = base.data?.to;
  const range = anchor ? windowRange(anchor, window.days) : null;
  const query = {
    ...(range ?? {}),
    bucket: window.bucket,
    ...(window.releaseId ? { release: window.releaseId } : {}),
  };
  const custom = useQuery({
    queryKey: [...queryKeys.engineering(projectId), 'dora', query],
    queryFn: () => api<Dora>(`/api/projects/${projectId}/dora`, { query }),
    enabled: range !== null && !isDefaultWindow(window),
    placeholderData: keepPreviousData,
  });
  return isDefaultWindow(window) || base.isError ? base : custom;
}

/** The engineering state of the project and each release (shared with the overview's panels). */
export { useEngineeringState as useEngineeringView } from '../../api/engineering-state.ts';

const PAGE_SIZE = 20;

/** Newest first, a page at a time ("Show more"). */
export function useSignalPages<K extends SignalKind>(projectId: string, kind: K, sort: string) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.collection(projectId, kind), 'engineering', sort],
    queryFn: ({ pageParam, signal }) =>
      api<Page<SignalRows[K]>>(`/api/projects/${projectId}/${kind}`, {
        query: { sort, direction: 'desc', limit: PAGE_SIZE, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * Failed deployments that are still broken: a failure with no later successful deployment to the
 * same environment.
 */
export function useFailedDeployments(projectId: string) {
  return useQuery({
    queryKey: [...queryKeys.collection(projectId, 'deployments'), 'failed-now'],
    queryFn: async ({ signal }) => {
      const path = `/api/projects/${projectId}/deployments`;
      const order = { sort: 'deployedAt', direction: 'desc' } as const;
      const [failed, succeeded] = await Promise.all([
        api<Page<Deployment>>(path, { query: { ...order, status: 'failure', limit: 50 }, signal }),
        api<Page<Deployment>>(path, { query: { ...order, status: 'success', limit: 500 }, signal }),
      ]);
      return stillFailing(failed.items, succeeded.items);
    },
  });
}

/** Work item id → key, to show the keys signals are linked to. */
export function useWorkItemKeys(projectId: string): Map<string, string> {
  const items = workItems.useList(projectId);
  return useMemo(() => new Map((items.data ?? []).map((i) => [i.id, i.key])), [items.data]);
}

export function useSlos(projectId: string) {
  return useQuery({
    queryKey: [...queryKeys.collection(projectId, 'slos'), 'list'],
    queryFn: ({ signal }) => fetchAllPages<Slo>(`/api/projects/${projectId}/slos`, {}, signal),
  });
}

export function useSloStatus(projectId: string, sloId: string) {
  return useQuery({
    queryKey: [...queryKeys.engineering(projectId), 'slo-status', sloId],
    queryFn: () => api<SloStatus>(`/api/slos/${sloId}/status`),
  });
}

export interface NewSlo {
  name: string;
  objective: number;
  windowDays: number;
  method: 'samples' | 'incidents';
}

export function useCreateSlo(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSlo) => api<Slo>(`/api/projects/${projectId}/slos`, { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.collection(projectId, 'slos') });
      void client.invalidateQueries({ queryKey: queryKeys.engineering(projectId) });
    },
    // The form shows the error (a 403 for people without plan rights).
    meta: { silent: true },
  });
}

export function useRaiseRisk(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, signalId }: { kind: SignalKind; signalId: string }) =>
      api<RaidEntry>(`/api/projects/${projectId}/signals/${kind}/${signalId}/raise-risk`, {
        method: 'POST',
      }),
    onSuccess: () =>
      void client.invalidateQueries({ queryKey: queryKeys.collection(projectId, 'raid-entries') }),
  });
}
