/** An SLO's uptime and error budget over its rolling window, from samples or from incident downtime. */
import { errorBudget, type ErrorBudget, uptimeFromOutages, uptimeFromSamples } from '@tandem/core';
import type { Slo } from '../repositories/slo-repository.ts';
import { listSloSamples } from '../repositories/slo-repository.ts';
import type { Db } from '../repositories/transaction.ts';

export interface SloStatus extends ErrorBudget {
  windowStart: string;
  windowEnd: string;
  /** Burn rate over the last hour… day of the window (fast-burn alerting reads this). */
  burnRateLastDay: number;
  status: 'healthy' | 'at_risk' | 'exhausted' | 'no_data';
}

const DAY = 86_400_000;

async function uptime(db: Db, slo: Slo, from: number, to: number, now: number): Promise<number | null> {
  if (slo.method === 'samples') {
    const samples = await listSloSamples(
      db,
      slo.workspace_id,
      slo.id,
      new Date(from).toISOString(),
      new Date(to).toISOString(),
    );
    return uptimeFromSamples(
      samples.map((s) => ({ at: Date.parse(s.at), good: s.good, total: s.total })),
      { from, to },
    );
  }
  let q = db
    .selectFrom('incidents')
    .select(['opened_at', 'resolved_at'])
    .where('workspace_id', '=', slo.workspace_id)
    .where('project_id', '=', slo.project_id)
    .where('opened_at', '<', new Date(to).toISOString())
    .where((eb) =>
      eb.or([eb('resolved_at', 'is', null), eb('resolved_at', '>', new Date(from).toISOString())]),
    );
  if (slo.service) q = q.where('source', '=', slo.service);
  const incidents = await q.execute();
  return uptimeFromOutages(
    incidents.map((i) => ({
      start: Date.parse(i.opened_at),
      end: i.resolved_at === null ? null : Date.parse(i.resolved_at),
    })),
    { from, to },
    now,
  );
}

export async function sloStatus(db: Db, slo: Slo, nowIso: string): Promise<SloStatus> {
  const now = Date.parse(nowIso);
  const from = now - slo.window_days * DAY;
  const window = { from, to: now };
  const up = await uptime(db, slo, from, now, now);
  const budget = errorBudget(slo.objective, up, window, now);
  const lastDay = await uptime(db, slo, now - DAY, now, now);
  const burnRateLastDay = lastDay === null ? 0 : (1 - lastDay) / (1 - slo.objective);
  return {
    ...budget,
    windowStart: new Date(from).toISOString(),
    windowEnd: new Date(now).toISOString(),
    burnRateLastDay,
    status:
      up === null
        ? 'no_data'
        : budget.remaining <= 0
          ? 'exhausted'
          : budget.remaining < 0.25 || burnRateLastDay > 2
            ? 'at_risk'
            : 'healthy',
  };
}
