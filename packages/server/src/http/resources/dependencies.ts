/** Dependencies: FS/SS/FF/SF links with a lag; every change re-schedules and refuses cycles. */
import { z } from '@hono/zod-openapi';
import {
  DEPENDENCIES,
  createDependency,
  deleteDependency,
  findDependency,
  listDependencies,
  updateDependency,
} from '../../repositories/dependency-repository.ts';
import { ApiError } from '../api-error.ts';
import { durationUnit, id, minutes } from '../schemas/common.ts';
import { type ResourceDef, repository } from './resource-def.ts';

export const dependencies: ResourceDef = {
  path: 'dependencies',
  entityType: 'dependency',
  title: 'dependency',
  schemaName: 'Dependency',
  tag: 'Dependencies',
  spec: DEPENDENCIES,
  description:
    'The project is re-scheduled in the same transaction; a link that closes a cycle is refused (422) and nothing is written.',
  fields: {
    predecessorId: id,
    successorId: id,
    type: z.enum(['FS', 'SS', 'FF', 'SF']).optional(),
    lagMinutes: minutes.optional(),
    lagPercent: z.number().min(-1e6).max(1e6).nullable().optional(),
    lagElapsed: z.boolean().optional(),
    lagUnit: durationUnit.nullable().optional(),
  },
  immutable: ['predecessorId', 'successorId'],
  access: { read: 'project:read', create: 'project:plan', update: 'project:plan', delete: 'project:plan' },
  repo: repository({
    find: findDependency,
    list: listDependencies,
    create: createDependency,
    update: updateDependency,
    delete: deleteDependency,
  }),
  refs: {
    predecessorId: { table: 'work_items', what: 'work item' },
    successorId: { table: 'work_items', what: 'work item' },
  },
  reschedules: true,
  beforeCreate: async (_c, _trx, input) => {
    if (input.predecessor_id === input.successor_id)
      throw new ApiError(422, 'validation', 'Invalid input', 'A work item cannot depend on itself.', {
        errors: [{ path: 'successorId', message: 'must differ from predecessorId' }],
      });
    return input;
  },
};
