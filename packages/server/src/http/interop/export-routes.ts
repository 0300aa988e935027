/**
 * `GET /api/projects/{id}/export?format=mspdi|csv|ics|json|yaml`: the project's plan as a file, with
 * `Content-Disposition: attachment` and a file name from the project's name.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { EXPORT_FORMATS, exportProject } from '../../interop/export-project.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, workspaceOf } from '../context.ts';

/** `attachment; filename="plan.xml"; filename*=UTF-8''plan.xml` (RFC 6266). */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const text = { schema: z.string() };

export function registerExportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'project:read', project: { param: 'id' } },
      {
        method: 'get',
        path: '/api/projects/{id}/export',
        tags: ['Projects', 'Import and export'],
        summary: 'The project’s plan as a file',
        description:
          '`mspdi`: MS Project XML with the schedule’s dates (opens in MS Project, ProjectLibre, GanttProject); `csv`: the task CSV (docs/csv.md); `ics`: milestones and deadlines (iCalendar); `json`/`yaml`: a Tandem plan file (docs/plan-file.md).',
        request: {
          params: z.object({
            id: z
              .string()
              .min(1)
              .max(100)
              .openapi({ param: { name: 'id', in: 'path' } }),
          }),
          query: z.strictObject({ format: z.enum(EXPORT_FORMATS) }),
        },
        responses: {
          200: {
            description: 'The file',
            content: {
              'application/xml': text,
              'text/csv': text,
              'text/calendar': text,
              'application/json': text,
              'application/yaml': text,
            },
          },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { db, clock } = c.get('deps');
      const file = await exportProject(db, workspaceId, accessOf(c).projectId, c.req.valid('query').format, {
        now: clock(),
      });
      return c.body(file.body, 200, {
        'content-type': file.contentType,
        'content-disposition': contentDisposition('attachment', file.fileName),
        'cache-control': 'private, no-store',
      }) as never;
    },
  );
}
