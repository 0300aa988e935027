/**
 * Every API route is declared through `apiRoute(access, route)`: the OpenAPI description plus the
 * permission it needs. The permission is enforced by `authorize` (run before validation) and published
 * in the OpenAPI document as `x-permission`, which is how the authorisation-matrix test finds every
 * route. A route cannot be declared without one.
 */
import { type RouteConfig, createRoute } from '@hono/zod-openapi';
import { type Access, authorize } from '../auth/authorize.ts';
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from './problem.ts';

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
});

/** The error responses every route may give, merged into each route's own. */
function errorResponses(access: Access, route: Pick<RouteConfig, 'method' | 'request'>) {
  const unsafe = route.method !== 'get';
  return {
    ...(route.request ? { 400: problemResponse('Malformed request (query, path or JSON syntax)') } : {}),
    ...(access.permission !== 'public'
      ? {
          401: problemResponse('Not signed in'),
          403: problemResponse(unsafe ? 'Role does not allow this, or CSRF token missing' : 'Not allowed'),
        }
      : {}),
    404: problemResponse('Not found, or not visible to you'),
    ...(route.request?.body
      ? { 413: problemResponse('Body too large'), 422: problemResponse('Invalid input') }
      : {}),
    ...(access.permission === 'public' ? { 429: problemResponse('Too many attempts') } : {}),
  };
}

const SECURITY = [{ session: [] }, { bearer: [] }];

/** The route as given (its types drive the handler's), with the gate and the docs added at run time. */
export function apiRoute<const R extends Omit<RouteConfig, 'middleware' | 'security'>>(
  access: Access,
  route: R,
): R {
  return createRoute({
    ...route,
    responses: { ...errorResponses(access, route), ...route.responses },
    ...(access.permission === 'public' ? { security: [] } : { security: SECURITY }),
    'x-permission': access.permission,
    middleware: [authorize(access)],
  } as unknown as RouteConfig) as unknown as R;
}
