/** Stakeholders: influence, interest, attitude, detail level, communication plan, satisfaction. */
import { z } from '@hono/zod-openapi';
import {
  STAKEHOLDERS,
  createStakeholder,
  deleteStakeholder,
  findStakeholder,
  listStakeholders,
  updateStakeholder,
} from '../../repositories/stakeholder-repository.ts';
import { email, label, localDate, name, text } from '../schemas/common.ts';
import { type ResourceDef, repository } from './resource-def.ts';

const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();
const oneToFive = z.number().min(1).max(5);

export const stakeholders: ResourceDef = {
  path: 'stakeholders',
  entityType: 'stakeholder',
  title: 'stakeholder',
  schemaName: 'Stakeholder',
  tag: 'Stakeholders',
  spec: STAKEHOLDERS,
  fields: {
    name,
    title: nullable(label),
    organisation: nullable(label),
    email: nullable(email),
    influence: nullable(oneToFive),
    interest: nullable(oneToFive),
    attitude: nullable(z.string().max(50)),
    detailLevel: z.enum(['executive', 'business', 'technical']).optional(),
    communication: z
      .array(
        z.strictObject({
          audience: label.optional(),
          cadence: label,
          channel: label,
          owner: label.optional(),
        }),
      )
      .max(100)
      .optional(),
    satisfaction: z
      .array(z.strictObject({ at: localDate, score: z.number().min(0).max(10), note: text.optional() }))
      .max(1000)
      .optional(),
    notes: nullable(text),
  },
  access: { read: 'project:read', create: 'project:plan', update: 'project:plan', delete: 'project:plan' },
  repo: repository({
    find: findStakeholder,
    list: listStakeholders,
    create: createStakeholder,
    update: updateStakeholder,
    delete: deleteStakeholder,
  }),
};
