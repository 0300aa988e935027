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
}

/** Tables keyed `(workspace_id, id)`. */
export type TenantTableName = Exclude<keyof Database, 'workspaces' | 'users' | 'sessions'>;
