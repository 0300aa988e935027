/**
 * `createApp({ db, engine, logger })`: the whole HTTP API as a Hono app — middleware, every route,
 * the OpenAPI document at /api/openapi.json and interactive docs at /api/docs. No listening here
 * (`main.ts` does that), so tests call `app.request()` in-process.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import { bodyLimit } from 'hono/body-limit';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { authenticate } from './auth/authenticate.ts';
import { DEFAULT_PASSWORD_HASHING, type PasswordHashing } from './auth/password.ts';
import { RateLimiter } from './auth/rate-limiter.ts';
import { SESSION_COOKIE } from './auth/session-cookie.ts';
import type { Engine } from './db/open-database.ts';
import type { Database } from './db/schema.ts';
import { type EventBus, InProcessEventBus } from './events/event-bus.ts';
import { ApiError } from './http/api-error.ts';
import type { AppDeps, AppEnv } from './http/app-env.ts';
import { mapError } from './http/error-mapper.ts';
import { redactPath } from './http/logger.ts';
import { problem, problemResponse } from './http/problem.ts';
import { PlanCache } from './http/plan-cache.ts';
import { isImportUpload } from './http/interop/index.ts';
import { registerRoutes } from './http/routes.ts';
import { validationHook } from './http/validation-hook.ts';
import { linkErrorsAsPages, registerWebApp } from './http/web-app.ts';

export interface CreateAppOptions {
  db: Kysely<Database>;
  engine: Engine;
  logger: Logger;
  clock?: () => Date;
  /** Live updates; default an in-process bus (give a `PgEventBus` to span processes). */
  events?: EventBus;
  passwordHashing?: PasswordHashing;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  bodyLimitBytes?: number;
  /** `Secure` cookies: true, false, or 'auto' (when the request URL is https). Default 'auto'. */
  secureCookies?: boolean | 'auto';
  /** Sign-in attempts per IP and email (default 5 a minute). */
  signInLimit?: { limit: number; windowMs: number };
  /** Aborted at shutdown: live event streams end so the server can close. */
  shutdown?: AbortSignal;
  /** Loaded plans and schedules (default a new cache; tests pass their own to look inside). */
  plans?: PlanCache;
  /** The built web app's folder (default packages/web/dist); false serves no web app. */
  webAppDir?: string | false;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export type TandemApp = OpenAPIHono<AppEnv>;

export function createApp(options: CreateAppOptions): TandemApp {
  const clock = options.clock ?? (() => new Date());
  const limit = options.signInLimit ?? { limit: 5, windowMs: 60_000 };
  const deps: AppDeps = {
    db: options.db,
    engine: options.engine,
    logger: options.logger,
    clock,
    events: options.events ?? new InProcessEventBus(),
    passwordHashing: options.passwordHashing ?? DEFAULT_PASSWORD_HASHING,
    signInLimiter: new RateLimiter(limit.limit, limit.windowMs, () => clock().getTime()),
    secureCookies: options.secureCookies ?? 'auto',
    plans: options.plans ?? new PlanCache(options.engine),
  };
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', async (c, next) => {
    const requestId = uuidv7();
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('principal', undefined);
    c.set('access', undefined);
    c.set('authProblem', undefined);
    c.set('entity', undefined);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    deps.logger.info(
      { requestId, method: c.req.method, path: redactPath(c.req.path), status: c.res.status, ms },
      'request',
    );
  });
  const generalBodyLimit = bodyLimit({
    maxSize: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
    onError: () => {
      throw new ApiError(
        413,
        'body_too_large',
        'Request body too large',
        `Send at most ${options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT} bytes.`,
      );
    },
  });
  // File uploads (imports) have their own, larger limit (http/interop/import-routes.ts).
  app.use('*', (c, next) => (isImportUpload(c.req.method, c.req.path) ? next() : generalBodyLimit(c, next)));
  app.use('*', authenticate);
  // A failed one-time link in a browser: the app's sign-in page explains it (http/web-app.ts).
  if (options.webAppDir !== false) app.use('/auth/link/*', linkErrorsAsPages);

  app.onError((error, c) => {
    const logger = deps.logger.child({ requestId: c.get('requestId') });
    const { problem: p, headers } = mapError(error, logger, redactPath(c.req.path));
    return problemResponse(p, headers);
  });
  app.notFound((c) =>
    problemResponse(
      problem(404, 'not_found', 'Not found', {
        detail: `No route ${c.req.method} ${redactPath(c.req.path)}.`,
        instance: redactPath(c.req.path),
      }),
    ),
  );

  registerRoutes(app, options.shutdown ?? new AbortController().signal);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Browser session; unsafe methods also need the X-CSRF-Token header.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'API token (tdm_…), created at POST /api/tokens.',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Tandem API',
      version: '0.1.0',
      description:
        'Project delivery for PMs and TPMs on one model. JSON; cursor pagination (`cursor`, `limit`); ' +
        '`ETag`/`If-Match` optimistic concurrency; `Idempotency-Key` on creates; errors as RFC 9457 ' +
        'problem details. Each operation names the permission it needs in `x-permission`.',
    },
  });
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json', title: 'Tandem API' }));
  // The web app at / (and its routes); last, so every API route matches first.
  if (options.webAppDir !== false) registerWebApp(app, options.webAppDir);
  return app;
}
