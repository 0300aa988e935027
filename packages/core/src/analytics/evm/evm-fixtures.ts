/** Tiny plans for the earned value tests: one standard calendar, tasks and a baseline written inline. */
import { standardCalendar } from '../../model/calendar.ts';
import { DEFAULT_UNITS, type Project } from '../../model/project.ts';

/** A project on MS Project's Standard calendar (08:00–12:00, 13:00–17:00, Monday to Friday). */
export function evmProject(partial: Partial<Project> = {}): Project {
  return {
    name: 'EVM example',
    start: '2026-03-02T08:00:00',
    calendarId: 'standard',
    units: DEFAULT_UNITS,
    calendars: [standardCalendar()],
    tasks: [],
    links: [],
    resources: [],
    assignments: [],
    baselines: [],
    ...partial,
  };
}

/** A detail task with a duration in working days. */
export function evmTask(id: string, days: number, extra: Partial<Project['tasks'][number]> = {}) {
  return { id, name: id, duration: { minutes: days * DEFAULT_UNITS.minutesPerDay }, ...extra };
}
