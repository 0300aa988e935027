/**
 * The one place where errors become HTTP problem responses (RFC 9457). Typed errors a caller can act
 * on get their own status and code; anything unknown is logged in full and answered with a bare 500 —
 * no message, stack or SQL leaves the server.
 */
import { CycleError, ScheduleError } from '@tandem/core';
import { FormatError } from '@tandem/formats';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import {
  ConstraintError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
} from '../repositories/errors.ts';
import { ApiError } from './api-error.ts';
import { etagOf } from './etag.ts';
import { formatPath } from './field-path.ts';
import { type Problem, problem } from './problem.ts';
import { toApi } from './casing.ts';

export interface MappedError {
  problem: Problem;
  headers: Record<string, string>;
}

/** Maps `error` to a problem; logs it when it is not one of ours (`logger`, request id in `instance`). */
export function mapError(error: unknown, logger: Logger, instance?: string): MappedError {
  const mapped = knownError(error);
  if (mapped) {
    if (instance !== undefined) mapped.problem.instance = instance;
    return mapped;
  }
  logger.error({ err: error }, 'unhandled error');
  const p = problem(500, 'internal', 'Internal server error', {
    detail: 'Something went wrong on our side. It has been logged.',
  });
  if (instance !== undefined) p.instance = instance;
  return { problem: p, headers: {} };
}

function knownError(error: unknown): MappedError | undefined {
  const plain = (p: Problem, headers: Record<string, string> = {}) => ({ problem: p, headers });
  if (error instanceof ApiError)
    return plain(problem(error.status, error.code, error.title, { detail: error.detail, ...error.extra }), {
      ...error.headers,
    });
  if (error instanceof NotFoundError)
    return plain(problem(404, 'not_found', 'Not found', { detail: error.userMessage }));
  if (error instanceof VersionConflictError) {
    const current = error.current as { version: number };
    return plain(
      problem(412, 'version_conflict', 'Version conflict', {
        detail: error.userMessage,
        currentVersion: current.version,
        currentEtag: etagOf(current.version),
        current: toApi(current as Record<string, unknown>),
      }),
      { etag: etagOf(current.version) },
    );
  }
  if (error instanceof ConstraintError)
    return plain(
      problem(409, `constraint_${error.kind}`, 'Conflict', {
        detail: error.userMessage,
        ...(error.detail ? { constraint: error.detail } : {}),
      }),
    );
  if (error instanceof ValidationError)
    return plain(
      problem(422, 'validation', 'Invalid input', {
        detail: error.userMessage,
        errors: error.issues.map((i) => ({ path: i.path, message: i.message })),
      }),
    );
  if (error instanceof CycleError)
    return plain(
      problem(422, 'dependency_cycle', 'Dependency cycle', {
        detail: error.message,
        tasks: error.taskIds.map((id, i) => ({ id, name: error.names[i] ?? id })),
      }),
    );
  if (error instanceof ScheduleError)
    return plain(
      problem(422, `schedule_${error.code.toLowerCase()}`, 'The plan cannot be scheduled', {
        detail: error.message,
      }),
    );
  if (error instanceof FormatError)
    return plain(
      problem(422, 'format', `Invalid ${error.format} file`, {
        detail: error.message,
        errors: error.issues.map((i) => ({ path: i.path, message: i.message })),
      }),
    );
  if (error instanceof ZodError)
    return plain(
      problem(422, 'validation', 'Invalid input', {
        detail: 'The request does not match the schema.',
        errors: error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
      }),
    );
  if (error instanceof HTTPException) return plain(fromHttpException(error));
  return undefined;
}

function fromHttpException(error: HTTPException): Problem {
  const status = error.status;
  if (status === 400 && /json/i.test(error.message))
    return problem(400, 'invalid_json', 'Invalid JSON', { detail: 'The request body is not valid JSON.' });
  if (status === 413)
    return problem(413, 'body_too_large', 'Request body too large', { detail: error.message });
  if (status === 415)
    return problem(415, 'unsupported_media_type', 'Unsupported media type', {
      detail: 'Send the body as application/json.',
    });
  return problem(status, `http_${status}`, error.message || 'Request failed');
}
