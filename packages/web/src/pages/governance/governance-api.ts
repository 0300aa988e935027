// Governance over HTTP (issue 7): phase gates, change-request impact and sign-offs, scenarios.
// Query keys sit under the project with the API's entity names, so live updates refresh them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../api/index.ts';

export interface Measures {
  start: string;
  finish: string;
  durationWorkingDays: number;
  cost: number;
  criticalPath: string[];
  p80: { date: string; workingDays: number };
  p50: { date: string; workingDays: number };
}
export interface Delta {
  finishWorkingDays: number;
  cost: number;
  p80WorkingDays: number;
  p50WorkingDays: number;
  criticalPathAdded: string[];
  criticalPathRemoved: string[];
}
export interface SignOff {
  id: string;
  role: 'pm' | 'tpm';
  userId: string | null;
  decision: 'approved' | 'rejected';
  comment: string | null;
  createdAt: string;
}
export interface GovernedChangeRequest {
  id: string;
  key: string;
  title: string;
  status: string;
  version: number;
  description: string | null;
  changeSet: { op: string; [field: string]: unknown }[];
  impactAnalysis: { before: Measures; after: Measures; delta: Delta; at: string } | null;
  appliedAt: string | null;
}
export interface Unmet {
  kind: 'checklist' | 'criterion' | 'sign-off';
  id: string;
  name: string;
  reason: string;
}
export interface Gate {
  id: string;
  phase: string;
  status: 'open' | 'passed';
  version: number;
  passedAt: string | null;
  checklist: { id: string; role: 'pm' | 'tpm'; label: string; done: boolean }[];
  criteria: { id: string; threshold?: number }[];
  signOffs: SignOff[];
  evaluation: {
    canPass: boolean;
    criteria: { id: string; name: string; met: boolean; detail: string }[];
    unmet: Unmet[];
  };
}
export interface Scenario {
  id: string;
  name: string;
  description: string | null;
  status: 'open' | 'promoted' | 'discarded';
  version: number;
  changeSet: { op: string; [field: string]: unknown }[];
  comparison: {
    live: Measures;
    scenarios: { name: string; measures: Measures; delta: Delta }[];
    at: string;
  } | null;
}

const key = (projectId: string, entity: string) => queryKeys.collection(projectId, entity);

export function useGates(projectId: string) {
  return useQuery({
    queryKey: [...key(projectId, 'phase-gates'), 'all'],
    queryFn: ({ signal }) =>
      api<{ phase: string; requiredSignOffs: string[]; items: Gate[] }>(`/api/projects/${projectId}/gates`, {
        signal,
      }),
  });
}

export function useChangeRequests(projectId: string) {
  return useQuery({
    queryKey: [...key(projectId, 'change-requests'), 'governance'],
    queryFn: ({ signal }) =>
      api<{ items: GovernedChangeRequest[] }>(`/api/projects/${projectId}/change-requests`, {
        signal,
        query: { limit: 500 },
      }),
  });
}

export function useChangeRequestSignOffs(projectId: string, changeRequestId: string) {
  return useQuery({
    queryKey: [...key(projectId, 'change-requests'), 'sign-offs', changeRequestId],
    queryFn: ({ signal }) =>
      api<{ items: SignOff[]; required: string[]; missing: { role: string; reason: string }[] }>(
        `/api/change-requests/${changeRequestId}/sign-offs`,
        { signal },
      ),
  });
}

export function useScenarios(projectId: string) {
  return useQuery({
    queryKey: [...key(projectId, 'scenarios'), 'all'],
    queryFn: ({ signal }) =>
      api<{ items: Scenario[] }>(`/api/projects/${projectId}/scenarios`, { signal, query: { limit: 500 } }),
  });
}

/** A POST (or PATCH) that refreshes the project's data afterwards. */
export function useProjectAction<TInput>(projectId: string, request: (input: TInput) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}
