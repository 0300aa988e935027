/**
 * GitHub webhook deliveries (`X-GitHub-Event`) → signals: push, pull_request, deployment,
 * deployment_status, workflow_run, workflow_job, check_run, check_suite, release and issues (issues
 * labelled "incident" are incidents, as in Four Keys). Other events parse to no signals.
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

const ZERO_SHA = /^0+$/;

export function ciStatus(status: string | null, conclusion: string | null): CiStatus {
  if (status === 'queued' || status === 'requested' || status === 'waiting' || status === 'pending')
    return 'queued';
  if (status === 'in_progress') return 'in_progress';
  switch (conclusion) {
    case 'success':
      return 'success';
    case 'cancelled':
      return 'cancelled';
    case 'skipped':
      return 'skipped';
    case 'neutral':
    case 'stale':
      return 'neutral';
    case null:
      return status === 'completed' ? 'neutral' : 'queued';
    default:
      return 'failure'; // failure, timed_out, action_required, startup_failure
  }
}

function deploymentStatus(state: string | null): DeploymentStatus {
  switch (state) {
    case 'success':
      return 'success';
    case 'failure':
    case 'error':
      return 'failure';
    case 'in_progress':
      return 'in_progress';
    case 'inactive':
      return 'inactive';
    default:
      return 'pending'; // pending, queued, created
  }
}

export function parseGithubDelivery(event: string, payload: unknown, keys: KeyOptions = {}): ParsedDelivery {
  const p = payloadObject(payload, 'github', event);
  const source = str(p, 'repository', 'full_name');
  const k = (...texts: (string | null)[]) => extractWorkItemKeys(texts, keys);
  const signals: Signal[] = [];

  switch (event) {
    case 'push': {
      const branch = branchOf(str(p, 'ref'));
      if (!branch || ZERO_SHA.test(str(p, 'after') ?? '')) break; // a tag, or a deleted branch
      const pushedAt = isoTime(obj(p.repository)?.pushed_at) ?? isoTime(str(p, 'head_commit', 'timestamp'));
      for (const c of arr(p, 'commits')) {
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
          defaultBranch: str(p, 'repository', 'default_branch') ?? str(p, 'repository', 'master_branch'),
          source,
          url: str(c, 'url'),
          workItemKeys: k(branch, message),
        });
      }
      break;
    }
    case 'pull_request': {
      const pr = obj(p.pull_request);
      if (!pr) break;
      const merged = pr.merged === true || str(pr, 'merged_at') !== null;
      const title = str(pr, 'title') ?? '';
      const head = str(pr, 'head', 'ref');
      signals.push({
        kind: 'pull_request',
        externalId: str(pr, 'id') ?? String(num(pr, 'number') ?? ''),
        number: num(pr, 'number') ?? 0,
        title,
        state: merged ? 'merged' : str(pr, 'state') === 'closed' ? 'closed' : 'open',
        headBranch: head,
        baseBranch: str(pr, 'base', 'ref'),
        headSha: str(pr, 'head', 'sha'),
        mergeCommitSha: merged ? str(pr, 'merge_commit_sha') : null,
        createdAt: isoTime(str(pr, 'created_at')),
        mergedAt: isoTime(str(pr, 'merged_at')),
        source,
        url: str(pr, 'html_url'),
        workItemKeys: k(head, title),
      });
      break;
    }
    case 'deployment':
    case 'deployment_status': {
      const d = obj(p.deployment);
      if (!d) break;
      const ds = obj(p.deployment_status);
      const ref = str(d, 'ref');
      signals.push({
        kind: 'deployment',
        externalId: str(d, 'id') ?? '',
        environment: str(ds, 'environment') ?? str(d, 'environment') ?? 'production',
        status: event === 'deployment' ? 'pending' : deploymentStatus(str(ds, 'state')),
        sha: str(d, 'sha'),
        ref,
        at:
          isoTime(
            str(ds, 'updated_at') ?? str(ds, 'created_at') ?? str(d, 'updated_at') ?? str(d, 'created_at'),
          ) ?? new Date(0).toISOString(),
        source,
        url: str(ds, 'target_url') ?? str(ds, 'log_url') ?? str(d, 'url'),
        workItemKeys: k(ref, str(d, 'description'), str(ds, 'description')),
      });
      break;
    }
    case 'workflow_run': {
      const r = obj(p.workflow_run);
      if (!r) break;
      const branch = str(r, 'head_branch');
      signals.push({
        kind: 'ci_run',
        externalId: `workflow_run:${str(r, 'id') ?? ''}`,
        name: str(r, 'name') ?? str(p, 'workflow', 'name') ?? 'workflow',
        status: ciStatus(str(r, 'status'), str(r, 'conclusion')),
        sha: str(r, 'head_sha'),
        branch,
        startedAt: isoTime(str(r, 'run_started_at') ?? str(r, 'created_at')),
        finishedAt: str(r, 'status') === 'completed' ? isoTime(str(r, 'updated_at')) : null,
        coverage: null,
        source,
        url: str(r, 'html_url'),
        workItemKeys: k(branch, str(r, 'display_title'), str(r, 'head_commit', 'message')),
      });
      break;
    }
    case 'workflow_job': {
      const j = obj(p.workflow_job);
      if (!j) break;
      const branch = str(j, 'head_branch');
      signals.push({
        kind: 'ci_run',
        externalId: `workflow_job:${str(j, 'id') ?? ''}`,
        name: str(j, 'name') ?? 'job',
        status: ciStatus(str(j, 'status'), str(j, 'conclusion')),
        sha: str(j, 'head_sha'),
        branch,
        startedAt: isoTime(str(j, 'started_at')),
        finishedAt: isoTime(str(j, 'completed_at')),
        coverage: null,
        source,
        url: str(j, 'html_url'),
        workItemKeys: k(branch, str(j, 'workflow_name')),
      });
      break;
    }
    case 'check_run': {
      const c = obj(p.check_run);
      if (!c) break;
      const branch = str(c, 'check_suite', 'head_branch');
      signals.push({
        kind: 'ci_run',
        externalId: `check_run:${str(c, 'id') ?? ''}`,
        name: str(c, 'name') ?? 'check',
        status: ciStatus(str(c, 'status'), str(c, 'conclusion')),
        sha: str(c, 'head_sha'),
        branch,
        startedAt: isoTime(str(c, 'started_at')),
        finishedAt: isoTime(str(c, 'completed_at')),
        coverage: coverageIn(str(c, 'output', 'title'), str(c, 'output', 'summary')),
        source,
        url: str(c, 'html_url'),
        workItemKeys: k(branch),
      });
      break;
    }
    case 'check_suite': {
      const s = obj(p.check_suite);
      if (!s) break;
      const branch = str(s, 'head_branch');
      signals.push({
        kind: 'ci_run',
        externalId: `check_suite:${str(s, 'id') ?? ''}`,
        name: str(s, 'app', 'name') ?? 'check suite',
        status: ciStatus(str(s, 'status'), str(s, 'conclusion')),
        sha: str(s, 'head_sha'),
        branch,
        startedAt: isoTime(str(s, 'created_at')),
        finishedAt: str(s, 'status') === 'completed' ? isoTime(str(s, 'updated_at')) : null,
        coverage: null,
        source,
        url: str(s, 'url'),
        workItemKeys: k(branch, str(s, 'head_commit', 'message')),
      });
      break;
    }
    case 'release': {
      const r = obj(p.release);
      if (!r) break;
      signals.push({
        kind: 'release',
        externalId: str(r, 'id') ?? '',
        tag: str(r, 'tag_name') ?? '',
        name: str(r, 'name'),
        at: isoTime(str(r, 'published_at') ?? str(r, 'created_at')),
        action: str(p, 'action'),
        source,
        url: str(r, 'html_url'),
        workItemKeys: k(str(r, 'name'), str(r, 'body')),
      });
      break;
    }
    case 'issues': {
      const i = obj(p.issue);
      if (!i) break;
      const labels = arr(i, 'labels').map((l) => (str(l, 'name') ?? '').toLowerCase());
      if (!labels.includes('incident')) break;
      const title = str(i, 'title') ?? '';
      const body = str(i, 'body');
      const closed = str(i, 'state') === 'closed' || str(p, 'action') === 'deleted';
      signals.push({
        kind: 'incident',
        externalId: `issue:${str(i, 'number') ?? str(i, 'id') ?? ''}`,
        title,
        state: closed ? 'resolved' : 'open',
        severity: labels.find((l) => /^(sev|p)[0-9]$/.test(l)) ?? null,
        createdAt: isoTime(str(i, 'created_at')) ?? new Date(0).toISOString(),
        resolvedAt: closed ? isoTime(str(i, 'closed_at') ?? str(i, 'updated_at')) : null,
        rootCauses: rootCausesIn(body),
        origin: 'issue',
        source,
        url: str(i, 'html_url'),
        workItemKeys: k(title, body),
      });
      break;
    }
    default:
      break;
  }
  return { provider: 'github', event, signals };
}
