import { describe, expect, it } from 'vitest';
import { formatMinutes, formatObjective, formatRate, formatSpan, msToHours } from './dora-format.ts';
import { windowRange } from './dora-window.ts';
import type { Deployment, DoraSeriesPoint } from './engineering-types.ts';
import { stillFailing } from './failed-deployments.ts';
import { changeFailureOption, deploymentsOption, leadTimeOption, periodLabel } from './trend-options.ts';

const point = (from: string, p: Partial<DoraSeriesPoint> = {}): DoraSeriesPoint => ({
  from: `${from}T00:00:00.000Z`,
  to: `${from}T00:00:00.000Z`,
  deployments: 0,
  failedDeployments: 0,
  changeFailureRate: null,
  leadTimeMedianMs: null,
  changes: 0,
  incidents: 0,
  timeToRestoreMedianMs: null,
  ...p,
});

const deployment = (environment: string, status: string, deployedAt: string) =>
  ({ id: `${environment}-${deployedAt}`, environment, status, deployedAt }) as Deployment;

type Series = { data: unknown[] }[];

describe('DORA formatting never shows NaN', () => {
  it.each([
    [null, '—'],
    [Number.NaN, '—'],
    [45, '45 min'],
    [182.5, '3.0 h'],
    [3675, '2.6 days'],
  ])('minutes %s → %s', (minutes, text) => expect(formatMinutes(minutes)).toBe(text));

  it('rates, spans, objectives and hours', () => {
    expect(formatRate(0.04)).toBe('4%');
    expect(formatRate(null)).toBe('—');
    expect(formatSpan('2026-02-01T14:00:00Z', '2026-02-01T14:40:00Z')).toBe('40 min');
    expect(formatSpan('2026-02-01T14:00:00Z', null)).toBe('—');
    expect(formatObjective(0.999)).toBe('99.9%');
    expect(msToHours(204_900_000)).toBe(56.9);
    expect(msToHours(null)).toBeNull();
  });
});

describe('trend charts', () => {
  const series = [
    point('2026-01-05', {
      deployments: 3,
      failedDeployments: 1,
      changeFailureRate: 1 / 3,
      leadTimeMedianMs: 7_200_000,
    }),
    point('2026-01-12'),
  ];

  it('stacks clean and failed deployments', () => {
    const s = deploymentsOption(series, 'week').series as Series;
    expect(s.map((x) => x.data)).toEqual([
      [2, 0],
      [1, 0],
    ]);
  });

  it('shows rates in percent and durations in hours, gaps as null', () => {
    expect((changeFailureOption(series, 'week').series as Series)[0]?.data).toEqual([33.3, null]);
    expect((leadTimeOption(series, 'week').series as Series)[0]?.data).toEqual([2, null]);
  });

  it('labels periods by their start date', () => {
    expect(periodLabel('2026-01-05T00:00:00.000Z', 'week')).toBe('5 Jan');
    expect(periodLabel('2026-01-01T00:00:00.000Z', 'month')).toBe('Jan 2026');
  });
});

describe('window and failed deployments', () => {
  it('the last n days up to the end', () => {
    expect(windowRange('2026-02-14T00:00:00.000Z', 30)).toEqual({
      from: '2026-01-15T00:00:00.000Z',
      to: '2026-02-14T00:00:00.000Z',
    });
  });

  it('a failure is still broken until the same environment deploys successfully', () => {
    const failed = [
      deployment('production', 'failure', '2026-02-10T10:00:00Z'),
      deployment('staging', 'failure', '2026-02-10T10:00:00Z'),
    ];
    const ok = [deployment('staging', 'success', '2026-02-11T10:00:00Z')];
    expect(stillFailing(failed, ok).map((d) => d.environment)).toEqual(['production']);
  });
});
