/**
 * Imports: `POST /api/projects/{id}/imports` takes the file as the request body (up to 25 MiB) and
 * answers 202 with a queued job; `GET /api/import-jobs/{id}` follows it (phase, progress, result, or
 * every problem with its location), as does the project's live stream. `Prefer: wait=N` (seconds,
 * at most 60) answers when the job is done if it is done by then: 200 with the succeeded job, or
 * 422 `import_failed` listing every problem. The format comes from `?format=` or the Content-Type
 * (`application/xml` MSPDI, `text/csv` task or Jira CSV, `application/json` / `application/yaml`
 * plan files), else from `?fileName=`'s extension.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { IMPORT_FORMATS, type ImportFormat, importFormatOf } from '@tandem/formats';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ImportJobRunner } from '../../interop/import-jobs.ts';
import { isStale, reapImportJob } from '../../interop/reap-import-jobs.ts';
import { findImportJob, getImportJob, listImportJobs } from '../../repositories/import-job-repository.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { accessOf, entityOf, workspaceOf } from '../context.ts';
import { etagOf } from '../etag.ts';
import { pageOf } from '../schemas/common.ts';
import { writeContext } from '../resources/write.ts';
import { ImportJobSchema, presentImportJob } from './import-job-json.ts';
import type { ImportJob } from '../../repositories/import-job-repository.ts';

export const IMPORT_BODY_LIMIT = 25 * 1024 * 1024;
const JSON_TYPE = 'application/json';
const IMPORT_PATH = /^\/api\/projects\/[^/]+\/imports\/?$/;

/** The upload route has its own, larger body limit; the app's general one skips it. */
export function isImportUpload(method: string, path: string): boolean {
  return method === 'POST' && IMPORT_PATH.test(path);
}

const runners = new WeakMap<AppDeps, ImportJobRunner>();

/** The app's import job runner (one per app). */
export function importJobRunner(deps: AppDeps): ImportJobRunner {
  let runner = runners.get(deps);
  if (!runner) runners.set(deps, (runner = new ImportJobRunner(deps)));
  return runner;
}

const importBodyLimit: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: IMPORT_BODY_LIMIT,
  onError: () => {
    throw new ApiError(
      413,
      'body_too_large',
      'File too large',
      `Import files may be at most ${IMPORT_BODY_LIMIT} bytes (25 MiB).`,
    );
  },
});

const projectParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const importQuery = z.strictObject({
  format: z.enum(IMPORT_FORMATS).optional().openapi({ description: 'Overrides the Content-Type.' }),
  fileName: z.string().max(255).optional().openapi({
    description:
      'The uploaded file’s name (shown on the job; its extension names the format when nothing else does).',
  }),
});
const preferHeader = z.object({
  prefer: z
    .string()
    .max(200)
    .optional()
    .openapi({
      param: { name: 'prefer', in: 'header' },
      description: '`wait=N`: answer when the job is done, if within N seconds (≤ 60).',
    }),
});
const binary = { schema: z.string().openapi({ format: 'binary' }) };
const job = { description: 'The job', content: { [JSON_TYPE]: { schema: ImportJobSchema } } };
const oneJob = { param: 'id', entity: 'import job', find: findImportJob };

function waitSeconds(prefer: string | undefined): number {
  const m = prefer !== undefined ? /(?:^|[,;\s])wait=(\d+)/i.exec(prefer) : null;
  return m ? Math.min(60, Number(m[1])) : 0;
}

function formatOf(
  c: Context<AppEnv>,
  query: { format?: ImportFormat | undefined; fileName?: string | undefined },
): ImportFormat {
  const contentType = c.req.header('content-type');
  const format = query.format ?? importFormatOf({ contentType, fileName: query.fileName });
  if (format === undefined)
    throw new ApiError(
      415,
      'unsupported_format',
      'Unsupported file format',
      `Cannot tell the format from Content-Type "${contentType ?? ''}": send ?format=${IMPORT_FORMATS.join('|')} or a Content-Type such as application/xml (MS Project XML), text/csv, application/json or application/yaml.`,
    );
  return format;
}

export function registerImportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.use('/api/projects/:id/imports', async (c, next) =>
    c.req.method === 'POST' ? importBodyLimit(c, next) : next(),
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: { param: 'id' } },
      {
        method: 'post',
        path: '/api/projects/{id}/imports',
        tags: ['Projects', 'Import and export'],
        summary: 'Import a file into the project (a job)',
        description:
          'The body is the file: MS Project XML (MSPDI, also from ProjectLibre, GanttProject and TaskJuggler), a task CSV, Jira’s issue CSV export, or a Tandem plan file (JSON/YAML). All-or-nothing: rows are matched by key, so a re-import updates in place. Answers 202 with the job; follow it at `GET /api/import-jobs/{id}`.',
        request: {
          params: projectParam,
          query: importQuery,
          headers: preferHeader,
          body: {
            required: true,
            content: {
              'application/xml': binary,
              'text/csv': binary,
              'application/yaml': binary,
              'application/octet-stream': binary,
            },
          },
        },
        responses: {
          200: { ...job, description: 'Done within `Prefer: wait`: the succeeded job' },
          202: { ...job, description: 'Queued: follow it at the Location' },
          415: { description: 'The format cannot be told' },
        },
      },
    ),
    async (c) => {
      const { projectId } = accessOf(c);
      const query = c.req.valid('query');
      const format = formatOf(c, query);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const runner = importJobRunner(c.get('deps'));
      const queued = await runner.start(writeContext(c), projectId, {
        bytes,
        format,
        fileName: query.fileName,
      });
      const wait = waitSeconds(c.req.valid('header').prefer);
      let finished: ImportJob | undefined;
      if (wait > 0) {
        const done = runner.finished(queued.id);
        finished = done
          ? await Promise.race([
              done,
              new Promise<undefined>((r) => setTimeout(() => r(undefined), wait * 1000).unref()),
            ])
          : undefined;
      }
      const headers = { location: `/api/import-jobs/${queued.id}` };
      if (finished?.status === 'failed')
        throw new ApiError(
          422,
          'import_failed',
          `Invalid ${finished.format} file`,
          `${finished.import_errors.length} problem${finished.import_errors.length === 1 ? '' : 's'} in the file; nothing was imported.`,
          { errors: finished.import_errors, job: presentImportJob(finished) },
          headers,
        );
      if (finished?.status === 'succeeded')
        return c.json(presentImportJob(finished), 200, { ...headers, etag: etagOf(finished.version) });
      return c.json(presentImportJob(queued), 202, { ...headers, etag: etagOf(queued.version) });
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:read', project: { param: 'id' } },
      {
        method: 'get',
        path: '/api/projects/{id}/imports',
        tags: ['Projects', 'Import and export'],
        summary: 'The project’s import jobs, oldest first',
        request: {
          params: projectParam,
          query: z.strictObject({
            cursor: z.string().max(2000).optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
            direction: z.enum(['asc', 'desc']).optional(),
          }),
        },
        responses: {
          200: {
            description: 'One page',
            content: { [JSON_TYPE]: { schema: pageOf(ImportJobSchema, 'ImportJobPage') } },
          },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const page = await listImportJobs(
        c.get('deps').db,
        workspaceId,
        accessOf(c).projectId,
        c.req.valid('query'),
      );
      return c.json({ items: page.items.map(presentImportJob), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:read', project: oneJob },
      {
        method: 'get',
        path: '/api/import-jobs/{id}',
        tags: ['Import and export'],
        summary: 'An import job: phase, progress, result or problems',
        request: { params: projectParam },
        responses: { 200: job },
      },
    ),
    async (c) => {
      let row = entityOf(c) as unknown as ImportJob;
      const deps = c.get('deps');
      if (!importJobRunner(deps).finished(row.id) && isStale(row, deps.clock()))
        row = (await reapImportJob(deps.db, row)) ?? (await getImportJob(deps.db, row.workspace_id, row.id));
      return c.json(presentImportJob(row), 200, { etag: etagOf(row.version) });
    },
  );
}
