// Change control calls beyond the plain collection: impact analysis, sign-offs, approval.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../api/index.ts';
import type { ChangeRequest } from '../../api/types.ts';

export interface ImpactSide {
  finish: string;
  durationWorkingDays: number;
  cost: number;
  criticalPath: string[];
  p80?: { date: string; workingDays: number };
}

export interface ImpactAnalysis {
  before: ImpactSide;
  after: ImpactSide;
  delta: {
    finishWorkingDays: number;
    cost: number;
    p80WorkingDays?: number;
    criticalPathAdded: string[];
    criticalPathRemoved: string[];
  };
  at: string;
}

export type ChangeRequestFull = ChangeRequest & {
  reason?: string | null;
  scopeImpact?: string | null;
  technicalImpact?: string | null;
  impactAnalysis?: ImpactAnalysis | null;
  appliedAt?: string | null;
  changeSet?: unknown[];
};

export interface SignOffs {
  items: {
    id: string;
    role: string;
    userId: string;
    decision: string;
    comment: string | null;
    createdAt: string;
  }[];
  required: string[];
  missing: { role: string; reason: string }[];
}

const crKey = (projectId: string) => queryKeys.collection(projectId, 'change-requests');

export function useSignOffs(projectId: string, id: string | null) {
  return useQuery({
    queryKey: [...crKey(projectId), 'sign-offs', id],
    queryFn: ({ signal }) => api<SignOffs>(`/api/change-requests/${id}/sign-offs`, { signal }),
    enabled: id !== null,
  });
}

/** POST and refresh the project's change requests (and the plan, which an approval may change). */
export function useChangeAction(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, ifMatch }: { path: string; body?: unknown; ifMatch?: number }) =>
      api<unknown>(path, { method: 'POST', body: body ?? {}, ifMatch }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: crKey(projectId) });
      void client.invalidateQueries({ queryKey: queryKeys.schedule(projectId) });
      void client.invalidateQueries({ queryKey: queryKeys.summary(projectId) });
    },
  });
}

export const CR_STATUS_COLOR: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'teal',
  rejected: 'red',
  implemented: 'grape',
  withdrawn: 'gray',
};
