/** Pieces the governance routes share: path parameters, JSON content, the version answer. */
import { z } from '@hono/zod-openapi';

export const JSON_TYPE = 'application/json';

export const projectParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const jsonContent = <T extends z.ZodType>(schema: T) => ({ content: { [JSON_TYPE]: { schema } } });

/** A loosely described JSON object (the shapes are the core's result types, documented there). */
export const anyObject = (name: string) => z.object({}).catchall(z.unknown()).openapi(name);
