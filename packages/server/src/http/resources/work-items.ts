/** Work items: the plan's hierarchy of summaries, tasks and milestones (epics, stories, sub-tasks). */
import { z } from '@hono/zod-openapi';
import { TRACKS, WORK_ITEM_TYPES } from '../../db/schema.ts';
import {
  WORK_ITEMS,
  createWorkItem,
  deleteWorkItem,
  findWorkItem,
  listWorkItems,
  updateWorkItem,
} from '../../repositories/work-item-repository.ts';
import type { Db } from '../../repositories/transaction.ts';
import { ApiError } from '../api-error.ts';
import {
  count,
  durationUnit,
  id,
  key,
  label,
  labels,
  localDateTime,
  money,
  name,
  percent,
  text,
  threePoint,
} from '../schemas/common.ts';
import { type ResourceDef, repository } from './resource-def.ts';

const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

export const workItems: ResourceDef = {
  path: 'work-items',
  entityType: 'work_item',
  title: 'work item',
  schemaName: 'WorkItem',
  tag: 'Work items',
  spec: WORK_ITEMS,
  description: 'Changes that move dates re-schedule the project in the same transaction; a cycle is refused.',
  fields: {
    name,
    parentId: nullable(id),
    key: key.optional(),
    sortKey: z.number().min(-1e12).max(1e12).optional(),
    wbs: nullable(label),
    type: z.enum(WORK_ITEM_TYPES).optional(),
    track: nullable(z.enum(TRACKS)),
    status: z.string().min(1).max(50).optional(),
    notes: nullable(text),
    milestone: z.boolean().optional(),
    durationMinutes: z.number().int().min(0).max(1e9).optional(),
    durationUnit: nullable(durationUnit),
    elapsed: z.boolean().optional(),
    durationEstimated: z.boolean().optional(),
    estimate: nullable(threePoint),
    constraintType: nullable(z.enum(['ASAP', 'ALAP', 'SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO'])),
    constraintDate: nullable(localDateTime),
    deadline: nullable(localDateTime),
    calendarId: nullable(id),
    ignoreResourceCalendar: z.boolean().optional(),
    priority: nullable(z.number().int().min(0).max(1000)),
    percentComplete: nullable(percent),
    actualStart: nullable(localDateTime),
    actualFinish: nullable(localDateTime),
    remainingMinutes: nullable(count),
    manualStart: nullable(localDateTime),
    manualFinish: nullable(localDateTime),
    inactive: z.boolean().optional(),
    fixedCost: nullable(money),
    actualCost: nullable(money),
    storyPoints: nullable(z.number().min(0).max(1e6)),
    sprintId: nullable(id),
    labels: labels.optional(),
    assigneeId: nullable(id),
    extra: z
      .record(z.string().max(100), z.string().max(10_000))
      .refine((r) => Object.keys(r).length <= 200, 'at most 200 entries')
      .optional(),
  },
  access: {
    read: 'project:read',
    create: 'project:contribute',
    update: 'project:contribute',
    delete: 'project:plan',
  },
  repo: repository({
    find: findWorkItem,
    list: listWorkItems,
    create: createWorkItem,
    update: updateWorkItem,
    delete: deleteWorkItem,
  }),
  refs: {
    parentId: { table: 'work_items', what: 'work item' },
    calendarId: { table: 'calendars', what: 'calendar' },
    sprintId: { table: 'sprints', what: 'sprint' },
    assigneeId: { table: 'users', what: 'member' },
  },
  reschedules: true,
  beforeUpdate: async (c, trx, current, patch) => {
    if (typeof patch.parent_id === 'string')
      await refuseAncestorLoop(trx, c.get('principal')?.workspaceId ?? '', current.id, patch.parent_id);
    return patch;
  },
};

/** Moving an item under itself or one of its descendants would detach a loop from the outline. */
async function refuseAncestorLoop(
  trx: Db,
  workspaceId: string,
  itemId: string,
  parentId: string,
): Promise<void> {
  const seen = new Set<string>();
  for (let at: string | null = parentId; at !== null && !seen.has(at);) {
    if (at === itemId)
      throw new ApiError(
        422,
        'validation',
        'Invalid input',
        'A work item cannot be moved under itself or its own descendants.',
        {
          errors: [{ path: 'parentId', message: 'would make the item its own ancestor' }],
        },
      );
    seen.add(at);
    const row: { parent_id: string | null } | undefined = await trx
      .selectFrom('work_items')
      .select('parent_id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', at)
      .executeTakeFirst();
    at = row?.parent_id ?? null;
  }
}
