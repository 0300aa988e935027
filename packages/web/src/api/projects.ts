// Projects of the current workspace, one project, and its schedule.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { resolveConflicts } from './conflicts.ts';
import { api } from './http.ts';
import { fetchAllPages } from './pages.ts';
import { queryKeys } from './query-keys.ts';
import type { Project, ProjectSummary, Schedule } from './types.ts';

export const projectsQuery = queryOptions({
  queryKey: queryKeys.projects,
  queryFn: () => fetchAllPages<Project>('/api/projects', { sort: 'name' }),
});

export function projectQuery(projectId: string) {
  return queryOptions({
    queryKey: queryKeys.projectDetail(projectId),
    queryFn: () => api<Project>(`/api/projects/${projectId}`),
  });
}

export function scheduleQuery(projectId: string) {
  return queryOptions({
    queryKey: queryKeys.schedule(projectId),
    queryFn: () => api<Schedule>(`/api/projects/${projectId}/schedule`),
  });
}

export function summaryQuery(projectId: string) {
  return queryOptions({
    queryKey: queryKeys.summary(projectId),
    queryFn: () => api<ProjectSummary>(`/api/projects/${projectId}/summary`),
  });
}

/** Forecast vs baseline, milestones, earned value, budget state and open counts. */
export function useProjectSummary(projectId: string) {
  return useQuery(summaryQuery(projectId));
}

export function useProjects() {
  return useQuery(projectsQuery);
}

export function useProject(projectId: string) {
  return useQuery(projectQuery(projectId));
}

export function useSchedule(projectId: string) {
  return useQuery(scheduleQuery(projectId));
}

/** PATCH the project (If-Match its version; a conflict asks the user). */
export function usePatchProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ project, patch }: { project: Project; patch: Partial<Project> }) =>
      resolveConflicts<Project>(`project “${project.name}”`, project, patch, (version, body) =>
        api<Project>(`/api/projects/${project.id}`, { method: 'PATCH', ifMatch: version, body }),
      ),
    onSuccess: (project) => {
      client.setQueryData(queryKeys.projectDetail(project.id), project);
      void client.invalidateQueries({ queryKey: queryKeys.project(project.id) });
      void client.invalidateQueries({ queryKey: queryKeys.projects });
    },
  });
}
