/**
 * The database schema as Kysely sees it: one `Database` interface, one table interface per table
 * (Kysely's recommended typing). Column types are the values the code reads and writes on BOTH
 * engines; the storage representation is chosen once and converted by `value-codec-plugin.ts`:
 *
 * - ids: UUIDv7 text (sortable by creation time), primary key `(workspace_id, id)` on tenant tables;
 * - timestamps (`*_at`): ISO 8601 UTC text (`2026-01-05T09:00:00.000Z`), sortable as text;
 * - plan dates (`start`, `deadline`, …): the core's local date-times (`2026-01-05T09:00:00`) as text;
 * - JSON (`Json<T>`): text on both engines, parsed on read and serialised on write by the plugin;
 * - booleans: integers 0/1 on both engines, read back as `true`/`false` by the plugin;
 * - numbers: `integer` for counts and versions, `double precision` for everything fractional.
 */
import type { CalendarException, ThreePoint, WeekPattern, WorkWeek } from '@tandem/core';
import type {
  ChangeSet,
  ChecklistItem,
  CriterionConfig,
  GatePhase,
  ImpactAnalysis,
  ProbabilityLevel,
  RiskMatrix,
  SignOffRole,
} from '@tandem/core';
import type { Generated } from 'kysely';

/** ISO 8601 UTC timestamp text, e.g. `2026-01-05T09:00:00.000Z`. */
export type Timestamp = string;
/** The core's local date-time text, `YYYY-MM-DDTHH:mm:ss` (project time zone, no offset). */
export type LocalDateTime = string;
/** `YYYY-MM-DD`. */
export type LocalDate = string;
/** A JSON value stored as text (see `value-codec-plugin.ts`); the code sees the parsed value. */
export type Json<T> = T;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const WORKSPACE_ROLES = ['owner', 'admin', 'pm', 'tpm', 'member', 'viewer'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

/** Columns every mutable tenant row has. */
export interface TenantColumns {
  workspace_id: string;
  id: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// --- Tenancy and identity ---------------------------------------------------------------------------

export interface WorkspaceTable {
  /** The workspace id: `workspace_id` everywhere else. */
  id: string;
  name: string;
  /** URL-friendly unique name. */
  slug: string;
  settings: Json<Record<string, JsonValue>>;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * People are global (one account, many workspaces): `users` and `sessions` are the two tables not
 * keyed by workspace. On a sharded cluster they are reference tables; everything else is distributed
 * by `workspace_id`.
 */
export interface UserTable {
  id: string;
  /** Stored lower-cased; unique. */
  email: string;
  name: string;
  /** argon2id PHC string; null for an invited user who has not set a password yet. */
  password_hash: string | null;
  disabled: boolean;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionTable {
  id: string;
  user_id: string;
  /** SHA-256 (hex) of the session token sent in the cookie; the token itself is never stored. */
  token_hash: string;
  csrf_token: string;
  expires_at: Timestamp;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  user_agent: string | null;
  ip: string | null;
}

export interface WorkspaceMemberTable extends TenantColumns {
  user_id: string;
  role: WorkspaceRole;
}

export const PROJECT_ROLES = ['pm', 'tpm', 'member', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export interface ProjectMemberTable extends TenantColumns {
  project_id: string;
  user_id: string;
  role: ProjectRole;
}

export interface InvitationTable extends TenantColumns {
  email: string;
  role: WorkspaceRole;
  /** Optionally also a member of this project, with `project_role`. */
  project_id: string | null;
  project_role: ProjectRole | null;
  /** SHA-256 (hex) of the invitation token. */
  token_hash: string;
  invited_by: string | null;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
}

export interface ApiTokenTable extends TenantColumns {
  user_id: string;
  name: string;
  /** The first characters of the token, shown to tell tokens apart (`tdm_3fA9…`). */
  prefix: string;
  /** SHA-256 (hex) of the whole token; unique. */
  token_hash: string;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

// --- Projects and plans ------------------------------------------------------------------------------

export const METHODOLOGIES = ['predictive', 'agile', 'hybrid'] as const;
export type Methodology = (typeof METHODOLOGIES)[number];
export const PHASES = ['initiation', 'planning', 'execution', 'testing', 'deployment', 'closed'] as const;
export type Phase = (typeof PHASES)[number];
export const HEALTH = ['green', 'amber', 'red'] as const;
export type Health = (typeof HEALTH)[number];

export interface ProjectUnitsJson {
  minutesPerDay: number;
  minutesPerWeek: number;
  daysPerMonth: number;
}

export interface CorrelationJson {
  /** Work item ids. */
  workItemIds: string[];
  coefficient: number;
}

export interface ProjectTable extends TenantColumns {
  name: string;
  description: string | null;
  objectives: Json<string[]>;
  scope: string | null;
  methodology: Methodology;
  phase: Phase;
  /** Plan settings (see the core's `Project`). */
  start: LocalDateTime;
  finish: LocalDateTime | null;
  /** Null: from the start (as the core's default). */
  schedule_from: 'start' | 'finish' | null;
  status_date: LocalDateTime | null;
  time_zone: string | null;
  currency: string | null;
  /** The project calendar: a `calendars.id` of this project (no foreign key: the two refer to each other). */
  calendar_id: string | null;
  units: Json<ProjectUnitsJson>;
  critical_slack_minutes: number | null;
  default_start_minute: number | null;
  default_finish_minute: number | null;
  correlations: Json<CorrelationJson[]>;
  budget: number | null;
  health: Health | null;
  health_reason: string | null;
  archived_at: Timestamp | null;
  /** Bumped by every write to the plan (see migration 0002); the storage layer's, never the caller's. */
  plan_revision: Generated<number>;
  /** The staffing advisor's profile of this project, when saved (0006; core `ProjectProfile`). */
  staffing_profile?: Json<JsonValue | null>;
}

export interface CalendarTable extends TenantColumns {
  project_id: string;
  /** The calendar's id in plan files and MS Project (`uk-office`, `1`); unique in the project. */
  key: string;
  name: string;
  base_calendar_id: string | null;
  resource_id: string | null;
  week: Json<WeekPattern>;
  exceptions: Json<CalendarException[]>;
  work_weeks: Json<WorkWeek[]>;
}

export const WORK_ITEM_TYPES = ['summary', 'task', 'milestone', 'epic', 'story', 'subtask'] as const;
export type WorkItemType = (typeof WORK_ITEM_TYPES)[number];
export const TRACKS = ['business', 'technical'] as const;
export type Track = (typeof TRACKS)[number];
export type DurationUnitText = 'minute' | 'hour' | 'day' | 'week' | 'month';
export type ConstraintTypeText = 'ASAP' | 'ALAP' | 'SNET' | 'SNLT' | 'FNET' | 'FNLT' | 'MSO' | 'MFO';

export interface WorkItemTable extends TenantColumns {
  project_id: string;
  parent_id: string | null;
  /** The task's id in plan files and MS Project (`build`, `42`); unique in the project; default: `id`. */
  key: string;
  /** Position in the project's outline order (parents before children); fractional to insert between. */
  sort_key: number;
  wbs: string | null;
  type: WorkItemType;
  track: Track | null;
  /** Workflow status (configurable): `todo`, `in_progress`, `done`, … */
  status: string;
  name: string;
  notes: string | null;
  /** Marks a milestone that has a duration (zero-duration items are milestones anyway). */
  milestone: boolean;
  duration_minutes: number;
  duration_unit: DurationUnitText | null;
  /** Elapsed (calendar) time rather than working time. */
  elapsed: boolean;
  duration_estimated: boolean;
  estimate: Json<ThreePoint | null>;
  constraint_type: ConstraintTypeText | null;
  constraint_date: LocalDateTime | null;
  deadline: LocalDateTime | null;
  calendar_id: string | null;
  ignore_resource_calendar: boolean;
  /** 0..1000, 500 normal; null = not set. */
  priority: number | null;
  percent_complete: number | null;
  actual_start: LocalDateTime | null;
  actual_finish: LocalDateTime | null;
  remaining_minutes: number | null;
  manual_start: LocalDateTime | null;
  manual_finish: LocalDateTime | null;
  inactive: boolean;
  fixed_cost: number | null;
  actual_cost: number | null;
  story_points: number | null;
  sprint_id: string | null;
  labels: Json<string[]>;
  assignee_id: string | null;
  /** Free-form text fields carried through import/export untouched. */
  extra: Json<Record<string, string>>;
}

export interface DependencyTable extends TenantColumns {
  project_id: string;
  predecessor_id: string;
  successor_id: string;
  type: 'FS' | 'SS' | 'FF' | 'SF';
  lag_minutes: number;
  /** Set when the lag is a percentage of the predecessor's duration. */
  lag_percent: number | null;
  lag_elapsed: boolean;
  lag_unit: DurationUnitText | null;
}

export interface ResourceTable extends TenantColumns {
  project_id: string;
  key: string;
  name: string;
  type: 'work' | 'material' | 'cost';
  role: string | null;
  skills: Json<string[]>;
  user_id: string | null;
  email: string | null;
  group_name: string | null;
  initials: string | null;
  max_units: number | null;
  standard_rate: number | null;
  overtime_rate: number | null;
  cost_per_use: number | null;
  calendar_id: string | null;
}

export interface AssignmentTable extends TenantColumns {
  project_id: string;
  work_item_id: string;
  resource_id: string;
  /** The assignment's id in MS Project (UID), when an imported file had one. */
  key: string | null;
  units: number;
  work_minutes: number | null;
  actual_work_minutes: number | null;
}

export interface BaselineTaskJson {
  start?: LocalDateTime;
  finish?: LocalDateTime;
  durationMinutes?: number;
  workMinutes?: number;
  cost?: number;
}

export interface BaselineTable extends TenantColumns {
  project_id: string;
  name: string;
  /** Keyed by work item id. */
  snapshot: Json<Record<string, BaselineTaskJson>>;
}

export interface SprintTable extends TenantColumns {
  project_id: string;
  name: string;
  goal: string | null;
  start_date: LocalDate | null;
  finish_date: LocalDate | null;
  status: 'planned' | 'active' | 'closed';
  capacity_points: number | null;
}

// --- Governance --------------------------------------------------------------------------------------

export const RAID_KINDS = ['risk', 'assumption', 'issue', 'decision'] as const;
export type RaidKind = (typeof RAID_KINDS)[number];

export interface AdrOptionJson {
  name: string;
  pros?: string[];
  cons?: string[];
}

export interface RaidEntryTable extends TenantColumns {
  project_id: string;
  kind: RaidKind;
  /** Human reference such as `R-7`; also the risk id in plan files. */
  key: string;
  title: string;
  description: string | null;
  category: 'business' | 'technical' | null;
  /** 0..1. */
  probability: number | null;
  /** 1..5. */
  impact: number | null;
  score: number | null;
  owner: string | null;
  owner_id: string | null;
  /** avoid / mitigate / transfer / accept / escalate. */
  response_strategy: string | null;
  response_plan: string | null;
  trigger: string | null;
  residual_score: number | null;
  status: string;
  due_date: LocalDate | null;
  linked_work_item_ids: Json<string[]>;
  /** Schedule impact in working minutes, for risk analysis. */
  schedule_impact: Json<ThreePoint | null>;
  cost_impact: Json<ThreePoint | null>;
  // Decisions as ADRs.
  context: string | null;
  options: Json<AdrOptionJson[]>;
  decision: string | null;
  consequences: string | null;
  // Residual risk after the response, on the same scales (0005).
  residual_probability: number | null;
  residual_impact: number | null;
  /** Issues: 1 team, 2 project board, 3 steering / sponsor (0005). */
  escalation_level: number | null;
  escalated_to: string | null;
  escalated_at: Timestamp | null;
}

export interface ApprovalJson {
  role: 'pm' | 'tpm' | 'sponsor' | string;
  userId?: string;
  name?: string;
  decision: 'approved' | 'rejected' | 'pending';
  at?: Timestamp;
  comment?: string;
}

export interface ChangeRequestTable extends TenantColumns {
  project_id: string;
  key: string;
  title: string;
  description: string | null;
  requester: string | null;
  requester_id: string | null;
  reason: string | null;
  /** draft / submitted / approved / rejected / implemented / withdrawn. */
  status: string;
  schedule_impact_minutes: number | null;
  cost_impact_amount: number | null;
  scope_impact: string | null;
  technical_impact: string | null;
  affected_work_item_ids: Json<string[]>;
  approvals: Json<ApprovalJson[]>;
  rebaseline: boolean;
  baseline_id: string | null;
  decided_at: Timestamp | null;
  /** The plan operations the change makes (the core's `ChangeSet`) (0005). */
  change_set: Json<ChangeSet>;
  /** The last impact analysis (the core's `ImpactAnalysis`, with when and on which plan revision). */
  impact_analysis: Json<StoredImpactAnalysis | null>;
  /** When the change set was applied to the live plan. */
  applied_at: Timestamp | null;
}

// --- Governance: matrices, sign-offs, change log, scenarios, phase gates (0005) -----------------------

export interface StoredImpactAnalysis extends ImpactAnalysis {
  at: Timestamp;
  planRevision: number;
}

export interface RiskMatrixTable extends TenantColumns {
  project_id: string;
  probability_levels: Json<ProbabilityLevel[]>;
  impact_levels: Json<string[]>;
  rating_thresholds: Json<RiskMatrix['thresholds']>;
}

export interface SignOffTable {
  workspace_id: string;
  id: string;
  project_id: string;
  target_type: 'change_request' | 'phase_gate';
  target_id: string;
  role: SignOffRole;
  user_id: string | null;
  decision: 'approved' | 'rejected';
  comment: string | null;
  created_at: Timestamp;
}

export interface ChangeLogTable {
  workspace_id: string;
  id: string;
  project_id: string;
  change_request_id: string | null;
  /** created / impact_analysed / signed_off / approved / rejected / applied / rebaselined / scenario_promoted. */
  action: string;
  actor_id: string | null;
  summary: string;
  log_details: Json<JsonValue>;
  created_at: Timestamp;
}

export interface ScenarioTable extends TenantColumns {
  project_id: string;
  name: string;
  description: string | null;
  change_set: Json<ChangeSet>;
  /** The last comparison with the live plan. */
  comparison: Json<JsonValue | null>;
  status: 'open' | 'promoted' | 'discarded';
  created_by: string | null;
  decided_at: Timestamp | null;
}

export interface PhaseGateTable extends TenantColumns {
  project_id: string;
  phase: GatePhase;
  checklist: Json<ChecklistItem[]>;
  gate_criteria: Json<CriterionConfig[]>;
  status: 'open' | 'passed';
  passed_at: Timestamp | null;
  passed_by: string | null;
}

export interface CommunicationJson {
  audience?: string;
  cadence: string;
  channel: string;
  owner?: string;
}

export interface SatisfactionJson {
  at: LocalDate;
  score: number;
  note?: string;
}

export interface StakeholderTable extends TenantColumns {
  project_id: string;
  name: string;
  title: string | null;
  organisation: string | null;
  email: string | null;
  /** 1..5. */
  influence: number | null;
  interest: number | null;
  /** supportive / neutral / resistant … */
  attitude: string | null;
  detail_level: 'executive' | 'business' | 'technical';
  communication: Json<CommunicationJson[]>;
  satisfaction: Json<SatisfactionJson[]>;
  notes: string | null;
}

export interface RequirementLinksJson {
  workItemIds?: string[];
  releaseIds?: string[];
  tests?: string[];
  raidEntryIds?: string[];
}

export interface RequirementTable extends TenantColumns {
  project_id: string;
  key: string;
  title: string;
  description: string | null;
  kind: 'functional' | 'non_functional';
  /** Non-functional: performance / reliability / availability / security / compliance … */
  category: string | null;
  /** must / should / could / wont. */
  priority: string | null;
  status: string;
  acceptance_criteria: Json<string[]>;
  links: Json<RequirementLinksJson>;
}

export interface ReleaseTable extends TenantColumns {
  project_id: string;
  name: string;
  /** The release's own version label (`2.3.0`); `version` is the row version. */
  tag: string | null;
  description: string | null;
  /** planned / in_progress / released / rolled_back / cancelled. */
  status: string;
  environment: string | null;
  planned_date: LocalDate | null;
  actual_date: LocalDate | null;
  cutover_checklist: Json<{ item: string; done: boolean }[]>;
  rollback_plan: string | null;
  work_item_ids: Json<string[]>;
}

export interface CommentTable extends TenantColumns {
  project_id: string | null;
  /** `work_item`, `raid_entry`, `change_request`, … */
  target_type: string;
  target_id: string;
  author_id: string | null;
  body: string;
}

// --- Cross-cutting -----------------------------------------------------------------------------------

export interface AuditLogTable {
  workspace_id: string;
  id: string;
  at: Timestamp;
  /** The user (or null for the system: seed, migrations). */
  actor_id: string | null;
  /** `create` / `update` / `delete` / `import` / … */
  action: string;
  entity_type: string;
  entity_id: string;
  project_id: string | null;
  before: Json<JsonValue>;
  after: Json<JsonValue>;
}

export interface IdempotencyKeyTable {
  workspace_id: string;
  id: string;
  key: string;
  user_id: string;
  /** Hash of method, path and body: the same key with another request is an error. */
  request_hash: string;
  /** The stored response: status, headers, body. */
  response: Json<JsonValue>;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface Database {
  workspaces: WorkspaceTable;
  users: UserTable;
  sessions: SessionTable;
  workspace_members: WorkspaceMemberTable;
  project_members: ProjectMemberTable;
  invitations: InvitationTable;
  api_tokens: ApiTokenTable;
  projects: ProjectTable;
  calendars: CalendarTable;
  work_items: WorkItemTable;
  dependencies: DependencyTable;
  resources: ResourceTable;
  assignments: AssignmentTable;
  baselines: BaselineTable;
  sprints: SprintTable;
  raid_entries: RaidEntryTable;
  change_requests: ChangeRequestTable;
  stakeholders: StakeholderTable;
  requirements: RequirementTable;
  releases: ReleaseTable;
  comments: CommentTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeyTable;
  // 0003 imports and calendar feeds
  import_jobs: ImportJobTable;
  calendar_feeds: CalendarFeedTable;
  // 0004 engineering signals
  hook_configs: HookConfigTable;
  hook_deliveries: HookDeliveryTable;
  deployments: DeploymentTable;
  changes: ChangeTable;
  incidents: IncidentTable;
  ci_runs: CiRunTable;
  slos: SloTable;
  slo_samples: SloSampleTable;
  risk_matrices: RiskMatrixTable;
  sign_offs: SignOffTable;
  change_log: ChangeLogTable;
  scenarios: ScenarioTable;
  phase_gates: PhaseGateTable;
  // 0006 communication and meetings
  communication_plan_entries: CommunicationPlanEntryTable;
  satisfaction_scores: SatisfactionScoreTable;
  meetings: MeetingTable;
  action_items: ActionItemTable;
}

// --- Imports and calendar feeds (0003) ---------------------------------------------------------------

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];
export type ImportJobPhase = 'queued' | 'parsing' | 'validating' | 'saving' | 'done';

/** One problem of an import: where (`line 12, column Duration`, `Project/Tasks/Task[UID=3]/Start`) and what. */
export interface ImportProblemJson {
  path: string;
  message: string;
  value?: JsonValue;
}

/** What a finished import changed: rows created / updated / deleted per kind, and sprints made. */
export interface ImportResultJson {
  created: Record<string, number>;
  updated: Record<string, number>;
  deleted: Record<string, number>;
  sprintsCreated: number;
  workItems: number;
}

export interface ImportJobTable extends TenantColumns {
  project_id: string;
  created_by: string | null;
  /** `mspdi`, `csv`, `jira-csv`, `json`, `yaml`. */
  format: string;
  file_name: string | null;
  file_bytes: number;
  status: ImportJobStatus;
  phase: ImportJobPhase;
  /** 0..1. */
  progress: number;
  import_result: Json<ImportResultJson | null>;
  import_errors: Json<ImportProblemJson[]>;
  import_warnings: Json<string[]>;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface CalendarFeedTable extends TenantColumns {
  project_id: string;
  created_by: string | null;
  name: string;
  /** The first characters of the token, shown to tell feeds apart. */
  prefix: string;
  /** SHA-256 (hex) of the token in the feed URL; unique. */
  token_hash: string;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** Tables keyed `(workspace_id, id)`. */
export type TenantTableName = Exclude<keyof Database, 'workspaces' | 'users' | 'sessions'>;

// --- Engineering signals (0004) ----------------------------------------------------------------------

export const HOOK_PROVIDERS = ['github', 'gitlab', 'jenkins', 'circleci', 'alerts'] as const;
export type HookProvider = (typeof HOOK_PROVIDERS)[number];

/** A webhook endpoint of a project: `POST /api/hooks/{provider}/{id}`, checked with `secret`. */
export interface HookConfigTable extends TenantColumns {
  project_id: string;
  provider: HookProvider;
  name: string;
  /** HMAC key (GitHub, CircleCI) or shared token (GitLab, Jenkins, alerts): shown once, never logged. */
  secret: string;
  /** The secret's last four characters, to tell hooks apart. */
  secret_hint: string;
  /** Only deliveries about this repository (`owner/name`), when set. */
  repository: string | null;
  active: boolean;
  last_delivery_at: Timestamp | null;
}

export type DeliveryStatus = 'processed' | 'failed';

/** One accepted delivery (a bad signature stores nothing): unique per project, provider and delivery id. */
export interface HookDeliveryTable extends TenantColumns {
  project_id: string;
  hook_id: string;
  provider: HookProvider;
  /** `X-GitHub-Delivery`, `X-Gitlab-Event-UUID`, CircleCI's event id, or a hash of the body. */
  delivery_id: string;
  event: string;
  /** The headers that say what the delivery is (never the signature or token). */
  headers: Json<Record<string, string>>;
  raw_body: string;
  /** What the parser made of it (`ParsedDelivery`), null when it could not be parsed. */
  parsed: Json<JsonValue | null>;
  status: DeliveryStatus;
  error: string | null;
  signal_count: number;
  received_at: Timestamp;
  processed_at: Timestamp | null;
}

/** Columns every engineering signal has. */
export interface SignalColumns extends TenantColumns {
  project_id: string;
  provider: string;
  /** The provider's id of the thing (deployment id, commit sha, alert fingerprint…); unique per provider. */
  external_id: string;
  /** The `hook_deliveries` row it came from last (null for seeded or manual rows). */
  delivery_id: string | null;
  source: string | null;
  url: string | null;
  release_id: string | null;
  work_item_ids: Json<string[]>;
}

export interface DeploymentTable extends SignalColumns {
  environment: string;
  /** pending / in_progress / success / failure / cancelled / inactive. */
  status: string;
  sha: string | null;
  ref: string | null;
  deployed_at: Timestamp;
}

export interface ChangeTable extends SignalColumns {
  sha: string;
  message: string;
  author: string | null;
  branch: string | null;
  committed_at: Timestamp;
  /** The merge or squash commit that carried it to the default branch. */
  landed_as: string | null;
  /** When it (or its carrier) reached the default branch. */
  landed_at: Timestamp | null;
  pull_request: number | null;
}

export interface IncidentTable extends SignalColumns {
  title: string;
  /** open / resolved. */
  state: string;
  severity: string | null;
  /** alert / issue / manual. */
  origin: string;
  opened_at: Timestamp;
  resolved_at: Timestamp | null;
  root_causes: Json<string[]>;
  /** The deployment known to have caused it (else found from `root_causes`). */
  deployment_id: string | null;
}

export interface CiRunTable extends SignalColumns {
  name: string;
  /** queued / in_progress / success / failure / cancelled / skipped / neutral. */
  status: string;
  sha: string | null;
  branch: string | null;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  /** Percent, 0–100. */
  coverage: number | null;
}

export interface SloTable extends TenantColumns {
  project_id: string;
  name: string;
  description: string | null;
  /** 0–1, e.g. 0.999. */
  objective: number;
  window_days: number;
  /** `samples`: good/total measurements; `incidents`: downtime from the project's incidents. */
  method: 'samples' | 'incidents';
  service: string | null;
}

export interface SloSampleTable extends TenantColumns {
  project_id: string;
  slo_id: string;
  at: Timestamp;
  good: number;
  total: number;
}

// --- Communication and meetings (0006) ---------------------------------------------------------------

export const CADENCES = ['daily', 'weekly', 'fortnightly', 'monthly', 'quarterly'] as const;
export type Cadence = (typeof CADENCES)[number];
export const DETAIL_LEVELS = ['executive', 'business', 'technical'] as const;
export type DetailLevel = (typeof DETAIL_LEVELS)[number];

export interface CommunicationPlanEntryTable extends TenantColumns {
  project_id: string;
  /** Who is told: a group (`Steering committee`) or a stakeholder's name. */
  audience: string;
  /** One stakeholder of the project, when the entry is for one person. */
  stakeholder_id: string | null;
  /** What is communicated: `Status report`, `Release notes`. */
  purpose: string | null;
  cadence: Cadence;
  /** email / meeting / report / chat / dashboard … */
  channel: string;
  detail_level: DetailLevel | null;
  owner_id: string | null;
  /** The owner's name when they are not a member (or to show without a lookup). */
  owner: string | null;
  /** The first occurrence; later ones follow the cadence from it. */
  start_date: LocalDate;
  last_done_on: LocalDate | null;
  active: boolean;
  notes: string | null;
}

export interface SatisfactionScoreTable extends TenantColumns {
  project_id: string;
  stakeholder_id: string;
  /** 0..10. */
  score: number;
  scored_on: LocalDate;
  note: string | null;
}

export const MEETING_KINDS = ['standup', 'status', 'gate_review'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export interface MeetingTable extends TenantColumns {
  project_id: string;
  kind: MeetingKind;
  title: string;
  held_on: LocalDate;
  attendees: Json<string[]>;
  agenda: Json<string[]>;
  notes: string | null;
  decisions: Json<string[]>;
}

export const ACTION_ITEM_STATUSES = ['open', 'done', 'converted', 'cancelled'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export interface ActionItemTable extends TenantColumns {
  project_id: string;
  meeting_id: string;
  text: string;
  owner_id: string | null;
  owner: string | null;
  due_date: LocalDate | null;
  status: ActionItemStatus;
  /** The work item it became (`POST /api/action-items/{id}/convert`). */
  work_item_id: string | null;
}
