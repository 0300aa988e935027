/**
 * The facts a phase gate's technical criteria are checked against, read from the project's data:
 * technical decisions (ADRs) of the RAID log, requirements and their traceability, and the engineering
 * signals (coverage of the latest CI run, open P1 incidents).
 */
import type { GateFacts } from '@tandem/core';
import { sql } from 'kysely';
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

/** Line coverage of the project's latest CI run that reported one (engineering signals, 0004). */
export async function coverageFact(
  db: Db,
  workspaceId: string,
  projectId: string,
): Promise<GateFacts['coverage']> {
  const run = await db
    .selectFrom('ci_runs')
    .select(['name', 'branch', 'sha', 'coverage', 'finished_at', 'started_at'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('coverage', 'is not', null)
    .orderBy(sql`coalesce(finished_at, started_at, '')`, 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!run || run.coverage === null) return { evaluable: false, reason: 'no coverage data' };
  const where = [run.name, run.branch, run.sha?.slice(0, 7)].filter(Boolean).join(' ');
  return { evaluable: true, percent: Math.round(run.coverage * 100) / 100, source: `CI run ${where}`.trim() };
}

/** Severities that count as P1 (providers name the highest one differently). */
const P1 = new Set(['p1', 'sev1', 'sev-1', 's1', '1', 'critical', 'blocker', 'highest']);

/** Open incidents of the highest severity (P1). */
export async function p1IncidentFact(
  db: Db,
  workspaceId: string,
  projectId: string,
): Promise<GateFacts['p1Incidents']> {
  const open = await db
    .selectFrom('incidents')
    .select(['title', 'severity', 'state', 'resolved_at'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('resolved_at', 'is', null)
    .orderBy('opened_at')
    .execute();
  return {
    evaluable: true,
    open: open
      .filter((i) => i.state !== 'resolved' && P1.has((i.severity ?? '').trim().toLowerCase()))
      .map((i) => i.title),
  };
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
