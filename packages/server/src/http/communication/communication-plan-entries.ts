/** Communication plan entries: who is told what, how often, how and by whom (next due: `due-routes.ts`). */
import { z } from '@hono/zod-openapi';
import { CADENCES, DETAIL_LEVELS } from '../../db/schema.ts';
import {
  COMMUNICATION_PLAN_ENTRIES,
  createCommunicationPlanEntry,
  deleteCommunicationPlanEntry,
  findCommunicationPlanEntry,
  listCommunicationPlanEntries,
  updateCommunicationPlanEntry,
} from '../../repositories/communication-plan-repository.ts';
import { id, label, localDate, name, text } from '../schemas/common.ts';
import { type ResourceDef, repository } from '../resources/resource-def.ts';

const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

export const communicationPlanEntries: ResourceDef = {
  path: 'communication-plan-entries',
  entityType: 'communication_plan_entry',
  title: 'communication plan entry',
  schemaName: 'CommunicationPlanEntry',
  tag: 'Communication',
  spec: COMMUNICATION_PLAN_ENTRIES,
  fields: {
    audience: name,
    stakeholderId: nullable(id),
    purpose: nullable(label),
    cadence: z.enum(CADENCES),
    channel: name,
    detailLevel: nullable(z.enum(DETAIL_LEVELS)),
    ownerId: nullable(id),
    owner: nullable(label),
    startDate: localDate,
    lastDoneOn: nullable(localDate),
    active: z.boolean().optional(),
    notes: nullable(text),
  },
  access: { read: 'project:read', create: 'project:plan', update: 'project:plan', delete: 'project:plan' },
  repo: repository({
    find: findCommunicationPlanEntry,
    list: listCommunicationPlanEntries,
    create: createCommunicationPlanEntry,
    update: updateCommunicationPlanEntry,
    delete: deleteCommunicationPlanEntry,
  }),
  refs: {
    stakeholderId: { table: 'stakeholders', what: 'stakeholder' },
    ownerId: { table: 'users', what: 'member' },
  },
  description: 'The next due date follows the cadence from `startDate`, after `lastDoneOn`.',
};
