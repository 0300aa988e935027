/**
 * `writeCalendarFeed`: a project's milestones and deadlines as an iCalendar (RFC 5545) feed that
 * calendar apps (Google Calendar, Outlook, Apple Calendar, Thunderbird) can subscribe to. Built with
 * `ical.js`, which escapes text and folds long lines.
 *
 * - One VEVENT per milestone, on its scheduled date, and one per task deadline. UIDs are stable
 *   (`milestone-<task>-<project>@tandem`), so a re-published feed updates events instead of
 *   duplicating them; SEQUENCE is left out, DTSTAMP is the time the feed was made.
 * - All-day events by default (a milestone is a day in a calendar app); `timed: true` gives the
 *   scheduled time as floating local time, with `X-WR-TIMEZONE` naming the project's time zone
 *   (Google and Apple read floating times in it).
 */
import { type LocalDateTime, type Minutes, type Project, formatLocal, parseLocal } from '@tandem/core';
import ICAL from 'ical.js';

export interface CalendarFeedOptions {
  /** The project's id (stable across renames): part of every UID. */
  projectId: string;
  /** Scheduled dates per task id; milestones without one are left out. */
  schedule: {
    tasks: readonly { id: string; start: Minutes; finish: Minutes; milestone?: boolean; summary?: boolean }[];
  };
  /** DTSTAMP. */
  now: Date;
  /** X-WR-CALNAME; default the project's name. */
  calendarName?: string;
  /** Timed events instead of all-day ones. */
  timed?: boolean;
}

export const CALENDAR_PRODID = '-//Tandem//Project milestones//EN';

function localTime(value: LocalDateTime, allDay: boolean): ICAL.Time {
  const [date = '', time = '00:00'] = value.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return ICAL.Time.fromData(
    allDay
      ? { year: year!, month: month!, day: day!, isDate: true }
      : { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0, isDate: false },
  );
}

/** A deadline at midnight belongs to the day before (MS Project's "end of day" written as 00:00 next day). */
function deadlineDay(value: LocalDateTime): LocalDateTime {
  return value.endsWith('T00:00:00') ? formatLocal(parseLocal(value) - 1) : value;
}

/**
 * @example
 * const ics = writeCalendarFeed(project, { projectId, schedule: scheduleProject(project), now: new Date() });
 * ICAL.parse(ics); // a VCALENDAR with one VEVENT per milestone and deadline
 */
export function writeCalendarFeed(project: Project, options: CalendarFeedOptions): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.updatePropertyWithValue('prodid', CALENDAR_PRODID);
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('method', 'PUBLISH');
  const name = options.calendarName ?? (project.name || 'Tandem project');
  calendar.updatePropertyWithValue('x-wr-calname', name);
  calendar.updatePropertyWithValue(
    'x-wr-caldesc',
    `Milestones and deadlines of ${project.name || 'the project'} (Tandem)`,
  );
  if (project.timeZone) calendar.updatePropertyWithValue('x-wr-timezone', project.timeZone);
  // Calendar apps poll subscribed feeds; ask for a refresh every hour.
  calendar
    .updatePropertyWithValue('refresh-interval', ICAL.Duration.fromString('PT1H'))
    .setParameter('value', 'DURATION');
  calendar.updatePropertyWithValue('x-published-ttl', 'PT1H');

  const stamp = ICAL.Time.fromJSDate(options.now, true);
  const scheduled = new Map(options.schedule.tasks.map((t) => [t.id, t]));
  const allDay = options.timed !== true;
  const add = (uid: string, summary: string, at: LocalDateTime, category: string, description: string) => {
    const vevent = new ICAL.Component('vevent');
    const event = new ICAL.Event(vevent);
    event.uid = uid;
    vevent.addPropertyWithValue('dtstamp', stamp);
    event.summary = summary;
    event.startDate = localTime(at, allDay);
    if (allDay) {
      const end = localTime(at, true);
      end.adjust(1, 0, 0, 0);
      event.endDate = end;
    } else event.duration = ICAL.Duration.fromSeconds(0);
    event.description = description;
    vevent.addPropertyWithValue('categories', category);
    vevent.addPropertyWithValue('transp', 'TRANSPARENT');
    calendar.addSubcomponent(vevent);
  };

  const parents = new Set(project.tasks.flatMap((t) => (t.parentId !== undefined ? [t.parentId] : [])));
  for (const task of project.tasks) {
    const s = scheduled.get(task.id);
    const milestone =
      s?.milestone ?? (!parents.has(task.id) && (task.milestone === true || task.duration.minutes === 0));
    const where = [`Project: ${project.name}`, ...(task.wbs ? [`WBS: ${task.wbs}`] : []), `Task: ${task.id}`];
    if (milestone && s && s.summary !== true) {
      add(
        `milestone-${task.id}-${options.projectId}@tandem`,
        `◆ ${task.name}`,
        formatLocal(task.milestone && task.duration.minutes > 0 ? s.finish : s.start),
        'Milestone',
        [...where, ...(task.notes ? ['', task.notes] : [])].join('\n'),
      );
    }
    if (task.deadline !== undefined) {
      add(
        `deadline-${task.id}-${options.projectId}@tandem`,
        `Deadline: ${task.name}`,
        allDay ? deadlineDay(task.deadline) : task.deadline,
        'Deadline',
        where.join('\n'),
      );
    }
  }
  return calendar.toString() + '\r\n';
}
