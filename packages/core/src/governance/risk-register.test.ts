import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_MATRIX, type RiskMatrix, riskMatrixProblems, scoreRisk } from './risk-matrix.ts';
import {
  type RegisterRisk,
  assessRisk,
  exposureTrend,
  exposureTotals,
  riskHeatMap,
  topRisks,
} from './risk-register.ts';

const risk = (
  id: string,
  probability: number | null,
  impact: number | null,
  extra: Partial<RegisterRisk> = {},
): RegisterRisk => ({
  id,
  key: id,
  title: `Risk ${id}`,
  status: 'open',
  probability,
  impact,
  ...extra,
});

describe('risk matrix', () => {
  it.each([
    [0.05, 1, 1, 'low'],
    [0.3, 2, 4, 'medium'],
    [0.31, 3, 5, 'high'],
    [0.5, 3, 2, 'medium'],
    [0.6, 4, 4, 'critical'],
    [1, 5, 5, 'critical'],
  ] as const)('p=%s impact=%s', (p, pl, impact, rating) => {
    const s = scoreRisk(DEFAULT_RISK_MATRIX, p, impact);
    expect(s).toEqual({ probabilityLevel: pl, impactLevel: impact, score: pl * impact, rating });
  });

  it('is configurable: a 3 × 3 matrix with its own thresholds', () => {
    const matrix: RiskMatrix = {
      probabilityLevels: [
        { label: 'Low', upTo: 0.33 },
        { label: 'Medium', upTo: 0.66 },
        { label: 'High', upTo: 1 },
      ],
      impactLevels: ['Low', 'Medium', 'High'],
      thresholds: { medium: 3, high: 6, critical: 9 },
    };
    expect(riskMatrixProblems(matrix)).toEqual([]);
    expect(scoreRisk(matrix, 0.5, 3)).toEqual({
      probabilityLevel: 2,
      impactLevel: 3,
      score: 6,
      rating: 'high',
    });
    expect(scoreRisk(matrix, 0.9, 7).impactLevel).toBe(3);
  });

  it('names what is wrong with a matrix', () => {
    const problems = riskMatrixProblems({
      probabilityLevels: [
        { label: 'a', upTo: 0.5 },
        { label: 'b', upTo: 0.4 },
      ],
      impactLevels: [],
      thresholds: { medium: 4, high: 3, critical: 10 },
    });
    expect(problems.map((p) => p.path)).toEqual([
      'probabilityLevels[1].upTo',
      'probabilityLevels[1].upTo',
      'impactLevels',
      'thresholds.high',
    ]);
  });
});

describe('risk register', () => {
  const risks = [
    risk('R-1', 0.6, 4, {
      residualProbability: 0.1,
      residualImpact: 3,
      costImpact: { optimistic: 1000, mostLikely: 2000, pessimistic: 6000 },
    }),
    risk('R-2', 0.2, 5, {
      scheduleImpact: { optimistic: 480, mostLikely: 960, pessimistic: 2400, distribution: 'pert' },
    }),
    risk('R-3', 0.6, 4, { costImpact: { optimistic: 5000, mostLikely: 5000, pessimistic: 5000 } }),
    risk('R-4', null, 3),
    risk('R-5', 0.9, 5, { status: 'closed' }),
  ];

  it('scores inherent and residual risk and the expected exposure', () => {
    const a = assessRisk(DEFAULT_RISK_MATRIX, risks[0]!);
    expect(a.inherent?.score).toBe(16);
    expect(a.residual).toEqual({ probabilityLevel: 1, impactLevel: 3, score: 3, rating: 'low' });
    expect(a.exposure.cost).toBeCloseTo(0.6 * 3000);
    expect(assessRisk(DEFAULT_RISK_MATRIX, risks[1]!).exposure.scheduleMinutes).toBeCloseTo(0.2 * 1120);
    expect(assessRisk(DEFAULT_RISK_MATRIX, risks[1]!).residual).toBeNull();
  });

  it('places open risks on the heat map', () => {
    const map = riskHeatMap(DEFAULT_RISK_MATRIX, risks);
    expect(map.cells).toHaveLength(25);
    const cell = (p: number, i: number) =>
      map.cells.find((c) => c.probabilityLevel === p && c.impactLevel === i);
    expect(cell(4, 4)?.riskIds).toEqual(['R-1', 'R-3']);
    expect(cell(4, 4)?.rating).toBe('critical');
    expect(cell(2, 5)?.riskIds).toEqual(['R-2']);
    expect(map.unscored).toEqual(['R-4']);
    expect(map.cells.flatMap((c) => c.riskIds)).not.toContain('R-5');
    const residual = riskHeatMap(DEFAULT_RISK_MATRIX, risks, 'residual');
    expect(residual.cells.find((c) => c.probabilityLevel === 1 && c.impactLevel === 3)?.riskIds).toEqual([
      'R-1',
    ]);
  });

  it('ranks the top risks by score, then exposure', () => {
    expect(topRisks(DEFAULT_RISK_MATRIX, risks, 3).map((r) => r.id)).toEqual(['R-3', 'R-1', 'R-2']);
    expect(topRisks(DEFAULT_RISK_MATRIX, risks, 0)).toEqual([]);
  });

  it('gives the exposure at the end of each day that changed', () => {
    const trend = exposureTrend(DEFAULT_RISK_MATRIX, [
      { at: '2026-01-05T10:00:00.000Z', riskId: 'R-1', risk: risks[0]! },
      { at: '2026-01-05T11:00:00.000Z', riskId: 'R-3', risk: risks[2]! },
      { at: '2026-01-07T09:00:00.000Z', riskId: 'R-3', risk: { ...risks[2]!, status: 'closed' } },
      { at: '2026-01-08T09:00:00.000Z', riskId: 'R-1', risk: null },
    ]);
    expect(trend.map((p) => [p.date, p.openRisks, p.totalScore, Math.round(p.exposureCost)])).toEqual([
      ['2026-01-05', 2, 32, 4800],
      ['2026-01-07', 1, 16, 1800],
      ['2026-01-08', 0, 0, 0],
    ]);
    expect(exposureTotals(DEFAULT_RISK_MATRIX, risks).byRating).toEqual({
      low: 0,
      medium: 0,
      high: 1,
      critical: 2,
    });
  });
});
