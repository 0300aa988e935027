/**
 * The indicator formulas, checked against a published worked example: the "toy project" of the CRAN
 * package PRA (Paul Govan, "Project Risk Analysis"), whose documentation prints its results
 * (https://paulgovan.github.io/PRA/reference/ and the vignette "Earned Value Management",
 * https://stat.ethz.ch/CRAN/web/packages/PRA/vignettes/evm.html, after Damnjanovic & Reinschmidt, "Data
 * analytics for engineering and construction project risk management", Springer 2020):
 *
 *   bac <- 100000; schedule <- c(0.1, 0.2, 0.4, 0.7, 1.0); time_period <- 3
 *   actual_per_complete <- 0.35
 *   "Planned Value (PV): 40000"   "Earned Value (EV): 35000"
 *   "Schedule Performance Index (SPI): 0.875"
 *
 * with actual costs c(9000, 18000, 36000) read cumulatively (PRA 0.2.0):
 *   "Actual Cost (AC): 36000"  "Cost Variance (CV) is -1000"  "Cost Performance Index (CPI): 0.9722222"
 *   "The Estimate at Completion (EAC) is 102857.1"
 *
 * and summed as period costs (PRA 0.3.0, AC = 63000):
 *   eac(bac, method = "atypical", ac = 63000, ev = 35000)  "EAC (atypical): 128000"
 *   tcpi(bac, ev = 35000, ac = 63000)                       "TCPI (to meet BAC): 1.76"
 *   etc(bac, ev = 35000)                                    "ETC (planned rate): 65000"
 *   etc(bac, ev = 35000, cpi = 0.83)                        "ETC (current CPI): 78313.25"
 *   eac(bac, cpi = 0.83)                                    "EAC (typical): 120481.9"
 *
 * R prints 7 significant digits, so 0.9722222 and 102857.1 are checked at that precision.
 */
import { describe, expect, it } from 'vitest';
import { estimateAtCompletion, evmIndicators, ratio } from './evm-indicators.ts';

const BAC = 100_000;
const PV = BAC * 0.4;
const EV = BAC * 0.35;

describe('PRA toy project', () => {
  it('PV, EV, SV and SPI', () => {
    const m = evmIndicators({ bac: BAC, pv: PV, ev: EV, ac: 36_000 });
    expect(m.pv).toBe(40_000);
    expect(m.ev).toBe(35_000);
    expect(m.sv).toBe(-5_000);
    expect(m.spi).toBe(0.875);
  });

  it('with AC = 36,000: CV, CPI and EAC = BAC / CPI', () => {
    const m = evmIndicators({ bac: BAC, pv: PV, ev: EV, ac: 36_000 });
    expect(m.cv).toBe(-1_000);
    expect(Number(m.cpi?.toPrecision(7))).toBe(0.9722222);
    expect(Number(m.eac.cpi?.toPrecision(7))).toBe(102857.1);
    expect(m.eac.cpi).toBeCloseTo(102_857.14, 2);
  });

  it('with AC = 63,000: EAC at the budget rate, TCPI to BAC, ETC at the planned rate', () => {
    const m = evmIndicators({ bac: BAC, pv: PV, ev: EV, ac: 63_000 });
    expect(m.eac.budgetRate).toBe(128_000);
    expect(m.tcpi.bac).toBeCloseTo(1.76, 2);
    expect(m.etc.budgetRate).toBe(65_000);
  });

  it('with a CPI of 0.83: ETC and EAC at the current CPI', () => {
    const m = evmIndicators({ bac: BAC, pv: PV, ev: EV, ac: EV / 0.83 });
    expect(m.etc.cpi).toBeCloseTo(78_313.25, 2);
    expect(Number(m.eac.cpi?.toPrecision(7))).toBe(120481.9);
  });
});

describe('edge cases', () => {
  it('nothing earned, nothing spent: the budget stands', () => {
    expect(estimateAtCompletion({ bac: 500, pv: 100, ev: 0, ac: 0 })).toEqual({
      cpi: 500,
      cpiSpi: 500,
      budgetRate: 500,
    });
  });

  it('money spent but nothing earned: no CPI-based estimate, never Infinity', () => {
    const m = evmIndicators({ bac: 500, pv: 100, ev: 0, ac: 50 });
    expect(m.cpi).toBe(0);
    expect(m.eac.cpi).toBeNull();
    expect(m.eac.cpiSpi).toBeNull();
    expect(m.eac.budgetRate).toBe(550);
    expect(m.tcpi.eac).toBeNull();
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  it('nothing planned yet: SPI undefined', () => {
    expect(evmIndicators({ bac: 10, pv: 0, ev: 1, ac: 1 }).spi).toBeNull();
    expect(ratio(1, 0)).toBeNull();
  });

  it('the composite estimate: AC + (BAC − EV) / (CPI × SPI)', () => {
    const m = evmIndicators({ bac: BAC, pv: PV, ev: EV, ac: 63_000 });
    expect(m.eac.cpiSpi).toBeCloseTo(63_000 + 65_000 / ((35_000 / 63_000) * 0.875), 6);
  });
});
