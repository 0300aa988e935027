/**
 * One action from a signal to the RAID log: a technical risk that names what was seen (a failing build,
 * a failed deployment, an open incident, a change), links the signal's work items, and says whether
 * any of them is on the critical path — in which case the default impact is higher.
 */
import { type RaidEntry, createRaidEntry } from '../repositories/raid-entry-repository.ts';
import { type SignalTable, findSignal } from '../repositories/signal-repository.ts';
import { NotFoundError } from '../repositories/errors.ts';
import type { Db, WriteContext } from '../repositories/transaction.ts';

export const SIGNAL_KINDS = {
  deployments: 'deployments',
  changes: 'changes',
  incidents: 'incidents',
  'ci-runs': 'ci_runs',
} as const satisfies Record<string, SignalTable>;
export type SignalKindPath = keyof typeof SIGNAL_KINDS;

export interface RaiseRiskInput {
  title?: string | undefined;
  probability?: number | undefined;
  impact?: number | undefined;
}

type Row = Record<string, unknown>;

/** A deployment's status as the end of a risk's title ("Deployment to production failed"). */
const DEPLOYMENT_OUTCOME: Record<string, string> = {
  success: 'needs attention',
  failure: 'failed',
  cancelled: 'cancelled',
  inactive: 'no longer active',
  pending: 'pending',
  in_progress: 'in progress',
};

function describe(kind: SignalKindPath, s: Row): { title: string; what: string } {
  const where = typeof s.source === 'string' ? ` in ${s.source}` : '';
  switch (kind) {
    case 'ci-runs':
      return {
        title: `Build "${String(s.name)}" ${s.status === 'failure' ? 'failing' : String(s.status)}${s.branch ? ` on ${String(s.branch)}` : ''}`,
        what: `CI run ${String(s.name)}${where}: ${String(s.status)}${s.sha ? ` at ${String(s.sha).slice(0, 12)}` : ''}${s.coverage !== null && s.coverage !== undefined ? `, coverage ${String(s.coverage)} %` : ''}.`,
      };
    case 'deployments':
      return {
        title: `Deployment to ${String(s.environment)} ${DEPLOYMENT_OUTCOME[String(s.status)] ?? String(s.status)}`,
        what: `Deployment ${String(s.external_id)}${where} to ${String(s.environment)}: ${String(s.status)} at ${String(s.deployed_at)}.`,
      };
    case 'incidents':
      return {
        title: `Incident: ${String(s.title)}`,
        what: `Incident${where} opened ${String(s.opened_at)}, ${String(s.state)}${s.severity ? `, severity ${String(s.severity)}` : ''}.`,
      };
    case 'changes':
      return {
        title: `Change ${String(s.sha).slice(0, 12)}: ${String(s.message).split('\n')[0]?.slice(0, 120) ?? ''}`,
        what: `Commit ${String(s.sha)}${where} by ${String(s.author ?? 'unknown')}, ${String(s.committed_at)}.`,
      };
  }
}

export async function raiseRiskFromSignal(
  trx: Db,
  ctx: WriteContext,
  projectId: string,
  kind: SignalKindPath,
  signalId: string,
  criticalWorkItemIds: ReadonlySet<string>,
  input: RaiseRiskInput,
): Promise<RaidEntry> {
  const signal = await findSignal(trx, ctx.workspaceId, SIGNAL_KINDS[kind], signalId);
  if (!signal || signal.project_id !== projectId) throw new NotFoundError(kind.replace(/s$/, ''), signalId);
  const linked = signal.work_item_ids;
  const critical = linked.filter((id) => criticalWorkItemIds.has(id));
  const { title, what } = describe(kind, signal);
  const probability = input.probability ?? (kind === 'changes' ? 0.3 : 0.6);
  const impact = input.impact ?? (critical.length > 0 ? 4 : 3);
  const description = [
    what,
    typeof signal.url === 'string' ? `Link: ${signal.url}` : null,
    critical.length > 0
      ? `${critical.length} linked work item(s) are on the critical path: a delay there moves the finish date.`
      : linked.length > 0
        ? `${linked.length} linked work item(s).`
        : 'No work item is linked to this signal.',
  ]
    .filter((l): l is string => l !== null)
    .join('\n');
  return createRaidEntry(trx, ctx, {
    project_id: projectId,
    kind: 'risk',
    title: (input.title ?? (critical.length > 0 ? `${title} (critical path)` : title)).slice(0, 300),
    description,
    category: 'technical',
    probability,
    impact,
    score: Math.round(probability * impact * 100) / 100,
    trigger: what.slice(0, 2000),
    linked_work_item_ids: linked,
  });
}
