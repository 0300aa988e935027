/**
 * Jenkins and CircleCI deliveries → CI runs (and deployments where the build says so).
 *
 * Jenkins: the Notification plugin's JSON (`{ name, url, build: { number, phase, status, full_url,
 * scm: { branch, commit }, parameters } }`) or a generic build payload (`{ job, number, status,
 * commit, branch, url, coverage, environment, startedAt, finishedAt }`) that a pipeline step posts.
 * A build with an `environment` (payload or a `DEPLOY_ENV`/`ENVIRONMENT` parameter) that succeeded is
 * also a deployment.
 *
 * CircleCI: webhooks `workflow-completed` and `job-completed` (`{ type, id, happened_at, project,
 * pipeline: { vcs: { branch, revision, commit } }, workflow, job }`).
 */
import { at, branchOf, isoTime, num, obj, payloadObject, str } from './json-access.ts';
import type { CiStatus, ParsedDelivery, Signal } from './signal-types.ts';
import { type KeyOptions, extractWorkItemKeys } from './work-item-keys.ts';

function jenkinsStatus(phase: string | null, status: string | null): CiStatus {
  const s = (status ?? '').toUpperCase();
  if (s === 'SUCCESS') return 'success';
  if (s === 'FAILURE' || s === 'UNSTABLE' || s === 'FAILED') return 'failure';
  if (s === 'ABORTED' || s === 'CANCELLED') return 'cancelled';
  if (s === 'NOT_BUILT') return 'skipped';
  const ph = (phase ?? '').toUpperCase();
  if (ph === 'QUEUED') return 'queued';
  if (ph === 'STARTED' || ph === 'RUNNING') return 'in_progress';
  return ph === 'COMPLETED' || ph === 'FINALIZED' ? 'neutral' : 'queued';
}

export function parseJenkinsDelivery(payload: unknown, keys: KeyOptions = {}): ParsedDelivery {
  const p = payloadObject(payload, 'jenkins', 'build');
  const build = obj(p.build) ?? p;
  const job = str(p, 'name') ?? str(p, 'job') ?? 'jenkins job';
  const number = str(build, 'number') ?? '';
  const branchRaw = str(build, 'scm', 'branch') ?? str(p, 'branch');
  const branch = branchRaw ? (branchOf(branchRaw.replace(/^origin\//, '')) ?? null) : null;
  const sha = str(build, 'scm', 'commit') ?? str(p, 'commit');
  const status = jenkinsStatus(str(build, 'phase'), str(build, 'status'));
  const startMs = num(build, 'timestamp');
  const duration = num(build, 'duration');
  const startedAt = isoTime(str(p, 'startedAt')) ?? (startMs !== null ? isoTime(startMs) : null);
  const finishedAt =
    isoTime(str(p, 'finishedAt')) ??
    (startMs !== null && duration !== null && status !== 'in_progress' && status !== 'queued'
      ? isoTime(startMs + duration)
      : null);
  const url = str(build, 'full_url') ?? str(p, 'url');
  const coverage = num(build, 'coverage') ?? num(p, 'coverage');
  const k = extractWorkItemKeys([branch, str(p, 'message'), str(build, 'scm', 'message')], keys);
  const signals: Signal[] = [
    {
      kind: 'ci_run',
      externalId: `${job}#${number}`,
      name: job,
      status,
      sha,
      branch,
      startedAt,
      finishedAt,
      coverage: coverage !== null && coverage >= 0 && coverage <= 100 ? coverage : null,
      source: job,
      url,
      workItemKeys: k,
    },
  ];
  const environment =
    str(p, 'environment') ??
    str(build, 'parameters', 'DEPLOY_ENV') ??
    str(build, 'parameters', 'ENVIRONMENT');
  if (environment && status === 'success')
    signals.push({
      kind: 'deployment',
      externalId: `${job}#${number}`,
      environment,
      status: 'success',
      sha,
      ref: branch,
      at: finishedAt ?? startedAt ?? new Date(0).toISOString(),
      source: job,
      url,
      workItemKeys: k,
    });
  return { provider: 'jenkins', event: 'build', signals };
}

function circleStatus(status: string | null): CiStatus {
  switch (status) {
    case 'success':
      return 'success';
    case 'failed':
    case 'error':
    case 'infrastructure_fail':
    case 'timedout':
    case 'unauthorized':
      return 'failure';
    case 'canceled':
      return 'cancelled';
    case 'not_run':
      return 'skipped';
    case 'running':
      return 'in_progress';
    default:
      return 'queued';
  }
}

export function parseCircleciDelivery(payload: unknown, keys: KeyOptions = {}): ParsedDelivery {
  const p = payloadObject(payload, 'circleci', 'webhook');
  const event = str(p, 'type') ?? 'unknown';
  const vcs = at(p, 'pipeline', 'vcs');
  const branch = str(vcs, 'branch');
  const subject = str(vcs, 'commit', 'subject');
  const source = str(p, 'project', 'slug');
  const k = extractWorkItemKeys([branch, subject, str(vcs, 'commit', 'body')], keys);
  const signals: Signal[] = [];
  const unit =
    event === 'job-completed' ? obj(p.job) : event === 'workflow-completed' ? obj(p.workflow) : null;
  if (unit) {
    const prefix = event === 'job-completed' ? 'job' : 'workflow';
    signals.push({
      kind: 'ci_run',
      externalId: `${prefix}:${str(unit, 'id') ?? ''}`,
      name: str(unit, 'name') ?? prefix,
      status: circleStatus(str(unit, 'status')),
      sha: str(vcs, 'revision'),
      branch,
      startedAt: isoTime(str(unit, 'started_at') ?? str(unit, 'created_at')),
      finishedAt: isoTime(str(unit, 'stopped_at') ?? str(p, 'happened_at')),
      coverage: null,
      source,
      url: str(unit, 'url') ?? str(p, 'workflow', 'url'),
      workItemKeys: k,
    });
  }
  return { provider: 'circleci', event, signals };
}
