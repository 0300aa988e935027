import { describe, expect, it } from 'vitest';
import type { DoraDeployment } from './dora-events.ts';
import { deploymentFrequency } from './deployment-frequency.ts';

const t = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
const deploy = (...days: string[]): DoraDeployment[] =>
  days.map((d, i) => ({ id: `d${i}`, at: t(d), commits: [] }));
// Twelve weeks, Sunday 4 January to Saturday 28 March 2026.
const quarter = { from: Date.parse('2026-01-04T00:00:00Z'), to: Date.parse('2026-03-29T00:00:00Z') };

describe('deploymentFrequency (Four Keys buckets)', () => {
  it('daily: three deploying days in the median week', () => {
    const days: string[] = [];
    for (let w = 0; w < 12; w++)
      for (const offset of [1, 2, 3]) {
        const d = new Date(quarter.from + (w * 7 + offset) * 86_400_000);
        days.push(d.toISOString().slice(0, 10));
      }
    const f = deploymentFrequency(deploy(...days), quarter);
    expect(f).toMatchObject({ bucket: 'daily', weeks: 12, weeksDeployed: 12, medianDaysPerWeek: 3 });
  });

  it('weekly: two deploying days a week is not daily', () => {
    const days: string[] = [];
    for (let w = 0; w < 12; w++)
      for (const offset of [1, 4])
        days.push(new Date(quarter.from + (w * 7 + offset) * 86_400_000).toISOString().slice(0, 10));
    expect(deploymentFrequency(deploy(...days), quarter).bucket).toBe('weekly');
  });

  it('monthly: one deploying week in each month', () => {
    const f = deploymentFrequency(deploy('2026-01-06', '2026-02-03', '2026-03-03'), quarter);
    expect(f).toMatchObject({ bucket: 'monthly', weeksDeployed: 3, deployments: 3 });
  });

  it('yearly: a single deployment in a quarter', () => {
    expect(deploymentFrequency(deploy('2026-02-10'), quarter).bucket).toBe('yearly');
  });

  it('counts only days after the data begins', () => {
    // Data starts 1 March: four weeks, each with a deployment → weekly, not monthly.
    const f = deploymentFrequency(
      deploy('2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23'),
      quarter,
      Date.parse('2026-03-01T00:00:00Z'),
    );
    expect(f).toMatchObject({ bucket: 'weekly', weeks: 4 });
  });

  it('several deployments on one day are one deploying day', () => {
    const f = deploymentFrequency(deploy('2026-01-05', '2026-01-05', '2026-01-05'), quarter);
    expect(f).toMatchObject({ deployments: 3, daysDeployed: 1 });
  });
});
