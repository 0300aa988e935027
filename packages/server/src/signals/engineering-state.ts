/**
 * Engineering state beside the plan: for each release and each milestone, the builds (CI runs),
 * deployments, open incidents and latest coverage of the work that feeds it.
 *
 * A release's signals are those tagged with it and the untagged ones touching its `work_item_ids`.
 * A milestone's are those touching its work: the work items it depends on, transitively (its
 * predecessors and theirs), and its children — back to the previous milestones, whose work is theirs:
 * "Go live" shows the work since "Build complete", not everything since the project began (which is
 * the project's state).
 */
import type { Db } from '../repositories/transaction.ts';
import { isProduction } from './dora-history.ts';

export interface EngineeringState {
  builds: {
    total: number;
    succeeded: number;
    failed: number;
    running: number;
    lastStatus: string | null;
    lastAt: string | null;
  };
  /** Failed runs whose branch or commit has no later success: what is broken now. */
  failingBuilds: {
    id: string;
    name: string;
    branch: string | null;
    sha: string | null;
    workItemIds: string[];
    url: string | null;
  }[];
  deployments: {
    /** Successful deployments, any environment. */
    total: number;
    /** Deployments that failed, any environment. */
    failed: number;
    /** Successful production deployments. */
    production: number;
    lastProductionAt: string | null;
    lastEnvironment: string | null;
  };
  openIncidents: {
    id: string;
    title: string;
    severity: string | null;
    openedAt: string;
    url: string | null;
    workItemIds: string[];
  }[];
  coverage: number | null;
  workItemIds: string[];
}

export interface EngineeringView {
  releases: ({
    id: string;
    name: string;
    tag: string | null;
    status: string;
    plannedDate: string | null;
  } & EngineeringState)[];
  milestones: ({ id: string; key: string; name: string; critical: boolean | null } & EngineeringState)[];
  project: EngineeringState;
}

type CiRun = {
  id: string;
  name: string;
  status: string;
  sha: string | null;
  branch: string | null;
  started_at: string | null;
  finished_at: string | null;
  coverage: number | null;
  work_item_ids: string[];
  release_id: string | null;
  url: string | null;
  created_at: string;
};
type Deployment = {
  id: string;
  environment: string;
  status: string;
  deployed_at: string;
  work_item_ids: string[];
  release_id: string | null;
};
type Incident = {
  id: string;
  title: string;
  url: string | null;
  state: string;
  severity: string | null;
  opened_at: string;
  work_item_ids: string[];
  release_id: string | null;
};

const timeOf = (r: CiRun) => r.finished_at ?? r.started_at ?? r.created_at;

function stateOf(
  runs: CiRun[],
  deployments: Deployment[],
  incidents: Incident[],
  workItemIds: string[],
): EngineeringState {
  const sorted = [...runs].sort((a, b) => timeOf(a).localeCompare(timeOf(b)) || a.id.localeCompare(b.id));
  const last = sorted.at(-1);
  const failing: CiRun[] = [];
  const lastByLine = new Map<string, CiRun>();
  for (const r of sorted) lastByLine.set(`${r.name}@${r.branch ?? r.sha ?? ''}`, r);
  for (const r of lastByLine.values()) if (r.status === 'failure') failing.push(r);
  const withCoverage = sorted.filter((r) => r.coverage !== null);
  const prod = deployments
    .filter((d) => d.status === 'success' && isProduction(d.environment))
    .sort((a, b) => a.deployed_at.localeCompare(b.deployed_at));
  const succeeded = deployments
    .filter((d) => d.status === 'success')
    .sort((a, b) => a.deployed_at.localeCompare(b.deployed_at));
  return {
    builds: {
      total: runs.length,
      succeeded: runs.filter((r) => r.status === 'success').length,
      failed: runs.filter((r) => r.status === 'failure').length,
      running: runs.filter((r) => r.status === 'in_progress' || r.status === 'queued').length,
      lastStatus: last?.status ?? null,
      lastAt: last ? timeOf(last) : null,
    },
    failingBuilds: failing.map((r) => ({
      id: r.id,
      name: r.name,
      branch: r.branch,
      sha: r.sha,
      workItemIds: r.work_item_ids,
      url: r.url,
    })),
    deployments: {
      total: succeeded.length,
      failed: deployments.filter((d) => d.status === 'failure').length,
      production: prod.length,
      lastProductionAt: prod.at(-1)?.deployed_at ?? null,
      lastEnvironment: succeeded.at(-1)?.environment ?? null,
    },
    openIncidents: incidents
      .filter((i) => i.state !== 'resolved')
      .sort((a, b) => a.opened_at.localeCompare(b.opened_at))
      .map((i) => ({
        id: i.id,
        title: i.title,
        severity: i.severity,
        openedAt: i.opened_at,
        url: i.url,
        workItemIds: i.work_item_ids,
      })),
    coverage: withCoverage.at(-1)?.coverage ?? null,
    workItemIds,
  };
}

const touches = (ids: Set<string>) => (row: { work_item_ids: string[] }) =>
  row.work_item_ids.some((id) => ids.has(id));

export async function engineeringView(
  db: Db,
  workspaceId: string,
  projectId: string,
  criticalKeys: ReadonlySet<string> | null,
): Promise<EngineeringView> {
  const [runs, deployments, incidents, releases, items, links] = await Promise.all([
    db
      .selectFrom('ci_runs')
      .select([
        'id',
        'name',
        'status',
        'sha',
        'branch',
        'started_at',
        'finished_at',
        'coverage',
        'work_item_ids',
        'release_id',
        'url',
        'created_at',
      ])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .execute(),
    db
      .selectFrom('deployments')
      .select(['id', 'environment', 'status', 'deployed_at', 'work_item_ids', 'release_id'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .execute(),
    db
      .selectFrom('incidents')
      .select(['id', 'title', 'state', 'severity', 'opened_at', 'work_item_ids', 'release_id', 'url'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .execute(),
    db
      .selectFrom('releases')
      .select(['id', 'name', 'tag', 'status', 'planned_date', 'work_item_ids'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .orderBy('planned_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('work_items')
      .select(['id', 'key', 'name', 'milestone', 'parent_id', 'duration_minutes', 'sort_key'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('dependencies')
      .select(['predecessor_id', 'successor_id'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .execute(),
  ]);

  const predecessors = new Map<string, string[]>();
  for (const l of links)
    predecessors.set(l.successor_id, [...(predecessors.get(l.successor_id) ?? []), l.predecessor_id]);
  const children = new Map<string, string[]>();
  for (const i of items)
    if (i.parent_id) children.set(i.parent_id, [...(children.get(i.parent_id) ?? []), i.id]);
  // Flagged milestones, and zero-duration items that are not summaries (milestones anyway).
  const milestones = items
    .filter((i) => i.milestone || (i.duration_minutes === 0 && !children.has(i.id)))
    .sort((a, b) => a.sort_key - b.sort_key || a.id.localeCompare(b.id));
  const milestoneIds = new Set(milestones.map((m) => m.id));
  /**
   * What feeds a milestone: predecessors (transitively) and the children of each, stopping at earlier
   * milestones (their work is theirs).
   */
  const feeding = (id: string): Set<string> => {
    const seen = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      const cur = stack.pop() as string;
      for (const next of [...(predecessors.get(cur) ?? []), ...(children.get(cur) ?? [])])
        if (!seen.has(next) && !milestoneIds.has(next)) {
          seen.add(next);
          stack.push(next);
        }
    }
    return seen;
  };

  /**
   * The signals of `ids` (and of release `releaseId`): for a release, those tagged with it, and the
   * untagged ones touching its work items — a deployment tagged with the next release is that release's,
   * whichever earlier work it carries, so a release's deployments are the ones its four keys count.
   */
  const forItems = (ids: Set<string>, releaseId?: string) => {
    const match = (row: { work_item_ids: string[]; release_id: string | null }) =>
      releaseId === undefined
        ? touches(ids)(row)
        : row.release_id === releaseId || (row.release_id === null && touches(ids)(row));
    return stateOf(runs.filter(match), deployments.filter(match), incidents.filter(match), [...ids].sort());
  };

  return {
    project: stateOf(runs, deployments, incidents, []),
    releases: releases.map((r) => ({
      id: r.id,
      name: r.name,
      tag: r.tag,
      status: r.status,
      plannedDate: r.planned_date,
      ...forItems(new Set(r.work_item_ids), r.id),
    })),
    milestones: milestones.map((m) => {
      const ids = feeding(m.id);
      return {
        id: m.id,
        key: m.key,
        name: m.name,
        critical: criticalKeys === null ? null : criticalKeys.has(m.key),
        ...forItems(ids),
      };
    }),
  };
}
