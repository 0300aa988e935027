// Collections and lookups the work pages (board, backlog, grid, RAID, resources, budget…) add to the
// foundation: resources, assignments, baselines and the workspace's people.
import { useQuery } from '@tanstack/react-query';
import { projectCollection } from './collection.ts';
import { fetchAllPages } from './pages.ts';
import type { ProjectEntity } from './types.ts';

export interface Resource extends ProjectEntity {
  key: string | null;
  name: string;
  type: 'work' | 'material' | 'cost';
  role: string | null;
  groupName: string | null;
  maxUnits: number | null;
  standardRate: number | null;
}

export interface Assignment extends ProjectEntity {
  workItemId: string;
  resourceId: string;
  units: number;
  workMinutes: number | null;
  actualWorkMinutes: number | null;
}

export interface Baseline extends ProjectEntity {
  name: string;
  snapshot: Record<string, { start?: string; finish?: string; cost?: number }>;
}

export interface WorkspaceUser {
  id: string;
  name: string;
  email: string;
  disabled: boolean;
}

export const resources = projectCollection<Resource>('resources', { label: 'resource' });
export const assignments = projectCollection<Assignment>('assignments', { label: 'assignment' });
export const baselines = projectCollection<Baseline>('baselines', { label: 'baseline' });

/** The workspace's people (assignees, owners): id → name. */
export function useWorkspaceUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => fetchAllPages<WorkspaceUser>('/api/users', undefined, signal),
    staleTime: 60_000,
  });
}
