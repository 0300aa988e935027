/** The OpenAPI shape of `GET /api/projects/{id}/engineering` (`signals/engineering-state.ts`). */
import { z } from '@hono/zod-openapi';

const EngineeringState = {
  builds: z.object({
    total: z.number().int(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    running: z.number().int(),
    lastStatus: z.string().nullable(),
    lastAt: z.string().nullable(),
  }),
  failingBuilds: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        branch: z.string().nullable(),
        sha: z.string().nullable(),
        workItemIds: z.array(z.string()),
        url: z.string().nullable(),
        criticalWorkItemIds: z
          .array(z.string())
          .openapi({ description: 'Those of its work items on the critical path now.' }),
      }),
    )
    .openapi({ description: 'Failed runs whose branch or commit has no later success: what is broken now.' }),
  deployments: z.object({
    total: z.number().int().openapi({ description: 'Successful deployments, any environment.' }),
    failed: z.number().int().openapi({ description: 'Failed deployments, any environment.' }),
    production: z.number().int().openapi({ description: 'Successful production deployments.' }),
    lastProductionAt: z.string().nullable(),
    lastEnvironment: z
      .string()
      .nullable()
      .openapi({ description: 'Environment of the last successful deployment.' }),
  }),
  openIncidents: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      severity: z
        .string()
        .nullable()
        .openapi({ description: 'As the source says it (sev2, critical, info…).' }),
      openedAt: z.string(),
      url: z.string().nullable(),
      workItemIds: z.array(z.string()),
    }),
  ),
  coverage: z.number().nullable().openapi({ description: 'Latest test coverage, percent (0–100).' }),
  workItemIds: z.array(z.string()).openapi({ description: 'The work feeding it (row ids).' }),
};

export const EngineeringViewSchema = z
  .object({
    project: z.object(EngineeringState).openapi('EngineeringState'),
    releases: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        tag: z.string().nullable(),
        status: z.string(),
        plannedDate: z.string().nullable(),
        ...EngineeringState,
      }),
    ),
    milestones: z.array(
      z.object({
        id: z.string(),
        key: z.string(),
        name: z.string(),
        critical: z.boolean().nullable(),
        ...EngineeringState,
      }),
    ),
  })
  .openapi('EngineeringView');
