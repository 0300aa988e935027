/**
 * The earned value indicators that follow from four numbers: budget at completion (BAC), planned value
 * (PV, MS Project's BCWS), earned value (EV, BCWP) and actual cost (AC, ACWP). Ratios that divide by zero
 * are `null` (never `NaN` or `Infinity`), so results serialise to JSON as they are.
 */

/** The four measures every indicator is computed from, in currency units. */
export interface EvmMeasures {
  bac: number;
  pv: number;
  ev: number;
  ac: number;
}

/** One value per way of forecasting the cost of the remaining work. */
export interface ByEacMethod {
  /** Remaining work at the cost efficiency so far: EAC = BAC / CPI (MS Project's EAC field). */
  cpi: number | null;
  /** Remaining work at cost and schedule efficiency: EAC = AC + (BAC − EV) / (CPI × SPI). */
  cpiSpi: number | null;
  /** Remaining work at the budgeted rate: EAC = AC + (BAC − EV). */
  budgetRate: number | null;
}

export interface EvmIndicators extends EvmMeasures {
  /** Schedule variance SV = EV − PV. */
  sv: number;
  /** Cost variance CV = EV − AC. */
  cv: number;
  /** SV / PV (MS Project's SV%, as a fraction). */
  svPercent: number | null;
  /** CV / EV (MS Project's CV%, as a fraction). */
  cvPercent: number | null;
  /** Schedule performance index SPI = EV / PV. */
  spi: number | null;
  /** Cost performance index CPI = EV / AC. */
  cpi: number | null;
  /** EV / BAC. */
  percentComplete: number | null;
  /** AC / BAC. */
  percentSpent: number | null;
  /** Estimate at completion by method. */
  eac: ByEacMethod;
  /** Estimate to complete ETC = EAC − AC, by method. */
  etc: ByEacMethod;
  /** Variance at completion VAC = BAC − EAC, by method. */
  vac: ByEacMethod;
  /** To-complete performance index: the cost efficiency the remaining work needs to finish on a target. */
  tcpi: {
    /** (BAC − EV) / (BAC − AC): to finish within the budget (MS Project's TCPI field). */
    bac: number | null;
    /** (BAC − EV) / (EAC − AC), with EAC = BAC / CPI: to finish at the estimate. */
    eac: number | null;
  };
}

/** `a / b`, or `null` when `b` is 0 or the result is not finite. */
export function ratio(a: number, b: number): number | null {
  if (b === 0) return null;
  const q = a / b;
  return Number.isFinite(q) ? q : null;
}

/**
 * Estimates at completion. With nothing earned and nothing spent the budget stands (EAC = BAC, as MS
 * Project shows the scheduled cost of a task that has not started); otherwise an estimate whose index
 * is zero or undefined is `null`.
 *
 * @example
 * estimateAtCompletion({ bac: 100_000, pv: 40_000, ev: 35_000, ac: 63_000 }).budgetRate; // 128000
 */
export function estimateAtCompletion(m: EvmMeasures): ByEacMethod {
  if (m.ev === 0 && m.ac === 0) return { cpi: m.bac, cpiSpi: m.bac, budgetRate: m.bac };
  const cpi = ratio(m.ev, m.ac);
  const spi = ratio(m.ev, m.pv);
  const remaining = m.bac - m.ev;
  const byCpi = cpi === null ? null : ratio(m.bac, cpi);
  const efficiency = cpi === null || spi === null ? null : cpi * spi;
  const byCpiSpi =
    efficiency === null ? null : remaining === 0 ? m.ac : finiteOrNull(m.ac, ratio(remaining, efficiency));
  return { cpi: byCpi, cpiSpi: byCpiSpi, budgetRate: m.ac + remaining };
}

/**
 * Every indicator of the four measures.
 *
 * @example
 * // MS Project's TCPI example: BAC $200, BCWP $125, ACWP $150.
 * evmIndicators({ bac: 200, pv: 150, ev: 125, ac: 150 }).tcpi.bac; // 1.5
 *
 * Complexity: O(1).
 */
export function evmIndicators(m: EvmMeasures): EvmIndicators {
  const eac = estimateAtCompletion(m);
  const minus = (from: number | null, value: number) => (from === null ? null : from - value);
  return {
    ...m,
    sv: m.ev - m.pv,
    cv: m.ev - m.ac,
    svPercent: ratio(m.ev - m.pv, m.pv),
    cvPercent: ratio(m.ev - m.ac, m.ev),
    spi: ratio(m.ev, m.pv),
    cpi: ratio(m.ev, m.ac),
    percentComplete: ratio(m.ev, m.bac),
    percentSpent: ratio(m.ac, m.bac),
    eac,
    etc: {
      cpi: minus(eac.cpi, m.ac),
      cpiSpi: minus(eac.cpiSpi, m.ac),
      budgetRate: minus(eac.budgetRate, m.ac),
    },
    vac: {
      cpi: eac.cpi === null ? null : m.bac - eac.cpi,
      cpiSpi: eac.cpiSpi === null ? null : m.bac - eac.cpiSpi,
      budgetRate: eac.budgetRate === null ? null : m.bac - eac.budgetRate,
    },
    tcpi: {
      bac: ratio(m.bac - m.ev, m.bac - m.ac),
      eac: eac.cpi === null ? null : ratio(m.bac - m.ev, eac.cpi - m.ac),
    },
  };
}

function finiteOrNull(base: number, add: number | null): number | null {
  return add === null ? null : base + add;
}
