/** The JSON of a change set (the core's `ChangeOperation`s), validated at the edge. */
import { z } from '@hono/zod-openapi';
import { id, label, localDate, money, name, threePoint } from '../schemas/common.ts';

const workMinutes = z.number().min(0).max(1e9);
const units = z.number().gt(0).max(100);

export const changeOperation = z
  .discriminatedUnion('op', [
    z.strictObject({
      op: z.literal('addTask'),
      id,
      name,
      durationMinutes: workMinutes,
      parentId: id.optional(),
      afterId: id.optional(),
      fixedCost: money.optional(),
      estimate: threePoint.optional(),
      milestone: z.boolean().optional(),
    }),
    z.strictObject({ op: z.literal('removeTask'), taskId: id }),
    z.strictObject({ op: z.literal('setDuration'), taskId: id, durationMinutes: workMinutes }),
    z.strictObject({ op: z.literal('setEstimate'), taskId: id, estimate: threePoint.nullable() }),
    z.strictObject({ op: z.literal('setFixedCost'), taskId: id, fixedCost: money.min(0) }),
    z.strictObject({ op: z.literal('setWork'), taskId: id, resourceId: id, workMinutes }),
    z.strictObject({
      op: z.literal('addLink'),
      predecessorId: id,
      successorId: id,
      type: z.enum(['FS', 'SS', 'FF', 'SF']).optional(),
      lagMinutes: z.number().int().min(-1e9).max(1e9).optional(),
    }),
    z.strictObject({ op: z.literal('removeLink'), predecessorId: id, successorId: id }),
    z.strictObject({
      op: z.literal('assign'),
      taskId: id,
      resourceId: id,
      units,
      workMinutes: workMinutes.optional(),
    }),
    z.strictObject({ op: z.literal('unassign'), taskId: id, resourceId: id }),
    z.strictObject({ op: z.literal('setMaxUnits'), resourceId: id, maxUnits: z.number().min(0).max(100) }),
    z.strictObject({
      op: z.literal('addLeave'),
      resourceId: id,
      from: localDate,
      to: localDate,
      name: label.optional(),
    }),
    z.strictObject({
      op: z.literal('addResource'),
      id,
      name,
      standardRate: money.min(0).optional(),
      maxUnits: z.number().min(0).max(100).optional(),
      calendarId: id.optional(),
    }),
  ])
  .openapi('ChangeOperation');

export const changeSetSchema = z.array(changeOperation).max(1000).openapi('ChangeSet');

export const impactOptions = z.strictObject({
  /** Monte Carlo iterations for the P80 (default 1,000). */
  iterations: z.number().int().min(1).max(20_000).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});

export const DEFAULT_IMPACT_OPTIONS = { iterations: 1000, seed: 1 };
