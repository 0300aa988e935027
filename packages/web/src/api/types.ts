// The API's JSON as the app reads it (camelCase, as in /api/openapi.json). Only the fields the app
// uses are typed; add fields here as pages need them.

/** Every row of the API: `version` is its ETag and goes back in `If-Match`. */
export interface Entity {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectEntity extends Entity {
  projectId: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Role = 'owner' | 'admin' | 'pm' | 'tpm' | 'member' | 'viewer';
export type Health = 'green' | 'amber' | 'red';

export interface User extends Entity {
  email: string;
  name: string;
  disabled: boolean;
}

export interface WorkspaceRef {
  id: string;
  name: string;
  slug: string;
  role: Role;
}

export interface Me {
  user: User;
  hasPassword: boolean;
  workspace: Omit<WorkspaceRef, 'role'>;
  role: Role;
  workspaces: WorkspaceRef[];
  via: 'session' | 'token';
  csrfToken?: string;
}

export interface Project extends Entity {
  name: string;
  description: string | null;
  objectives: string[];
  scope: string | null;
  methodology: 'predictive' | 'agile' | 'hybrid' | null;
  phase: string | null;
  start: string | null;
  finish: string | null;
  statusDate: string | null;
  timeZone: string | null;
  currency: string | null;
  budget: number | null;
  health: Health | null;
  healthReason: string | null;
  archivedAt: string | null;
  units: { minutesPerDay: number; minutesPerWeek: number; daysPerMonth: number };
}

export type WorkItemStatus = 'todo' | 'in_progress' | 'in_review' | 'blocked' | 'done' | (string & {});

export interface WorkItem extends ProjectEntity {
  parentId: string | null;
  key: string;
  sortKey: number;
  wbs: string | null;
  type: string;
  track: string | null;
  status: WorkItemStatus;
  name: string;
  notes: string | null;
  milestone: boolean;
  durationMinutes: number;
  percentComplete: number | null;
  deadline: string | null;
  priority: number | null;
  storyPoints: number | null;
  sprintId: string | null;
  labels: string[];
  assigneeId: string | null;
}

/** `GET /api/projects/{id}/schedule` (= `tandem schedule --json`). Task ids are work items' keys. */
export interface Schedule {
  project: { start: string; finish: string };
  tasks: ScheduledTask[];
  criticalPath: string[];
}

export interface ScheduledTask {
  id: string;
  name: string;
  parentId: string | null;
  summary: boolean;
  milestone: boolean;
  durationMinutes: number;
  start: string;
  finish: string;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  totalFloatMinutes: number;
  freeFloatMinutes: number;
  critical: boolean;
  drivingPredecessorId?: string | null;
  warnings: { code: string; message: string }[];
}

export interface RaidEntry extends ProjectEntity {
  kind: 'risk' | 'assumption' | 'issue' | 'dependency' | 'decision';
  key: string | null;
  title: string;
  description: string | null;
  category: string | null;
  probability: number | null;
  impact: number | null;
  score: number | null;
  owner: string | null;
  ownerId: string | null;
  status: string;
  dueDate: string | null;
  linkedWorkItemIds: string[];
  /** Working minutes of delay, three-point. */
  scheduleImpact: { optimistic: number; mostLikely: number; pessimistic: number } | null;
  costImpact: { optimistic: number; mostLikely: number; pessimistic: number } | null;
  responseStrategy: string | null;
  responsePlan: string | null;
}

export interface ChangeRequest extends ProjectEntity {
  key: string | null;
  title: string;
  requester: string | null;
  status: string;
  scheduleImpactMinutes: number | null;
  costImpactAmount: number | null;
  approvals: { role: string; name?: string; decision: string }[];
  affectedWorkItemIds: string[];
  description: string | null;
}

export interface Stakeholder extends ProjectEntity {
  name: string;
  title: string | null;
  influence: number | null;
  interest: number | null;
  attitude: string | null;
  communication: { cadence: string; channel: string; owner?: string }[];
  satisfaction: { at: string; score: number }[];
}

export interface Requirement extends ProjectEntity {
  key: string | null;
  title: string;
  kind: string | null;
  priority: string | null;
  status: string;
  links: { workItemIds?: string[] } | null;
}

export interface Release extends ProjectEntity {
  name: string;
  tag: string | null;
  status: string;
  environment: string | null;
  plannedDate: string | null;
  actualDate: string | null;
  workItemIds: string[];
  cutoverChecklist: { item: string; done: boolean }[];
}

export interface Sprint extends ProjectEntity {
  name: string;
  goal: string | null;
  startDate: string | null;
  finishDate: string | null;
  status: string;
  capacityPoints: number | null;
}

export interface ChangeEvent {
  entity: string;
  id: string;
  version: number;
  action: 'created' | 'updated' | 'deleted';
  at: string;
  projectId: string | null;
}

/** `GET /api/projects/{id}/summary`: the project at a glance. */
export interface MilestoneSummary {
  workItemId: string | null;
  key: string;
  name: string;
  date: string;
  baselineDate: string | null;
  /** Working days late (+) or early (−) against the baseline. */
  varianceDays: number | null;
  critical: boolean;
  done: boolean;
}

export type BudgetState = 'on_track' | 'at_risk' | 'over' | 'unknown';

export interface ProjectSummary {
  statusDate: string | null;
  currency: string | null;
  schedule: {
    start: string;
    finish: string;
    baselineFinish: string | null;
    finishVarianceDays: number | null;
    taskCount: number;
    criticalTaskCount: number;
    percentComplete: number;
  };
  milestones: MilestoneSummary[];
  nextMilestone: MilestoneSummary | null;
  evm: {
    baseline: string;
    bac: number;
    pv: number;
    ev: number;
    ac: number;
    sv: number;
    cv: number;
    spi: number | null;
    cpi: number | null;
    eac: number | null;
    vac: number | null;
    tcpi: number | null;
    scheduleVarianceDays: number | null;
  } | null;
  evmUnavailable: string | null;
  budget: {
    budget: number | null;
    actualCost: number | null;
    forecast: number | null;
    state: BudgetState;
    reason: string;
  };
  counts: { openRisks: number; openIssues: number; openChangeRequests: number; blockedWorkItems: number };
}
