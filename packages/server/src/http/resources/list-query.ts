/**
 * List endpoints' query: `cursor`, `limit`, `sort`, `direction`, and one equality filter per column
 * the storage layer allows (`?status=todo`, `?type=task,milestone` for any of, `?parentId=null`).
 * Unknown parameters are refused, so a misspelt filter never silently returns everything.
 */
import { z } from '@hono/zod-openapi';
import { BOOLEAN_COLUMNS } from '../../db/value-codec-plugin.ts';
import { MAX_PAGE_SIZE } from '../../repositories/pagination.ts';
import { badRequest } from '../api-error.ts';
import { camelCase } from '../casing.ts';

export interface ListSpec {
  filters: readonly string[];
  sorts: readonly string[];
  defaultSort: string;
}

export function listQuerySchema(spec: ListSpec) {
  const sorts = [...spec.sorts, 'id'].map(camelCase) as [string, ...string[]];
  const shape: Record<string, z.ZodType> = {
    cursor: z
      .string()
      .max(2000)
      .optional()
      .openapi({ description: 'From the previous page’s `nextCursor`.' }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_PAGE_SIZE)
      .optional()
      .openapi({ description: `Page size, 1 to ${MAX_PAGE_SIZE} (default 50).` }),
    sort: z
      .enum(sorts)
      .optional()
      .openapi({ description: `Default ${camelCase(spec.defaultSort)}.` }),
    direction: z.enum(['asc', 'desc']).optional(),
  };
  for (const column of spec.filters)
    shape[camelCase(column)] = z
      .string()
      .max(4000)
      .optional()
      .openapi({ description: 'Equals; comma-separated for any of; `null` for none.' });
  return z.strictObject(shape);
}

export interface ListOptionsOut {
  filter: Record<string, unknown>;
  sort?: string;
  direction?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

export function toListOptions(query: Record<string, unknown>, spec: ListSpec): ListOptionsOut {
  const filter: Record<string, unknown> = {};
  for (const column of spec.filters) {
    const raw = query[camelCase(column)];
    if (typeof raw !== 'string') continue;
    filter[column] = raw === 'null' ? null : filterValue(column, raw);
  }
  const sort =
    typeof query.sort === 'string' ? query.sort.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`) : undefined;
  return {
    filter,
    ...(sort !== undefined ? { sort } : {}),
    ...(query.direction === 'asc' || query.direction === 'desc' ? { direction: query.direction } : {}),
    ...(typeof query.limit === 'number' ? { limit: query.limit } : {}),
    ...(typeof query.cursor === 'string' ? { cursor: query.cursor } : {}),
  };
}

function filterValue(column: string, raw: string): unknown {
  const values = raw.split(',').map((v) => (BOOLEAN_COLUMNS.has(column) ? booleanOf(column, v) : v));
  return values.length === 1 ? values[0] : values;
}

function booleanOf(column: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badRequest(`${camelCase(column)} must be true or false`, [
    { path: camelCase(column), message: 'must be true or false' },
  ]);
}
