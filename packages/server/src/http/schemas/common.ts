/**
 * Field types shared by the API's schemas: bounded strings (no field takes megabytes), dates in the
 * core's local format, finite numbers, and the JSON documents stored in JSON columns.
 */
import { parseLocal } from '@tandem/core';
import { z } from '@hono/zod-openapi';

export const MAX_NAME = 500;
export const MAX_TEXT = 20_000;
export const MAX_LIST = 1_000;

export const id = z.string().min(1).max(100);
export const name = z.string().trim().min(1, 'must not be empty').max(MAX_NAME);
export const label = z.string().max(MAX_NAME);
export const text = z.string().max(MAX_TEXT);
export const key = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^\s/]+$/, 'no spaces or slashes');
export const email = z.email().max(320);
export const count = z.number().int().min(0).max(1e12);
export const money = z.number().min(-1e15).max(1e15);
export const minutes = z.number().int().min(-1e9).max(1e9);
export const percent = z.number().min(0).max(100);
export const score = z.number().min(0).max(1e6);
export const ids = z.array(id).max(MAX_LIST);
export const labels = z.array(label).max(MAX_LIST);

function validLocal(value: string): boolean {
  try {
    parseLocal(value);
    return true;
  } catch {
    return false;
  }
}

/** The core's local date-time (project time zone, no offset): `2026-01-05T08:00:00`. */
export const localDateTime = z
  .string()
  .max(40)
  .refine(validLocal, 'must be a date-time YYYY-MM-DDTHH:mm[:ss]')
  .openapi({ example: '2026-01-05T08:00:00' });
export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(validLocal, 'must be a real date')
  .openapi({ example: '2026-01-05' });

export const threePoint = z.strictObject({
  optimistic: z.number().min(0).max(1e12),
  mostLikely: z.number().min(0).max(1e12),
  pessimistic: z.number().min(0).max(1e12),
  distribution: z.enum(['triangular', 'pert', 'fixed', 'uniform']).optional(),
});

const workingPeriod = z
  .strictObject({ from: z.number().int().min(0).max(1440), to: z.number().int().min(0).max(1440) })
  .refine((p) => p.from < p.to, 'from must be before to');
/** A day's working periods; null = as the base calendar. */
const dayPattern = z.array(workingPeriod).max(24).nullable();
export const weekPattern = z.tuple([
  dayPattern,
  dayPattern,
  dayPattern,
  dayPattern,
  dayPattern,
  dayPattern,
  dayPattern,
]);

export const calendarException = z.strictObject({
  name: label.optional(),
  from: localDate,
  to: localDate,
  periods: z.array(workingPeriod).max(24),
  recurrence: z
    .strictObject({
      type: z.enum(['daily', 'weekly', 'monthly', 'yearly']),
      period: z.number().int().min(1).max(1000).optional(),
      daysOfWeek: z.array(z.number().int().min(0).max(6)).max(7).optional(),
      dayOfMonth: z.number().int().min(1).max(31).optional(),
      weekOfMonth: z.number().int().min(1).max(5).optional(),
      month: z.number().int().min(1).max(12).optional(),
      occurrences: z.number().int().min(1).max(10_000).optional(),
    })
    .optional(),
});

export const workWeek = z.strictObject({
  name: label.optional(),
  from: localDate,
  to: localDate,
  week: weekPattern,
});

export const durationUnit = z.enum(['minute', 'hour', 'day', 'week', 'month']);

/** Fields every entity response has. */
export const entityMeta = {
  id: z.string(),
  version: z.number().int().openapi({ description: 'Row version; the ETag is this number in quotes.' }),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .openapi({ description: 'Pass as `cursor` for the next page; null at the end.' }),
    })
    .openapi(name);
