/** Invariants of earned value over random small plans (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocal, parseLocal } from '../../time/local-time.ts';
import { earnedValue } from './earned-value.ts';
import { evmIndicators } from './evm-indicators.ts';
import { evmProject, evmTask } from './evm-fixtures.ts';

const MONDAY = parseLocal('2026-03-02T08:00');
const DAY = 1440;

const taskArb = fc.record({
  offsetDays: fc.integer({ min: 0, max: 20 }),
  days: fc.integer({ min: 0, max: 15 }),
  cost: fc.integer({ min: 0, max: 10_000 }),
  percent: fc.integer({ min: 0, max: 100 }),
  actualCost: fc.option(fc.integer({ min: 0, max: 12_000 }), { nil: undefined }),
});

const planArb = fc.record({
  tasks: fc.array(taskArb, { minLength: 1, maxLength: 6 }),
  statusDays: fc.integer({ min: -3, max: 40 }),
});

type Plan = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

function build(plan: Plan) {
  const tasks = plan.tasks.map((t, i) =>
    evmTask(`t${i}`, t.days, {
      progress: { percentComplete: t.percent },
      ...(t.actualCost !== undefined ? { actualCost: t.actualCost } : {}),
    }),
  );
  const baselineTasks = Object.fromEntries(
    plan.tasks.map((t, i) => {
      const start = MONDAY + t.offsetDays * DAY;
      // Calendar days as a stand-in for a finish: the spread is over the working time in between.
      const finish = start + t.days * DAY + (t.days > 0 ? 9 * 60 : 0);
      return [`t${i}`, { start: formatLocal(start), finish: formatLocal(finish), cost: t.cost }];
    }),
  );
  return evmProject({
    tasks,
    baselines: [{ name: '0', tasks: baselineTasks }],
    statusDate: formatLocal(MONDAY + plan.statusDays * DAY + 9 * 60),
  });
}

describe('earned value properties', () => {
  it('0 ≤ PV ≤ BAC and 0 ≤ EV ≤ BAC, per task and in total; totals are the sums of the tasks', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const r = earnedValue(build(plan));
        for (const t of [...r.tasks, r.indicators]) {
          expect(t.pv).toBeGreaterThanOrEqual(0);
          expect(t.pv).toBeLessThanOrEqual(t.bac + 1e-9);
          expect(t.ev).toBeGreaterThanOrEqual(0);
          expect(t.ev).toBeLessThanOrEqual(t.bac + 1e-9);
        }
        const sum = (k: 'bac' | 'pv' | 'ev' | 'ac') => r.tasks.reduce((s, t) => s + t[k], 0);
        expect(r.indicators.pv).toBeCloseTo(sum('pv'), 6);
        expect(r.indicators.ac).toBeCloseTo(sum('ac'), 6);
      }),
      { numRuns: 60 },
    );
  });

  it('the S-curves end where the totals are, and PV never falls', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const r = earnedValue(build(plan), { period: 'week' });
        const points = r.series?.points ?? [];
        const last = points[points.length - 1];
        expect(last?.pv).toBeCloseTo(r.indicators.bac, 6);
        const known = points.filter((p) => p.ev !== null);
        expect(known[known.length - 1]?.ev ?? 0).toBeCloseTo(r.indicators.ev, 6);
        expect(known[known.length - 1]?.ac ?? 0).toBeCloseTo(r.indicators.ac, 6);
        points.slice(1).forEach((p, i) => expect(p.pv).toBeGreaterThanOrEqual((points[i]?.pv ?? 0) - 1e-9));
      }),
      { numRuns: 40 },
    );
  });

  it('earned schedule stays within the plan and agrees in sign with the cost view', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const r = earnedValue(build(plan));
        const es = r.earnedSchedule;
        if (!es) return;
        expect(es.es).toBeGreaterThanOrEqual(0);
        expect(es.es).toBeLessThanOrEqual(es.pd + 1e-9);
        if (r.indicators.ev < r.indicators.pv - 1e-6) expect(es.es).toBeLessThanOrEqual(es.at + 1e-9);
        if (es.spiT !== null && es.spiT < 1) expect(es.es).toBeLessThan(es.at);
      }),
      { numRuns: 60 },
    );
  });
});

describe('indicator identities', () => {
  const measures = fc
    .record({
      bac: fc.integer({ min: 1, max: 1_000_000 }),
      pvShare: fc.double({ min: 0.01, max: 1, noNaN: true }),
      evShare: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      ac: fc.integer({ min: 1, max: 2_000_000 }),
    })
    .map(({ bac, pvShare, evShare, ac }) => ({ bac, pv: bac * pvShare, ev: bac * evShare, ac }));

  it('CV = EV − AC, SV = EV − PV, EAC(CPI) × CPI = BAC, ETC = EAC − AC, VAC = BAC − EAC', () => {
    fc.assert(
      fc.property(measures, (m) => {
        const r = evmIndicators(m);
        expect(r.cv).toBeCloseTo(m.ev - m.ac, 6);
        expect(r.sv).toBeCloseTo(m.ev - m.pv, 6);
        expect((r.eac.cpi ?? NaN) * (r.cpi ?? NaN)).toBeCloseTo(m.bac, 4);
        expect(r.etc.cpi).toBeCloseTo((r.eac.cpi ?? NaN) - m.ac, 4);
        expect(r.vac.cpiSpi).toBeCloseTo(m.bac - (r.eac.cpiSpi ?? NaN), 4);
        // MS Project's EAC = ACWP + (BAC − BCWP) / CPI is the same estimate as BAC / CPI.
        expect(r.eac.cpi).toBeCloseTo(m.ac + (m.bac - m.ev) / (r.cpi ?? NaN), 4);
      }),
    );
  });

  it('TCPI to the CPI-based estimate is the CPI itself; the composite estimate divides by CPI × SPI', () => {
    fc.assert(
      fc.property(measures, (m) => {
        const r = evmIndicators(m);
        expect(r.tcpi.eac).toBeCloseTo(r.cpi ?? NaN, 6);
        const efficiency = (r.cpi ?? NaN) * (r.spi ?? NaN);
        expect(r.eac.cpiSpi).toBeCloseTo(m.ac + (m.bac - m.ev) / efficiency, 4);
      }),
    );
  });

  it('on budget and on schedule, all the estimates are the budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (bac, s) => {
          const r = evmIndicators({ bac, pv: bac * s, ev: bac * s, ac: bac * s });
          expect(r.eac.cpi).toBeCloseTo(bac, 6);
          expect(r.eac.cpiSpi).toBeCloseTo(bac, 6);
          expect(r.eac.budgetRate).toBeCloseTo(bac, 6);
        },
      ),
    );
  });
});
