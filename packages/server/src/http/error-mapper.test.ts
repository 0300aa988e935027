/** Each typed error becomes its problem; anything else a logged, bare 500. */
import { Writable } from 'node:stream';
import { CycleError, ScheduleError } from '@tandem/core';
import { FormatError } from '@tandem/formats';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConstraintError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
} from '../repositories/errors.ts';
import { ApiError } from './api-error.ts';
import { mapError } from './error-mapper.ts';
import { createLogger } from './logger.ts';

const silent = createLogger({ level: 'silent' });

describe('mapError', () => {
  it.each([
    [new NotFoundError('work_item', 'w1'), 404, 'not_found'],
    [new ConstraintError('unique', 'duplicate key', 'work_items.key'), 409, 'constraint_unique'],
    [new ValidationError([{ path: 'sort', message: 'cannot sort by "x"' }]), 422, 'validation'],
    [new ScheduleError('UNKNOWN_CALENDAR', 'no calendar'), 422, 'schedule_unknown_calendar'],
    [new HTTPException(400, { message: 'Malformed JSON in request body' }), 400, 'invalid_json'],
    [new HTTPException(415, { message: 'Unsupported Media Type' }), 415, 'unsupported_media_type'],
    [new ApiError(428, 'precondition_required', 'If-Match required'), 428, 'precondition_required'],
  ] as const)('%s → %i %s', (error, status, code) => {
    const { problem } = mapError(error, silent, '/api/x');
    expect(problem).toMatchObject({
      status,
      code,
      instance: '/api/x',
      type: expect.stringMatching(/^https:/),
    });
  });

  it('puts the current version in a version conflict, and the ETag in a header', () => {
    const error = new VersionConflictError('work_item', 'w1', 1, {
      id: 'w1',
      version: 3,
      workspace_id: 'ws',
      sort_key: 1,
    });
    const { problem, headers } = mapError(error, silent);
    expect(problem).toMatchObject({
      status: 412,
      currentVersion: 3,
      currentEtag: '"3"',
      current: { id: 'w1', sortKey: 1 },
    });
    expect(problem.current).not.toHaveProperty('workspaceId');
    expect(headers.etag).toBe('"3"');
  });

  it('names the tasks of a dependency cycle', () => {
    const { problem } = mapError(new CycleError(['a', 'b'], ['Design', 'Build']), silent);
    expect(problem).toMatchObject({
      status: 422,
      code: 'dependency_cycle',
      tasks: [
        { id: 'a', name: 'Design' },
        { id: 'b', name: 'Build' },
      ],
    });
  });

  it('lists every issue of a file or schema error with its path', () => {
    const format = FormatError.fromIssues('plan', [
      { path: 'tasks[3].duration', message: 'must be positive' },
    ]);
    expect(mapError(format, silent).problem.errors).toEqual([
      { path: 'tasks[3].duration', message: 'must be positive' },
    ]);
    const zod = z
      .object({ tasks: z.array(z.object({ duration: z.number() })) })
      .safeParse({ tasks: [{}, { duration: 'x' }] });
    expect(mapError(zod.error, silent).problem.errors?.map((e) => e.path)).toEqual([
      'tasks[0].duration',
      'tasks[1].duration',
    ]);
  });

  it('logs an unknown error and leaks nothing of it', () => {
    let logged = '';
    const logger = createLogger(
      { level: 'error' },
      new Writable({
        write(chunk: Buffer, _e, done) {
          logged += chunk.toString();
          done();
        },
      }),
    );
    const { problem } = mapError(new Error('connection to 10.0.0.5 refused'), logger);
    expect(problem).toMatchObject({ status: 500, code: 'internal' });
    expect(JSON.stringify(problem)).not.toContain('10.0.0.5');
    expect(logged).toContain('10.0.0.5');
  });
});
