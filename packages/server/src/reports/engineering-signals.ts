/**
 * The engineering signals of a status report for one project up to the status date: the DORA four
 * keys over the 90 days before it (Four Keys' window, from the webhooks' deployments, changes and
 * incidents), the latest test coverage and the failing CI runs, open incidents, and each SLO's uptime
 * and error budget. Until the CI/CD and monitoring webhooks deliver data, the report says so instead
 * of showing zeros.
 */
import { type DoraKeys, type StatusSnapshot, doraKeys, doraSeries } from '@tandem/core';
import type { Db } from '../repositories/transaction.ts';
import { loadDoraHistory } from '../signals/dora-history.ts';
import { sloStatus } from '../signals/slo-status.ts';

export interface EngineeringSignals {
  dora: StatusSnapshot['dora'];
  doraNote: string | null;
  quality: StatusSnapshot['quality'];
  slos: StatusSnapshot['slos'];
}

export const NO_DEPLOYMENT_DATA =
  'No deployment data: connect the CI/CD webhooks (GitHub, GitLab, Jenkins, CircleCI) to see the four keys.';

const DAY = 86_400_000;
const WINDOW_DAYS = 90;

/** The end of the status date's day, as an instant (local dates are read as UTC: no time zone data). */
function endOfStatusDay(statusDate: string): number {
  return Date.parse(`${statusDate.slice(0, 10)}T00:00:00Z`) + DAY;
}

function duration(ms: number | null): string {
  if (ms === null) return 'not measured';
  const hours = ms / 3_600_000;
  if (hours < 1) return `${Math.round(ms / 60_000)} minutes`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} hours`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

function presentDora(
  keys: DoraKeys,
  perWeek: { label: string; count: number }[],
): NonNullable<StatusSnapshot['dora']> {
  const f = keys.deploymentFrequency;
  const cfr = keys.changeFailureRate;
  return {
    window: {
      from: new Date(keys.window.from).toISOString().slice(0, 10),
      to: new Date(keys.window.to - 1).toISOString().slice(0, 10),
    },
    deploymentFrequency: {
      value: `${f.deployments} deployments (${f.bucket}; ${f.weeksDeployed} of ${f.weeks} weeks)`,
      rating: f.rating,
    },
    leadTimeForChanges: {
      value: `${duration(keys.leadTime.medianMs)} (median of ${keys.leadTime.count} changes)`,
      rating: keys.leadTime.rating,
    },
    changeFailureRate: {
      value:
        cfr.rate === null
          ? 'no deployments'
          : `${Math.round(cfr.rate * 100)}% (${cfr.failedDeployments} of ${cfr.deployments})`,
      rating: cfr.rating,
    },
    timeToRestore: {
      value: `${duration(keys.timeToRestore.medianMs)} (median of ${keys.timeToRestore.count} incidents; ${keys.timeToRestore.openIncidents} open)`,
      rating: keys.timeToRestore.rating,
    },
    overall: keys.rating,
    deploymentsPerWeek: perWeek,
  };
}

export async function engineeringSignals(
  db: Db,
  workspaceId: string,
  projectId: string,
  statusDate: string,
): Promise<EngineeringSignals> {
  const to = endOfStatusDay(statusDate);
  const window = { from: to - WINDOW_DAYS * DAY, to };
  const toIso = new Date(to).toISOString();
  const [history, runs, slos] = await Promise.all([
    loadDoraHistory(db, workspaceId, projectId),
    db
      .selectFrom('ci_runs')
      .select(['status', 'coverage', 'finished_at', 'started_at', 'id'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .execute(),
    db
      .selectFrom('slos')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .orderBy('name')
      .orderBy('id')
      .execute(),
  ]);

  const inWindow = history.deployments.filter((d) => d.at >= window.from && d.at < window.to);
  let dora: StatusSnapshot['dora'] = null;
  if (inWindow.length > 0) {
    const keys = doraKeys(
      history,
      window,
      history.dataStart === null ? {} : { dataStart: history.dataStart },
    );
    const weeks = doraSeries(history, window, 'week').map((p) => ({
      label: new Date(p.from).toISOString().slice(0, 10),
      count: p.deployments,
    }));
    dora = presentDora(keys, weeks);
  }

  const finished = runs
    .filter((r) => (r.finished_at ?? r.started_at ?? '') !== '' && (r.finished_at ?? r.started_at)! < toIso)
    .sort(
      (a, b) =>
        (a.finished_at ?? a.started_at ?? '').localeCompare(b.finished_at ?? b.started_at ?? '') ||
        a.id.localeCompare(b.id),
    );
  const covered = finished.filter((r) => r.coverage !== null);
  const recent = finished.filter((r) => Date.parse(r.finished_at ?? r.started_at!) >= to - 7 * DAY);
  const quality: StatusSnapshot['quality'] =
    finished.length === 0
      ? null
      : {
          coverage: covered.length === 0 ? null : covered.at(-1)!.coverage! / 100,
          openDefects: null,
          techDebtItems: null,
          findings: null,
          failedCiRuns: recent.filter((r) => r.status === 'failure').length,
        };

  const sloRows = await Promise.all(
    slos.map(async (slo) => {
      const status = await sloStatus(db, slo, toIso);
      return {
        name: slo.name,
        objective: slo.objective,
        uptime: status.uptime,
        errorBudgetRemaining: status.uptime === null ? null : status.remaining,
      };
    }),
  );

  return { dora, doraNote: dora ? null : NO_DEPLOYMENT_DATA, quality, slos: sloRows };
}
