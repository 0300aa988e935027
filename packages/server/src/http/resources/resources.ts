/** Resources: people (work), materials and costs, with rates, units and their calendar. */
import { z } from '@hono/zod-openapi';
import {
  RESOURCES,
  createResource,
  deleteResource,
  findResource,
  listResources,
  updateResource,
} from '../../repositories/resource-repository.ts';
import { email, id, key, label, labels, money, name } from '../schemas/common.ts';
import { type ResourceDef, repository } from './resource-def.ts';

const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

export const resources: ResourceDef = {
  path: 'resources',
  entityType: 'resource',
  title: 'resource',
  schemaName: 'Resource',
  tag: 'Resources',
  spec: RESOURCES,
  fields: {
    name,
    key: key.optional(),
    type: z.enum(['work', 'material', 'cost']).optional(),
    role: nullable(label),
    skills: labels.optional(),
    userId: nullable(id),
    email: nullable(email),
    groupName: nullable(label),
    initials: nullable(z.string().max(20)),
    maxUnits: nullable(z.number().min(0).max(1e6)),
    standardRate: nullable(money),
    overtimeRate: nullable(money),
    costPerUse: nullable(money),
    calendarId: nullable(id),
  },
  access: { read: 'project:read', create: 'project:plan', update: 'project:plan', delete: 'project:plan' },
  repo: repository({
    find: findResource,
    list: listResources,
    create: createResource,
    update: updateResource,
    delete: deleteResource,
  }),
  refs: {
    userId: { table: 'users', what: 'member' },
    calendarId: { table: 'calendars', what: 'calendar' },
  },
  reschedules: true,
};
