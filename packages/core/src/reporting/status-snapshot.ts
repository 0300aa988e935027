/**
 * One project's status at a status date: the plain data every status report is told from. The
 * server gathers it (schedule, earned value, RAID log, change requests, engineering signals); the
 * report builders only read it, so a snapshot always tells the same story.
 */
import type { LocalDateTime } from '../model/project.ts';

export const REPORT_AUDIENCES = ['executive', 'pm', 'engineering'] as const;
export type ReportAudience = (typeof REPORT_AUDIENCES)[number];

export type Rag = 'green' | 'amber' | 'red';

export interface SnapshotTask {
  id: string;
  name: string;
  start: LocalDateTime;
  finish: LocalDateTime;
  percentComplete: number;
  /** Total float in working days (negative: late against a deadline or constraint). */
  totalFloatDays: number;
  /** Working days of work left. */
  remainingDays: number;
}

export interface SnapshotMilestone {
  id: string;
  name: string;
  /** The baseline's date, when the project has a baseline. */
  baselineFinish?: LocalDateTime | undefined;
  forecastFinish: LocalDateTime;
  done: boolean;
  /** Working days later than the baseline (negative: early). */
  varianceDays?: number | undefined;
  totalFloatDays: number;
}

export interface SnapshotEvm {
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  sv: number;
  cv: number;
  spi: number | null;
  cpi: number | null;
  /** Estimate at completion, BAC / CPI. */
  eac: number | null;
  vac: number | null;
  tcpi: number | null;
  baselineName: string;
  /** Cumulative curves by period: `label` is the period's last day. */
  series: { label: string; pv: number; ev: number | null; ac: number | null }[];
}

export interface SnapshotRisk {
  key: string;
  title: string;
  category: 'business' | 'technical' | null;
  probability: number | null;
  /** 1..5. */
  impact: number | null;
  score: number;
  /** low / medium / high / critical, from the risk matrix. */
  rating: string;
  owner: string | null;
  response: string | null;
  status: string;
}

export interface SnapshotDecision {
  key: string;
  title: string;
  detail: string | null;
  kind: 'change_request' | 'decision';
}

export interface SnapshotChangeRequest {
  key: string;
  title: string;
  status: string;
  scheduleImpactDays: number | null;
  costImpact: number | null;
}

export interface SnapshotIssue {
  key: string;
  title: string;
  owner: string | null;
  dueDate: string | null;
}

export interface SnapshotBlocker {
  id: string;
  name: string;
  reason: string | null;
}

export interface DoraKey {
  /** Display value: `3.5 per week`, `26 hours`, `12%`. */
  value: string;
  /** elite / high / medium / low, per Four Keys' buckets. */
  rating: string | null;
}

export interface SnapshotDora {
  window: { from: string; to: string };
  deploymentFrequency: DoraKey;
  leadTimeForChanges: DoraKey;
  changeFailureRate: DoraKey;
  timeToRestore: DoraKey;
  overall: string | null;
  deploymentsPerWeek: { label: string; count: number }[];
}

export interface SnapshotQuality {
  /** 0..1. */
  coverage: number | null;
  openDefects: number | null;
  techDebtItems: number | null;
  findings: number | null;
  /** Failed CI runs in the week before the status date. */
  failedCiRuns: number | null;
}

export interface SnapshotSlo {
  name: string;
  /** 0..1. */
  objective: number;
  uptime: number | null;
  /** Share of the error budget left, 0..1 (negative: overspent). */
  errorBudgetRemaining: number | null;
}

export interface SnapshotRelease {
  name: string;
  tag: string | null;
  status: string;
  plannedDate: string | null;
  actualDate: string | null;
}

export interface StatusSnapshot {
  project: {
    name: string;
    currency: string | null;
    phase: string | null;
    methodology: string | null;
    budget: number | null;
  };
  statusDate: LocalDateTime;
  /** Health as the team recorded it; the report derives one when absent. */
  recordedHealth: { rag: Rag; reason: string | null } | null;
  schedule: {
    start: LocalDateTime;
    finish: LocalDateTime;
    baselineFinish: LocalDateTime | null;
    /** Working days the forecast finish is later than the baseline's (negative: earlier). */
    finishVarianceDays: number | null;
    percentComplete: number;
    tasks: number;
    tasksDone: number;
    criticalPath: SnapshotTask[];
  };
  milestones: SnapshotMilestone[];
  evm: SnapshotEvm | null;
  /** Why there is no earned value, when there is none. */
  evmNote: string | null;
  /** Open risks, highest score first. */
  risks: SnapshotRisk[];
  issues: SnapshotIssue[];
  decisionsNeeded: SnapshotDecision[];
  changeRequests: SnapshotChangeRequest[];
  blockers: SnapshotBlocker[];
  dora: SnapshotDora | null;
  /** Why there are no DORA keys, when there are none. */
  doraNote: string | null;
  quality: SnapshotQuality | null;
  slos: SnapshotSlo[];
  releases: SnapshotRelease[];
  /** Average stakeholder satisfaction (0..10) at the latest score of each stakeholder, and before it. */
  satisfaction: { average: number; previous: number | null; stakeholders: number } | null;
}
