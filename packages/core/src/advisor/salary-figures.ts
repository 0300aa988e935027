/**
 * The annual salary figures the advisor prices its options with, and where each comes from. The
 * defaults are the ones PRODUCT.md §5 quotes from the role articles; callers may pass their own (a
 * local market, this year's survey). The quoted figures disagree with each other — 40% more than a
 * PM's $95,000 is $133,000, not the $115,000 average quoted for TPMs — and the advisor says so
 * rather than picking one silently.
 */

export interface SalaryFigure {
  average: number;
  low?: number;
  high?: number;
  source: string;
}

export interface SalaryFigures {
  currency: string;
  pm: SalaryFigure;
  tpm: SalaryFigure;
  /** TPM pay over general PM pay (1.4 = "about 40% more"). */
  tpmOverPm: { ratio: number; source: string };
  /** TPM pay over IT PM pay (1.2 = "about 20% more"); an IT PM's figure is derived from it. */
  tpmOverItPm: { ratio: number; source: string };
}

const ROLE_ARTICLES = 'Role articles quoted in PRODUCT.md §5 (average salary)';
const GLASSDOOR = 'Glassdoor, as quoted in the role articles (PRODUCT.md §5)';

export const DEFAULT_SALARY_FIGURES: SalaryFigures = {
  currency: 'USD',
  pm: { average: 95_000, low: 75_000, high: 130_000, source: ROLE_ARTICLES },
  tpm: { average: 115_000, low: 90_000, high: 150_000, source: ROLE_ARTICLES },
  tpmOverPm: { ratio: 1.4, source: `${GLASSDOOR}: TPMs earn about 40% more than general PMs` },
  tpmOverItPm: { ratio: 1.2, source: `${GLASSDOOR}: TPMs earn about 20% more than IT PMs` },
};
