/**
 * GitLab webhook deliveries → signals. The event is `object_kind` of the body (the `X-Gitlab-Event`
 * header says the same in words): push, merge_request, pipeline (a CI run; a successful deploy job
 * with an environment is also a deployment), deployment, and issues labelled "incident".
 */
import {
  arr,
  branchOf,
  coverageIn,
  isoTime,
  num,
  obj,
  payloadObject,
  rootCausesIn,
  str,
} from './json-access.ts';
import type { CiStatus, DeploymentStatus, ParsedDelivery, Signal } from './signal-types.ts';
import { type KeyOptions, extractWorkItemKeys } from './work-item-keys.ts';

function pipelineStatus(status: string | null): CiStatus {
  switch (status) {
    case 'success':
      return 'success';
    case 'failed':
      return 'failure';
    case 'canceled':
    case 'cancelled':
      return 'cancelled';
    case 'skipped':
      return 'skipped';
    case 'running':
      return 'in_progress';
    case 'manual':
      return 'neutral';
    default:
      return 'queued'; // created, pending, waiting_for_resource, preparing, scheduled
  }
}

function deploymentStatus(status: string | null): DeploymentStatus {
  switch (status) {
    case 'success':
      return 'success';
    case 'failed':
      return 'failure';
    case 'canceled':
      return 'cancelled';
    case 'running':
      return 'in_progress';
    default:
      return 'pending';
  }
}

/** The GitLab event of a delivery: the body's `object_kind`, else the `X-Gitlab-Event` header. */
export function gitlabEvent(payload: unknown, header: string | null): string {
  const kind = str(payload, 'object_kind');
  if (kind) return kind;
  return (header ?? 'unknown')
    .replace(/ Hook$/, '')
    .toLowerCase()
    .replace(/ /g, '_');
}

export function parseGitlabDelivery(event: string, payload: unknown, keys: KeyOptions = {}): ParsedDelivery {
  const p = payloadObject(payload, 'gitlab', event);
  const source = str(p, 'project', 'path_with_namespace');
  const k = (...texts: (string | null)[]) => extractWorkItemKeys(texts, keys);
  const signals: Signal[] = [];
  switch (event) {
    case 'push': {
      const branch = branchOf(str(p, 'ref'));
      if (!branch || /^0+$/.test(str(p, 'after') ?? '')) break;
      const commits = arr(p, 'commits');
      const head = commits.find((c) => str(c, 'id') === str(p, 'checkout_sha')) ?? commits.at(-1);
      const pushedAt = isoTime(str(head, 'timestamp'));
      for (const c of commits) {
        const sha = str(c, 'id');
        if (!sha) continue;
        const message = str(c, 'message') ?? '';
        signals.push({
          kind: 'change',
          sha,
          message,
          author: str(c, 'author', 'name'),
          committedAt: isoTime(str(c, 'timestamp')) ?? pushedAt ?? new Date(0).toISOString(),
          branch,
          pushedAt,
          defaultBranch: str(p, 'project', 'default_branch'),
          source,
          url: str(c, 'url'),
          workItemKeys: k(branch, message),
        });
      }
      break;
    }
    case 'merge_request': {
      const a = obj(p.object_attributes);
      if (!a) break;
      const title = str(a, 'title') ?? '';
      const state = str(a, 'state');
      const headBranch = str(a, 'source_branch');
      signals.push({
        kind: 'pull_request',
        externalId: str(a, 'id') ?? '',
        number: num(a, 'iid') ?? 0,
        title,
        state: state === 'merged' ? 'merged' : state === 'closed' ? 'closed' : 'open',
        headBranch,
        baseBranch: str(a, 'target_branch'),
        headSha: str(a, 'last_commit', 'id'),
        mergeCommitSha:
          state === 'merged' ? (str(a, 'squash_commit_sha') ?? str(a, 'merge_commit_sha')) : null,
        createdAt: isoTime(str(a, 'created_at')),
        mergedAt: state === 'merged' ? isoTime(str(a, 'updated_at')) : null,
        source: source ?? str(a, 'target', 'path_with_namespace'),
        url: str(a, 'url'),
        workItemKeys: k(headBranch, title),
      });
      break;
    }
    case 'pipeline': {
      const a = obj(p.object_attributes);
      if (!a) break;
      const branch = str(a, 'tag') === 'true' ? null : str(a, 'ref');
      const id = str(a, 'id') ?? '';
      const builds = arr(p, 'builds');
      const coverage = num(a, 'coverage') ?? coverageIn(...builds.map((b) => str(b, 'coverage')));
      signals.push({
        kind: 'ci_run',
        externalId: `pipeline:${id}`,
        name: str(a, 'name') ?? `pipeline ${id}`,
        status: pipelineStatus(str(a, 'status')),
        sha: str(a, 'sha'),
        branch,
        startedAt: isoTime(str(a, 'created_at')),
        finishedAt: isoTime(str(a, 'finished_at')),
        coverage,
        source,
        url: str(a, 'url'),
        workItemKeys: k(branch, str(p, 'commit', 'message'), str(p, 'merge_request', 'title')),
      });
      for (const b of builds) {
        const env = str(b, 'environment', 'name');
        if (!env || str(b, 'environment', 'action') !== 'start' || str(b, 'status') !== 'success') continue;
        signals.push({
          kind: 'deployment',
          externalId: `job:${str(b, 'id') ?? ''}`,
          environment: str(b, 'environment', 'deployment_tier') ?? env,
          status: 'success',
          sha: str(a, 'sha'),
          ref: branch,
          at: isoTime(str(b, 'finished_at')) ?? isoTime(str(a, 'finished_at')) ?? new Date(0).toISOString(),
          source,
          url: str(a, 'url'),
          workItemKeys: k(branch, str(p, 'commit', 'message')),
        });
      }
      break;
    }
    case 'deployment': {
      const commitUrl = str(p, 'commit_url');
      const sha = /\/commit\/([0-9a-f]{7,40})$/.exec(commitUrl ?? '')?.[1] ?? str(p, 'short_sha');
      signals.push({
        kind: 'deployment',
        externalId: str(p, 'deployment_id') ?? '',
        environment: str(p, 'environment_tier') ?? str(p, 'environment') ?? 'production',
        status: deploymentStatus(str(p, 'status')),
        sha,
        ref: str(p, 'ref'),
        at: isoTime(str(p, 'status_changed_at')) ?? new Date(0).toISOString(),
        source,
        url: str(p, 'deployable_url') ?? str(p, 'environment_external_url'),
        workItemKeys: k(str(p, 'commit_title')),
      });
      break;
    }
    case 'issue':
    case 'work_item': {
      const a = obj(p.object_attributes);
      if (!a) break;
      const labels = arr(a, 'labels').map((l) => (str(l, 'title') ?? '').toLowerCase());
      if (!labels.includes('incident') && str(a, 'type') !== 'Incident') break;
      const title = str(a, 'title') ?? '';
      const closed = str(a, 'state') === 'closed';
      signals.push({
        kind: 'incident',
        externalId: `issue:${str(a, 'iid') ?? str(a, 'id') ?? ''}`,
        title,
        state: closed ? 'resolved' : 'open',
        severity: str(a, 'severity'),
        createdAt: isoTime(str(a, 'created_at')) ?? new Date(0).toISOString(),
        resolvedAt: closed ? isoTime(str(a, 'closed_at') ?? str(a, 'updated_at')) : null,
        rootCauses: rootCausesIn(str(a, 'description')),
        origin: 'issue',
        source,
        url: str(a, 'url'),
        workItemKeys: k(title, str(a, 'description')),
      });
      break;
    }
    default:
      break;
  }
  return { provider: 'gitlab', event, signals };
}
