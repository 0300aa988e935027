/**
 * The staffing advisor over HTTP: `POST /api/advisor` (a profile in, the advice out; pure, for any
 * signed-in user), `GET /api/projects/{id}/advice` (for a project's saved or derived profile) and
 * `PUT /api/projects/{id}/advice/profile` (save the project's profile).
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { adviseStaffing } from '@tandem/core';
import {
  advisorRequestSchema,
  projectProfileSchema,
  salaryFiguresSchema,
  withDefaultFigures,
} from '@tandem/formats';
import { projectStaffingProfile } from '../../advisor/project-profile.ts';
import { getProject, updateProject } from '../../repositories/project-repository.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, workspaceOf } from '../context.ts';
import { inWrite } from '../resources/write.ts';
import { JSON_TYPE, inProject, projectParam } from './project-param.ts';

const AdviceSchema = z.object({}).catchall(z.unknown()).openapi('StaffingAdvice');
const ProjectAdviceSchema = z
  .object({
    profile: z.object({}).catchall(z.unknown()),
    profileSource: z.enum(['saved', 'derived']),
    derivedFrom: z.record(z.string(), z.string()),
    advice: AdviceSchema,
  })
  .openapi('ProjectStaffingAdvice');

export function registerAdvisorRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      { permission: 'self' },
      {
        method: 'post',
        path: '/api/advisor',
        tags: ['Advisor'],
        summary: 'Recommend who should lead a project: PM, IT PM, TPM or PM + TPM',
        description:
          'Reasons name the profile fields they came from; every option is priced with its source. Salary figures default to PRODUCT.md §5 and may be given.',
        request: { body: { required: true, content: { [JSON_TYPE]: { schema: advisorRequestSchema } } } },
        responses: { 200: { description: 'The advice', content: { [JSON_TYPE]: { schema: AdviceSchema } } } },
      },
    ),
    (c) => {
      const { profile, figures } = c.req.valid('json');
      return c.json(adviseStaffing(profile, withDefaultFigures(figures)), 200);
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:read', project: inProject },
      {
        method: 'get',
        path: '/api/projects/{id}/advice',
        tags: ['Advisor'],
        summary: 'Staffing advice for the project',
        description:
          'From the profile saved with the project, or else one derived from its resources, work items, requirements and stakeholders (`derivedFrom` says how).',
        request: { params: projectParam },
        responses: {
          200: { description: 'The advice', content: { [JSON_TYPE]: { schema: ProjectAdviceSchema } } },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const stored = await projectStaffingProfile(c.get('deps').db, workspaceId, accessOf(c).projectId);
      return c.json(
        {
          profile: stored.profile,
          profileSource: stored.source,
          derivedFrom: stored.derivedFrom,
          advice: adviseStaffing(stored.profile),
        },
        200,
      );
    },
  );

  app.openapi(
    apiRoute(
      { permission: 'project:plan', project: inProject },
      {
        method: 'put',
        path: '/api/projects/{id}/advice/profile',
        tags: ['Advisor'],
        summary: 'Save the project’s staffing profile (null to derive it again)',
        request: {
          params: projectParam,
          body: {
            required: true,
            content: {
              [JSON_TYPE]: {
                schema: z.strictObject({
                  profile: projectProfileSchema.nullable(),
                  figures: salaryFiguresSchema.optional(),
                }),
              },
            },
          },
        },
        responses: {
          200: { description: 'The advice now', content: { [JSON_TYPE]: { schema: ProjectAdviceSchema } } },
        },
      },
    ),
    async (c) => {
      const { workspaceId } = workspaceOf(c);
      const { projectId } = accessOf(c);
      const { profile } = c.req.valid('json');
      await inWrite(c, { reschedule: false }, async (trx, ctx) => {
        const project = await getProject(trx, workspaceId, projectId);
        return updateProject(trx, ctx, projectId, project.version, { staffing_profile: profile });
      });
      const stored = await projectStaffingProfile(c.get('deps').db, workspaceId, projectId);
      return c.json(
        {
          profile: stored.profile,
          profileSource: stored.source,
          derivedFrom: stored.derivedFrom,
          advice: adviseStaffing(stored.profile),
        },
        200,
      );
    },
  );
}
