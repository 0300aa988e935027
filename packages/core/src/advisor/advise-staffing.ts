/**
 * The staffing advisor: a project profile in; PM, IT PM, TPM or PM + TPM out, with the reasons (each
 * naming the profile fields it came from), every option's annual cost with its source, and the
 * trade-offs.
 */
import {
  type OptionCost,
  OPTION_NAMES,
  STAFFING_OPTIONS,
  type StaffingOption,
  figuresDisagreement,
  optionCosts,
} from './option-costs.ts';
import type { ProfileField, ProjectProfile } from './project-profile.ts';
import { DEFAULT_SALARY_FIGURES, type SalaryFigures } from './salary-figures.ts';
import { STAFFING_RULES } from './staffing-rules.ts';
import { type TradeOff, tradeOffs } from './trade-offs.ts';

export interface AdviceReason {
  rule: string;
  text: string;
  /** The profile fields this reason came from. */
  fields: ProfileField[];
  /** Points the rule gave to the recommended option (negative: it counted against it). */
  weight: number;
}

export interface OptionAssessment {
  option: StaffingOption;
  name: string;
  score: number;
  cost: OptionCost;
}

export interface StaffingAdvice {
  recommendation: StaffingOption;
  recommendationName: string;
  /** Why, strongest first: the rules that weighed on the recommended option. */
  reasons: AdviceReason[];
  /** Every option, best first (ties: cheaper first). */
  options: OptionAssessment[];
  tradeOffs: TradeOff[];
  /** Where the salary sources disagree, said plainly; null when they agree. */
  figuresNote: string | null;
}

/**
 * Recommends who should lead a project.
 *
 * @example
 * const advice = adviseStaffing({ technicalComplexity: 'high', domain: 'software', teamSize: 5,
 *   teamSeniority: 'mixed', technologyCount: 1, strongTechLeads: false, sponsorTechnicality: 'mixed',
 *   timelineUncertainty: 'high', inHouseExperts: false, productManagerExists: true });
 * advice.recommendation; // 'tpm'
 *
 * Complexity: O(R) for R rules.
 */
export function adviseStaffing(
  profile: ProjectProfile,
  figures: SalaryFigures = DEFAULT_SALARY_FIGURES,
): StaffingAdvice {
  const costs = optionCosts(figures);
  const scores: Record<StaffingOption, number> = { pm: 0, it_pm: 0, tpm: 0, pm_tpm: 0 };
  const applied = STAFFING_RULES.filter((r) => r.applies(profile));
  for (const rule of applied)
    for (const option of STAFFING_OPTIONS) scores[option] += rule.weights[option] ?? 0;

  const options = STAFFING_OPTIONS.map((option): OptionAssessment => ({
    option,
    name: OPTION_NAMES[option],
    score: scores[option],
    cost: costs[option],
  })).sort((a, b) => b.score - a.score || a.cost.annual - b.cost.annual);
  const best = options[0]!.option;

  const reasons = applied
    .filter((r) => (r.weights[best] ?? 0) !== 0)
    .map((r) => ({
      rule: r.id,
      text: r.reason(profile),
      fields: [...r.fields],
      weight: r.weights[best] ?? 0,
    }))
    .sort((a, b) => b.weight - a.weight);

  return {
    recommendation: best,
    recommendationName: OPTION_NAMES[best],
    reasons,
    options,
    tradeOffs: tradeOffs(profile),
    figuresNote: figuresDisagreement(figures),
  };
}
