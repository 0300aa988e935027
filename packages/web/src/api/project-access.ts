// The signed-in user's role in a project and the permissions it grants (`GET /api/projects/{id}/access`),
// to show only the actions they may take. The server still checks every request.
import { useQuery } from '@tanstack/react-query';
import { api } from './http.ts';
import { queryKeys } from './query-keys.ts';

export type ProjectPermission = 'project:read' | 'project:contribute' | 'project:plan' | 'project:delete';

export interface ProjectAccess {
  projectId: string;
  role: 'owner' | 'admin' | 'pm' | 'tpm' | 'member' | 'viewer';
  permissions: ProjectPermission[];
}

export function useProjectAccess(projectId: string) {
  return useQuery({
    // Under the members collection: a membership change refreshes it.
    queryKey: [...queryKeys.collection(projectId, 'project-members'), 'access'],
    queryFn: ({ signal }) =>
      api<ProjectAccess>(`/api/projects/${encodeURIComponent(projectId)}/access`, { signal }),
    meta: { silent: true },
  });
}

/** Whether the user may plan the project (webhooks, imports, feeds, SLOs…); undefined while unknown. */
export function useCanPlan(projectId: string): boolean | undefined {
  const access = useProjectAccess(projectId);
  if (access.isError) return false;
  return access.data?.permissions.includes('project:plan');
}
