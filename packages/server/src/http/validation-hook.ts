/**
 * What a failed zod validation answers: every issue with its field path (`tasks[3].duration`).
 * A body that is valid JSON but not what the route takes is 422; a bad query, path or header is 400.
 */
import type { Hook } from '@hono/zod-openapi';
import { ApiError } from './api-error.ts';
import { formatPath } from './field-path.ts';
import type { AppEnv } from './app-env.ts';

const WHERE: Record<string, string> = { query: 'query', param: 'path', header: 'header', cookie: 'cookie' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (result.success) return;
  const where = result.target !== 'json' ? { in: WHERE[result.target] ?? result.target } : {};
  const errors = result.error.issues.flatMap((issue) => {
    // One entry per unknown field, at its own path, rather than one for the object holding them.
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        message: 'unknown field',
        ...where,
      }));
    const path = formatPath(issue.path);
    return [
      {
        path: path === '' ? (result.target === 'json' ? '(body)' : `(${result.target})`) : path,
        message: issue.message,
        ...where,
      },
    ];
  });
  if (result.target === 'json')
    throw new ApiError(422, 'validation', 'Invalid input', describe(errors), { errors });
  throw new ApiError(400, 'bad_request', 'Bad request', describe(errors), { errors });
};

function describe(errors: { path: string; message: string }[]): string {
  const [first] = errors;
  if (!first) return 'The request is not valid.';
  return errors.length === 1
    ? `${first.path}: ${first.message}`
    : `${errors.length} problems, first ${first.path}: ${first.message}`;
}
