/** The RAID log: risks, assumptions, issues and decisions (ADRs). */
import { z } from '@hono/zod-openapi';
import { RAID_KINDS } from '../../db/schema.ts';
import {
  RAID_ENTRIES,
  createRaidEntry,
  deleteRaidEntry,
  findRaidEntry,
  listRaidEntries,
  updateRaidEntry,
} from '../../repositories/raid-entry-repository.ts';
import { id, ids, key, label, labels, localDate, name, score, text, threePoint } from '../schemas/common.ts';
import { withRiskScores } from '../../governance/register-risks.ts';
import { type ResourceDef, repository } from './resource-def.ts';

const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

export const raidEntries: ResourceDef = {
  path: 'raid-entries',
  collectionPath: 'raid',
  entityType: 'raid_entry',
  title: 'RAID entry',
  schemaName: 'RaidEntry',
  tag: 'RAID',
  spec: RAID_ENTRIES,
  fields: {
    kind: z.enum(RAID_KINDS),
    title: name,
    key: key.optional(),
    description: nullable(text),
    category: nullable(z.enum(['business', 'technical'])),
    probability: nullable(z.number().min(0).max(1)),
    impact: nullable(z.number().min(0).max(5)),
    score: nullable(score),
    owner: nullable(label),
    ownerId: nullable(id),
    responseStrategy: nullable(z.string().max(50)),
    response: nullable(text),
    trigger: nullable(text),
    residualScore: nullable(score),
    status: z.string().min(1).max(50).optional(),
    dueDate: nullable(localDate),
    linkedWorkItemIds: ids.optional(),
    scheduleImpact: nullable(threePoint),
    costImpact: nullable(threePoint),
    context: nullable(text),
    options: z
      .array(z.strictObject({ name: label, pros: labels.optional(), cons: labels.optional() }))
      .max(100)
      .optional(),
    decision: nullable(text),
    consequences: nullable(text),
    // Residual risk after the response; escalation of issues (0005).
    residualProbability: nullable(z.number().min(0).max(1)),
    residualImpact: nullable(z.number().min(0).max(10)),
    escalationLevel: nullable(z.number().int().min(0).max(5)),
    escalatedTo: nullable(label),
    escalatedAt: nullable(z.iso.datetime()),
  },
  immutable: ['kind'],
  access: {
    read: 'project:read',
    create: 'project:contribute',
    update: 'project:contribute',
    delete: 'project:plan',
  },
  repo: repository({
    find: findRaidEntry,
    list: listRaidEntries,
    create: createRaidEntry,
    update: updateRaidEntry,
    delete: deleteRaidEntry,
  }),
  refs: { ownerId: { table: 'users', what: 'member' } },
  // A risk's score and residual score come from the project's risk matrix (governance/register-risks.ts).
  beforeCreate: (c, trx, input) =>
    withRiskScores(trx, c.get('principal')?.workspaceId ?? '', input.project_id as string, input, input),
  beforeUpdate: (_c, trx, current, patch) =>
    withRiskScores(
      trx,
      current.workspace_id as string,
      current.project_id as string,
      { ...current, ...patch },
      patch,
    ),
  refLists: { linkedWorkItemIds: { table: 'work_items', what: 'work item' } },
};
