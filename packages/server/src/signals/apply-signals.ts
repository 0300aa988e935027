/**
 * Writes what a delivery means: each signal upserted into its table (by provider and external id),
 * linked to work items and a release. A merged pull request marks its branch's commits as landed on
 * the base branch through its merge or squash commit, which is how one squash commit stands for many
 * changes in the four keys. Runs inside the delivery's transaction.
 */
import type {
  ChangeSignal,
  CiRunSignal,
  DeploymentSignal,
  IncidentSignal,
  PullRequestSignal,
  ReleaseSignal,
  Signal,
} from '@tandem/formats';
import { updateRelease } from '../repositories/release-repository.ts';
import { type SignalTable, upsertSignal } from '../repositories/signal-repository.ts';
import type { Db, WriteContext } from '../repositories/transaction.ts';
import type { Linker } from './work-item-linker.ts';

export interface AppliedSignal {
  entity: 'deployments' | 'changes' | 'incidents' | 'ci-runs' | 'releases';
  id: string;
  version: number;
  action: 'created' | 'updated';
}

export interface ApplyContext {
  trx: Db;
  ctx: WriteContext;
  projectId: string;
  provider: string;
  deliveryId: string | null;
  linker: Linker;
  now: string;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
const ENTITY: Record<SignalTable, AppliedSignal['entity']> = {
  deployments: 'deployments',
  changes: 'changes',
  incidents: 'incidents',
  ci_runs: 'ci-runs',
};

export async function applySignals(a: ApplyContext, signals: readonly Signal[]): Promise<AppliedSignal[]> {
  const applied: AppliedSignal[] = [];
  const note = (table: SignalTable, r: { row: { id: string; version: number }; created: boolean }) =>
    applied.push({
      entity: ENTITY[table],
      id: r.row.id,
      version: r.row.version,
      action: r.created ? 'created' : 'updated',
    });
  for (const s of signals) {
    switch (s.kind) {
      case 'change':
        note('changes', await applyChange(a, s));
        break;
      case 'pull_request':
        applied.push(...(await applyPullRequest(a, s)));
        break;
      case 'deployment':
        note('deployments', await applyDeployment(a, s));
        break;
      case 'ci_run':
        note('ci_runs', await applyCiRun(a, s));
        break;
      case 'incident':
        note('incidents', await applyIncident(a, s));
        break;
      case 'release': {
        const r = await applyRelease(a, s);
        if (r) applied.push(r);
        break;
      }
    }
  }
  return applied;
}

function common(
  a: ApplyContext,
  s: Signal,
  externalId: string,
  workItemIds: string[],
  releaseId: string | null,
) {
  return {
    project_id: a.projectId,
    provider: a.provider,
    external_id: externalId,
    delivery_id: a.deliveryId,
    source: s.source,
    url: s.url,
    release_id: releaseId,
    work_item_ids: workItemIds,
  };
}

/** Work items of the changes with these shas (a deployment or a run inherits its commits' links). */
async function workItemsOfShas(a: ApplyContext, shas: readonly (string | null)[]): Promise<string[]> {
  const wanted = shas.filter((s): s is string => !!s);
  if (wanted.length === 0) return [];
  const rows = await a.trx
    .selectFrom('changes')
    .select(['work_item_ids'])
    .where('workspace_id', '=', a.ctx.workspaceId)
    .where('project_id', '=', a.projectId)
    .where((eb) => eb.or([eb('sha', 'in', wanted), eb('landed_as', 'in', wanted)]))
    .execute();
  return [...new Set(rows.flatMap((r) => r.work_item_ids))];
}

async function applyChange(a: ApplyContext, s: ChangeSignal) {
  const ids = a.linker.idsFor(s.workItemKeys);
  const onDefault = s.branch !== null && s.branch === s.defaultBranch;
  const landedAt = onDefault ? (s.pushedAt ?? s.committedAt) : null;
  return upsertSignal(
    a.trx,
    a.ctx.workspaceId,
    'changes',
    {
      ...common(a, s, s.sha, ids, a.linker.releaseFor(ids)),
      sha: s.sha,
      message: s.message.slice(0, 20_000),
      author: s.author,
      branch: s.branch,
      committed_at: s.committedAt,
      landed_as: null,
      landed_at: landedAt,
      pull_request: null,
    },
    (old) => {
      const workItemIds = union(old.work_item_ids, ids);
      return {
        delivery_id: a.deliveryId,
        work_item_ids: workItemIds,
        release_id: old.release_id ?? a.linker.releaseFor(workItemIds),
        // First landing wins: a later push of the same commit elsewhere does not move it.
        landed_at: old.landed_at ?? landedAt,
        branch:
          onDefault && old.branch !== null && old.landed_at === null ? old.branch : (old.branch ?? s.branch),
      };
    },
    a.now,
  );
}

/** A merged pull request: its branch's commits landed as the merge / squash commit, when it merged. */
async function applyPullRequest(a: ApplyContext, s: PullRequestSignal): Promise<AppliedSignal[]> {
  if (s.state !== 'merged' || !s.headBranch) return [];
  const prIds = a.linker.idsFor(s.workItemKeys);
  const rows = await a.trx
    .selectFrom('changes')
    .selectAll()
    .where('workspace_id', '=', a.ctx.workspaceId)
    .where('project_id', '=', a.projectId)
    .where('branch', '=', s.headBranch)
    .execute();
  const out: AppliedSignal[] = [];
  for (const row of rows) {
    if (row.sha === s.mergeCommitSha) continue;
    const workItemIds = union(row.work_item_ids, prIds);
    const updated = await a.trx
      .updateTable('changes')
      .set({
        landed_as: row.landed_as ?? s.mergeCommitSha,
        landed_at: row.landed_at ?? s.mergedAt,
        pull_request: s.number,
        work_item_ids: workItemIds,
        release_id: row.release_id ?? a.linker.releaseFor(workItemIds),
        version: row.version + 1,
        updated_at: a.now,
      })
      .where('workspace_id', '=', a.ctx.workspaceId)
      .where('id', '=', row.id)
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    out.push({ entity: 'changes', id: updated.id, version: updated.version, action: 'updated' });
  }
  return out;
}

async function applyDeployment(a: ApplyContext, s: DeploymentSignal) {
  const ids = union(a.linker.idsFor(s.workItemKeys), await workItemsOfShas(a, [s.sha]));
  return upsertSignal(
    a.trx,
    a.ctx.workspaceId,
    'deployments',
    {
      ...common(a, s, s.externalId, ids, a.linker.releaseFor(ids, s.ref)),
      environment: s.environment,
      status: s.status,
      sha: s.sha,
      ref: s.ref,
      deployed_at: s.at,
    },
    (old) => ({
      delivery_id: a.deliveryId,
      status: s.status,
      environment: s.environment || old.environment,
      sha: s.sha ?? old.sha,
      // The deployment's time is when it succeeded (Four Keys: the success status's time).
      deployed_at: s.status === 'success' || old.status !== 'success' ? s.at : old.deployed_at,
      url: s.url ?? old.url,
      work_item_ids: union(old.work_item_ids, ids),
      release_id: old.release_id ?? a.linker.releaseFor(ids, s.ref),
    }),
    a.now,
  );
}

async function applyCiRun(a: ApplyContext, s: CiRunSignal) {
  const ids = union(a.linker.idsFor(s.workItemKeys), await workItemsOfShas(a, [s.sha]));
  return upsertSignal(
    a.trx,
    a.ctx.workspaceId,
    'ci_runs',
    {
      ...common(a, s, s.externalId, ids, a.linker.releaseFor(ids)),
      name: s.name,
      status: s.status,
      sha: s.sha,
      branch: s.branch,
      started_at: s.startedAt,
      finished_at: s.finishedAt,
      coverage: s.coverage,
    },
    (old) => ({
      delivery_id: a.deliveryId,
      status: s.status,
      started_at: old.started_at ?? s.startedAt,
      finished_at: s.finishedAt ?? old.finished_at,
      coverage: s.coverage ?? old.coverage,
      url: s.url ?? old.url,
      work_item_ids: union(old.work_item_ids, ids),
    }),
    a.now,
  );
}

async function applyIncident(a: ApplyContext, s: IncidentSignal) {
  const ids = union(a.linker.idsFor(s.workItemKeys), await workItemsOfShas(a, s.rootCauses));
  return upsertSignal(
    a.trx,
    a.ctx.workspaceId,
    'incidents',
    {
      ...common(a, s, s.externalId, ids, a.linker.releaseFor(ids)),
      title: s.title.slice(0, 1000),
      state: s.state,
      severity: s.severity,
      origin: s.origin,
      opened_at: s.createdAt,
      resolved_at: s.resolvedAt,
      root_causes: s.rootCauses,
      deployment_id: null,
    },
    (old) => ({
      delivery_id: a.deliveryId,
      state: s.state,
      title: s.title.slice(0, 1000) || old.title,
      severity: s.severity ?? old.severity,
      opened_at: old.opened_at < s.createdAt ? old.opened_at : s.createdAt,
      resolved_at: s.state === 'resolved' ? (s.resolvedAt ?? old.resolved_at ?? a.now) : null,
      root_causes: union(old.root_causes, s.rootCauses),
      work_item_ids: union(old.work_item_ids, ids),
    }),
    a.now,
  );
}

/** A published release on the provider marks the project's release of that tag as released. */
async function applyRelease(a: ApplyContext, s: ReleaseSignal): Promise<AppliedSignal | null> {
  if (s.action !== 'published' && s.action !== 'released') return null;
  const release = await a.trx
    .selectFrom('releases')
    .selectAll()
    .where('workspace_id', '=', a.ctx.workspaceId)
    .where('project_id', '=', a.projectId)
    .where('tag', '=', s.tag)
    .executeTakeFirst();
  if (!release || release.status === 'released') return null;
  const updated = await updateRelease(a.trx, a.ctx, release.id, release.version, {
    status: 'released',
    actual_date: (s.at ?? a.now).slice(0, 10),
  });
  return { entity: 'releases', id: updated.id, version: updated.version, action: 'updated' };
}
