/**
 * `GET /api/projects/{id}/reports/{audience}?format=html|md|pdf&statusDate=YYYY-MM-DD`: the project's
 * status told for executives, the PM or engineers, as the same bytes `tandem report` writes.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { REPORT_AUDIENCES, buildStatusReport } from '@tandem/core';
import { REPORT_CONTENT_TYPES, REPORT_FORMATS, renderReport } from '@tandem/formats';
import { projectStatusSnapshot } from '../../reports/status-snapshot.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, workspaceOf } from '../context.ts';
import { localDate } from '../schemas/common.ts';
import { inProject } from './project-param.ts';

const params = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
  audience: z.enum(REPORT_AUDIENCES).openapi({ param: { name: 'audience', in: 'path' } }),
});

export function reportFileName(
  projectName: string,
  audience: string,
  statusDate: string,
  format: string,
): string {
  const slug =
    projectName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'project';
  return `${slug}-${audience}-${statusDate}.${format}`;
}

export function registerReportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'project:read', project: inProject },
      {
        method: 'get',
        path: '/api/projects/{id}/reports/{audience}',
        tags: ['Reports'],
        summary: 'A status report for executives, the PM or engineers',
        description:
          'Told from the project at the status date (default: the project’s): HTML (self-contained), Markdown or PDF. The same data and date give the same report.',
        request: {
          params,
          query: z.strictObject({
            format: z.enum(REPORT_FORMATS).optional(),
            statusDate: localDate.optional(),
            download: z.enum(['true', 'false']).optional(),
          }),
        },
        responses: {
          200: {
            description: 'The report',
            content: {
              'text/html': { schema: z.string() },
              'text/markdown': { schema: z.string() },
              'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
            },
          },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { audience } = c.req.valid('param');
      const { format = 'html', statusDate, download } = c.req.valid('query');
      const snapshot = await projectStatusSnapshot(c.get('deps').db, workspaceId, accessOf(c).projectId, {
        ...(statusDate ? { statusDate } : {}),
      });
      const report = buildStatusReport(snapshot, audience);
      const body = await renderReport(report, format);
      const name = reportFileName(report.projectName, audience, report.statusDate, format);
      return c.body(body as never, 200, {
        'content-type': REPORT_CONTENT_TYPES[format],
        'content-disposition': `${download === 'true' || format === 'pdf' ? 'attachment' : 'inline'}; filename="${name}"`,
        'cache-control': 'private, no-cache',
      }) as never;
    },
  );
}
