/**
 * The server process: `startServer({ port, host, databaseUrl, dataDir })` opens the database (SQLite
 * by default, PostgreSQL for a `postgres://` URL), runs the migrations, seeds the demo workspace on
 * first start and prints a one-time sign-in link, then serves the API until `close()` — which stops
 * accepting, ends live streams, lets requests in flight finish, and closes the database.
 *
 * Run directly (`tsx packages/server/src/main.ts`) it reads PORT (4400), HOST (127.0.0.1),
 * DATABASE_URL, TANDEM_DATA (./.tandem) and TANDEM_SECURE_COOKIES (true behind a TLS proxy), and
 * shuts down gracefully on SIGINT and SIGTERM.
 */
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createApp } from './app.ts';
import { createSignInLink } from './auth/invitation-links.ts';
import { DEFAULT_PASSWORD_HASHING, type PasswordHashing, hashPassword } from './auth/password.ts';
import { engineOf, openDatabase } from './db/open-database.ts';
import { type EventBus, InProcessEventBus } from './events/event-bus.ts';
import { PgEventBus } from './events/pg-event-bus.ts';
import { createLogger } from './http/logger.ts';
import { STALE_IMPORT_MS, reapInterruptedImportJobs } from './interop/reap-import-jobs.ts';
import { seedDemoWorkspace } from './seed/seed-demo-workspace.ts';

export interface ServerOptions {
  /** Default 4400; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** `postgres://…` for PostgreSQL; absent for SQLite. */
  databaseUrl?: string;
  /** SQLite's folder; default ./.tandem. */
  dataDir?: string;
  logger?: Logger;
  /** Where the start-up banner goes (default stdout). */
  print?: (text: string) => void;
  passwordHashing?: PasswordHashing;
  /** How long `close()` waits for requests in flight before cutting connections. Default 10 s. */
  shutdownGraceMs?: number;
  /** `Secure` cookies: 'auto' (when the request is https; the default), or always/never — set true
   * behind a TLS-terminating proxy. */
  secureCookies?: boolean | 'auto';
}

export interface RunningServer {
  url: string;
  port: number;
  /** On first start: the one-time sign-in link printed. */
  signInLink?: string;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4400;
export const DEFAULT_HOST = '127.0.0.1';

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  const print = options.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  const host = options.host ?? DEFAULT_HOST;
  const engine = engineOf(options.databaseUrl);
  const opened = await openDatabase({
    ...(options.databaseUrl ? { url: options.databaseUrl } : {}),
    dataDir: options.dataDir ?? './.tandem',
    logger,
  });
  let events: EventBus | undefined;
  try {
    events =
      engine === 'postgres' && options.databaseUrl
        ? await PgEventBus.connect({
            connectionString: options.databaseUrl,
            onError: (error) => logger.warn({ err: error }, 'live updates: PostgreSQL listener trouble'),
          })
        : new InProcessEventBus();
    const hashing = options.passwordHashing ?? DEFAULT_PASSWORD_HASHING;
    const shutdown = new AbortController();
    const app = createApp({
      db: opened.db,
      engine,
      logger,
      events,
      passwordHashing: hashing,
      shutdown: shutdown.signal,
    });
    const seeded = await seedDemoWorkspace(opened.db, { hashPassword: (p) => hashPassword(p, hashing) });
    const reaped = await reapInterruptedImportJobs(
      opened.db,
      // One server per SQLite file: whatever is unfinished now was left by a stopped server.
      new Date(Date.now() - (engine === 'sqlite' ? 0 : STALE_IMPORT_MS)),
    );
    if (reaped.length > 0)
      logger.warn({ importJobIds: reaped.map((j) => j.id) }, 'failed import jobs a stopped server left');

    // Plain HTTP/1.1 (no TLS options are passed), so the server is a node:http Server.
    const server = serve({
      fetch: app.fetch,
      port: options.port ?? DEFAULT_PORT,
      hostname: host,
    }) as HttpServer;
    await new Promise<void>((ready, fail) => {
      server.once('listening', ready);
      server.once('error', fail);
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    logger.info({ url, engine }, 'Tandem is listening');

    let signInLink: string | undefined;
    if (seeded) {
      const token = await createSignInLink(opened.db, {
        workspaceId: seeded.workspace.id,
        user: seeded.owner,
        role: 'owner',
      });
      signInLink = `${url}/auth/link/${token}`;
      print(
        [
          '',
          `Tandem is running at ${url}`,
          `The demo workspace is ready. Sign in once with this link (valid for 15 minutes, one use):`,
          `  ${signInLink}`,
          ...(seeded.generatedPassword
            ? [`or as ${seeded.owner.email} with the password ${seeded.generatedPassword} (shown only now).`]
            : []),
          `API docs: ${url}/api/docs`,
          '',
        ].join('\n'),
      );
    } else print(`Tandem is running at ${url} (API docs: ${url}/api/docs)`);

    const bus = events;
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        shutdown.abort();
        await new Promise<void>((done) => {
          const force = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
          // Connections become idle as their last response ends (live streams included): close them
          // then rather than waiting for the keep-alive timeout.
          const idle = setInterval(() => server.closeIdleConnections(), 50);
          server.close(() => {
            clearTimeout(force);
            clearInterval(idle);
            done();
          });
          server.closeIdleConnections();
        });
        await bus.close();
        await opened.close();
        logger.info('Tandem stopped');
      })());
    return { url, port, ...(signInLink ? { signInLink } : {}), close };
  } catch (error) {
    await events?.close();
    await opened.close();
    throw error;
  }
}

/** PORT, HOST, DATABASE_URL, TANDEM_DATA and TANDEM_SECURE_COOKIES as `startServer` options. */
export function serverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const port = env.PORT === undefined || env.PORT === '' ? DEFAULT_PORT : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST || DEFAULT_HOST,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dataDir: resolve(env.TANDEM_DATA || './.tandem'),
    ...(env.TANDEM_SECURE_COOKIES === 'true' || env.TANDEM_SECURE_COOKIES === '1'
      ? { secureCookies: true }
      : {}),
  };
}

async function main(): Promise<void> {
  const logger = createLogger();
  let running: RunningServer;
  try {
    running = await startServer({ ...serverOptionsFromEnv(), logger });
  } catch (error) {
    logger.fatal({ err: error }, 'Tandem could not start');
    process.exitCode = 1;
    return;
  }
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  void main();
