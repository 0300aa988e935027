/**
 * The inverse of plan-to-project.ts: a `Project` as the plain data of a plan file, leaving out what
 * the reader would supply anyway (names equal to ids, units of 1, the default time of day), so that
 * reading the written file gives the same `Project`.
 */
import type {
  Calendar,
  CalendarException,
  Link,
  Project,
  Recurrence,
  Task,
  ThreePoint,
  WeekPattern,
} from '@tandem/core';
import { DEFAULT_UNITS } from '@tandem/core';
import { BUILT_IN_CALENDAR } from './plan-references.ts';
import { DEFAULT_FINISH_MINUTE, DEFAULT_START_MINUTE, START_CONSTRAINTS } from './plan-to-project.ts';
import {
  MONTHS,
  WEEKDAYS,
  WEEKS_OF_MONTH,
  WEEK_ORDER,
  formatDate,
  formatDuration,
  formatLag,
  formatPeriod,
  formatTime,
  formatWork,
} from './plan-values.ts';

type Plain = Record<string, unknown>;

/** Adds `key: value` unless the value is undefined. */
function put(target: Plain, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

export function projectToPlan(project: Project): Plain {
  const units = project.units;
  const startMinute = project.defaultStartMinute ?? DEFAULT_START_MINUTE;
  const finishMinute = project.defaultFinishMinute ?? DEFAULT_FINISH_MINUTE;
  const atStart = (d: string | undefined) => (d === undefined ? undefined : formatDate(d, startMinute));
  const atFinish = (d: string | undefined) => (d === undefined ? undefined : formatDate(d, finishMinute));

  const header: Plain = { name: project.name, start: atStart(project.start) };
  put(header, 'finish', atFinish(project.finish));
  put(header, 'scheduleFrom', project.scheduleFrom);
  put(header, 'statusDate', atFinish(project.statusDate));
  put(header, 'timeZone', project.timeZone);
  put(header, 'calendar', project.calendarId === BUILT_IN_CALENDAR ? undefined : project.calendarId);
  const planUnits: Plain = {};
  if (units.minutesPerDay !== DEFAULT_UNITS.minutesPerDay) planUnits.hoursPerDay = units.minutesPerDay / 60;
  if (units.minutesPerWeek !== DEFAULT_UNITS.minutesPerWeek)
    planUnits.hoursPerWeek = units.minutesPerWeek / 60;
  if (units.daysPerMonth !== DEFAULT_UNITS.daysPerMonth) planUnits.daysPerMonth = units.daysPerMonth;
  if (Object.keys(planUnits).length > 0) header.units = planUnits;
  put(header, 'currency', project.currencyCode);
  if (project.criticalSlackLimitMinutes !== undefined)
    header.criticalSlack = formatDuration({ minutes: project.criticalSlackLimitMinutes, unit: 'day' }, units);
  if (project.defaultStartMinute !== undefined) header.defaultStart = formatTime(project.defaultStartMinute);
  if (project.defaultFinishMinute !== undefined)
    header.defaultFinish = formatTime(project.defaultFinishMinute);

  const plan: Plain = { version: 1, project: header };
  if (project.calendars.length > 0) plan.calendars = project.calendars.map(calendarToPlan);
  if (project.resources.length > 0)
    plan.resources = project.resources.map((r) => {
      const out: Plain = { id: r.id };
      put(out, 'name', r.name === r.id ? undefined : r.name);
      put(out, 'type', r.type === 'work' ? undefined : r.type);
      put(out, 'maxUnits', r.maxUnits);
      put(out, 'rate', r.standardRate);
      put(out, 'overtimeRate', r.overtimeRate);
      put(out, 'costPerUse', r.costPerUse);
      put(out, 'calendar', r.calendarId);
      put(out, 'email', r.email);
      put(out, 'group', r.group);
      put(out, 'initials', r.initials);
      return out;
    });

  const linksInto = groupBy(project.links, (l) => l.successorId);
  const assignmentsOf = groupBy(project.assignments, (a) => a.taskId);
  const childrenOf = groupBy(project.tasks, (t) => t.parentId);
  const taskToPlan = (task: Task): Plain => {
    const children = childrenOf.get(task.id) ?? [];
    const out: Plain = { id: task.id };
    put(out, 'name', task.name === task.id ? undefined : task.name);
    put(out, 'wbs', task.wbs);
    put(out, 'milestone', task.milestone);
    const d = task.duration;
    const implicit = d.minutes === 0 && (d.unit ?? 'day') === 'day' && !d.elapsed && !d.estimated;
    if (!(implicit && (children.length > 0 || task.milestone === true)))
      out.duration = formatDuration(d, units);
    const after = (linksInto.get(task.id) ?? []).map((l) => linkToPlan(l, project));
    if (after.length > 0) out.after = after;
    const assigned = (assignmentsOf.get(task.id) ?? []).map((a) => {
      const plain = a.workMinutes === undefined && a.actualWorkMinutes === undefined && a.id === undefined;
      if (a.units === 1 && plain) return a.resourceId;
      const item: Plain = { id: a.resourceId };
      put(item, 'units', a.units === 1 ? undefined : a.units);
      if (a.workMinutes !== undefined) item.work = formatWork(a.workMinutes, units);
      if (a.actualWorkMinutes !== undefined) item.actualWork = formatWork(a.actualWorkMinutes, units);
      put(item, 'assignmentId', a.id);
      return item;
    });
    if (assigned.length > 0) out.resources = assigned;
    if (task.constraint) {
      const { type, date } = task.constraint;
      out.constraint =
        date === undefined
          ? type
          : { type, date: START_CONSTRAINTS.has(type) ? atStart(date) : atFinish(date) };
    }
    put(out, 'deadline', atFinish(task.deadline));
    if (task.progress) {
      const p = task.progress;
      const progress: Plain = {};
      put(progress, 'percent', p.percentComplete);
      put(progress, 'actualStart', atStart(p.actualStart));
      put(progress, 'actualFinish', atFinish(p.actualFinish));
      if (p.remainingMinutes !== undefined)
        progress.remaining = formatDuration({ minutes: p.remainingMinutes, unit: 'day' }, units);
      out.progress = progress;
    }
    put(out, 'calendar', task.calendarId);
    put(out, 'ignoreResourceCalendar', task.ignoreResourceCalendar);
    if (task.manual) out.manual = { start: atStart(task.manual.start), finish: atFinish(task.manual.finish) };
    put(out, 'priority', task.priority);
    put(out, 'inactive', task.inactive);
    put(out, 'notes', task.notes);
    if (task.estimate) out.estimate = estimateToPlan(task.estimate, units);
    put(out, 'fixedCost', task.fixedCost);
    put(out, 'actualCost', task.actualCost);
    put(out, 'storyPoints', task.storyPoints);
    if (task.extra) out.extra = { ...task.extra };
    if (children.length > 0) out.children = children.map(taskToPlan);
    return out;
  };
  const known = new Set(project.tasks.map((t) => t.id));
  const roots = project.tasks.filter((t) => t.parentId === undefined || !known.has(t.parentId));
  if (roots.length > 0) plan.tasks = roots.map(taskToPlan);

  if (project.baselines.length > 0)
    plan.baselines = project.baselines.map((b) => ({
      name: b.name,
      tasks: Object.fromEntries(
        Object.entries(b.tasks).map(([id, t]) => {
          const out: Plain = {};
          put(out, 'start', atStart(t.start));
          put(out, 'finish', atFinish(t.finish));
          if (t.durationMinutes !== undefined)
            out.duration = formatDuration({ minutes: t.durationMinutes, unit: 'day' }, units);
          if (t.workMinutes !== undefined) out.work = formatWork(t.workMinutes, units);
          put(out, 'cost', t.cost);
          return [id, out];
        }),
      ),
    }));
  if (project.risks && project.risks.length > 0)
    plan.risks = project.risks.map((r) => {
      const out: Plain = { id: r.id };
      put(out, 'name', r.name === r.id ? undefined : r.name);
      out.probability = r.probability;
      out.tasks = [...r.taskIds];
      if (r.delay) out.delay = estimateToPlan(r.delay, units);
      if (r.cost) out.cost = { ...r.cost };
      put(out, 'category', r.category);
      put(out, 'owner', r.owner);
      return out;
    });
  if (project.correlations && project.correlations.length > 0)
    plan.correlations = project.correlations.map((c) => ({
      tasks: [...c.taskIds],
      coefficient: c.coefficient,
    }));
  return plan;
}

/** A three-point estimate in minutes, written as durations in days (exact, else in minutes). */
function estimateToPlan(e: ThreePoint, units: Project['units']): Plain {
  const out: Plain = {
    optimistic: formatDuration({ minutes: e.optimistic, unit: 'day' }, units),
    mostLikely: formatDuration({ minutes: e.mostLikely, unit: 'day' }, units),
    pessimistic: formatDuration({ minutes: e.pessimistic, unit: 'day' }, units),
  };
  put(out, 'distribution', e.distribution);
  return out;
}

function linkToPlan(link: Link, project: Project): string | Plain {
  if (link.type === 'FS' && link.lag === undefined) return link.predecessorId;
  const out: Plain = { task: link.predecessorId };
  if (link.type !== 'FS') out.type = link.type;
  if (link.lag !== undefined) out.lag = formatLag(link.lag, project.units);
  return out;
}

function weekToPlan(week: WeekPattern): Plain {
  const out: Plain = {};
  for (const day of WEEK_ORDER) {
    const pattern = week[WEEKDAYS.indexOf(day)];
    if (pattern !== undefined) out[day] = pattern.map(formatPeriod);
  }
  return out;
}

function calendarToPlan(calendar: Calendar): Plain {
  const out: Plain = { id: calendar.id };
  put(out, 'name', calendar.name === calendar.id ? undefined : calendar.name);
  put(out, 'base', calendar.baseCalendarId);
  put(out, 'resource', calendar.resourceId);
  const week = weekToPlan(calendar.week);
  if (Object.keys(week).length > 0) out.week = week;
  if (calendar.workWeeks)
    out.workWeeks = calendar.workWeeks.map((w) => {
      const ww: Plain = {};
      put(ww, 'name', w.name);
      return { ...ww, from: w.from, to: w.to, week: weekToPlan(w.week) };
    });
  // Holidays first, as the reader puts them; when the calendar mixes the order, keep it in `exceptions`.
  const isHoliday = (e: CalendarException) => e.periods.length === 0 && e.recurrence === undefined;
  const split = calendar.exceptions.findIndex((e) => !isHoliday(e));
  const holidays = split < 0 ? calendar.exceptions : calendar.exceptions.slice(0, split);
  const rest = split < 0 ? [] : calendar.exceptions.slice(split);
  const keepTogether = rest.some(isHoliday);
  const asHolidays = keepTogether ? [] : holidays;
  const asExceptions = keepTogether ? calendar.exceptions : rest;
  if (asHolidays.length > 0) out.holidays = asHolidays.map(holidayToPlan);
  if (asExceptions.length > 0) out.exceptions = asExceptions.map(exceptionToPlan);
  return out;
}

function holidayToPlan(h: CalendarException): string | Plain {
  if (h.from === h.to) return h.name === undefined ? h.from : { date: h.from, name: h.name };
  const out: Plain = { from: h.from, to: h.to };
  put(out, 'name', h.name);
  return out;
}

function exceptionToPlan(e: CalendarException): Plain {
  const out: Plain = {};
  put(out, 'name', e.name);
  out.from = e.from;
  const needsTo = e.recurrence !== undefined && e.recurrence.occurrences === undefined;
  if (e.to !== e.from || needsTo) out.to = e.to;
  if (e.periods.length > 0) out.working = e.periods.map(formatPeriod);
  if (e.recurrence) out.recurrence = recurrenceToPlan(e.recurrence);
  return out;
}

function recurrenceToPlan(r: Recurrence): Plain {
  const out: Plain = { type: r.type };
  put(out, 'every', r.period);
  if (r.daysOfWeek) out.days = r.daysOfWeek.map((d) => WEEKDAYS[d]);
  put(out, 'day', r.dayOfMonth);
  if (r.weekOfMonth !== undefined) out.week = WEEKS_OF_MONTH[r.weekOfMonth - 1];
  if (r.month !== undefined) out.month = MONTHS[r.month - 1];
  put(out, 'occurrences', r.occurrences);
  return out;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
