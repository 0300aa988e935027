/**
 * Calendar feeds: a project's milestones and deadlines at a secret URL calendar apps subscribe to.
 *
 * - `POST /api/projects/{id}/calendar-feeds` (project:plan) makes one; the response holds the URL
 *   with its token, once (only its SHA-256 and a prefix are stored).
 * - `GET /api/projects/{id}/calendar-feeds` (project:read) lists them (revoked ones too, with
 *   `revokedAt`); `DELETE /api/calendar-feeds/{id}` (project:plan, `If-Match`) revokes one.
 * - `GET /api/feeds/{token}.ics` is public: the token is the credential. It is looked up by its
 *   hash (and the hash compared in constant time); an unknown or revoked token is a 404.
 */
import { randomBytes } from 'node:crypto';
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { safeEqual, sha256 } from '../../auth/secret-token.ts';
import { exportProject } from '../../interop/export-project.ts';
import {
  type CalendarFeed,
  createCalendarFeed,
  findCalendarFeed,
  findCalendarFeedByHash,
  listCalendarFeeds,
  revokeCalendarFeed,
  touchCalendarFeed,
} from '../../repositories/calendar-feed-repository.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, entityOf, workspaceOf } from '../context.ts';
import { etagOf, expectedVersion, parseIfMatch } from '../etag.ts';
import { PROBLEM_CONTENT_TYPE, problem, problemResponse } from '../problem.ts';
import { name, pageOf } from '../schemas/common.ts';
import { etagHeaders, idParam, ifMatchHeader } from '../resources/register-resource.ts';
import { inWrite, publishChange } from '../resources/write.ts';
import { contentDisposition } from './export-routes.ts';

const JSON_TYPE = 'application/json';
export const FEED_TOKEN_PREFIX = 'tdmcal_';
const FEED_PATH = /^\/api\/feeds\/[^/]+$/;

const CalendarFeedSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdBy: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CalendarFeed');
const CreatedCalendarFeed = z
  .object({
    calendarFeed: CalendarFeedSchema,
    token: z.string().openapi({ description: 'Shown once: it is the feed’s only credential.' }),
    url: z.string().openapi({ description: 'The URL to subscribe to (webcal: works too).' }),
  })
  .openapi('CreatedCalendarFeed');

function presentFeed(row: CalendarFeed) {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    prefix: row.prefix,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const projectParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const oneFeed = { param: 'id', entity: 'calendar feed', find: findCalendarFeed };

function feedNotFound(path: string): Response {
  // Not `not_found`: this answer is the public route's own, the same for any token it does not know.
  return problemResponse(
    problem(404, 'feed_not_found', 'No such calendar feed', {
      detail: 'This calendar feed does not exist or was revoked. Ask the project for a new link.',
      instance: path.replace(FEED_PATH, '/api/feeds/[redacted]'),
    }),
  );
}

export function registerCalendarFeedRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: { param: 'id' } },
      {
        method: 'post',
        path: '/api/projects/{id}/calendar-feeds',
        tags: ['Projects', 'Import and export'],
        summary: 'Create a calendar feed of the project’s milestones and deadlines',
        request: {
          params: projectParam,
          body: {
            required: true,
            content: {
              [JSON_TYPE]: { schema: z.strictObject({ name: name.optional() }).openapi('NewCalendarFeed') },
            },
          },
        },
        responses: {
          201: {
            description: 'Created',
            content: { [JSON_TYPE]: { schema: CreatedCalendarFeed } },
            headers: etagHeaders,
          },
        },
      },
    ),
    async (c) => {
      const { projectId } = accessOf(c);
      const body = c.req.valid('json');
      const { principal } = workspaceOf(c);
      const token = `${FEED_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const row = await inWrite(c, { reschedule: false }, async (trx, ctx) => {
        const project = await trx
          .selectFrom('projects')
          .select('name')
          .where('workspace_id', '=', ctx.workspaceId)
          .where('id', '=', projectId)
          .executeTakeFirstOrThrow();
        return createCalendarFeed(trx, ctx, {
          project_id: projectId,
          created_by: principal.userId,
          name: body.name ?? `${project.name} — milestones`,
          prefix: token.slice(0, FEED_TOKEN_PREFIX.length + 6),
          token_hash: sha256(token),
        });
      });
      await publishChange(c, {
        projectId,
        entity: 'calendar-feeds',
        id: row.id,
        version: row.version,
        action: 'created',
      });
      const path = `/api/feeds/${token}.ics`;
      return c.json(
        { calendarFeed: presentFeed(row), token, url: new URL(path, c.req.url).toString() },
        201,
        { etag: etagOf(row.version), location: `/api/calendar-feeds/${row.id}` },
      );
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:read', project: { param: 'id' } },
      {
        method: 'get',
        path: '/api/projects/{id}/calendar-feeds',
        tags: ['Projects', 'Import and export'],
        summary: 'The project’s calendar feeds (tokens are never shown again)',
        request: {
          params: projectParam,
          query: z.strictObject({
            cursor: z.string().max(2000).optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
          }),
        },
        responses: {
          200: {
            description: 'One page',
            content: { [JSON_TYPE]: { schema: pageOf(CalendarFeedSchema, 'CalendarFeedPage') } },
          },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const page = await listCalendarFeeds(
        c.get('deps').db,
        workspaceId,
        accessOf(c).projectId,
        c.req.valid('query'),
      );
      return c.json({ items: page.items.map(presentFeed), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: oneFeed },
      {
        method: 'delete',
        path: '/api/calendar-feeds/{id}',
        tags: ['Import and export'],
        summary: 'Revoke a calendar feed (its URL answers 404 from then on)',
        request: { params: idParam, headers: ifMatchHeader },
        responses: {
          204: { description: 'Revoked' },
          412: { description: 'Stale If-Match' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const row = entityOf(c) as unknown as CalendarFeed;
      const version = await expectedVersion(parseIfMatch(c.req.header('if-match')), async () => row.version);
      if (row.revoked_at !== null) return c.body(null, 204);
      const after = await inWrite(c, { reschedule: false }, (trx, ctx) =>
        revokeCalendarFeed(trx, ctx, row.id, version),
      );
      await publishChange(c, {
        projectId: row.project_id,
        entity: 'calendar-feeds',
        id: row.id,
        version: after.version,
        action: 'updated',
      });
      return c.body(null, 204);
    },
  );

  // The public feed: declared in the OpenAPI document (permission public); served by a plain route,
  // since its path parameter is followed by `.ics` in the same segment.
  app.openAPIRegistry.registerPath(
    apiRoute(
      { permission: 'public' },
      {
        method: 'get',
        path: '/api/feeds/{token}.ics',
        tags: ['Import and export'],
        summary: 'A calendar feed (iCalendar): the project’s milestones and deadlines',
        description:
          'No sign-in: the token in the URL is the credential. 404 for an unknown or revoked token.',
        request: {
          params: z.object({ token: z.string().openapi({ param: { name: 'token', in: 'path' } }) }),
        },
        responses: {
          200: { description: 'The calendar', content: { 'text/calendar': { schema: z.string() } } },
          404: {
            description: 'Unknown or revoked feed',
            content: { [PROBLEM_CONTENT_TYPE]: { schema: z.object({}) } },
          },
        },
      },
    ),
  );
  // Hono reads `:token.ics` as one parameter named "token.ics" holding the whole segment; the same
  // path as the document's, so the OpenAPI test sees it documented.
  app.get('/api/feeds/:token.ics', async (c) => {
    const segment = c.req.param('token.ics') ?? '';
    const token = segment.endsWith('.ics') ? segment.slice(0, -'.ics'.length) : '';
    if (!token.startsWith(FEED_TOKEN_PREFIX) || !/^[A-Za-z0-9_-]{1,200}$/.test(token))
      return feedNotFound(c.req.path);
    const hash = sha256(token);
    const { db, clock } = c.get('deps');
    const feed = await findCalendarFeedByHash(db, hash);
    if (!feed || !safeEqual(feed.token_hash, hash)) return feedNotFound(c.req.path);
    const file = await exportProject(db, feed.workspace_id, feed.project_id, 'ics', {
      now: clock(),
      calendarName: feed.name,
    });
    await touchCalendarFeed(db, feed.workspace_id, feed.id, clock().toISOString());
    return c.body(file.body, 200, {
      'content-type': file.contentType,
      'content-disposition': contentDisposition('inline', file.fileName),
      'cache-control': 'private, max-age=300',
    });
  });
}
