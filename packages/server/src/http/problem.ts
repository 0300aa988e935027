/**
 * Problem details (RFC 9457): the one body shape of every error the API returns, served as
 * `application/problem+json`.
 */
import { z } from '@hono/zod-openapi';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One field that failed validation: `path` as `tasks[3].duration`, `body` for the body itself. */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface Problem {
  /** A URI naming the kind of problem; `about:blank` when the status code says it all. */
  type: string;
  title: string;
  status: number;
  /** Human-readable explanation of this occurrence. */
  detail?: string;
  /** The request path the problem belongs to. */
  instance?: string;
  /** A stable machine-readable code (`not_found`, `version_conflict`, …). */
  code: string;
  /** Validation failures, one per field. */
  errors?: FieldIssue[];
  [extension: string]: unknown;
}

const TYPE_BASE = 'https://tandem.dev/problems/';

/** `problem(404, 'not_found', 'Not found', …)`: the type URI is derived from the code. */
export function problem(
  status: number,
  code: string,
  title: string,
  extra: Omit<Partial<Problem>, 'status' | 'code' | 'title'> = {},
): Problem {
  return { type: `${TYPE_BASE}${code.replaceAll('_', '-')}`, title, status, code, ...extra };
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
  });
}

/** The OpenAPI schema of a problem, referenced by every route's error responses. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem');
