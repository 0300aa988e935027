/**
 * Action items of a meeting. `convert` (see `convert-action-item.ts`) turns one into a work item; the
 * work item's id and the `converted` status are the server's to set.
 */
import { z } from '@hono/zod-openapi';
import {
  ACTION_ITEMS,
  createActionItem,
  deleteActionItem,
  findActionItem,
  listActionItems,
  updateActionItem,
} from '../../repositories/action-item-repository.ts';
import { id, label, localDate, text } from '../schemas/common.ts';
import { type ResourceDef, repository } from '../resources/resource-def.ts';

export const actionItems: ResourceDef = {
  path: 'action-items',
  entityType: 'action_item',
  title: 'action item',
  schemaName: 'ActionItem',
  tag: 'Meetings',
  spec: ACTION_ITEMS,
  fields: {
    meetingId: id,
    text: text.trim().min(1, 'must not be empty'),
    ownerId: id.nullable().optional(),
    owner: label.nullable().optional(),
    dueDate: localDate.nullable().optional(),
    status: z.enum(['open', 'done', 'cancelled']).optional(),
  },
  immutable: ['meetingId'],
  readOnly: { workItemId: z.string().nullable() },
  access: {
    read: 'project:read',
    create: 'project:contribute',
    update: 'project:contribute',
    delete: 'project:plan',
  },
  repo: repository({
    find: findActionItem,
    list: listActionItems,
    create: createActionItem,
    update: updateActionItem,
    delete: deleteActionItem,
  }),
  refs: {
    meetingId: { table: 'meetings', what: 'meeting' },
    ownerId: { table: 'users', what: 'member' },
  },
  beforeUpdate: async (_c, _trx, current, patch) => {
    if (current.status === 'converted' && patch.status !== undefined && patch.status !== 'converted')
      return { ...patch, status: 'converted' };
    return patch;
  },
};
