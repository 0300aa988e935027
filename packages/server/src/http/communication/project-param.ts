/** The `{id}` path parameter of `/api/projects/{id}/…` views, and where their project is. */
import { z } from '@hono/zod-openapi';

export const projectParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const inProject = { param: 'id' };
export const JSON_TYPE = 'application/json';
