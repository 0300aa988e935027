/**
 * The demo's engineering history makes the DORA panel, release states and SLO meaningful at first
 * start, the same way on both engines and on every seed (deterministic).
 */
import { expect, it } from 'vitest';
import { issueApiToken } from '../admin/accounts.ts';
import { createApp } from '../app.ts';
import { describeEngines, openTestDatabase } from '../db/test-engines.ts';
import { createLogger } from '../http/logger.ts';
import { seedDemoWorkspace } from './seed-demo-workspace.ts';

const hashPassword = async (p: string) => `test-hash:${p}`;
const NOW = new Date('2026-11-22T12:00:00.000Z');

describeEngines('demo engineering history', (t) => {
  async function panel(db: typeof t.db) {
    const seeded = (await seedDemoWorkspace(db, { hashPassword }))!;
    const { token } = await issueApiToken(db, { email: seeded.owner.email, name: 'engineering' }, NOW);
    const app = createApp({
      db,
      engine: t.engine,
      logger: createLogger({ level: 'silent' }),
      clock: () => NOW,
    });
    const get = async (path: string) => {
      const r = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
      expect(r.status, path).toBe(200);
      return (await r.json()) as Record<string, unknown>;
    };
    const id = seeded.projects.banking.id;
    const slos = (await get(`/api/projects/${id}/slos`)).items as { id: string }[];
    return {
      dora: await get(`/api/projects/${id}/dora`),
      engineering: await get(`/api/projects/${id}/engineering`),
      slo: await get(`/api/slos/${slos[0]!.id}/status`),
    };
  }

  it('gives a DORA panel with every key measured, release states and an SLO at first start', async () => {
    const { dora, engineering, slo } = await panel(t.db);
    // As of the status date (13 February 2026), the last 90 days.
    expect(dora.to).toBe('2026-02-14T00:00:00.000Z');
    const keys = dora.keys as Record<string, Record<string, unknown>>;
    expect(keys.deploymentFrequency).toMatchObject({ bucket: 'weekly', rating: 'high' });
    expect(keys.deploymentFrequency!.deployments).toBeGreaterThan(20);
    expect(keys.leadTime!.count).toBeGreaterThan(50);
    expect(keys.leadTime!.rating).not.toBeNull();
    expect(keys.changeFailureRate).toMatchObject({ failedDeployments: 1 });
    expect(keys.timeToRestore).toMatchObject({ count: 2, openIncidents: 1 });
    expect(dora.rating).toBeUndefined();
    expect(keys.rating).not.toBeNull();
    expect((dora.series as unknown[]).length).toBeGreaterThanOrEqual(13);
    const releases = dora.releases as { tag: string; keys: Record<string, Record<string, number>> }[];
    expect(releases.map((r) => r.tag)).toEqual(expect.arrayContaining(['0.1.0', '0.2.0']));
    expect(releases.find((r) => r.tag === '0.2.0')!.keys.changeFailureRate!.failedDeployments).toBe(1);

    const milestones = engineering.milestones as {
      key: string;
      failingBuilds: unknown[];
      coverage: number | null;
    }[];
    const buildComplete = milestones.find((m) => m.key === 'build-complete')!;
    // The failing build is on the critical path (the landing zone), as the seed says.
    expect(buildComplete.failingBuilds).toEqual([
      expect.objectContaining({
        name: 'Terraform plan (staging)',
        criticalWorkItemIds: [expect.any(String)],
      }),
    ]);
    expect(buildComplete.coverage).toBeGreaterThan(70);
    const preview = (
      engineering.releases as {
        name: string;
        openIncidents: unknown[];
        deployments: { production: number };
      }[]
    ).find((r) => r.name === 'API gateway preview')!;
    expect(preview.deployments.production).toBeGreaterThan(5);
    // A release's production deployments are the ones its four keys count (a deployment tagged with
    // 0.2.0 that carries 0.1.0's work is 0.2.0's).
    const doraReleases = dora.releases as {
      releaseId: string;
      keys: { deploymentFrequency: { deployments: number } | null };
    }[];
    for (const r of engineering.releases as { id: string; deployments: { production: number } }[]) {
      const keys = doraReleases.find((d) => d.releaseId === r.id)!.keys;
      expect(r.deployments.production).toBe(keys.deploymentFrequency?.deployments ?? 0);
    }
    // The open incident, with what a reader needs to follow it up.
    expect((engineering.project as { openIncidents: unknown[] }).openIncidents).toEqual([
      expect.objectContaining({
        title: 'Staging TLS certificate expires in 14 days',
        url: null,
        workItemIds: [expect.any(String)],
      }),
    ]);

    // 40 minutes of the 43.2 the 99.9 % objective allows over 30 days: nearly spent.
    expect(slo).toMatchObject({ objective: 0.999, status: 'at_risk' });
    expect(slo.remaining as number).toBeCloseTo(1 - 40 / 43.2, 6);
  });

  it('is the same on every seed', async () => {
    const [a, b] = await Promise.all([openTestDatabase(t.engine), openTestDatabase(t.engine)]);
    try {
      const [x, y] = [await panel(a.db), await panel(b.db)];
      const stable = (p: Awaited<ReturnType<typeof panel>>) => ({
        keys: p.dora.keys,
        series: p.dora.series,
        releases: (p.dora.releases as { releaseId: string }[]).map(({ releaseId: _id, ...r }) => r),
        slo: { ...p.slo, sloId: undefined },
      });
      expect(stable(y)).toEqual(stable(x));
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
    }
  });
});
