/** Change requests: impact analysis, PM and TPM approvals, status, optional re-baseline. */
import { z } from '@hono/zod-openapi';
import {
  CHANGE_REQUESTS,
  createChangeRequest,
  deleteChangeRequest,
  findChangeRequest,
  listChangeRequests,
  updateChangeRequest,
} from '../../repositories/change-request-repository.ts';
import { id, ids, key, label, minutes, money, name, text } from '../schemas/common.ts';
import { changeSetSchema } from '../governance/change-set-schema.ts';
import { type ResourceDef, repository } from './resource-def.ts';

const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

const approval = z.strictObject({
  role: z.string().min(1).max(50),
  userId: id.optional(),
  name: label.optional(),
  decision: z.enum(['approved', 'rejected', 'pending']),
  at: z.iso.datetime().optional(),
  comment: text.optional(),
});

export const changeRequests: ResourceDef = {
  path: 'change-requests',
  entityType: 'change_request',
  title: 'change request',
  schemaName: 'ChangeRequest',
  tag: 'Change requests',
  spec: CHANGE_REQUESTS,
  fields: {
    title: name,
    key: key.optional(),
    description: nullable(text),
    requester: nullable(label),
    requesterId: nullable(id),
    reason: nullable(text),
    status: z.enum(['draft', 'submitted', 'approved', 'rejected', 'implemented', 'withdrawn']).optional(),
    scheduleImpactMinutes: nullable(minutes),
    costImpact: nullable(money),
    scopeImpact: nullable(text),
    technicalImpact: nullable(text),
    affectedWorkItemIds: ids.optional(),
    approvals: z.array(approval).max(50).optional(),
    rebaseline: z.boolean().optional(),
    baselineId: nullable(id),
    decidedAt: nullable(z.iso.datetime()),
    // The plan operations of the change (governance/change-set-schema.ts); impact via POST …/impact.
    changeSet: changeSetSchema.optional(),
  },
  readOnly: { impactAnalysis: z.unknown(), appliedAt: z.string().nullable() },
  access: {
    read: 'project:read',
    create: 'project:contribute',
    update: 'project:contribute',
    delete: 'project:plan',
  },
  repo: repository({
    find: findChangeRequest,
    list: listChangeRequests,
    create: createChangeRequest,
    update: updateChangeRequest,
    delete: deleteChangeRequest,
  }),
  refs: {
    requesterId: { table: 'users', what: 'member' },
    baselineId: { table: 'baselines', what: 'baseline' },
  },
  refLists: { affectedWorkItemIds: { table: 'work_items', what: 'work item' } },
};
