import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DoraChange, DoraDeployment, DoraHistory, DoraIncident } from './dora-events.ts';
import { doraKeys } from './dora-keys.ts';
import { doraSeries } from './dora-series.ts';

const t = (iso: string) => Date.parse(`${iso}Z`);
const MIN = 60_000;

/**
 * Four weeks (Sunday 4 January – Saturday 31 January 2026) with known answers:
 * - D1 ships squash commit S1, which stands for c1..c3 (committed 3, 2 and 1 days before);
 * - D2 is a deployment without commits;
 * - D3 deploys c5; c4 was pushed earlier and not deployed, so D3 ships it too;
 * - D4 deploys c6 an hour after its commit;
 * - I1 names c5 as root cause (fails D3), I2 has no root cause, I3 is open, I4 names D4 directly.
 */
const deployments: DoraDeployment[] = [
  { id: 'D1', at: t('2026-01-05T12:00'), commits: ['S1'], releaseId: 'R1' },
  { id: 'D2', at: t('2026-01-12T12:00'), commits: [], releaseId: 'R2' },
  { id: 'D3', at: t('2026-01-19T12:00'), commits: ['c5'], releaseId: 'R1' },
  { id: 'D4', at: t('2026-01-26T12:00'), commits: ['c6'], releaseId: 'R2' },
];
const changes: DoraChange[] = [
  { sha: 'c1', committedAt: t('2026-01-02T12:00'), landedAs: 'S1', landedAt: t('2026-01-05T10:00') },
  { sha: 'c2', committedAt: t('2026-01-03T12:00'), landedAs: 'S1', landedAt: t('2026-01-05T10:00') },
  { sha: 'c3', committedAt: t('2026-01-04T12:00'), landedAs: 'S1', landedAt: t('2026-01-05T10:00') },
  { sha: 'S1', committedAt: t('2026-01-05T10:00'), landedAt: t('2026-01-05T10:00') },
  { sha: 'c4', committedAt: t('2026-01-17T12:00'), landedAt: t('2026-01-18T00:00') },
  { sha: 'c5', committedAt: t('2026-01-19T06:00'), landedAt: t('2026-01-19T06:00') },
  { sha: 'c6', committedAt: t('2026-01-26T11:00'), landedAt: t('2026-01-26T11:00') },
  // Never deployed: no lead time.
  { sha: 'c7', committedAt: t('2026-01-30T11:00'), landedAt: t('2026-01-30T11:00') },
];
const incidents: DoraIncident[] = [
  { id: 'I1', createdAt: t('2026-01-19T14:00'), resolvedAt: t('2026-01-19T17:00'), rootCauses: ['c5'] },
  { id: 'I2', createdAt: t('2026-01-22T00:00'), resolvedAt: t('2026-01-22T00:30'), rootCauses: [] },
  { id: 'I3', createdAt: t('2026-01-27T00:00'), resolvedAt: null, rootCauses: [] },
  {
    id: 'I4',
    createdAt: t('2026-01-28T00:00'),
    resolvedAt: t('2026-01-29T00:00'),
    rootCauses: [],
    deploymentId: 'D4',
  },
];
const history: DoraHistory = { deployments, changes, incidents };
const january = { from: t('2026-01-04T00:00'), to: t('2026-02-01T00:00') };

describe('doraKeys, known answers', () => {
  const keys = doraKeys(history, january);

  it('lead time: median over changes, squash commit standing for its pull request, earlier pushes shipped later', () => {
    // 4320 (c1), 2880 (c2), 1440 (c3), 2880 (c4), 360 (c5), 60 (c6) → median (1440 + 2880) / 2 minutes
    expect(keys.leadTime).toEqual({ medianMs: 2160 * MIN, bucket: 'one-week', rating: 'high', count: 6 });
  });

  it('deployment frequency: one deploying day each week is weekly', () => {
    expect(keys.deploymentFrequency).toMatchObject({
      bucket: 'weekly',
      rating: 'high',
      deployments: 4,
      daysDeployed: 4,
      weeks: 4,
      weeksDeployed: 4,
      medianDaysPerWeek: 1,
    });
  });

  it('change failure rate: deployments an incident is attributed to, by root cause or directly', () => {
    expect(keys.changeFailureRate).toEqual({
      rate: 0.5,
      failedDeployments: 2,
      deployments: 4,
      bucket: '46-60%',
      rating: 'low',
    });
  });

  it('time to restore: resolved incidents, with or without a root cause; open ones counted apart', () => {
    // 180 (I1), 30 (I2), 1440 (I4) minutes
    expect(keys.timeToRestore).toEqual({
      medianMs: 180 * MIN,
      bucket: 'one-day',
      rating: 'elite',
      count: 3,
      openIncidents: 1,
    });
  });

  it('overall band is the median level', () => {
    expect(keys.rating).toBe('high');
  });

  it('without the squash link the squash commit itself would be the change', () => {
    const flat = changes.filter((c) => c.landedAs !== 'S1');
    const k = doraKeys({ ...history, changes: flat }, january);
    // 120 (S1), 2880 (c4), 360 (c5), 60 (c6) → (120 + 360) / 2
    expect(k.leadTime.medianMs).toBe(240 * MIN);
  });

  it('per release', () => {
    const r1 = doraKeys(history, january, { releaseId: 'R1' });
    expect(r1.leadTime.medianMs).toBe(2880 * MIN); // 4320, 2880, 1440, 2880, 360
    expect(r1.changeFailureRate).toMatchObject({ rate: 0.5, failedDeployments: 1, deployments: 2 });
    expect(r1.timeToRestore).toMatchObject({ medianMs: 180 * MIN, count: 1 });
    const r2 = doraKeys(history, january, { releaseId: 'R2' });
    expect(r2.leadTime).toMatchObject({ medianMs: 60 * MIN, count: 1, bucket: 'one-day' });
    expect(r2.timeToRestore).toMatchObject({ medianMs: 1440 * MIN, bucket: 'one-week', rating: 'high' });
  });

  it('an empty history measures nothing', () => {
    const k = doraKeys({ deployments: [], changes: [], incidents: [] }, january);
    expect(k.deploymentFrequency.bucket).toBe('yearly');
    expect(k.deploymentFrequency.rating).toBeNull();
    expect(k.leadTime.medianMs).toBeNull();
    expect(k.changeFailureRate.rate).toBeNull();
    expect(k.timeToRestore.medianMs).toBeNull();
    expect(k.rating).toBeNull();
  });

  it('weekly series', () => {
    const s = doraSeries(history, january, 'week');
    // ISO weeks: 29 Dec (only the 4th), 5, 12, 19, 26 January
    expect(s.map((p) => p.deployments)).toEqual([0, 1, 1, 1, 1]);
    expect(s.map((p) => p.failedDeployments)).toEqual([0, 0, 0, 1, 1]);
    expect(s.map((p) => p.leadTimeMedianMs && p.leadTimeMedianMs / MIN)).toEqual([
      null,
      2880,
      null,
      (360 + 2880) / 2,
      60,
    ]);
    expect(s.map((p) => p.incidents)).toEqual([0, 0, 0, 2, 2]);
  });
});

const arbHistory = fc
  .record({
    deployments: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 90 * 1440 }),
        head: fc.option(fc.integer({ min: 0, max: 19 })),
      }),
      { maxLength: 15 },
    ),
    changes: fc.array(
      fc.record({
        committed: fc.integer({ min: 0, max: 90 * 1440 }),
        lag: fc.integer({ min: 0, max: 5000 }),
      }),
      { maxLength: 20 },
    ),
    incidents: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 90 * 1440 }),
        dur: fc.option(fc.integer({ min: 0, max: 10000 })),
        cause: fc.option(fc.integer({ min: 0, max: 19 })),
      }),
      { maxLength: 8 },
    ),
  })
  .map((h): DoraHistory => ({
    deployments: h.deployments.map((d, i) => ({
      id: `d${i}`,
      at: d.at * MIN,
      commits: d.head === null ? [] : [`c${d.head}`],
    })),
    changes: h.changes.map((c, i) => ({
      sha: `c${i}`,
      committedAt: c.committed * MIN,
      landedAt: (c.committed + c.lag) * MIN,
    })),
    incidents: h.incidents.map((x, i) => ({
      id: `i${i}`,
      createdAt: x.at * MIN,
      resolvedAt: x.dur === null ? null : (x.at + x.dur) * MIN,
      rootCauses: x.cause === null ? [] : [`c${x.cause}`],
    })),
  }));
const all = { from: 0, to: 100 * 1440 * MIN };

describe('doraKeys, properties', () => {
  it('rates are shares, medians lie between the extremes, input order does not matter', () => {
    fc.assert(
      fc.property(arbHistory, (h) => {
        const k = doraKeys(h, all);
        const cfr = k.changeFailureRate;
        if (cfr.rate !== null) expect(cfr.rate).toBeGreaterThanOrEqual(0);
        if (cfr.rate !== null) expect(cfr.rate).toBeLessThanOrEqual(1);
        expect(cfr.failedDeployments).toBeLessThanOrEqual(h.deployments.length);
        const reversed = doraKeys(
          {
            deployments: [...h.deployments].reverse(),
            changes: [...h.changes].reverse(),
            incidents: [...h.incidents].reverse(),
          },
          all,
        );
        expect(reversed).toEqual(k);
      }),
    );
  });

  it('a deployment without commits changes no lead time and no time to restore', () => {
    fc.assert(
      fc.property(arbHistory, fc.integer({ min: 0, max: 90 * 1440 }), (h, at) => {
        const before = doraKeys(h, all);
        const after = doraKeys(
          { ...h, deployments: [...h.deployments, { id: 'x', at: at * MIN, commits: [] }] },
          all,
        );
        expect(after.timeToRestore).toEqual(before.timeToRestore);
        expect(after.changeFailureRate.deployments).toBe(before.changeFailureRate.deployments + 1);
        expect(after.changeFailureRate.failedDeployments).toBe(before.changeFailureRate.failedDeployments);
      }),
    );
  });
});
