import { describe, expect, it } from 'vitest';
import { DAY_MS, type DoraDeployment } from './dora-events.ts';
import { doraKeys } from './dora-keys.ts';
import { releaseWindow } from './release-window.ts';

const at = (iso: string) => Date.parse(iso);
const deployment = (id: string, when: string, releaseId: string | null): DoraDeployment => ({
  id,
  at: at(when),
  commits: [],
  releaseId,
});

describe('releaseWindow', () => {
  // Release R deployed every Tuesday and Thursday for four weeks of March 2026; S once, later.
  const deployments = [
    ...[3, 5, 10, 12, 17, 19, 24, 26].map((day) =>
      deployment(`r${day}`, `2026-03-${String(day).padStart(2, '0')}T14:00:00Z`, 'R'),
    ),
    deployment('s1', '2026-05-06T09:00:00Z', 'S'),
  ];
  const history = { deployments, changes: [], incidents: [] };
  const to = at('2026-06-01T00:00:00Z');

  it('spans the days the release was deployed in', () => {
    expect(releaseWindow(history, 'R', to)).toEqual({
      from: at('2026-03-03T00:00:00Z'),
      to: at('2026-03-27T00:00:00Z'),
    });
    expect(releaseWindow(history, 'S', to)).toEqual({
      from: at('2026-05-06T00:00:00Z'),
      to: at('2026-05-07T00:00:00Z'),
    });
  });

  it('stops at `to` and ignores deployments after it', () => {
    const mid = at('2026-03-10T18:00:00Z'); // the day of a deployment, before its end
    expect(releaseWindow(history, 'R', mid)).toEqual({ from: at('2026-03-03T00:00:00Z'), to: mid });
    expect(releaseWindow(history, 'S', at('2026-05-01T00:00:00Z'))).toBeNull();
    expect(releaseWindow(history, 'none', to)).toBeNull();
  });

  it('rates a release deployed twice a week as weekly, where all of time would say yearly', () => {
    const window = releaseWindow(history, 'R', to)!;
    expect(doraKeys(history, window, { releaseId: 'R' }).deploymentFrequency).toMatchObject({
      bucket: 'weekly',
      rating: 'high',
      deployments: 8,
    });
    expect(doraKeys(history, { from: 0, to }, { releaseId: 'R' }).deploymentFrequency.bucket).toBe('yearly');
    expect(window.to - window.from).toBe(24 * DAY_MS);
  });
});
