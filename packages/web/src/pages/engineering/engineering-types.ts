// The shapes of the engineering-signal API the Engineering page reads (server: http/signals/*).
// Durations: the keys' medians are in minutes, the series' in milliseconds (as the API sends them).

export type Rating = 'elite' | 'high' | 'medium' | 'low';
export type Bucket = 'day' | 'week' | 'month';

export interface DurationKey {
  medianMinutes: number | null;
  rating: Rating | null;
  count: number;
}

/** core's `DoraKeys` as `GET /api/projects/{id}/dora` presents them. */
export interface DoraKeys {
  deploymentFrequency: {
    bucket: string;
    deployments: number;
    daysDeployed?: number;
    weeks?: number;
    weeksDeployed?: number;
    rating: Rating | null;
  };
  leadTime: DurationKey;
  changeFailureRate: {
    rate: number | null;
    failedDeployments: number;
    deployments: number;
    rating: Rating | null;
  };
  timeToRestore: DurationKey & { openIncidents: number };
  rating: Rating | null;
}

export interface DoraSeriesPoint {
  from: string;
  to: string;
  deployments: number;
  failedDeployments: number;
  changeFailureRate: number | null;
  leadTimeMedianMs: number | null;
  changes: number;
  incidents: number;
  timeToRestoreMedianMs: number | null;
}

export interface DoraRelease {
  releaseId: string;
  name: string;
  tag: string | null;
  status: string;
  keys: DoraKeys;
}

export interface Dora {
  from: string;
  to: string;
  bucket: Bucket;
  releaseId: string | null;
  keys: DoraKeys;
  series: DoraSeriesPoint[];
  releases: DoraRelease[];
}

// The engineering state (`GET /api/projects/{id}/engineering`) is typed in src/api/engineering-state.ts.
export type { EngineeringState, EngineeringView, FailingBuild } from '../../api/engineering-state.ts';

interface SignalBase {
  id: string;
  createdAt: string;
  provider: string;
  externalId: string;
  source: string | null;
  url: string | null;
  releaseId: string | null;
  workItemIds: string[];
}

export interface Deployment extends SignalBase {
  environment: string;
  status: string;
  sha: string | null;
  ref: string | null;
  deployedAt: string;
}

export interface Change extends SignalBase {
  sha: string;
  message: string;
  author: string | null;
  branch: string | null;
  committedAt: string;
  landedAs: string | null;
  landedAt: string | null;
  pullRequest: number | null;
}

export interface Incident extends SignalBase {
  title: string;
  state: string;
  severity: string | null;
  origin: string;
  openedAt: string;
  resolvedAt: string | null;
  rootCauses: string[];
  deploymentId: string | null;
}

export interface CiRun extends SignalBase {
  name: string;
  status: string;
  sha: string | null;
  branch: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  coverage: number | null;
}

/** The signal lists, by their API path (also the `kind` of raise-risk). */
export interface SignalRows {
  deployments: Deployment;
  changes: Change;
  incidents: Incident;
  'ci-runs': CiRun;
}
export type SignalKind = keyof SignalRows;

export interface Slo {
  id: string;
  version: number;
  projectId: string;
  name: string;
  description: string | null;
  objective: number;
  windowDays: number;
  method: 'samples' | 'incidents';
  service: string | null;
}

/** `GET /api/slos/{id}/status`. */
export interface SloStatus {
  sloId: string;
  objective: number;
  uptime: number | null;
  budgetMs: number;
  spentMs: number;
  /** Share of the error budget left (1 = untouched, ≤ 0 = exhausted). */
  remaining: number;
  burnRate: number;
  burnRateLastDay: number;
  windowStart: string;
  windowEnd: string;
  status: 'healthy' | 'at_risk' | 'exhausted' | 'no_data';
}
