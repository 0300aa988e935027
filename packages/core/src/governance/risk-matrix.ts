/**
 * Risk scoring with a configurable probability × impact matrix (PMBOK's P-I matrix): a probability
 * (0..1) falls into a probability level by the levels' upper bounds, an impact is a level 1..n, the
 * score is their product, and thresholds on the score give the rating low / medium / high / critical.
 */

export type RiskRating = 'low' | 'medium' | 'high' | 'critical';
export const RISK_RATINGS: readonly RiskRating[] = ['low', 'medium', 'high', 'critical'];

export interface ProbabilityLevel {
  label: string;
  /** Upper bound (inclusive) of the probabilities in this level, 0..1; the last level's is 1. */
  upTo: number;
}

export interface RiskMatrix {
  /** Levels 1..n in order of their upper bounds. */
  probabilityLevels: ProbabilityLevel[];
  /** Labels of impact levels 1..m (`impact` of a risk is the level number). */
  impactLevels: string[];
  /** Lowest score of each rating above low: medium ≤ high ≤ critical. */
  thresholds: { medium: number; high: number; critical: number };
}

/** The usual 5 × 5 matrix: scores 1–4 low, 5–9 medium, 10–15 high, 16–25 critical. */
export const DEFAULT_RISK_MATRIX: RiskMatrix = {
  probabilityLevels: [
    { label: 'Rare', upTo: 0.1 },
    { label: 'Unlikely', upTo: 0.3 },
    { label: 'Possible', upTo: 0.5 },
    { label: 'Likely', upTo: 0.7 },
    { label: 'Almost certain', upTo: 1 },
  ],
  impactLevels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
  thresholds: { medium: 5, high: 10, critical: 16 },
};

/** Problems with a matrix, each with the path of the field (`thresholds.high`); empty when valid. */
export function riskMatrixProblems(matrix: RiskMatrix): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const levels = matrix.probabilityLevels;
  if (levels.length === 0) problems.push({ path: 'probabilityLevels', message: 'needs at least one level' });
  levels.forEach((level, i) => {
    const previous = i === 0 ? 0 : (levels[i - 1]?.upTo ?? 0);
    if (!(level.upTo > previous) || level.upTo > 1)
      problems.push({
        path: `probabilityLevels[${i}].upTo`,
        message: `must be above ${previous} and at most 1, in increasing order`,
      });
  });
  const last = levels[levels.length - 1];
  if (last && last.upTo !== 1)
    problems.push({
      path: `probabilityLevels[${levels.length - 1}].upTo`,
      message: 'the last level must end at 1',
    });
  if (matrix.impactLevels.length === 0)
    problems.push({ path: 'impactLevels', message: 'needs at least one level' });
  const { medium, high, critical } = matrix.thresholds;
  if (!(medium > 0)) problems.push({ path: 'thresholds.medium', message: 'must be above 0' });
  if (!(high >= medium))
    problems.push({ path: 'thresholds.high', message: 'must be at least thresholds.medium' });
  if (!(critical >= high))
    problems.push({ path: 'thresholds.critical', message: 'must be at least thresholds.high' });
  return problems;
}

/** Level 1..n of a probability (0..1). */
export function probabilityLevel(matrix: RiskMatrix, probability: number): number {
  const levels = matrix.probabilityLevels;
  for (let i = 0; i < levels.length; i++)
    if (probability <= (levels[i] as ProbabilityLevel).upTo) return i + 1;
  return levels.length;
}

/** Impact level 1..m, rounded and clamped to the matrix. */
export function impactLevel(matrix: RiskMatrix, impact: number): number {
  return Math.min(matrix.impactLevels.length, Math.max(1, Math.round(impact)));
}

export function ratingOf(matrix: RiskMatrix, score: number): RiskRating {
  const t = matrix.thresholds;
  if (score >= t.critical) return 'critical';
  if (score >= t.high) return 'high';
  if (score >= t.medium) return 'medium';
  return 'low';
}

export interface RiskScore {
  probabilityLevel: number;
  impactLevel: number;
  /** probabilityLevel × impactLevel. */
  score: number;
  rating: RiskRating;
}

/**
 * Scores one risk.
 *
 * @example
 * scoreRisk(DEFAULT_RISK_MATRIX, 0.6, 4); // { probabilityLevel: 4, impactLevel: 4, score: 16, rating: 'critical' }
 */
export function scoreRisk(matrix: RiskMatrix, probability: number, impact: number): RiskScore {
  const p = probabilityLevel(matrix, probability);
  const i = impactLevel(matrix, impact);
  return { probabilityLevel: p, impactLevel: i, score: p * i, rating: ratingOf(matrix, p * i) };
}
