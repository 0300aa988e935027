/**
 * The plan model shared by every part of Tandem: what a project file says, before scheduling.
 *
 * Dates are local wall-clock date-times in the project's time zone, written as MSPDI writes them
 * (`2018-11-02T08:00:00`); see `LocalDateTime`. Durations and lags are in minutes (working minutes
 * unless `elapsed`). The scheduler never mutates a `Project`.
 */
import type { Calendar } from './calendar.ts';
import type { Duration, Lag } from './duration.ts';

/** `YYYY-MM-DDTHH:mm:ss`, local to the project's time zone (no offset). */
export type LocalDateTime = string;
/** `YYYY-MM-DD`. */
export type LocalDate = string;

export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

export type ConstraintType =
  | 'ASAP' // as soon as possible
  | 'ALAP' // as late as possible
  | 'SNET' // start no earlier than
  | 'SNLT' // start no later than
  | 'FNET' // finish no earlier than
  | 'FNLT' // finish no later than
  | 'MSO' // must start on
  | 'MFO'; // must finish on

export interface Constraint {
  type: ConstraintType;
  /** Required for every type but ASAP and ALAP. */
  date?: LocalDateTime;
}

export interface Progress {
  /** 0..100, share of duration done. */
  percentComplete?: number;
  actualStart?: LocalDateTime;
  actualFinish?: LocalDateTime;
  /** Remaining duration in working minutes; derived from percentComplete when absent. */
  remainingMinutes?: number;
}

export interface Task {
  /** Stable identifier: the MSPDI UID as a string, or the plan file's id. */
  id: string;
  name: string;
  /** Parent summary task id; absent for top-level tasks. Order among siblings is array order. */
  parentId?: string;
  wbs?: string;
  /** Zero-duration tasks are milestones too; this flag marks a milestone with a duration. */
  milestone?: boolean;
  /** Working (or elapsed) duration. Ignored for summary tasks, which roll up their children. */
  duration: Duration;
  /** Task calendar; the project calendar when absent. */
  calendarId?: string;
  /** When true and the task has resources, the resource calendars are ignored. */
  ignoreResourceCalendar?: boolean;
  constraint?: Constraint;
  deadline?: LocalDateTime;
  /** Manually scheduled (MS Project 2010+): dates are the user's, not the scheduler's. */
  manual?: { start: LocalDateTime; finish: LocalDateTime };
  progress?: Progress;
  /** 0..1000 as in MS Project; 500 is normal. Used by levelling. */
  priority?: number;
  /** Inactive tasks (MS Project 2010+) are kept but not scheduled. */
  inactive?: boolean;
  notes?: string;
  /** Three-point estimate for schedule risk analysis (working minutes). */
  estimate?: ThreePointEstimate;
  /** Cost that does not depend on work (MS Project's Fixed Cost). */
  fixedCost?: number;
  /** Cost incurred so far (actual cost, AC), when known; otherwise derived from actual work × rates. */
  actualCost?: number;
  /** Agile size. */
  storyPoints?: number;
  /** Free-form fields carried through import/export untouched. */
  extra?: Record<string, string>;
}

export interface Link {
  predecessorId: string;
  successorId: string;
  type: LinkType;
  lag?: Lag;
}

export interface Resource {
  id: string;
  name: string;
  type: 'work' | 'material' | 'cost';
  /** 1 = 100%. */
  maxUnits?: number;
  calendarId?: string;
  /** Cost per working hour. */
  standardRate?: number;
  overtimeRate?: number;
  costPerUse?: number;
  email?: string;
  group?: string;
  initials?: string;
}

export interface Assignment {
  id?: string;
  taskId: string;
  resourceId: string;
  /** 1 = 100%. */
  units: number;
  /** Work in minutes. */
  workMinutes?: number;
  actualWorkMinutes?: number;
}

export interface BaselineTask {
  start?: LocalDateTime;
  finish?: LocalDateTime;
  durationMinutes?: number;
  workMinutes?: number;
  cost?: number;
}

export interface Baseline {
  /** 0 for MS Project's "Baseline", 1..10 for "Baseline1".."Baseline10", or any name. */
  name: string;
  /** Keyed by task id. */
  tasks: Record<string, BaselineTask>;
}

/** Settings that change how durations convert between units (MS Project's Calendar Options). */
export interface ProjectUnits {
  /** Working minutes in a day, default 480. */
  minutesPerDay: number;
  /** Working minutes in a week, default 2400. */
  minutesPerWeek: number;
  /** Working days in a month, default 20. */
  daysPerMonth: number;
}

export interface Project {
  name: string;
  /** Project start: every task starts no earlier than this. */
  start: LocalDateTime;
  /** Set only for projects scheduled from their finish (MSPDI ScheduleFromStart=0). */
  finish?: LocalDateTime;
  scheduleFrom?: 'start' | 'finish';
  /** Progress is measured as of this date; unfinished work before it moves after it. */
  statusDate?: LocalDateTime;
  /** IANA time zone of the local date-times, e.g. `Europe/London`. */
  timeZone?: string;
  /** The project (standard) calendar. */
  calendarId: string;
  units: ProjectUnits;
  /** Tasks with total float at or below this many working minutes are critical. Default 0. */
  criticalSlackLimitMinutes?: number;
  /** Default start and finish times of day in minutes (MSPDI DefaultStartTime/FinishTime). */
  defaultStartMinute?: number;
  defaultFinishMinute?: number;
  currencyCode?: string;
  calendars: Calendar[];
  /** In outline order: a parent always precedes its children. */
  tasks: Task[];
  links: Link[];
  resources: Resource[];
  assignments: Assignment[];
  baselines: Baseline[];
  /** Risk events for schedule risk analysis (the RAID log's risks that have a schedule or cost impact). */
  risks?: RiskEvent[];
  /** Correlated task groups for risk analysis: their sampled durations move together. */
  correlations?: Correlation[];
}

export type Distribution = 'triangular' | 'pert' | 'fixed' | 'uniform';

/** Optimistic / most likely / pessimistic values (minutes or money, by context). */
export interface ThreePoint {
  optimistic: number;
  mostLikely: number;
  pessimistic: number;
  /** Default 'triangular'. */
  distribution?: Distribution;
}

export type ThreePointEstimate = ThreePoint;

/** A risk event: with `probability` it happens, adding delay (working minutes) and/or cost to tasks. */
export interface RiskEvent {
  id: string;
  name: string;
  /** 0..1. */
  probability: number;
  /** Tasks whose duration grows (each by the sampled delay) when the risk occurs. */
  taskIds: string[];
  delay?: ThreePoint;
  cost?: ThreePoint;
  category?: 'business' | 'technical';
  owner?: string;
}

/** Tasks whose uncertainties are correlated with the given coefficient (-1..1). */
export interface Correlation {
  taskIds: string[];
  coefficient: number;
}

export const DEFAULT_UNITS: ProjectUnits = { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 };
