/**
 * Baselines: named snapshots of dates, work and cost. Created without a `snapshot`, a baseline
 * captures the project's current schedule.
 */
import { formatLocal, scheduleProject } from '@tandem/core';
import { z } from '@hono/zod-openapi';
import type { BaselineTaskJson } from '../../db/schema.ts';
import {
  BASELINES,
  createBaseline,
  deleteBaseline,
  findBaseline,
  listBaselines,
  updateBaseline,
} from '../../repositories/baseline-repository.ts';
import { loadSchedulablePlan as loadPlan } from '../plan.ts';
import type { Db } from '../../repositories/transaction.ts';
import { id, localDateTime, money, name } from '../schemas/common.ts';
import { type ResourceDef, repository } from './resource-def.ts';

const baselineTask = z.strictObject({
  start: localDateTime.optional(),
  finish: localDateTime.optional(),
  durationMinutes: z.number().min(0).max(1e9).optional(),
  workMinutes: z.number().min(0).max(1e12).optional(),
  cost: money.optional(),
});

export const baselines: ResourceDef = {
  path: 'baselines',
  entityType: 'baseline',
  title: 'baseline',
  schemaName: 'Baseline',
  tag: 'Baselines',
  spec: BASELINES,
  description: 'Without `snapshot`, the current schedule is captured (keyed by work item id).',
  fields: {
    name,
    snapshot: z
      .record(id, baselineTask)
      .refine((r) => Object.keys(r).length <= 200_000, 'too many work items')
      .optional(),
  },
  access: { read: 'project:read', create: 'project:plan', update: 'project:plan', delete: 'project:plan' },
  repo: repository({
    find: findBaseline,
    list: listBaselines,
    create: createBaseline,
    update: updateBaseline,
    delete: deleteBaseline,
  }),
  beforeCreate: async (c, trx, input) => {
    if (input.snapshot !== undefined) return input;
    const workspaceId = c.get('principal')?.workspaceId ?? '';
    return { ...input, snapshot: await captureSnapshot(trx, workspaceId, input.project_id as string) };
  },
};

/** The current schedule's dates per work item id. */
export async function captureSnapshot(
  trx: Db,
  workspaceId: string,
  projectId: string,
): Promise<Record<string, BaselineTaskJson>> {
  const plan = await loadPlan(trx, workspaceId, projectId);
  const schedule = scheduleProject(plan);
  const rows = await trx
    .selectFrom('work_items')
    .select(['id', 'key'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .execute();
  const idOfKey = new Map(rows.map((r) => [r.key, r.id]));
  const snapshot: Record<string, BaselineTaskJson> = {};
  for (const task of schedule.tasks) {
    const workItemId = idOfKey.get(task.id);
    if (workItemId === undefined) continue;
    snapshot[workItemId] = {
      start: formatLocal(task.start),
      finish: formatLocal(task.finish),
      durationMinutes: task.durationMinutes,
    };
  }
  return snapshot;
}
