/** Stakeholder satisfaction scores over time (0..10): the PM's third KPI. */
import { z } from '@hono/zod-openapi';
import {
  SATISFACTION_SCORES,
  createSatisfactionScore,
  deleteSatisfactionScore,
  findSatisfactionScore,
  listSatisfactionScores,
  updateSatisfactionScore,
} from '../../repositories/satisfaction-score-repository.ts';
import { id, localDate, text } from '../schemas/common.ts';
import { type ResourceDef, repository } from '../resources/resource-def.ts';

export const satisfactionScores: ResourceDef = {
  path: 'satisfaction-scores',
  entityType: 'satisfaction_score',
  title: 'satisfaction score',
  schemaName: 'SatisfactionScore',
  tag: 'Communication',
  spec: SATISFACTION_SCORES,
  fields: {
    stakeholderId: id,
    score: z.number().min(0).max(10),
    scoredOn: localDate,
    note: text.nullable().optional(),
  },
  immutable: ['stakeholderId'],
  access: { read: 'project:read', create: 'project:plan', update: 'project:plan', delete: 'project:plan' },
  repo: repository({
    find: findSatisfactionScore,
    list: listSatisfactionScores,
    create: createSatisfactionScore,
    update: updateSatisfactionScore,
    delete: deleteSatisfactionScore,
  }),
  refs: { stakeholderId: { table: 'stakeholders', what: 'stakeholder' } },
};
