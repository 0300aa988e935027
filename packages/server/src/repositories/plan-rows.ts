/**
 * The core's `Project` ↔ rows. A plan's own ids (task, calendar and resource ids of plan files and
 * MS Project) are the rows' `key`s; references between rows use row ids. Only the columns a plan
 * describes are written ("plan columns"); the rest of a row (status, track, sprint, labels,
 * assignee) belongs to the team and survives a re-import.
 */
import type {
  Assignment,
  Baseline,
  Calendar,
  DayPattern,
  Link,
  Project,
  Resource,
  RiskEvent,
  Task,
  WeekPattern,
} from '@tandem/core';
import type { Insertable, Selectable } from 'kysely';
import type {
  AssignmentTable,
  BaselineTable,
  CalendarTable,
  DependencyTable,
  ProjectTable,
  RaidEntryTable,
  ResourceTable,
  WorkItemTable,
} from '../db/schema.ts';

type Row<T> = Selectable<T>;
/** key → row id, per kind of plan object. */
export interface PlanIds {
  task: Map<string, string>;
  calendar: Map<string, string>;
  resource: Map<string, string>;
}

/** Drops undefined and null properties: the core's optional fields are absent, never null. */
function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

function lookup(map: Map<string, string>, key: string | undefined): string | null {
  return key === undefined ? null : (map.get(key) ?? null);
}

// --- Project settings ---------------------------------------------------------------------------------

export type ProjectPlanColumns = Pick<
  Insertable<ProjectTable>,
  | 'start'
  | 'finish'
  | 'schedule_from'
  | 'status_date'
  | 'time_zone'
  | 'currency'
  | 'calendar_id'
  | 'units'
  | 'critical_slack_minutes'
  | 'default_start_minute'
  | 'default_finish_minute'
  | 'correlations'
>;

export function projectColumns(project: Project, ids: PlanIds): ProjectPlanColumns {
  return {
    start: project.start,
    finish: project.finish ?? null,
    schedule_from: project.scheduleFrom ?? null,
    status_date: project.statusDate ?? null,
    time_zone: project.timeZone ?? null,
    currency: project.currencyCode ?? null,
    calendar_id: lookup(ids.calendar, project.calendarId),
    units: { ...project.units },
    critical_slack_minutes: project.criticalSlackLimitMinutes ?? null,
    default_start_minute: project.defaultStartMinute ?? null,
    default_finish_minute: project.defaultFinishMinute ?? null,
    correlations: (project.correlations ?? []).map((c) => ({
      workItemIds: c.taskIds.map((k) => ids.task.get(k) ?? k),
      coefficient: c.coefficient,
    })),
  };
}

export function projectFromRow(
  row: Row<ProjectTable>,
  keys: Map<string, string>,
): Omit<Project, 'calendars' | 'tasks' | 'links' | 'resources' | 'assignments' | 'baselines'> {
  return present({
    name: row.name,
    start: row.start,
    finish: row.finish ?? undefined,
    scheduleFrom: row.schedule_from ?? undefined,
    statusDate: row.status_date ?? undefined,
    timeZone: row.time_zone ?? undefined,
    calendarId: (row.calendar_id !== null ? keys.get(row.calendar_id) : undefined) ?? 'standard',
    units: row.units,
    criticalSlackLimitMinutes: row.critical_slack_minutes ?? undefined,
    defaultStartMinute: row.default_start_minute ?? undefined,
    defaultFinishMinute: row.default_finish_minute ?? undefined,
    currencyCode: row.currency ?? undefined,
    correlations:
      row.correlations.length > 0
        ? row.correlations.map((c) => ({
            taskIds: c.workItemIds.map((id) => keys.get(id) ?? id),
            coefficient: c.coefficient,
          }))
        : undefined,
  });
}

// --- Calendars ----------------------------------------------------------------------------------------

export type CalendarPlanColumns = Pick<
  Insertable<CalendarTable>,
  'key' | 'name' | 'base_calendar_id' | 'resource_id' | 'week' | 'exceptions' | 'work_weeks'
>;

export function calendarColumns(c: Calendar, ids: PlanIds): CalendarPlanColumns {
  return {
    key: c.id,
    name: c.name,
    base_calendar_id: lookup(ids.calendar, c.baseCalendarId),
    resource_id: lookup(ids.resource, c.resourceId),
    week: c.week,
    exceptions: c.exceptions,
    work_weeks: c.workWeeks ?? [],
  };
}

/** JSON has no `undefined`: a weekday "as the base calendar" comes back as null. */
function week(stored: WeekPattern): WeekPattern {
  return stored.map((d: DayPattern | null) => d ?? undefined) as WeekPattern;
}

export function calendarFromRow(row: Row<CalendarTable>, keys: Map<string, string>): Calendar {
  return present({
    id: row.key,
    name: row.name,
    baseCalendarId: row.base_calendar_id !== null ? keys.get(row.base_calendar_id) : undefined,
    week: week(row.week),
    workWeeks:
      row.work_weeks.length > 0 ? row.work_weeks.map((w) => ({ ...w, week: week(w.week) })) : undefined,
    exceptions: row.exceptions,
    resourceId: row.resource_id !== null ? keys.get(row.resource_id) : undefined,
  });
}

// --- Resources ----------------------------------------------------------------------------------------

export type ResourcePlanColumns = Pick<
  Insertable<ResourceTable>,
  | 'key'
  | 'name'
  | 'type'
  | 'max_units'
  | 'calendar_id'
  | 'standard_rate'
  | 'overtime_rate'
  | 'cost_per_use'
  | 'email'
  | 'group_name'
  | 'initials'
>;

export function resourceColumns(r: Resource, ids: PlanIds): ResourcePlanColumns {
  return {
    key: r.id,
    name: r.name,
    type: r.type,
    max_units: r.maxUnits ?? null,
    calendar_id: lookup(ids.calendar, r.calendarId),
    standard_rate: r.standardRate ?? null,
    overtime_rate: r.overtimeRate ?? null,
    cost_per_use: r.costPerUse ?? null,
    email: r.email ?? null,
    group_name: r.group ?? null,
    initials: r.initials ?? null,
  };
}

export function resourceFromRow(row: Row<ResourceTable>, keys: Map<string, string>): Resource {
  return present({
    id: row.key,
    name: row.name,
    type: row.type,
    maxUnits: row.max_units ?? undefined,
    calendarId: row.calendar_id !== null ? keys.get(row.calendar_id) : undefined,
    standardRate: row.standard_rate ?? undefined,
    overtimeRate: row.overtime_rate ?? undefined,
    costPerUse: row.cost_per_use ?? undefined,
    email: row.email ?? undefined,
    group: row.group_name ?? undefined,
    initials: row.initials ?? undefined,
  });
}

// --- Work items ---------------------------------------------------------------------------------------

export const WORK_ITEM_PLAN_COLUMNS = [
  'key',
  'parent_id',
  'sort_key',
  'wbs',
  'name',
  'notes',
  'milestone',
  'duration_minutes',
  'duration_unit',
  'elapsed',
  'duration_estimated',
  'estimate',
  'constraint_type',
  'constraint_date',
  'deadline',
  'calendar_id',
  'ignore_resource_calendar',
  'priority',
  'percent_complete',
  'actual_start',
  'actual_finish',
  'remaining_minutes',
  'manual_start',
  'manual_finish',
  'inactive',
  'fixed_cost',
  'actual_cost',
  'story_points',
  'extra',
] as const;

export type WorkItemPlanColumns = Pick<Insertable<WorkItemTable>, (typeof WORK_ITEM_PLAN_COLUMNS)[number]> & {
  parent_id: string | null;
};

export function workItemColumns(t: Task, sortKey: number, ids: PlanIds): WorkItemPlanColumns {
  return {
    key: t.id,
    parent_id: lookup(ids.task, t.parentId),
    sort_key: sortKey,
    wbs: t.wbs ?? null,
    name: t.name,
    notes: t.notes ?? null,
    milestone: t.milestone === true,
    duration_minutes: t.duration.minutes,
    duration_unit: t.duration.unit ?? null,
    elapsed: t.duration.elapsed === true,
    duration_estimated: t.duration.estimated === true,
    estimate: t.estimate ?? null,
    constraint_type: t.constraint?.type ?? null,
    constraint_date: t.constraint?.date ?? null,
    deadline: t.deadline ?? null,
    calendar_id: lookup(ids.calendar, t.calendarId),
    ignore_resource_calendar: t.ignoreResourceCalendar === true,
    priority: t.priority ?? null,
    percent_complete: t.progress?.percentComplete ?? null,
    actual_start: t.progress?.actualStart ?? null,
    actual_finish: t.progress?.actualFinish ?? null,
    remaining_minutes: t.progress?.remainingMinutes ?? null,
    manual_start: t.manual?.start ?? null,
    manual_finish: t.manual?.finish ?? null,
    inactive: t.inactive === true,
    fixed_cost: t.fixedCost ?? null,
    actual_cost: t.actualCost ?? null,
    story_points: t.storyPoints ?? null,
    extra: t.extra ?? {},
  };
}

/** `summary` / `milestone` / `task` from the plan; agile types (epic, story, subtask) are kept. */
export function workItemType(
  t: Task,
  hasChildren: boolean,
  current?: Row<WorkItemTable>['type'],
): Row<WorkItemTable>['type'] {
  if (current === 'epic' || current === 'story' || current === 'subtask') return current;
  if (hasChildren) return 'summary';
  return t.milestone || t.duration.minutes === 0 ? 'milestone' : 'task';
}

/** Progress moves the workflow status at its ends; any status in between is the team's. */
export function workItemStatus(t: Task, current?: string): string {
  const percent = t.progress?.percentComplete ?? 0;
  const finished = percent >= 100 || t.progress?.actualFinish !== undefined;
  if (finished) return 'done';
  if (current === undefined) return percent > 0 || t.progress?.actualStart ? 'in_progress' : 'todo';
  return current === 'done' ? 'in_progress' : current;
}

export function taskFromRow(row: Row<WorkItemTable>, keys: Map<string, string>): Task {
  const progress = present({
    percentComplete: row.percent_complete ?? undefined,
    actualStart: row.actual_start ?? undefined,
    actualFinish: row.actual_finish ?? undefined,
    remainingMinutes: row.remaining_minutes ?? undefined,
  });
  return present({
    id: row.key,
    name: row.name,
    parentId: row.parent_id !== null ? keys.get(row.parent_id) : undefined,
    wbs: row.wbs ?? undefined,
    milestone: row.milestone ? true : undefined,
    duration: present({
      minutes: row.duration_minutes,
      elapsed: row.elapsed ? true : undefined,
      unit: row.duration_unit ?? undefined,
      estimated: row.duration_estimated ? true : undefined,
    }),
    calendarId: row.calendar_id !== null ? keys.get(row.calendar_id) : undefined,
    ignoreResourceCalendar: row.ignore_resource_calendar ? true : undefined,
    constraint:
      row.constraint_type !== null
        ? present({ type: row.constraint_type, date: row.constraint_date ?? undefined })
        : undefined,
    deadline: row.deadline ?? undefined,
    manual:
      row.manual_start !== null && row.manual_finish !== null
        ? { start: row.manual_start, finish: row.manual_finish }
        : undefined,
    progress: Object.keys(progress).length > 0 ? progress : undefined,
    priority: row.priority ?? undefined,
    inactive: row.inactive ? true : undefined,
    notes: row.notes ?? undefined,
    estimate: row.estimate ?? undefined,
    fixedCost: row.fixed_cost ?? undefined,
    actualCost: row.actual_cost ?? undefined,
    storyPoints: row.story_points ?? undefined,
    extra: Object.keys(row.extra).length > 0 ? row.extra : undefined,
  });
}

// --- Links, assignments, baselines, risks -----------------------------------------------------------

export type DependencyPlanColumns = Pick<
  Insertable<DependencyTable>,
  'predecessor_id' | 'successor_id' | 'type' | 'lag_minutes' | 'lag_percent' | 'lag_elapsed' | 'lag_unit'
>;

export function dependencyColumns(l: Link, ids: PlanIds): DependencyPlanColumns {
  return {
    predecessor_id: ids.task.get(l.predecessorId) ?? '',
    successor_id: ids.task.get(l.successorId) ?? '',
    type: l.type,
    lag_minutes: l.lag?.minutes ?? 0,
    lag_percent: l.lag?.percent ?? null,
    lag_elapsed: l.lag?.elapsed === true,
    lag_unit: l.lag?.unit ?? null,
  };
}

export function linkFromRow(row: Row<DependencyTable>, keys: Map<string, string>): Link {
  const hasLag =
    row.lag_minutes !== 0 || row.lag_percent !== null || row.lag_elapsed || row.lag_unit !== null;
  return present({
    predecessorId: keys.get(row.predecessor_id) ?? row.predecessor_id,
    successorId: keys.get(row.successor_id) ?? row.successor_id,
    type: row.type,
    lag: hasLag
      ? present({
          minutes: row.lag_minutes,
          elapsed: row.lag_elapsed ? true : undefined,
          percent: row.lag_percent ?? undefined,
          unit: row.lag_unit ?? undefined,
        })
      : undefined,
  });
}

export type AssignmentPlanColumns = Pick<
  Insertable<AssignmentTable>,
  'key' | 'work_item_id' | 'resource_id' | 'units' | 'work_minutes' | 'actual_work_minutes'
>;

export function assignmentColumns(a: Assignment, ids: PlanIds): AssignmentPlanColumns {
  return {
    key: a.id ?? null,
    work_item_id: ids.task.get(a.taskId) ?? '',
    resource_id: ids.resource.get(a.resourceId) ?? '',
    units: a.units,
    work_minutes: a.workMinutes ?? null,
    actual_work_minutes: a.actualWorkMinutes ?? null,
  };
}

export function assignmentFromRow(row: Row<AssignmentTable>, keys: Map<string, string>): Assignment {
  return present({
    id: row.key ?? undefined,
    taskId: keys.get(row.work_item_id) ?? row.work_item_id,
    resourceId: keys.get(row.resource_id) ?? row.resource_id,
    units: row.units,
    workMinutes: row.work_minutes ?? undefined,
    actualWorkMinutes: row.actual_work_minutes ?? undefined,
  });
}

export function baselineColumns(
  b: Baseline,
  ids: PlanIds,
): Pick<Insertable<BaselineTable>, 'name' | 'snapshot'> {
  return {
    name: b.name,
    snapshot: Object.fromEntries(Object.entries(b.tasks).map(([key, v]) => [ids.task.get(key) ?? key, v])),
  };
}

export function baselineFromRow(row: Row<BaselineTable>, keys: Map<string, string>): Baseline {
  return {
    name: row.name,
    tasks: Object.fromEntries(Object.entries(row.snapshot).map(([id, v]) => [keys.get(id) ?? id, v])),
  };
}

export type RiskPlanColumns = Pick<
  Insertable<RaidEntryTable>,
  | 'key'
  | 'title'
  | 'probability'
  | 'linked_work_item_ids'
  | 'schedule_impact'
  | 'cost_impact'
  | 'category'
  | 'owner'
>;

export function riskColumns(r: RiskEvent, ids: PlanIds): RiskPlanColumns {
  return {
    key: r.id,
    title: r.name,
    probability: r.probability,
    linked_work_item_ids: r.taskIds.map((k) => ids.task.get(k) ?? k),
    schedule_impact: r.delay ?? null,
    cost_impact: r.cost ?? null,
    category: r.category ?? null,
    owner: r.owner ?? null,
  };
}

export function riskFromRow(row: Row<RaidEntryTable>, keys: Map<string, string>): RiskEvent {
  return present({
    id: row.key,
    name: row.title,
    probability: row.probability ?? 0,
    taskIds: row.linked_work_item_ids.flatMap((id) => {
      const key = keys.get(id);
      return key === undefined ? [] : [key];
    }),
    delay: row.schedule_impact ?? undefined,
    cost: row.cost_impact ?? undefined,
    category: row.category ?? undefined,
    owner: row.owner ?? undefined,
  });
}
