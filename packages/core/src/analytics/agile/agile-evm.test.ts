/**
 * AgileEVM as defined by T. Sulaiman, B. Barton and T. Blackburn, "AgileEVM – Earned Value Management in
 * Scrum Projects" (Agile 2006, IEEE): PPC = n / L, APC = RPC / PRP, PV = PPC × BAC, EV = APC × BAC, with
 * the paper's claim that the release date from mean velocity equals the one from EVM ("From the values in
 * Scrum, we derived a release date estimate using mean velocity and from this equation, generated an
 * equivalent equation using traditional EVM techniques"). The paper's own project data could not be
 * retrieved here, so the release below is worked by hand, and the claim is checked as a property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvmError } from '../evm/evm-error.ts';
import { agileEvm } from './agile-evm.ts';

describe('AgileEVM', () => {
  // A $100,000 release of 200 points in 10 two-week sprints; 10 points are added in sprint 3.
  const release = {
    budget: 100_000,
    plannedSprints: 10,
    plannedPoints: 200,
    start: '2026-01-05',
    sprintLengthDays: 14,
    sprints: [
      { pointsCompleted: 15, cost: 10_000 },
      { pointsCompleted: 20, cost: 11_000 },
      { pointsCompleted: 25, pointsAdded: 10, cost: 12_000 },
    ],
  };

  it('after sprint 1: PPC 10%, APC 7.5%, SPI 0.75, CPI 0.75', () => {
    const [s1] = agileEvm(release);
    expect(s1).toMatchObject({ sprint: 1, plannedPercentComplete: 0.1, actualPercentComplete: 0.075 });
    expect(s1?.pv).toBeCloseTo(10_000, 2);
    expect(s1?.ev).toBeCloseTo(7_500, 2);
    expect(s1?.ac).toBe(10_000);
    expect(s1?.spi).toBeCloseTo(0.75, 10);
    expect(s1?.cpi).toBeCloseTo(0.75, 10);
  });

  it('after sprint 3, with added scope: PRP 210, RPC 60, forecast 10.5 sprints', () => {
    const s3 = agileEvm(release)[2];
    expect(s3?.plannedReleasePoints).toBe(210);
    expect(s3?.releasePointsCompleted).toBe(60);
    expect(s3?.pv).toBeCloseTo(30_000, 2);
    expect(s3?.ev).toBeCloseTo(28_571.43, 2); // 60 / 210 × 100,000
    expect(s3?.ac).toBe(33_000);
    expect(s3?.spi).toBeCloseTo(0.952381, 6);
    expect(s3?.cpi).toBeCloseTo(0.865801, 6);
    expect(s3?.eac.cpi).toBeCloseTo(115_500, 2); // BAC / CPI
    expect(s3?.meanVelocity).toBe(20);
    expect(s3?.forecastSprints).toBeCloseTo(10.5, 10);
    // Released at the end of sprint 11: 2026-01-05 + 11 × 14 days − 1 day.
    expect(s3?.forecastReleaseDate).toBe('2026-06-07');
  });

  it('rejects a release with no planned sprints or points', () => {
    expect(() => agileEvm({ ...release, plannedSprints: 0 })).toThrow(EvmError);
    expect(() => agileEvm({ ...release, plannedPoints: -1 })).toThrow(/Planned points/);
  });

  it('nothing done yet: no forecast, and PV is capped at the budget after the planned sprints', () => {
    const rows = agileEvm({
      ...release,
      plannedSprints: 1,
      sprints: [
        { pointsCompleted: 0, cost: 5 },
        { pointsCompleted: 0, cost: 5 },
      ],
    });
    expect(rows[0]?.forecastSprints).toBeNull();
    expect(rows[1]?.pv).toBe(100_000);
  });

  it("Sulaiman's equivalence: n / APC = L / SPI = n + remaining points / mean velocity", () => {
    const sprint = fc.record({
      pointsCompleted: fc.integer({ min: 1, max: 40 }),
      cost: fc.integer({ min: 0, max: 50_000 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 50, max: 1_000 }),
        fc.array(sprint, { minLength: 1, maxLength: 12 }),
        (plannedSprints, plannedPoints, sprints) => {
          const rows = agileEvm({ budget: 100_000, plannedSprints, plannedPoints, sprints });
          rows.forEach((r) => {
            if (r.sprint > plannedSprints) return; // PPC is capped at 1 after the plan
            const remaining = (r.plannedReleasePoints - r.releasePointsCompleted) / r.meanVelocity;
            expect(r.forecastSprints).toBeCloseTo(plannedSprints / (r.spi ?? NaN), 6);
            expect(r.forecastSprints).toBeCloseTo(r.sprint + remaining, 6);
          });
        },
      ),
    );
  });
});
