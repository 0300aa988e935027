/** Requirements, functional and non-functional, with acceptance criteria and traceability links. */
import { z } from '@hono/zod-openapi';
import {
  REQUIREMENTS,
  createRequirement,
  deleteRequirement,
  findRequirement,
  listRequirements,
  updateRequirement,
} from '../../repositories/requirement-repository.ts';
import { ids, key, label, name, text } from '../schemas/common.ts';
import { type ResourceDef, repository } from './resource-def.ts';

const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

export const requirements: ResourceDef = {
  path: 'requirements',
  entityType: 'requirement',
  title: 'requirement',
  schemaName: 'Requirement',
  tag: 'Requirements',
  spec: REQUIREMENTS,
  fields: {
    title: name,
    key: key.optional(),
    description: nullable(text),
    kind: z.enum(['functional', 'non_functional']).optional(),
    category: nullable(z.string().max(50)),
    priority: nullable(z.string().max(20)),
    status: z.string().min(1).max(50).optional(),
    acceptanceCriteria: z.array(text).max(500).optional(),
    links: z
      .strictObject({
        workItemIds: ids.optional(),
        releaseIds: ids.optional(),
        tests: z.array(label).max(1000).optional(),
        raidEntryIds: ids.optional(),
      })
      .optional(),
  },
  access: { read: 'project:read', create: 'project:plan', update: 'project:plan', delete: 'project:plan' },
  repo: repository({
    find: findRequirement,
    list: listRequirements,
    create: createRequirement,
    update: updateRequirement,
    delete: deleteRequirement,
  }),
};
