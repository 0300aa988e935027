import { describe, expect, it } from 'vitest';
import type { RaidEntry, Requirement } from '../../api/types.ts';
import { varianceLabel, varianceTone } from '../../components/status.ts';
import { coverageOf } from './RequirementsCoveragePanel.tsx';
import { topRisks } from './risk-exposure.ts';

const risk = (id: string, p: number, days: number, extra: Partial<RaidEntry> = {}) =>
  ({
    id,
    kind: 'risk',
    status: 'open',
    probability: p,
    scheduleImpact: { optimistic: 0, mostLikely: days * 450, pessimistic: 0 },
    costImpact: null,
    score: null,
    ...extra,
  }) as RaidEntry;

describe('top risks', () => {
  it('ranks open risks by expected delay, leaving closed ones and other kinds out', () => {
    const list = [
      risk('small', 0.1, 5),
      risk('big', 0.4, 10),
      risk('closed', 0.9, 50, { status: 'closed' }),
      risk('issue', 1, 50, { kind: 'issue' }),
      risk('mid', 0.35, 10),
    ];
    expect(topRisks(list, 5).map((r) => r.id)).toEqual(['big', 'mid', 'small']);
    expect(topRisks(list, 1).map((r) => r.id)).toEqual(['big']);
  });
});

describe('requirements coverage', () => {
  it('counts requirements linked to work and to tests, by priority, ignoring rejected ones', () => {
    const req = (priority: string, links: object | null, status = 'approved') =>
      ({ priority, links, status }) as Requirement;
    const c = coverageOf([
      req('must', { workItemIds: ['a'], tests: ['t'] }),
      req('must', { workItemIds: [] }),
      req('should', { workItemIds: ['b'] }),
      req('could', null, 'rejected'),
    ]);
    expect(c).toMatchObject({ total: 3, linked: 2, tested: 1 });
    expect(c.byPriority).toEqual([
      { priority: 'must', total: 2, linked: 1 },
      { priority: 'should', total: 1, linked: 1 },
    ]);
  });
});

describe('variance wording', () => {
  it.each([
    [null, 'no baseline', 'neutral'],
    [0, 'on baseline', 'good'],
    [-2, '2d early', 'good'],
    [3, '3d late', 'warn'],
    [15.5, '15.5d late', 'bad'],
  ])('%s working days → %s', (days, label, tone) => {
    expect(varianceLabel(days)).toBe(label);
    expect(varianceTone(days)).toBe(tone);
  });
});
