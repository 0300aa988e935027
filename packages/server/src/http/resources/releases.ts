/** Releases: planned and actual dates, environment, cutover checklist and rollback plan. */
import { z } from '@hono/zod-openapi';
import {
  RELEASES,
  createRelease,
  deleteRelease,
  findRelease,
  listReleases,
  updateRelease,
} from '../../repositories/release-repository.ts';
import { ids, label, localDate, name, text } from '../schemas/common.ts';
import { type ResourceDef, repository } from './resource-def.ts';

const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

export const releases: ResourceDef = {
  path: 'releases',
  entityType: 'release',
  title: 'release',
  schemaName: 'Release',
  tag: 'Releases',
  spec: RELEASES,
  fields: {
    name,
    tag: nullable(z.string().max(100)),
    description: nullable(text),
    status: z.enum(['planned', 'in_progress', 'released', 'rolled_back', 'cancelled']).optional(),
    environment: nullable(z.string().max(100)),
    plannedDate: nullable(localDate),
    actualDate: nullable(localDate),
    cutoverChecklist: z
      .array(z.strictObject({ item: label, done: z.boolean() }))
      .max(500)
      .optional(),
    rollbackPlan: nullable(text),
    workItemIds: ids.optional(),
  },
  access: { read: 'project:read', create: 'project:plan', update: 'project:plan', delete: 'project:plan' },
  repo: repository({
    find: findRelease,
    list: listReleases,
    create: createRelease,
    update: updateRelease,
    delete: deleteRelease,
  }),
  refLists: { workItemIds: { table: 'work_items', what: 'work item' } },
};
