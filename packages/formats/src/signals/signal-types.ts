/**
 * Engineering signals: what a webhook delivery from GitHub, GitLab, Jenkins, CircleCI, Prometheus
 * Alertmanager or Grafana means, normalised. Times are ISO 8601 UTC strings; `workItemKeys` are the
 * work-item keys found in branch names, titles and commit messages (see `work-item-keys.ts`).
 */

export type SignalProvider = 'github' | 'gitlab' | 'jenkins' | 'circleci' | 'alerts';
export const SIGNAL_PROVIDERS: readonly SignalProvider[] = [
  'github',
  'gitlab',
  'jenkins',
  'circleci',
  'alerts',
];

interface SignalBase {
  /** Repository (`owner/name`), job or alert source the signal came from. */
  source: string | null;
  url: string | null;
  workItemKeys: string[];
}

/** A commit pushed to a branch. */
export interface ChangeSignal extends SignalBase {
  kind: 'change';
  sha: string;
  message: string;
  author: string | null;
  committedAt: string;
  branch: string | null;
  /** When the push reached the server (the change's landing on the branch). */
  pushedAt: string | null;
  /** The repository's default branch, when the payload says (changes there have landed). */
  defaultBranch: string | null;
}

export interface PullRequestSignal extends SignalBase {
  kind: 'pull_request';
  externalId: string;
  number: number;
  title: string;
  state: 'open' | 'closed' | 'merged';
  headBranch: string | null;
  baseBranch: string | null;
  headSha: string | null;
  /** The merge or squash commit on the base branch, once merged. */
  mergeCommitSha: string | null;
  createdAt: string | null;
  mergedAt: string | null;
}

export type DeploymentStatus = 'pending' | 'in_progress' | 'success' | 'failure' | 'cancelled' | 'inactive';

export interface DeploymentSignal extends SignalBase {
  kind: 'deployment';
  externalId: string;
  environment: string;
  status: DeploymentStatus;
  /** The deployed commit; null for a deployment without one. */
  sha: string | null;
  ref: string | null;
  at: string;
}

export type CiStatus = 'queued' | 'in_progress' | 'success' | 'failure' | 'cancelled' | 'skipped' | 'neutral';

export interface CiRunSignal extends SignalBase {
  kind: 'ci_run';
  externalId: string;
  name: string;
  status: CiStatus;
  sha: string | null;
  branch: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** Line coverage in percent (0–100) when the run reports it. */
  coverage: number | null;
}

export interface IncidentSignal extends SignalBase {
  kind: 'incident';
  externalId: string;
  title: string;
  state: 'open' | 'resolved';
  severity: string | null;
  createdAt: string;
  resolvedAt: string | null;
  /** Commits named as root cause (`root cause: <sha>`, Four Keys' convention). */
  rootCauses: string[];
  origin: 'alert' | 'issue';
}

export interface ReleaseSignal extends SignalBase {
  kind: 'release';
  externalId: string;
  tag: string;
  name: string | null;
  at: string | null;
  action: string | null;
}

export type Signal =
  ChangeSignal | PullRequestSignal | DeploymentSignal | CiRunSignal | IncidentSignal | ReleaseSignal;

export type SignalKind = Signal['kind'];

/** One delivery, understood: its event name and the signals it carries (possibly none). */
export interface ParsedDelivery {
  provider: SignalProvider;
  event: string;
  signals: Signal[];
}
