/**
 * `tandem serve`: the server, as `npm start` runs it — until SIGINT or SIGTERM (or `io.signal`, in
 * tests), then a graceful stop: no new connections, requests in flight finish, the database closes.
 */
import { createLogger, serverOptionsFromEnv, startServer } from '@tandem/server';
import { type CliIo, EXIT_OK } from '../cli-io.ts';
import { UserError } from '../user-error.ts';
import { type DatabaseSettings, serverError } from './server-database.ts';

export interface ServeOptions {
  port?: string | undefined;
  host?: string | undefined;
}

export async function serveCommand(
  database: DatabaseSettings,
  options: ServeOptions,
  io: CliIo,
): Promise<number> {
  const env = io.env ?? process.env;
  let fromEnv;
  try {
    fromEnv = serverOptionsFromEnv({ ...env, ...(options.port !== undefined ? { PORT: options.port } : {}) });
  } catch (error) {
    throw new UserError(`${(error as Error).message.replace(/^PORT/, '--port (or PORT)')}`);
  }
  const logger = createLogger(
    { level: env.LOG_LEVEL ?? 'info' },
    { write: (line: string) => void io.stdout.write(line) },
  );
  let server;
  try {
    server = await startServer({
      ...fromEnv,
      ...(options.host !== undefined ? { host: options.host } : {}),
      ...(database.url !== undefined ? { databaseUrl: database.url } : {}),
      dataDir: database.dataDir,
      logger,
      print: (text) => void io.stdout.write(`${text}\n`),
    });
  } catch (error) {
    throw serverError(error, 'the server could not start');
  }
  await new Promise<void>((stop) => {
    if (io.signal) {
      if (io.signal.aborted) return stop();
      io.signal.addEventListener('abort', () => stop(), { once: true });
    } else {
      process.once('SIGINT', () => stop());
      process.once('SIGTERM', () => stop());
    }
  });
  logger.info('shutting down');
  await server.close();
  return EXIT_OK;
}
