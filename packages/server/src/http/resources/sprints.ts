/** Sprints (iterations) with their dates, goal and capacity. */
import { z } from '@hono/zod-openapi';
import {
  SPRINTS,
  createSprint,
  deleteSprint,
  findSprint,
  listSprints,
  updateSprint,
} from '../../repositories/sprint-repository.ts';
import { localDate, name, text } from '../schemas/common.ts';
import { type ResourceDef, repository } from './resource-def.ts';

export const sprints: ResourceDef = {
  path: 'sprints',
  entityType: 'sprint',
  title: 'sprint',
  schemaName: 'Sprint',
  tag: 'Sprints',
  spec: SPRINTS,
  fields: {
    name,
    goal: text.nullable().optional(),
    startDate: localDate.nullable().optional(),
    finishDate: localDate.nullable().optional(),
    status: z.enum(['planned', 'active', 'closed']).optional(),
    capacityPoints: z.number().min(0).max(1e6).nullable().optional(),
  },
  access: { read: 'project:read', create: 'project:plan', update: 'project:plan', delete: 'project:plan' },
  repo: repository({
    find: findSprint,
    list: listSprints,
    create: createSprint,
    update: updateSprint,
    delete: deleteSprint,
  }),
};
