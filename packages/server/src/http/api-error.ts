/**
 * Errors the HTTP layer raises itself (authentication, access, preconditions, rate limits). Thrown
 * anywhere in a request and turned into a problem response by `error-mapper.ts`.
 */
import type { FieldIssue } from './problem.ts';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: { errors?: FieldIssue[]; [key: string]: unknown } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

export const unauthenticated = (detail = 'Sign in, or send an API token as "Authorization: Bearer …".') =>
  new ApiError(401, 'unauthenticated', 'Not signed in', detail, {}, { 'www-authenticate': 'Bearer' });

export const forbidden = (detail = 'Your role does not allow this.') =>
  new ApiError(403, 'forbidden', 'Not allowed', detail);

export const notFound = (what = 'resource', id?: string) =>
  new ApiError(
    404,
    'not_found',
    'Not found',
    id === undefined ? `No such ${what}.` : `No ${what} with id ${id}, or you cannot see it.`,
  );

export const badRequest = (detail: string, errors?: FieldIssue[]) =>
  new ApiError(400, 'bad_request', 'Bad request', detail, errors ? { errors } : {});

export const unprocessable = (code: string, title: string, detail: string, extra = {}) =>
  new ApiError(422, code, title, detail, extra);

export const tooManyRequests = (retryAfterSeconds: number) =>
  new ApiError(
    429,
    'rate_limited',
    'Too many attempts',
    `Try again in ${retryAfterSeconds} seconds.`,
    { retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );
