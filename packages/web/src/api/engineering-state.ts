// Engineering state beside the plan: `GET /api/projects/{id}/engineering` — for the project, each
// release and each milestone, the builds (CI runs), deployments, open incidents and coverage of the
// work that feeds it. Keyed under `queryKeys.engineering`, so a signal arriving live refreshes it.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './http.ts';
import { queryKeys } from './query-keys.ts';

export interface BuildsState {
  total: number;
  succeeded: number;
  failed: number;
  /** In progress or queued. */
  running: number;
  /** `success`, `failure`, `in_progress`, `queued`, `cancelled`… of the latest run. */
  lastStatus: string | null;
  lastAt: string | null;
}

/** A failed run whose branch or commit has no later success: what is broken now. */
export interface FailingBuild {
  id: string;
  name: string;
  branch: string | null;
  sha: string | null;
  workItemIds: string[];
  url: string | null;
  /** Of its work items, those on the critical path now. */
  criticalWorkItemIds: string[];
}

export interface DeploymentsState {
  /** Successful deployments, any environment. */
  total: number;
  /** Failed deployments, any environment. */
  failed: number;
  production: number;
  lastProductionAt: string | null;
  /** Environment of the latest successful deployment. */
  lastEnvironment: string | null;
}

export interface OpenIncident {
  id: string;
  title: string;
  severity: string | null;
  openedAt: string;
  url: string | null;
  workItemIds: string[];
}

export interface EngineeringState {
  builds: BuildsState;
  failingBuilds: FailingBuild[];
  deployments: DeploymentsState;
  openIncidents: OpenIncident[];
  /** Test coverage in percent (0–100) of the latest run that reported it. */
  coverage: number | null;
  /** The work items whose signals count (empty for the project as a whole). */
  workItemIds: string[];
}

export interface ReleaseEngineeringState extends EngineeringState {
  id: string;
  name: string;
  tag: string | null;
  status: string;
  plannedDate: string | null;
}

export interface MilestoneEngineeringState extends EngineeringState {
  id: string;
  key: string;
  name: string;
  /** On the critical path now; null when the plan cannot be scheduled. */
  critical: boolean | null;
}

export interface EngineeringView {
  project: EngineeringState;
  releases: ReleaseEngineeringState[];
  milestones: MilestoneEngineeringState[];
}

export const engineeringStateQuery = (projectId: string) =>
  queryOptions({
    queryKey: [...queryKeys.engineering(projectId), 'state'] as const,
    queryFn: ({ signal }) => api<EngineeringView>(`/api/projects/${projectId}/engineering`, { signal }),
  });

/** The engineering state of the project, its releases and milestones. */
export function useEngineeringState(projectId: string) {
  return useQuery(engineeringStateQuery(projectId));
}
