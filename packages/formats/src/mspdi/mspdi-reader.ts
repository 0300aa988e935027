/**
 * `readMspdi`: Microsoft Project XML (MSPDI) into a Tandem `Project`, plus Microsoft Project's own
 * computed dates and slack (the oracle for our scheduler) and warnings for tolerated oddities.
 * Semantics follow MPXJ's `MSPDIReader`, the reference reader.
 */
import { DEFAULT_UNITS, standardCalendar } from '@tandem/core';
import type { Calendar, DurationUnit, Project, ProjectUnits } from '@tandem/core';
import { definedOnly } from './defined-only.ts';
import { readCalendars } from './mspdi-calendar-reader.ts';
import { decodeDurationFormat } from './mspdi-durations.ts';
import { ElementReader, ReadContext } from './mspdi-element-reader.ts';
import { readLinks } from './mspdi-link-reader.ts';
import { readAssignments, readResources } from './mspdi-resource-reader.ts';
import { readTasks } from './mspdi-task-reader.ts';
import type { MspdiReadResult } from './mspdi-types.ts';
import { MSPDI_NAMESPACE, parseMspdiXml } from './mspdi-xml.ts';

/**
 * Reads an MSPDI document. Tasks keep their UIDs as ids and their outline order; the project summary
 * task (UID 0) is not a task, but its computed values are in `computed` under "0".
 *
 * Throws `FormatError` (format `mspdi`) for input that is not a well-formed `<Project>` document and
 * for values it cannot read (a malformed date or duration, a link to a missing task), listing every
 * such problem with its element path, e.g. `Project/Tasks/Task[UID=12]/Start`.
 *
 * @example
 * const { project, computed, warnings } = readMspdi(xml);
 * project.tasks[0]?.duration; // { minutes: 480, unit: 'day' } for `PT8H0M0S` shown as days
 * computed.get('1')?.totalSlackMinutes; // MS Project's total slack of task UID 1
 */
export function readMspdi(xml: string): MspdiReadResult {
  const document = parseMspdiXml(xml);
  const ctx = new ReadContext();
  const root = new ElementReader(ctx, document.project, 'Project');
  if (document.namespace !== MSPDI_NAMESPACE) {
    ctx.warn('Project/@xmlns', `expected the MSPDI namespace ${MSPDI_NAMESPACE}`, document.namespace ?? '');
  }
  const header = readHeader(root);

  const calendarsRead = readCalendars(root);
  const calendars = calendarsRead.map((c) => c.calendar);
  const calendarIds = new Set(calendars.map((c) => c.id));
  const { resources, skipped: skippedResources } = readResources(root, calendarIds);
  // A resource calendar (IsBaseCalendar 0) belongs to the first resource that uses it.
  for (const { calendar, isBase } of calendarsRead) {
    const owner = isBase ? undefined : resources.find((r) => r.calendarId === calendar.id);
    if (owner) calendar.resourceId = owner.id;
  }

  const read = readTasks(root, { calendarIds, defaultUnit: header.defaultUnit });
  const taskIds = new Set(read.tasks.map((t) => t.id));
  const links = readLinks(read.elements, { taskIds, skipped: read.skipped, defaultUnit: header.defaultUnit });
  const resourceIds = new Set(resources.map((r) => r.id));
  const assignments = readAssignments(root, {
    taskIds,
    resourceIds,
    skippedTasks: read.skipped,
    skippedResources,
  });

  const start =
    header.start ??
    read.computed.get('0')?.start ??
    earliest(read.tasks.map((t) => read.computed.get(t.id)?.start));
  if (start === undefined && !root.has('StartDate')) root.bad('StartDate', 'the project has no start date');
  ctx.throwIfIssues();

  const project: Project = {
    name: header.title ?? header.name ?? read.summaryName ?? '',
    start: start ?? '',
    ...(header.scheduleFrom === 'finish' && header.finish !== undefined ? { finish: header.finish } : {}),
    scheduleFrom: header.scheduleFrom,
    ...definedOnly({ statusDate: header.statusDate }),
    calendarId: projectCalendar(root, calendars, header.calendarUid),
    units: header.units,
    ...definedOnly({
      criticalSlackLimitMinutes: header.criticalSlackLimitMinutes,
      defaultStartMinute: header.defaultStartMinute,
      defaultFinishMinute: header.defaultFinishMinute,
      currencyCode: header.currencyCode,
    }),
    calendars,
    tasks: read.tasks,
    links,
    resources,
    assignments,
    baselines: read.baselines,
  };
  return { project, computed: read.computed, warnings: ctx.warnings };
}

interface Header {
  name?: string;
  title?: string;
  start?: string;
  finish?: string;
  scheduleFrom: 'start' | 'finish';
  statusDate?: string;
  calendarUid?: string;
  units: ProjectUnits;
  criticalSlackLimitMinutes?: number;
  defaultStartMinute?: number;
  defaultFinishMinute?: number;
  currencyCode?: string;
  defaultUnit: DurationUnit;
}

function readHeader(r: ElementReader): Header {
  const units: ProjectUnits = {
    minutesPerDay: positive(r, 'MinutesPerDay') ?? DEFAULT_UNITS.minutesPerDay,
    minutesPerWeek: positive(r, 'MinutesPerWeek') ?? DEFAULT_UNITS.minutesPerWeek,
    daysPerMonth: positive(r, 'DaysPerMonth') ?? DEFAULT_UNITS.daysPerMonth,
  };
  const slackDays = r.integer('CriticalSlackLimit');
  const formatCode = r.integer('DurationFormat');
  const format = formatCode === undefined ? undefined : decodeDurationFormat(formatCode);
  const scheduleFrom = r.flag('ScheduleFromStart') === false ? 'finish' : 'start';
  const finish = r.dateTime('FinishDate');
  if (scheduleFrom === 'finish' && finish === undefined && !r.has('FinishDate')) {
    r.bad('FinishDate', 'a project scheduled from its finish needs a FinishDate');
  }
  const calendarUid = r.integer('CalendarUID');
  return {
    name: r.string('Name'),
    title: r.string('Title'),
    start: r.dateTime('StartDate'),
    finish,
    scheduleFrom,
    statusDate: r.dateTime('StatusDate'),
    calendarUid: calendarUid === undefined ? undefined : String(calendarUid),
    units,
    criticalSlackLimitMinutes: slackDays === undefined ? undefined : slackDays * units.minutesPerDay,
    defaultStartMinute: r.timeOfDay('DefaultStartTime'),
    defaultFinishMinute: r.timeOfDay('DefaultFinishTime'),
    currencyCode: r.value('CurrencyCode'),
    defaultUnit: format?.unit ?? 'day',
  };
}

function positive(r: ElementReader, name: string): number | undefined {
  const value = r.number(name);
  if (value === undefined || value > 0) return value;
  return r.bad(name, 'expected a positive number', r.value(name));
}

/** The calendar `CalendarUID` names; else the first base calendar; else a Standard calendar is added. */
function projectCalendar(r: ElementReader, calendars: Calendar[], uid: string | undefined): string {
  if (uid !== undefined && calendars.some((c) => c.id === uid)) return uid;
  const fallback =
    calendars.find((c) => c.baseCalendarId === undefined && c.resourceId === undefined) ?? calendars[0];
  if (fallback) {
    const found = uid === undefined ? 'no CalendarUID' : `no calendar has UID ${uid}`;
    r.ctx.warn(
      r.at('CalendarUID'),
      `${found}: the project uses calendar "${fallback.name}" (UID ${fallback.id})`,
      uid,
    );
    return fallback.id;
  }
  const standard = standardCalendar('1', 'Standard');
  r.ctx.warn('Project/Calendars', "no calendars: the project uses MS Project's Standard calendar");
  calendars.push(standard);
  return standard.id;
}

function earliest(dates: (string | undefined)[]): string | undefined {
  return dates.filter((d): d is string => d !== undefined).sort()[0];
}
