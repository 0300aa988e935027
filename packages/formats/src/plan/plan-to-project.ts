/**
 * Builds the `Project` from a validated plan file: durations converted with the project's units,
 * dates given without a time put at the default start (starts) or finish (finishes) of the day,
 * nested and `parent:` tasks put in outline order.
 */
import type {
  Assignment,
  Calendar,
  CalendarException,
  Constraint,
  DayPattern,
  Link,
  Project,
  ProjectUnits,
  Recurrence,
  Resource,
  RiskEvent,
  Task,
  ThreePoint,
  WeekPattern,
} from '@tandem/core';
import { DEFAULT_UNITS, standardCalendar } from '@tandem/core';
import { BUILT_IN_CALENDAR } from './plan-references.ts';
import type { CalendarInput, PlanInput, ResourceInput, RiskInput, TaskInput } from './plan-schema.ts';
import type { DateText } from './plan-values.ts';
import { MONTHS, WEEKDAYS, WEEKS_OF_MONTH, toDuration, toLag, toLocalDateTime } from './plan-values.ts';

export const DEFAULT_START_MINUTE = 8 * 60;
export const DEFAULT_FINISH_MINUTE = 17 * 60;

/** Constraint types whose date is a start (a date alone means the start of the working day). */
export const START_CONSTRAINTS = new Set(['SNET', 'SNLT', 'MSO']);

export function planToProject(plan: PlanInput): Project {
  const p = plan.project;
  const units: ProjectUnits = {
    minutesPerDay:
      p.units?.hoursPerDay !== undefined ? p.units.hoursPerDay * 60 : DEFAULT_UNITS.minutesPerDay,
    minutesPerWeek:
      p.units?.hoursPerWeek !== undefined ? p.units.hoursPerWeek * 60 : DEFAULT_UNITS.minutesPerWeek,
    daysPerMonth: p.units?.daysPerMonth ?? DEFAULT_UNITS.daysPerMonth,
  };
  const startMinute = p.defaultStart ?? DEFAULT_START_MINUTE;
  const finishMinute = p.defaultFinish ?? DEFAULT_FINISH_MINUTE;
  const atStart = (d: DateText) => toLocalDateTime(d, startMinute);
  const atFinish = (d: DateText) => toLocalDateTime(d, finishMinute);

  const calendars = (plan.calendars ?? []).map(toCalendar);
  const calendarId = p.calendar ?? BUILT_IN_CALENDAR;
  const usesBuiltIn =
    calendarId === BUILT_IN_CALENDAR ||
    calendars.some((c) => c.baseCalendarId === BUILT_IN_CALENDAR) ||
    (plan.resources ?? []).some((r) => r.calendar === BUILT_IN_CALENDAR) ||
    flatten(plan.tasks ?? [], undefined).some(({ input }) => input.calendar === BUILT_IN_CALENDAR);
  if (usesBuiltIn && !calendars.some((c) => c.id === BUILT_IN_CALENDAR))
    calendars.unshift(standardCalendar());

  const tasks: Task[] = [];
  const links: Link[] = [];
  const assignments: Assignment[] = [];
  for (const { input: t, parentId } of outlineOrder(flatten(plan.tasks ?? [], undefined))) {
    tasks.push(toTask(t, parentId, units, atStart, atFinish));
    for (const a of t.after ?? []) {
      links.push({
        predecessorId: a.task,
        successorId: t.id,
        type: a.type ?? 'FS',
        ...(a.lag && (a.lag.value !== 0 || a.lag.percent) ? { lag: toLag(a.lag, units) } : {}),
      });
    }
    for (const r of t.resources ?? []) {
      const a = typeof r === 'string' ? { id: r } : r;
      assignments.push({
        ...(typeof r !== 'string' && r.assignmentId !== undefined ? { id: r.assignmentId } : {}),
        taskId: t.id,
        resourceId: a.id,
        units: a.units ?? 1,
        ...(a.work ? { workMinutes: toDuration(a.work, units).minutes } : {}),
        ...(a.actualWork ? { actualWorkMinutes: toDuration(a.actualWork, units).minutes } : {}),
      });
    }
  }

  return {
    name: p.name,
    start: atStart(p.start),
    ...(p.finish ? { finish: atFinish(p.finish) } : {}),
    ...(p.scheduleFrom ? { scheduleFrom: p.scheduleFrom } : {}),
    ...(p.statusDate ? { statusDate: atFinish(p.statusDate) } : {}),
    ...(p.timeZone ? { timeZone: p.timeZone } : {}),
    calendarId,
    units,
    ...(p.criticalSlack ? { criticalSlackLimitMinutes: toDuration(p.criticalSlack, units).minutes } : {}),
    ...(p.defaultStart !== undefined ? { defaultStartMinute: p.defaultStart } : {}),
    ...(p.defaultFinish !== undefined ? { defaultFinishMinute: p.defaultFinish } : {}),
    ...(p.currency ? { currencyCode: p.currency } : {}),
    calendars,
    tasks,
    links,
    resources: (plan.resources ?? []).map(toResource),
    assignments,
    baselines: (plan.baselines ?? []).map((b) => ({
      name: b.name,
      tasks: Object.fromEntries(
        Object.entries(b.tasks).map(([id, bt]) => [
          id,
          {
            ...(bt.start ? { start: atStart(bt.start) } : {}),
            ...(bt.finish ? { finish: atFinish(bt.finish) } : {}),
            ...(bt.duration ? { durationMinutes: toDuration(bt.duration, units).minutes } : {}),
            ...(bt.work ? { workMinutes: toDuration(bt.work, units).minutes } : {}),
            ...(bt.cost !== undefined ? { cost: bt.cost } : {}),
          },
        ]),
      ),
    })),
    ...(plan.risks ? { risks: plan.risks.map((r) => toRisk(r, units)) } : {}),
    ...(plan.correlations
      ? { correlations: plan.correlations.map((c) => ({ taskIds: c.tasks, coefficient: c.coefficient })) }
      : {}),
  };
}

interface Placed {
  input: TaskInput;
  parentId: string | undefined;
  hasChildren: boolean;
}

function flatten(inputs: TaskInput[], parentId: string | undefined): Placed[] {
  return inputs.flatMap((input) => {
    const children = input.children ?? [];
    const self = { input, parentId: parentId ?? input.parent, hasChildren: children.length > 0 };
    return [self, ...flatten(children, input.id)];
  });
}

/** Parents before children, siblings in file order (`parent:` may name a task further down). */
function outlineOrder(placed: Placed[]): Placed[] {
  const children = new Map<string | undefined, Placed[]>();
  for (const p of placed) {
    const siblings = children.get(p.parentId);
    if (siblings) siblings.push(p);
    else children.set(p.parentId, [p]);
  }
  const out: Placed[] = [];
  const visit = (parentId: string | undefined) => {
    for (const p of children.get(parentId) ?? []) {
      out.push(p);
      visit(p.input.id);
    }
  };
  visit(undefined);
  return out;
}

function toTask(
  t: TaskInput,
  parentId: string | undefined,
  units: ProjectUnits,
  atStart: (d: DateText) => string,
  atFinish: (d: DateText) => string,
): Task {
  const constraint: Constraint | undefined =
    t.constraint === undefined
      ? undefined
      : typeof t.constraint === 'string'
        ? { type: t.constraint }
        : {
            type: t.constraint.type,
            ...(t.constraint.date
              ? {
                  date: START_CONSTRAINTS.has(t.constraint.type)
                    ? atStart(t.constraint.date)
                    : atFinish(t.constraint.date),
                }
              : {}),
          };
  const progress = typeof t.progress === 'number' ? { percent: t.progress } : t.progress;
  return {
    id: t.id,
    name: t.name ?? t.id,
    ...(parentId !== undefined ? { parentId } : {}),
    ...(t.wbs !== undefined ? { wbs: t.wbs } : {}),
    ...(t.milestone !== undefined ? { milestone: t.milestone } : {}),
    duration: t.duration ? toDuration(t.duration, units) : { minutes: 0, unit: 'day' },
    ...(t.calendar !== undefined ? { calendarId: t.calendar } : {}),
    ...(t.ignoreResourceCalendar !== undefined ? { ignoreResourceCalendar: t.ignoreResourceCalendar } : {}),
    ...(constraint ? { constraint } : {}),
    ...(t.deadline ? { deadline: atFinish(t.deadline) } : {}),
    ...(t.manual ? { manual: { start: atStart(t.manual.start), finish: atFinish(t.manual.finish) } } : {}),
    ...(progress
      ? {
          progress: {
            ...(progress.percent !== undefined ? { percentComplete: progress.percent } : {}),
            ...(progress.actualStart ? { actualStart: atStart(progress.actualStart) } : {}),
            ...(progress.actualFinish ? { actualFinish: atFinish(progress.actualFinish) } : {}),
            ...(progress.remaining
              ? { remainingMinutes: toDuration(progress.remaining, units).minutes }
              : {}),
          },
        }
      : {}),
    ...(t.priority !== undefined ? { priority: t.priority } : {}),
    ...(t.inactive !== undefined ? { inactive: t.inactive } : {}),
    ...(t.notes !== undefined ? { notes: t.notes } : {}),
    ...(t.estimate ? { estimate: toEstimate(t.estimate, units) } : {}),
    ...(t.fixedCost !== undefined ? { fixedCost: t.fixedCost } : {}),
    ...(t.actualCost !== undefined ? { actualCost: t.actualCost } : {}),
    ...(t.storyPoints !== undefined ? { storyPoints: t.storyPoints } : {}),
    ...(t.extra !== undefined ? { extra: t.extra } : {}),
  };
}

type EstimateInput = NonNullable<TaskInput['estimate']>;

/** A three-point duration estimate in working (or, if written so, elapsed) minutes. */
function toEstimate(e: EstimateInput, units: ProjectUnits): ThreePoint {
  return {
    optimistic: toDuration(e.optimistic, units).minutes,
    mostLikely: toDuration(e.mostLikely, units).minutes,
    pessimistic: toDuration(e.pessimistic, units).minutes,
    ...(e.distribution ? { distribution: e.distribution } : {}),
  };
}

function toRisk(r: RiskInput, units: ProjectUnits): RiskEvent {
  return {
    id: r.id,
    name: r.name ?? r.id,
    probability: r.probability,
    taskIds: r.tasks,
    ...(r.delay ? { delay: toEstimate(r.delay, units) } : {}),
    ...(r.cost ? { cost: { ...r.cost } } : {}),
    ...(r.category ? { category: r.category } : {}),
    ...(r.owner !== undefined ? { owner: r.owner } : {}),
  };
}

function toWeek(week: CalendarInput['week']): WeekPattern {
  return WEEKDAYS.map((d): DayPattern => week?.[d]?.map((p) => ({ ...p }))) as WeekPattern;
}

function toCalendar(c: CalendarInput): Calendar {
  const holidays = (c.holidays ?? []).map((h): CalendarException =>
    typeof h === 'string'
      ? { from: h, to: h, periods: [] }
      : {
          ...(h.name !== undefined ? { name: h.name } : {}),
          from: h.date ?? h.from ?? '',
          to: h.date ?? h.to ?? h.from ?? '',
          periods: [],
        },
  );
  const exceptions = (c.exceptions ?? []).map((e): CalendarException => {
    const from = e.date ?? e.from ?? '';
    return {
      ...(e.name !== undefined ? { name: e.name } : {}),
      from,
      to: e.to ?? from,
      periods: (e.working ?? []).map((p) => ({ ...p })),
      ...(e.recurrence ? { recurrence: toRecurrence(e.recurrence) } : {}),
    };
  });
  return {
    id: c.id,
    name: c.name ?? c.id,
    ...(c.base !== undefined ? { baseCalendarId: c.base } : {}),
    week: toWeek(c.week),
    ...(c.workWeeks
      ? {
          workWeeks: c.workWeeks.map((w) => ({
            ...(w.name ? { name: w.name } : {}),
            from: w.from,
            to: w.to,
            week: toWeek(w.week),
          })),
        }
      : {}),
    exceptions: [...holidays, ...exceptions],
    ...(c.resource !== undefined ? { resourceId: c.resource } : {}),
  };
}

type RecurrenceInput = NonNullable<NonNullable<CalendarInput['exceptions']>[number]['recurrence']>;

function toRecurrence(r: RecurrenceInput): Recurrence {
  const month = typeof r.month === 'string' ? MONTHS.indexOf(r.month) + 1 : r.month;
  return {
    type: r.type,
    ...(r.every !== undefined ? { period: r.every } : {}),
    ...(r.days ? { daysOfWeek: r.days.map((d) => WEEKDAYS.indexOf(d)) } : {}),
    ...(r.day !== undefined ? { dayOfMonth: r.day } : {}),
    ...(r.week !== undefined ? { weekOfMonth: WEEKS_OF_MONTH.indexOf(r.week) + 1 } : {}),
    ...(month !== undefined ? { month } : {}),
    ...(r.occurrences !== undefined ? { occurrences: r.occurrences } : {}),
  };
}

function toResource(r: ResourceInput): Resource {
  return {
    id: r.id,
    name: r.name ?? r.id,
    type: r.type ?? 'work',
    ...(r.maxUnits !== undefined ? { maxUnits: r.maxUnits } : {}),
    ...(r.calendar !== undefined ? { calendarId: r.calendar } : {}),
    ...(r.rate !== undefined ? { standardRate: r.rate } : {}),
    ...(r.overtimeRate !== undefined ? { overtimeRate: r.overtimeRate } : {}),
    ...(r.costPerUse !== undefined ? { costPerUse: r.costPerUse } : {}),
    ...(r.email !== undefined ? { email: r.email } : {}),
    ...(r.group !== undefined ? { group: r.group } : {}),
    ...(r.initials !== undefined ? { initials: r.initials } : {}),
  };
}
