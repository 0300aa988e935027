/**
 * The facts a phase gate's technical criteria are checked against, read from the project's data:
 * technical decisions (ADRs) of the RAID log, requirements and their traceability, and the engineering
 * signals (coverage of the latest CI run, open P1 incidents).
 */
import type { GateFacts } from '@tandem/core';
import type { Db } from '../repositories/transaction.ts';

/** Statuses of a decision that has been made (anything else is still open for review). */
const DECIDED = new Set(['decided', 'accepted', 'approved', 'superseded', 'closed', 'done', 'implemented']);
/** Requirements that are out of scope need no trace. */
const OUT_OF_SCOPE = new Set(['rejected', 'wont', 'cancelled', 'deferred', 'withdrawn']);

async function designReviews(
  db: Db,
  workspaceId: string,
  projectId: string,
): Promise<GateFacts['designReviews']> {
  const rows = await db
    .selectFrom('raid_entries')
    .select(['key', 'status'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('kind', '=', 'decision')
    .where('category', '=', 'technical')
    .orderBy('key')
    .execute();
  return { total: rows.length, undecided: rows.filter((r) => !DECIDED.has(r.status)).map((r) => r.key) };
}

async function requirements(
  db: Db,
  workspaceId: string,
  projectId: string,
): Promise<GateFacts['requirements']> {
  const rows = await db
    .selectFrom('requirements')
    .select(['key', 'status', 'links'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('key')
    .execute();
  const inScope = rows.filter((r) => !OUT_OF_SCOPE.has(r.status));
  return {
    total: inScope.length,
    untraced: inScope.filter((r) => (r.links.workItemIds ?? []).length === 0).map((r) => r.key),
  };
}

/** Line coverage of the project's latest CI run that reported one. */
export async function coverageFact(
  db: Db,
  workspaceId: string,
  projectId: string,
): Promise<GateFacts['coverage']> {
  void db;
  void workspaceId;
  void projectId;
  return { evaluable: false, reason: 'no coverage data' };
}

/** Open incidents of the highest severity (P1). */
export async function p1IncidentFact(
  db: Db,
  workspaceId: string,
  projectId: string,
): Promise<GateFacts['p1Incidents']> {
  void db;
  void workspaceId;
  void projectId;
  return { evaluable: false, reason: 'no incident data' };
}

export async function gateFacts(db: Db, workspaceId: string, projectId: string): Promise<GateFacts> {
  const [d, r, coverage, p1Incidents] = await Promise.all([
    designReviews(db, workspaceId, projectId),
    requirements(db, workspaceId, projectId),
    coverageFact(db, workspaceId, projectId),
    p1IncidentFact(db, workspaceId, projectId),
  ]);
  return { designReviews: d, requirements: r, coverage, p1Incidents };
}
