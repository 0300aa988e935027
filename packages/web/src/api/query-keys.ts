// Every query key of the app, in one place, so live updates know what to refresh.
// Project data lives under ['project', projectId, …]: invalidating ['project', id] refreshes it all.

export const queryKeys = {
  me: ['me'] as const,
  workspaces: ['workspaces'] as const,
  projects: ['projects'] as const,
  project: (projectId: string) => ['project', projectId] as const,
  projectDetail: (projectId: string) => ['project', projectId, 'detail'] as const,
  schedule: (projectId: string) => ['project', projectId, 'schedule'] as const,
  summary: (projectId: string) => ['project', projectId, 'summary'] as const,
  /** Everything derived from engineering signals (DORA, engineering state, SLO status): refreshed when a
   * deployment, change, incident, CI run or release changes. Key such queries under it. */
  engineering: (projectId: string) => ['project', projectId, 'engineering'] as const,
  /** A project collection by its API entity name (`work-items`, `raid-entries`…). */
  collection: (projectId: string, entity: string) => ['project', projectId, entity] as const,
  collectionList: (projectId: string, entity: string, filter: Record<string, unknown> | undefined) =>
    ['project', projectId, entity, 'list', filter ?? {}] as const,
};
