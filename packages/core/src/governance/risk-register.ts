/**
 * The RAID log's risks as numbers: inherent and residual scores on a matrix, expected exposure
 * (probability × the expected cost and schedule impact), the heat map, the top risks and the exposure
 * trend over time. Pure functions over plain risk records.
 */
import type { ThreePoint } from '../model/project.ts';
import { type RiskMatrix, type RiskRating, type RiskScore, scoreRisk } from './risk-matrix.ts';

/** One risk as the register sees it (a RAID entry of kind risk). */
export interface RegisterRisk {
  id: string;
  key?: string | undefined;
  title: string;
  /** open / monitoring / closed / … — see `isOpenRisk`. */
  status: string;
  category?: string | null | undefined;
  owner?: string | null | undefined;
  /** 0..1. */
  probability: number | null;
  /** Impact level 1..m on the matrix. */
  impact: number | null;
  /** After the response: the same scales. */
  residualProbability?: number | null | undefined;
  residualImpact?: number | null | undefined;
  /** Schedule impact in working minutes, when the risk occurs. */
  scheduleImpact?: ThreePoint | null | undefined;
  /** Cost impact when the risk occurs. */
  costImpact?: ThreePoint | null | undefined;
}

const CLOSED = new Set(['closed', 'resolved', 'retired', 'occurred', 'cancelled']);

/** Risks that still count: every status but closed, resolved, retired, occurred and cancelled. */
export function isOpenRisk(risk: Pick<RegisterRisk, 'status'>): boolean {
  return !CLOSED.has(risk.status);
}

/** Mean of a three-point estimate under its distribution (triangular by default). */
export function expectedValue(t: ThreePoint): number {
  switch (t.distribution ?? 'triangular') {
    case 'pert':
      return (t.optimistic + 4 * t.mostLikely + t.pessimistic) / 6;
    case 'uniform':
      return (t.optimistic + t.pessimistic) / 2;
    case 'fixed':
      return t.mostLikely;
    case 'triangular':
      return (t.optimistic + t.mostLikely + t.pessimistic) / 3;
  }
}

export interface RiskAssessment {
  id: string;
  key?: string | undefined;
  title: string;
  status: string;
  category?: string | null | undefined;
  owner?: string | null | undefined;
  /** Null when probability or impact is missing. */
  inherent: RiskScore | null;
  /** The residual probability and impact, each defaulting to the inherent one; null without either. */
  residual: RiskScore | null;
  /** probability × expected impact. */
  exposure: { cost: number; scheduleMinutes: number };
}

export function assessRisk(matrix: RiskMatrix, risk: RegisterRisk): RiskAssessment {
  const p = risk.probability;
  const inherent = p !== null && risk.impact !== null ? scoreRisk(matrix, p, risk.impact) : null;
  const rp = risk.residualProbability ?? p;
  const ri = risk.residualImpact ?? risk.impact;
  const hasResidual = risk.residualProbability != null || risk.residualImpact != null;
  const residual = hasResidual && rp !== null && ri !== null ? scoreRisk(matrix, rp, ri) : null;
  const probability = p ?? 0;
  return {
    id: risk.id,
    key: risk.key,
    title: risk.title,
    status: risk.status,
    category: risk.category,
    owner: risk.owner,
    inherent,
    residual,
    exposure: {
      cost: risk.costImpact ? probability * expectedValue(risk.costImpact) : 0,
      scheduleMinutes: risk.scheduleImpact ? probability * expectedValue(risk.scheduleImpact) : 0,
    },
  };
}

export interface HeatMapCell {
  probabilityLevel: number;
  impactLevel: number;
  score: number;
  rating: RiskRating;
  riskIds: string[];
}

export interface HeatMap {
  basis: 'inherent' | 'residual';
  probabilityLevels: string[];
  impactLevels: string[];
  /** Every cell of the matrix, probability level then impact level ascending. */
  cells: HeatMapCell[];
  /** Open risks without a score on this basis. */
  unscored: string[];
}

/**
 * The heat map of the open risks: each open risk in the cell of its (inherent or residual) score.
 *
 * Complexity: O(levels² + risks).
 */
export function riskHeatMap(
  matrix: RiskMatrix,
  risks: readonly RegisterRisk[],
  basis: 'inherent' | 'residual' = 'inherent',
): HeatMap {
  const cells: HeatMapCell[] = [];
  const pl = matrix.probabilityLevels.length;
  const il = matrix.impactLevels.length;
  for (let p = 1; p <= pl; p++)
    for (let i = 1; i <= il; i++) {
      const score = p * i;
      const t = matrix.thresholds;
      const rating: RiskRating =
        score >= t.critical ? 'critical' : score >= t.high ? 'high' : score >= t.medium ? 'medium' : 'low';
      cells.push({ probabilityLevel: p, impactLevel: i, score, rating, riskIds: [] });
    }
  const unscored: string[] = [];
  for (const risk of risks) {
    if (!isOpenRisk(risk)) continue;
    const a = assessRisk(matrix, risk);
    const s = basis === 'residual' ? (a.residual ?? a.inherent) : a.inherent;
    if (!s) {
      unscored.push(risk.id);
      continue;
    }
    cells[(s.probabilityLevel - 1) * il + (s.impactLevel - 1)]?.riskIds.push(risk.id);
  }
  return {
    basis,
    probabilityLevels: matrix.probabilityLevels.map((l) => l.label),
    impactLevels: [...matrix.impactLevels],
    cells,
    unscored,
  };
}

/**
 * The `n` open risks that matter most: by inherent score, then cost exposure, then schedule exposure,
 * then key. Unscored risks come last.
 */
export function topRisks(matrix: RiskMatrix, risks: readonly RegisterRisk[], n: number): RiskAssessment[] {
  return risks
    .filter(isOpenRisk)
    .map((r) => assessRisk(matrix, r))
    .sort(
      (a, b) =>
        (b.inherent?.score ?? -1) - (a.inherent?.score ?? -1) ||
        b.exposure.cost - a.exposure.cost ||
        b.exposure.scheduleMinutes - a.exposure.scheduleMinutes ||
        (a.key ?? a.id).localeCompare(b.key ?? b.id),
    )
    .slice(0, Math.max(0, n));
}

export interface ExposureTotals {
  openRisks: number;
  totalScore: number;
  totalResidualScore: number;
  exposureCost: number;
  exposureScheduleMinutes: number;
  byRating: Record<RiskRating, number>;
}

/** Totals over the open risks. */
export function exposureTotals(matrix: RiskMatrix, risks: Iterable<RegisterRisk>): ExposureTotals {
  const totals: ExposureTotals = {
    openRisks: 0,
    totalScore: 0,
    totalResidualScore: 0,
    exposureCost: 0,
    exposureScheduleMinutes: 0,
    byRating: { low: 0, medium: 0, high: 0, critical: 0 },
  };
  for (const risk of risks) {
    if (!isOpenRisk(risk)) continue;
    const a = assessRisk(matrix, risk);
    totals.openRisks++;
    totals.totalScore += a.inherent?.score ?? 0;
    totals.totalResidualScore += (a.residual ?? a.inherent)?.score ?? 0;
    totals.exposureCost += a.exposure.cost;
    totals.exposureScheduleMinutes += a.exposure.scheduleMinutes;
    if (a.inherent) totals.byRating[a.inherent.rating]++;
  }
  return totals;
}

/** A risk's state from `at` on (`risk` null: deleted). */
export interface RiskStateChange {
  at: string;
  riskId: string;
  risk: RegisterRisk | null;
}

export interface ExposurePoint extends ExposureTotals {
  /** `YYYY-MM-DD` (the first 10 characters of `at`): the totals at the end of that day. */
  date: string;
}

/**
 * The exposure trend: replays risk states in time order and gives the totals at the end of each day
 * on which something changed.
 *
 * Complexity: O(changes × open risks).
 */
export function exposureTrend(matrix: RiskMatrix, changes: readonly RiskStateChange[]): ExposurePoint[] {
  const sorted = [...changes].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const state = new Map<string, RegisterRisk>();
  const points: ExposurePoint[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const change = sorted[k] as RiskStateChange;
    if (change.risk) state.set(change.riskId, change.risk);
    else state.delete(change.riskId);
    const date = change.at.slice(0, 10);
    const next = sorted[k + 1];
    if (next && next.at.slice(0, 10) === date) continue;
    points.push({ date, ...exposureTotals(matrix, state.values()) });
  }
  return points;
}
