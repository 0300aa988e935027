/**
 * A project's signals as the core's DORA history: successful production deployments, the changes
 * (commits) with where they landed, and incidents with their causes.
 */
import type { DoraHistory } from '@tandem/core';
import type { Db } from '../repositories/transaction.ts';

/** `production`, `prod`, `prod-eu`, `live`: the environments the four keys measure. */
export function isProduction(environment: string): boolean {
  return /^(prod|production|live)([-_ ].*)?$/i.test(environment.trim());
}

const ms = (iso: string) => Date.parse(iso);

export interface LoadedHistory extends DoraHistory {
  /** First event of any kind (deployment frequency counts days from here). */
  dataStart: number | null;
}

export async function loadDoraHistory(
  db: Db,
  workspaceId: string,
  projectId: string,
): Promise<LoadedHistory> {
  const [deployments, changes, incidents] = await Promise.all([
    db
      .selectFrom('deployments')
      .select(['id', 'environment', 'status', 'sha', 'deployed_at', 'release_id'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .where('status', '=', 'success')
      .orderBy('deployed_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('changes')
      .select(['sha', 'committed_at', 'landed_as', 'landed_at'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .orderBy('committed_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('incidents')
      .select(['id', 'opened_at', 'resolved_at', 'root_causes', 'deployment_id'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .orderBy('opened_at')
      .orderBy('id')
      .execute(),
  ]);
  const prod = deployments.filter((d) => isProduction(d.environment));
  const starts = [
    ...prod.map((d) => ms(d.deployed_at)),
    ...changes.map((c) => ms(c.committed_at)),
    ...incidents.map((i) => ms(i.opened_at)),
  ];
  return {
    dataStart: starts.length === 0 ? null : Math.min(...starts),
    deployments: prod.map((d) => ({
      id: d.id,
      at: ms(d.deployed_at),
      commits: d.sha ? [d.sha] : [],
      releaseId: d.release_id,
    })),
    changes: changes.map((c) => ({
      sha: c.sha,
      committedAt: ms(c.committed_at),
      landedAs: c.landed_as,
      landedAt: c.landed_at === null ? null : ms(c.landed_at),
    })),
    incidents: incidents.map((i) => ({
      id: i.id,
      createdAt: ms(i.opened_at),
      resolvedAt: i.resolved_at === null ? null : ms(i.resolved_at),
      rootCauses: i.root_causes,
      deploymentId: i.deployment_id,
    })),
  };
}
