/** Assignments of resources to work items, with units and work. */
import { z } from '@hono/zod-openapi';
import {
  ASSIGNMENTS,
  createAssignment,
  deleteAssignment,
  findAssignment,
  listAssignments,
  updateAssignment,
} from '../../repositories/assignment-repository.ts';
import { count, id, key } from '../schemas/common.ts';
import { type ResourceDef, repository } from './resource-def.ts';

export const assignments: ResourceDef = {
  path: 'assignments',
  entityType: 'assignment',
  title: 'assignment',
  schemaName: 'Assignment',
  tag: 'Assignments',
  spec: ASSIGNMENTS,
  fields: {
    workItemId: id,
    resourceId: id,
    key: key.nullable().optional(),
    units: z.number().min(0).max(1e6).optional(),
    workMinutes: count.nullable().optional(),
    actualWorkMinutes: count.nullable().optional(),
  },
  immutable: ['workItemId', 'resourceId'],
  access: { read: 'project:read', create: 'project:plan', update: 'project:plan', delete: 'project:plan' },
  repo: repository({
    find: findAssignment,
    list: listAssignments,
    create: createAssignment,
    update: updateAssignment,
    delete: deleteAssignment,
  }),
  refs: {
    workItemId: { table: 'work_items', what: 'work item' },
    resourceId: { table: 'resources', what: 'resource' },
  },
  reschedules: true,
};
