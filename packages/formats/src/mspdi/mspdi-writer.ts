/**
 * `writeMspdi`: a Tandem `Project` (and optionally its schedule) as a complete MSPDI document that
 * Microsoft Project (2010 and later), ProjectLibre and GanttProject open: elements in the schema's
 * order, UIDs for every id, the project summary task, calendars with exceptions, links with lags,
 * resources, assignments and baselines.
 */
import type { Baseline, Project } from '@tandem/core';
import { formatTimeOfDay } from './mspdi-dates.ts';
import { writeCalendars } from './mspdi-calendar-writer.ts';
import { encodeDurationFormat } from './mspdi-durations.ts';
import { writeAssignments, writeResources } from './mspdi-resource-writer.ts';
import { PROJECT_ORDER } from './mspdi-schema-order.ts';
import { writeTasks } from './mspdi-task-writer.ts';
import type { ScheduleLike } from './mspdi-types.ts';
import { assignUids, uidMap } from './mspdi-uids.ts';
import { MSPDI_NAMESPACE } from './mspdi-xml.ts';
import { sequence, serialize } from './mspdi-xml-writer.ts';

/** Project 2010: the first version with manually scheduled and inactive tasks. */
const SAVE_VERSION = 14;

/**
 * Writes `project` as MSPDI. With `schedule` (a core `Schedule` will do), each task's Start/Finish,
 * early and late dates, slack and critical flag are the schedule's; without it, MS Project computes
 * them when it opens the file.
 *
 * Ids that are integers are written as the UIDs (so a project read from MSPDI keeps its UIDs); other
 * ids are numbered. Baselines named "Baseline" and "Baseline 1".."Baseline 10" keep their number;
 * others take the free numbers in order, and any beyond the eleven MS Project has are not written.
 *
 * @example
 * const xml = writeMspdi(project, scheduleProject(project));
 * readMspdi(xml).project.tasks.length === project.tasks.length; // true
 */
export function writeMspdi(project: Project, schedule?: ScheduleLike): string {
  const calendarUids = uidMap(
    project.calendars.map((c) => c.id),
    0,
  );
  const taskUids = uidMap(
    project.tasks.map((t) => t.id),
    1,
  );
  const resourceUids = uidMap(
    project.resources.map((r) => r.id),
    0,
  );
  const assignmentUids = assignUids(
    project.assignments.map((a) => a.id),
    0,
  );
  const { units } = project;
  const minuteOfDay = (m: number | undefined) => (m === undefined ? undefined : formatTimeOfDay(m));
  const root = sequence('Project', PROJECT_ORDER, {
    SaveVersion: SAVE_VERSION,
    Name: project.name,
    Title: project.name,
    ScheduleFromStart: project.scheduleFrom !== 'finish',
    StartDate: project.start,
    FinishDate: project.scheduleFrom === 'finish' ? project.finish : undefined,
    CriticalSlackLimit:
      project.criticalSlackLimitMinutes === undefined
        ? undefined
        : Math.round(project.criticalSlackLimitMinutes / units.minutesPerDay),
    CurrencyCode: project.currencyCode,
    CalendarUID: calendarUids.get(project.calendarId),
    DefaultStartTime: minuteOfDay(project.defaultStartMinute),
    DefaultFinishTime: minuteOfDay(project.defaultFinishMinute),
    MinutesPerDay: units.minutesPerDay,
    MinutesPerWeek: units.minutesPerWeek,
    DaysPerMonth: units.daysPerMonth,
    DurationFormat: encodeDurationFormat('day'),
    StatusDate: project.statusDate,
    NewTasksAreManual: false,
    Calendars: writeCalendars(project.calendars, calendarUids),
    Tasks: writeTasks(project, {
      taskUids,
      calendarUids,
      baselines: numberBaselines(project.baselines),
      ...(schedule ? { schedule } : {}),
    }),
    Resources: writeResources(project.resources, resourceUids, calendarUids),
    Assignments: writeAssignments(project.assignments, {
      taskUids,
      resourceUids,
      assignmentUids,
      ...(schedule ? { schedule } : {}),
    }),
  });
  return serialize(root, MSPDI_NAMESPACE);
}

/** MSPDI baseline numbers 0..10 for the model's named baselines. */
function numberBaselines(baselines: readonly Baseline[]): { number: number; tasks: Baseline['tasks'] }[] {
  const wanted = baselines.map((b) => {
    const m = /^Baseline(?:\s*(\d+))?$/.exec(b.name.trim());
    const n = m ? Number(m[1] ?? 0) : NaN;
    return n >= 0 && n <= 10 ? n : undefined;
  });
  const used = new Set<number>();
  const numbers = wanted.map((n) => {
    if (n === undefined || used.has(n)) return undefined;
    used.add(n);
    return n;
  });
  const free = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((n) => !used.has(n));
  return baselines.flatMap((b, i) => {
    const number = numbers[i] ?? free.shift();
    return number === undefined ? [] : [{ number, tasks: b.tasks }];
  });
}
