/** Meetings: stand-ups, status meetings and gate reviews — agenda, notes, decisions, attendees. */
import { z } from '@hono/zod-openapi';
import { MEETING_KINDS } from '../../db/schema.ts';
import {
  MEETINGS,
  createMeeting,
  deleteMeeting,
  findMeeting,
  listMeetings,
  updateMeeting,
} from '../../repositories/meeting-repository.ts';
import { label, localDate, name, text } from '../schemas/common.ts';
import { type ResourceDef, repository } from '../resources/resource-def.ts';

const lines = z.array(text).max(200).optional();

export const meetings: ResourceDef = {
  path: 'meetings',
  entityType: 'meeting',
  title: 'meeting',
  schemaName: 'Meeting',
  tag: 'Meetings',
  spec: MEETINGS,
  fields: {
    kind: z.enum(MEETING_KINDS),
    title: name,
    heldOn: localDate,
    attendees: z.array(label).max(200).optional(),
    agenda: lines,
    notes: text.nullable().optional(),
    decisions: lines,
  },
  access: {
    read: 'project:read',
    create: 'project:contribute',
    update: 'project:contribute',
    delete: 'project:plan',
  },
  repo: repository({
    find: findMeeting,
    list: listMeetings,
    create: createMeeting,
    update: updateMeeting,
    delete: deleteMeeting,
  }),
};
