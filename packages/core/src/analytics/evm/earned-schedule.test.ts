/**
 * Earned schedule as Walt Lipke defined it, in "Schedule is Different" (The Measurable News, March 2003)
 * and in the form quoted here from W. Lipke & K. Henderson, "Earned Schedule Training", EVA-11 (2006),
 * slides 16 and 24:
 *
 *   "ES cum = C + I where: C = number of time increments for BCWP ≥ BCWS
 *    I = (BCWP – BCWS C ) / (BCWS C+1 – BCWS C )"
 *   "SV(t) = ES - AT"  "SPI(t) = ES / AT"  "TSPI(t) = (PD – ES) / (PD – AT)"  "IEAC(t) = PD / SPI(t)"
 *
 * The data are the PV curve and the EV of PRA's published toy project (CRAN package PRA, vignette
 * "Earned Value Management": BAC 100000, schedule c(0.1, 0.2, 0.4, 0.7, 1.0) over five periods, EV of
 * 5%, 15% and 35% of BAC after periods 1, 2 and 3). The expected ES values are Lipke's formulas worked by
 * hand on those numbers, to two decimals:
 *   period 1: ES = 0 + (5000 − 0) / (10000 − 0)          = 0.50, SPI(t) = 0.50
 *   period 2: ES = 1 + (15000 − 10000) / (20000 − 10000) = 1.50, SPI(t) = 0.75
 *   period 3: ES = 2 + (35000 − 20000) / (40000 − 20000) = 2.75, SPI(t) = 0.92, SV(t) = −0.25,
 *             IEAC(t) = 5 / 0.9167 = 5.45 periods, TSPI = 2.25 / 2 = 1.13
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earnedSchedule, earnedScheduleOnCurve } from './earned-schedule.ts';

const PV = [10_000, 20_000, 40_000, 70_000, 100_000];
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

describe("Lipke's earned schedule on PRA's toy project", () => {
  it.each([
    [1, 5_000, 0.5, 0.5, -0.5],
    [2, 15_000, 1.5, 0.75, -0.5],
    [3, 35_000, 2.75, 0.92, -0.25],
  ])('after period %i (EV %i): ES %d, SPI(t) %d, SV(t) %d', (at, ev, es, spiT, svT) => {
    const r = earnedSchedule(PV, ev, at);
    expect(round2(r.es)).toBe(es);
    expect(round2(r.spiT)).toBe(spiT);
    expect(round2(r.svT)).toBe(svT);
  });

  it('forecasts the duration: IEAC(t) = PD / SPI(t), TSPI', () => {
    const r = earnedSchedule(PV, 35_000, 3);
    expect(r.pd).toBe(5);
    expect(round2(r.ieacT)).toBe(5.45);
    expect(round2(r.tspi)).toBe(1.13);
  });

  it('Lipke\'s picture: "7 months gone by, but the project only has "Earned Schedule" to Month 5"', () => {
    // W. Lipke, "Earned Schedule … an emerging enhancement to EVM", International Metrics Congress 2007:
    // ES = 5 months at AT = 7 months, two months behind. (The figure gives no PV values; any curve on
    // which the EV equals the PV of month 5 shows it.)
    const monthly = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
    const r = earnedSchedule(monthly, 500, 7);
    expect(r.es).toBe(5);
    expect(r.svT).toBe(-2);
    expect(round2(r.spiT)).toBe(0.71);
  });

  it('at completion ES is the planned duration and IEAC(t) is the actual duration', () => {
    const r = earnedSchedule(PV, 100_000, 7);
    expect(r.es).toBe(5);
    expect(r.ieacT).toBeCloseTo(7, 12);
  });

  it('counts a flat stretch the EV has reached as earned', () => {
    expect(earnedScheduleOnCurve([0, 1, 2, 3, 4], [0, 10, 10, 10, 20], 10)).toBe(3);
    expect(earnedScheduleOnCurve([0, 1], [5, 10], 2)).toBe(0);
  });
});

/** A non-decreasing PV curve over integer periods, from increments. */
const curve = fc
  .array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 30 })
  .map((steps) => steps.reduce<number[]>((acc, s) => [...acc, (acc[acc.length - 1] ?? 0) + s], []));

describe('properties', () => {
  it('0 ≤ ES ≤ PD, and the curve at ES gives back the EV', () => {
    fc.assert(
      fc.property(curve, fc.double({ min: 0, max: 1, noNaN: true }), (pv, share) => {
        const bac = pv[pv.length - 1] as number;
        const ev = share * bac;
        const { es, pd } = earnedSchedule(pv, ev, 1);
        expect(es).toBeGreaterThanOrEqual(0);
        expect(es).toBeLessThanOrEqual(pd);
        const k = Math.min(Math.floor(es), pv.length - 1);
        const before = k === 0 ? 0 : (pv[k - 1] as number);
        const after = pv[k] as number;
        const onCurve = es >= pv.length ? bac : before + (es - k) * (after - before);
        expect(onCurve).toBeCloseTo(ev, 6);
      }),
    );
  });

  it('behind in cost terms is behind in time: EV ≤ PV(AT) ⇔ ES ≤ AT, so SPI ≤ 1 ⇔ SPI(t) ≤ 1', () => {
    fc.assert(
      fc.property(
        curve,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pv, share, elapsed) => {
          const at = Math.max(1, Math.round(elapsed * pv.length));
          const pvAt = pv[at - 1] as number;
          const ev = share * (pv[pv.length - 1] as number);
          const r = earnedSchedule(pv, ev, at);
          if (ev < pvAt - 1e-9 * pvAt) {
            expect(r.es).toBeLessThan(at);
            expect(r.spiT).toBeLessThan(1);
          } else if (ev < pvAt) {
            // Behind by a rounding error: ES may round up to AT itself ([1, 88], EV 87.99999999999998).
            expect(r.es).toBeLessThanOrEqual(at);
          } else {
            expect(r.es).toBeGreaterThanOrEqual(at - 1e-9);
          }
        },
      ),
      { examples: [[[1, 88], 0.9999999999999998, 0.75]] },
    );
  });

  it('more earned value never earns less schedule', () => {
    fc.assert(
      fc.property(
        curve,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pv, a, b) => {
          const bac = pv[pv.length - 1] as number;
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(earnedSchedule(pv, lo * bac, 1).es).toBeLessThanOrEqual(
            earnedSchedule(pv, hi * bac, 1).es + 1e-9,
          );
        },
      ),
    );
  });
});
