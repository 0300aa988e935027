/**
 * The server's pino logger: JSON lines, secrets redacted wherever they could appear (headers, bodies,
 * sign-in and invitation links in paths).
 */
import { pino, type Logger, type LoggerOptions } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  'token',
  'csrfToken',
  '*.password',
  '*.password_hash',
  '*.passwordHash',
  '*.token',
  '*.token_hash',
  '*.csrf_token',
  '*.csrfToken',
  'err.config.headers',
];

export function createLogger(options: LoggerOptions = {}, destination?: pino.DestinationStream): Logger {
  const config: LoggerOptions = {
    level: process.env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    ...options,
  };
  return destination ? pino(config, destination) : pino(config);
}

/** Paths that carry a secret (`/auth/link/<token>`) as they may be logged. */
export function redactPath(path: string): string {
  return path
    .replace(/^(\/auth\/link\/|\/api\/auth\/link\/)[^/?#]+/, '$1[redacted]')
    .replace(/^\/api\/feeds\/[^/?#]+/, '/api/feeds/[redacted]');
}
