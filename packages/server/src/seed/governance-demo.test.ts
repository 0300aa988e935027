/** The demo workspace's governance: what a first-time user sees on the bank project. */
import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../db/test-engines.ts';
import { issueApiToken } from '../admin/accounts.ts';
import type { TandemApp } from '../app.ts';
import { json, testApp } from '../http/testing.ts';
import { type SeedResult, seedDemoWorkspace } from './seed-demo-workspace.ts';

describeEngines('demo governance', (t) => {
  let app: TandemApp;
  let seeded: SeedResult;
  let as: { role: 'owner'; user: never; authorization: string };

  beforeAll(async () => {
    seeded = (await seedDemoWorkspace(t.db, { hashPassword: async (p) => `test-hash:${p}` }))!;
    app = testApp(t.db, t.engine);
    const { token } = await issueApiToken(t.db, { email: seeded.owner.email, name: 'test' }, new Date());
    as = { role: 'owner', user: undefined as never, authorization: `Bearer ${token}` };
  }, 120_000);

  it('has the bank in Execution with Initiation and Planning passed on both sign-offs', async () => {
    const bank = seeded.projects.banking.id;
    const r = await json(app, 'GET', `/api/projects/${bank}/gates`, { as });
    expect(r.body.phase).toBe('execution');
    const items = r.body.items as {
      phase: string;
      status: string;
      signOffs: { role: string; decision: string }[];
    }[];
    expect(items.map((g) => [g.phase, g.status, g.signOffs.map((s) => s.role).join('+')])).toEqual([
      ['initiation', 'passed', 'pm+tpm'],
      ['planning', 'passed', 'pm+tpm'],
      ['execution', 'open', ''],
      ['testing', 'open', ''],
      ['deployment', 'open', ''],
    ]);
    const it = await json(app, 'GET', `/api/projects/${seeded.projects.itRollout.id}/gates`, { as });
    expect(it.body.requiredSignOffs).toEqual(['pm']);
  });

  it('has scored risks with residuals, an ADR, an escalated issue, a pending change and a scenario', async () => {
    const bank = seeded.projects.banking.id;
    const top = await json(app, 'GET', `/api/projects/${bank}/raid/top-risks`, { as });
    const risks = top.body.items as {
      inherent: { score: number } | null;
      residual: { score: number } | null;
    }[];
    expect(risks).toHaveLength(5);
    expect(risks.every((r) => r.inherent !== null && r.residual !== null)).toBe(true);
    const raid = await json(app, 'GET', `/api/projects/${bank}/raid?limit=500`, { as });
    const entries = raid.body.items as {
      kind: string;
      escalationLevel: number | null;
      decision: string | null;
    }[];
    expect(entries.some((e) => e.kind === 'issue' && e.escalationLevel === 3)).toBe(true);
    expect(entries.filter((e) => e.kind === 'decision' && e.decision).length).toBeGreaterThanOrEqual(2);

    const crs = await json(app, 'GET', `/api/projects/${bank}/change-requests?status=submitted`, { as });
    const pending = (
      crs.body.items as {
        id: string;
        changeSet: unknown[];
        impactAnalysis: { delta: { finishWorkingDays: number } };
      }[]
    )[0]!;
    expect(pending.changeSet.length).toBeGreaterThan(0);
    expect(pending.impactAnalysis.delta.finishWorkingDays).toBeGreaterThan(0);
    const signOffs = await json(app, 'GET', `/api/change-requests/${pending.id}/sign-offs`, { as });
    expect(signOffs.body.missing).toEqual([{ role: 'tpm', reason: 'TPM sign-off missing' }]);

    const scenarios = await json(app, 'GET', `/api/projects/${bank}/scenarios`, { as });
    const scenario = (scenarios.body.items as { id: string; name: string }[])[0]!;
    expect(scenario.name).toBe('Key engineer on leave');
    const compared = await json(app, 'POST', `/api/scenarios/${scenario.id}/compare`, {
      as,
      body: { iterations: 200, seed: 1 },
    });
    expect(compared.status, JSON.stringify(compared.body)).toBe(200);
    const delta = (compared.body.comparison as { scenarios: { delta: { finishWorkingDays: number } }[] })
      .scenarios[0]!.delta;
    expect(delta.finishWorkingDays).toBeGreaterThanOrEqual(0);
  });
});
