/** Calendars: working weeks, exceptions and work weeks of the project, its resources and tasks. */
import { z } from '@hono/zod-openapi';
import {
  CALENDARS,
  createCalendar,
  deleteCalendar,
  findCalendar,
  listCalendars,
  updateCalendar,
} from '../../repositories/calendar-repository.ts';
import { calendarException, id, key, name, weekPattern, workWeek } from '../schemas/common.ts';
import { type ResourceDef, repository } from './resource-def.ts';

export const calendars: ResourceDef = {
  path: 'calendars',
  entityType: 'calendar',
  title: 'calendar',
  schemaName: 'Calendar',
  tag: 'Calendars',
  spec: CALENDARS,
  description:
    '`week` lists Sunday to Saturday, each day its working periods in minutes from midnight, null for "as the base calendar". Changes re-schedule the project.',
  fields: {
    name,
    key: key.optional(),
    week: weekPattern,
    baseCalendarId: id.nullable().optional(),
    resourceId: id.nullable().optional(),
    exceptions: z.array(calendarException).max(2000).optional(),
    workWeeks: z.array(workWeek).max(200).optional(),
  },
  access: { read: 'project:read', create: 'project:plan', update: 'project:plan', delete: 'project:plan' },
  repo: repository({
    find: findCalendar,
    list: listCalendars,
    create: createCalendar,
    update: updateCalendar,
    delete: deleteCalendar,
  }),
  refs: {
    baseCalendarId: { table: 'calendars', what: 'calendar' },
    resourceId: { table: 'resources', what: 'resource' },
  },
  reschedules: true,
};
