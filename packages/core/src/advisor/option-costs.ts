/**
 * The annual cost of each staffing option, with its source: quoted figures as quoted, derived ones
 * marked as derived with the ratio they come from, and the quoted figures' disagreement stated.
 */
import type { SalaryFigures } from './salary-figures.ts';

export const STAFFING_OPTIONS = ['pm', 'it_pm', 'tpm', 'pm_tpm'] as const;
export type StaffingOption = (typeof STAFFING_OPTIONS)[number];

export const OPTION_NAMES: Record<StaffingOption, string> = {
  pm: 'Project Manager (PM)',
  it_pm: 'IT Project Manager (IT PM)',
  tpm: 'Technical Project Manager (TPM)',
  pm_tpm: 'PM + TPM (dual leadership)',
};

export interface CostLine {
  /** What the figure is: `PM average salary`. */
  label: string;
  amount: number;
  low?: number;
  high?: number;
  /** Quoted as published, derived from other figures, or the sum of the lines above. */
  basis: 'quoted' | 'derived' | 'sum';
  source: string;
}

export interface OptionCost {
  option: StaffingOption;
  currency: string;
  /** The figure the advisor uses for this option. */
  annual: number;
  low?: number;
  high?: number;
  /** How `annual` is made up, each part with its source. */
  lines: CostLine[];
  /** Other published figures for the same role that disagree with `annual`. */
  alternatives: CostLine[];
}

const round = (n: number) => Math.round(n / 100) * 100;

function scaled(n: number | undefined, by: number): number | undefined {
  return n === undefined ? undefined : round(n * by);
}

function range(low: number | undefined, high: number | undefined) {
  return { ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}) };
}

/** Each option's annual cost; amounts derived from ratios are rounded to the nearest 100. */
export function optionCosts(f: SalaryFigures): Record<StaffingOption, OptionCost> {
  const pm: CostLine = {
    label: 'PM average salary',
    amount: f.pm.average,
    ...range(f.pm.low, f.pm.high),
    basis: 'quoted',
    source: f.pm.source,
  };
  const tpm: CostLine = {
    label: 'TPM average salary',
    amount: f.tpm.average,
    ...range(f.tpm.low, f.tpm.high),
    basis: 'quoted',
    source: f.tpm.source,
  };
  const itPm: CostLine = {
    label: `IT PM salary ≈ TPM average ÷ ${f.tpmOverItPm.ratio}`,
    amount: round(f.tpm.average / f.tpmOverItPm.ratio),
    ...range(scaled(f.tpm.low, 1 / f.tpmOverItPm.ratio), scaled(f.tpm.high, 1 / f.tpmOverItPm.ratio)),
    basis: 'derived',
    source: `Derived from the TPM average (${f.tpm.source}) and: ${f.tpmOverItPm.source}`,
  };
  const tpmFromPm: CostLine = {
    label: `TPM salary ≈ PM average × ${f.tpmOverPm.ratio}`,
    amount: round(f.pm.average * f.tpmOverPm.ratio),
    ...range(scaled(f.pm.low, f.tpmOverPm.ratio), scaled(f.pm.high, f.tpmOverPm.ratio)),
    basis: 'derived',
    source: `Derived from the PM average (${f.pm.source}) and: ${f.tpmOverPm.source}`,
  };
  const option = (o: StaffingOption, lines: CostLine[], alternatives: CostLine[] = []): OptionCost => {
    const sum = (k: 'amount' | 'low' | 'high') =>
      lines.every((l) => l[k] !== undefined) ? lines.reduce((s, l) => s + (l[k] ?? 0), 0) : undefined;
    return {
      option: o,
      currency: f.currency,
      annual: sum('amount') ?? 0,
      ...range(sum('low'), sum('high')),
      lines,
      alternatives,
    };
  };
  return {
    pm: option('pm', [pm]),
    it_pm: option('it_pm', [itPm]),
    tpm: option('tpm', [tpm], [tpmFromPm]),
    pm_tpm: option('pm_tpm', [pm, tpm], [{ ...tpmFromPm, label: `with the ${tpmFromPm.label}` }]),
  };
}

/** The sentence that says where the quoted figures disagree, or null when they agree within 5%. */
export function figuresDisagreement(f: SalaryFigures): string | null {
  const implied = round(f.pm.average * f.tpmOverPm.ratio);
  const gap = implied / f.tpm.average - 1;
  if (Math.abs(gap) <= 0.05) return null;
  const pct = Math.round((f.tpm.average / f.pm.average - 1) * 100);
  const money = (n: number) => `${f.currency} ${n.toLocaleString('en-US')}`;
  return (
    `The sources disagree: "${Math.round((f.tpmOverPm.ratio - 1) * 100)}% more than a PM" puts a TPM at ` +
    `${money(implied)}, but the quoted TPM average is ${money(f.tpm.average)} (${pct}% more than the ` +
    `quoted PM average of ${money(f.pm.average)}). The costs below use the quoted averages and show the ` +
    `derived figure beside them.`
  );
}
