/**
 * Maps a PSPLIB instance onto the plan model: one task per job, FS links without lag, one resource per
 * PSPLIB resource, on a 24-hour, 7-day calendar so that one period is exactly one day (1440 minutes).
 */
import type { Assignment, Calendar, Link, Project, Resource, Task } from '@tandem/core';
import type { PsplibInstance, PsplibResource } from './psplib-instance.ts';

/** Minutes in one PSPLIB period: one day of a calendar that works around the clock. */
export const PSPLIB_PERIOD_MINUTES = 1440;
/** Period 0 starts here (a Monday, though every day works). */
export const PSPLIB_START = '2000-01-03T00:00:00';
export const PSPLIB_CALENDAR_ID = 'psplib-24h';

export function psplibCalendar(): Calendar {
  const day = () => [{ from: 0, to: 1440 }];
  return {
    id: PSPLIB_CALENDAR_ID,
    name: '24 hours, every day (one PSPLIB period a day)',
    week: [day(), day(), day(), day(), day(), day(), day()],
    exceptions: [],
  };
}

const resourceId = (r: PsplibResource) => r.name;

export function psplibToProject(
  instance: PsplibInstance,
  name = instance.name ?? 'PSPLIB instance',
): Project {
  const last = instance.jobs.length;
  const tasks: Task[] = instance.jobs.map((job) => {
    const role = job.number === 1 ? ' (source)' : job.number === last ? ' (sink)' : '';
    return {
      id: String(job.number),
      name: `Job ${job.number}${role}`,
      duration: { minutes: job.duration * PSPLIB_PERIOD_MINUTES, unit: 'day' },
      ...(job.duration === 0 ? { milestone: true } : {}),
    };
  });
  const links: Link[] = instance.jobs.flatMap((job) =>
    job.successors.map((s): Link => ({
      predecessorId: String(job.number),
      successorId: String(s),
      type: 'FS',
    })),
  );
  const resources: Resource[] = instance.resources.map((r) => ({
    id: resourceId(r),
    name: r.name,
    type: 'work',
    maxUnits: r.capacity,
  }));
  const assignments: Assignment[] = instance.jobs.flatMap((job) =>
    job.requests.flatMap((units, i): Assignment[] => {
      const resource = instance.resources[i];
      return units > 0 && resource
        ? [{ taskId: String(job.number), resourceId: resourceId(resource), units }]
        : [];
    }),
  );
  return {
    name,
    start: PSPLIB_START,
    calendarId: PSPLIB_CALENDAR_ID,
    units: { minutesPerDay: 1440, minutesPerWeek: 10080, daysPerMonth: 30 },
    calendars: [psplibCalendar()],
    tasks,
    links,
    resources,
    assignments,
    baselines: [],
  };
}
