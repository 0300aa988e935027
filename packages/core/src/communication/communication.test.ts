import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueInWeek, nextDue, weekStart } from './communication-due.ts';
import { satisfactionTrend } from './satisfaction-trend.ts';
import { quadrantOf, stakeholderGrid } from './stakeholder-grid.ts';

describe('communication plan: what is due', () => {
  it.each([
    ['weekly', '2026-01-05', null, '2026-01-05'],
    ['weekly', '2026-01-05', '2026-01-05', '2026-01-12'],
    ['weekly', '2026-01-05', '2026-01-14', '2026-01-19'],
    ['fortnightly', '2026-01-05', '2026-01-05', '2026-01-19'],
    ['monthly', '2026-01-31', '2026-01-31', '2026-02-28'],
    ['quarterly', '2026-01-15', '2026-01-20', '2026-04-15'],
    ['daily', '2026-01-09', '2026-01-09', '2026-01-12'], // Friday → Monday
    ['daily', '2026-01-10', null, '2026-01-12'], // starts on a Saturday
  ] as const)('%s from %s, last done %s → %s', (cadence, startDate, lastDoneOn, expected) => {
    expect(nextDue({ cadence, startDate, lastDoneOn })).toBe(expected);
  });

  it('lists the week’s occurrences and what is overdue', () => {
    const entries = [
      { id: 'standup', cadence: 'daily' as const, startDate: '2026-01-05', lastDoneOn: '2026-02-06' },
      { id: 'steering', cadence: 'monthly' as const, startDate: '2026-01-12', lastDoneOn: '2026-01-12' },
      { id: 'sponsor', cadence: 'weekly' as const, startDate: '2026-01-07', lastDoneOn: '2026-01-28' },
      { id: 'later', cadence: 'quarterly' as const, startDate: '2026-03-01', lastDoneOn: null },
    ];
    const due = dueInWeek(entries, '2026-02-11');
    expect(due.map((d) => `${d.entry.id} ${d.dueOn}${d.overdue ? ' overdue' : ''}`)).toEqual([
      'sponsor 2026-02-04 overdue',
      'standup 2026-02-09',
      'standup 2026-02-10',
      'standup 2026-02-11',
      'sponsor 2026-02-11',
      'standup 2026-02-12',
      'steering 2026-02-12',
      'standup 2026-02-13',
    ]);
    expect(weekStart('2026-02-15')).toBe('2026-02-09');
  });

  it('the next due date is never before the start nor on or before the last time it was done', () => {
    const day = fc
      .integer({ min: 0, max: 2000 })
      .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom('daily', 'weekly', 'fortnightly', 'monthly', 'quarterly' as const),
        day,
        fc.option(day),
        (cadence, startDate, lastDoneOn) => {
          const next = nextDue({ cadence, startDate, lastDoneOn });
          expect(next >= startDate).toBe(true);
          if (lastDoneOn !== null) expect(next > lastDoneOn).toBe(true);
        },
      ),
    );
  });
});

describe('stakeholder grid and satisfaction', () => {
  it('places stakeholders by influence and interest', () => {
    expect([
      quadrantOf(5, 5),
      quadrantOf(5, 1),
      quadrantOf(1, 5),
      quadrantOf(2, 2),
      quadrantOf(null, 3),
    ]).toEqual(['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor', null]);
    const grid = stakeholderGrid([
      { id: 'a', name: 'CFO', influence: 5, interest: 2 },
      { id: 'b', name: 'Sponsor', influence: 5, interest: 5 },
      { id: 'c', name: 'Unknown', influence: null, interest: null },
    ]);
    expect(grid.manage_closely.map((s) => s.name)).toEqual(['Sponsor']);
    expect(grid.keep_satisfied.map((s) => s.name)).toEqual(['CFO']);
    expect(grid.unplaced.map((s) => s.name)).toEqual(['Unknown']);
  });

  it('averages each stakeholder’s latest score on each date', () => {
    const trend = satisfactionTrend(
      [
        { stakeholderId: 'a', score: 6, on: '2026-01-10' },
        { stakeholderId: 'b', score: 8, on: '2026-01-10' },
        { stakeholderId: 'a', score: 9, on: '2026-02-10' },
        { stakeholderId: 'b', score: 2, on: '2026-03-10' },
      ],
      '2026-02-28',
    );
    expect(trend).toEqual([
      { on: '2026-01-10', average: 7, stakeholders: 2 },
      { on: '2026-02-10', average: 8.5, stakeholders: 2 },
    ]);
  });
});
