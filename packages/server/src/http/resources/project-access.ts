/**
 * `GET /api/projects/{id}/access`: the caller's role in the project (after the workspace rules:
 * owners and admins everywhere, a workspace viewer stays a viewer, else the membership's role) and the
 * project permissions it grants, so a client can hide what it may not do. The server still checks
 * every request.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  PERMISSIONS,
  type Permission,
  ROLES,
  isProjectPermission,
  roleGrants,
} from '../../auth/permissions.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf } from '../context.ts';
import { idParam } from './register-resource.ts';

const PROJECT_PERMISSIONS = (Object.keys(PERMISSIONS) as Permission[]).filter(isProjectPermission);

const ProjectAccessSchema = z
  .object({
    projectId: z.string(),
    role: z.enum(ROLES),
    permissions: z.array(z.enum(PROJECT_PERMISSIONS as [Permission, ...Permission[]])),
  })
  .openapi('ProjectAccess');

export function registerProjectAccessRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'project:read', project: { param: 'id' } },
      {
        method: 'get',
        path: '/api/projects/{id}/access',
        tags: ['Projects'],
        summary: 'Your role in the project and the project permissions it grants',
        request: { params: idParam },
        responses: {
          200: {
            description: 'Your access',
            content: { 'application/json': { schema: ProjectAccessSchema } },
          },
        },
      },
    ),
    (c) => {
      const { projectId, role } = accessOf(c);
      return c.json(
        { projectId, role, permissions: PROJECT_PERMISSIONS.filter((p) => roleGrants(role, p)) },
        200,
      );
    },
  );
}
