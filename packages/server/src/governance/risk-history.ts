/**
 * A project's risk states over time, read back from the audit log (every write of a RAID entry has
 * its entry with the row after the write), for the exposure trend. No table of its own: the audit log
 * already is the history, and a restored workspace keeps it.
 */
import type { RiskStateChange } from '@tandem/core';
import type { RaidEntryTable } from '../db/schema.ts';
import type { Db } from '../repositories/transaction.ts';
import { registerRiskOf } from './register-risks.ts';

export async function riskStateChanges(
  db: Db,
  workspaceId: string,
  projectId: string,
  since?: string,
): Promise<RiskStateChange[]> {
  let query = db
    .selectFrom('audit_log')
    .select(['at', 'entity_id', 'action', 'after'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('entity_type', '=', 'raid_entry');
  if (since !== undefined) query = query.where('at', '>=', since);
  const rows = await query.orderBy('at').orderBy('id').execute();
  const changes: RiskStateChange[] = [];
  for (const row of rows) {
    const after = row.after as Partial<RaidEntryTable> | null;
    if (row.action === 'delete' || after === null || typeof after !== 'object') {
      changes.push({ at: row.at, riskId: row.entity_id, risk: null });
      continue;
    }
    if (after.kind !== 'risk') continue;
    changes.push({
      at: row.at,
      riskId: row.entity_id,
      risk: registerRiskOf({
        id: row.entity_id,
        key: after.key ?? row.entity_id,
        title: after.title ?? '',
        status: after.status ?? 'open',
        category: after.category ?? null,
        owner: after.owner ?? null,
        probability: after.probability ?? null,
        impact: after.impact ?? null,
        residual_probability: after.residual_probability ?? null,
        residual_impact: after.residual_impact ?? null,
        schedule_impact: after.schedule_impact ?? null,
        cost_impact: after.cost_impact ?? null,
      }),
    });
  }
  return changes;
}
