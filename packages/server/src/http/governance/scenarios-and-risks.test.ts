/** Scenarios (compare, promote, discard) and the RAID risk views over HTTP, on both engines. */
import { beforeAll, expect, it } from 'vitest';
import type { TandemApp } from '../../app.ts';
import { describeEngines } from '../../db/test-engines.ts';
import { loadSchedulablePlan } from '../plan.ts';
import { type TestWorkspace, json, testApp, testWorkspace } from '../testing.ts';

const DAY = 480;

describeEngines('scenarios and risk views', (t) => {
  let app: TandemApp;
  let w: TestWorkspace;
  let build: string;
  let ben: string;

  beforeAll(async () => {
    app = testApp(t.db, t.engine);
    w = await testWorkspace(t.db, 'Scenarios');
    const create = async (collection: string, body: unknown) =>
      (await json(app, 'POST', `/api/projects/${w.project.id}/${collection}`, { as: w.actors.pm, body })).body
        .id as string;
    const design = await create('work-items', { name: 'Design', durationMinutes: 5 * DAY });
    build = await create('work-items', { name: 'Build', durationMinutes: 10 * DAY });
    await create('dependencies', { predecessorId: design, successorId: build });
    ben = await create('resources', { name: 'Ben', standardRate: 80 });
    await create('assignments', { workItemId: build, resourceId: ben, units: 1 });
  });

  const scenario = async (name: string, changeSet: unknown) => {
    const r = await json(app, 'POST', `/api/projects/${w.project.id}/scenarios`, {
      as: w.actors.member,
      body: { name, changeSet },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string; version: number };
  };

  it('compares a key engineer’s leave with the live plan, then promotes it', async () => {
    const s = await scenario('Ben on leave', [
      { op: 'addLeave', resourceId: ben, from: '2026-01-19', to: '2026-01-23' },
    ]);
    const compared = await json(app, 'POST', `/api/scenarios/${s.id}/compare`, {
      as: w.actors.member,
      body: { iterations: 100, seed: 3 },
    });
    expect(compared.status, JSON.stringify(compared.body)).toBe(200);
    const comparison = compared.body.comparison as {
      live: { finish: string };
      scenarios: { name: string; measures: { finish: string }; delta: { finishWorkingDays: number } }[];
    };
    expect(comparison.live.finish).toBe('2026-01-23T17:00:00');
    expect(comparison.scenarios[0]).toMatchObject({ name: 'Ben on leave', delta: { finishWorkingDays: 5 } });
    expect(comparison.scenarios[0]?.measures.finish).toBe('2026-01-30T17:00:00');

    expect(
      (
        await json(app, 'POST', `/api/scenarios/${s.id}/promote`, {
          as: w.actors.member,
          headers: { 'if-match': '*' },
        })
      ).status,
    ).toBe(403);
    const promoted = await json(app, 'POST', `/api/scenarios/${s.id}/promote`, {
      as: w.actors.pm,
      headers: { 'if-match': '*' },
    });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);
    expect(promoted.body.status).toBe('promoted');
    const schedule = await json(app, 'GET', `/api/projects/${w.project.id}/schedule`, {
      as: w.actors.viewer,
    });
    expect((schedule.body.project as { finish: string }).finish).toBe('2026-01-30T17:00:00');
    const plan = await loadSchedulablePlan(t.db, w.workspace.id, w.project.id);
    expect(plan.calendars.some((c) => c.exceptions.some((e) => e.from === '2026-01-19'))).toBe(true);
    expect(
      (
        await json(app, 'POST', `/api/scenarios/${s.id}/discard`, {
          as: w.actors.pm,
          headers: { 'if-match': '*' },
        })
      ).body.code,
    ).toBe('scenario_closed');
  });

  it('discards a scenario without touching the plan', async () => {
    const s = await scenario('Extra scope', [
      { op: 'setDuration', taskId: build, durationMinutes: 20 * DAY },
    ]);
    const r = await json(app, 'POST', `/api/scenarios/${s.id}/discard`, {
      as: w.actors.member,
      headers: { 'if-match': `"${s.version}"` },
    });
    expect(r.body.status).toBe('discarded');
    const plan = await loadSchedulablePlan(t.db, w.workspace.id, w.project.id);
    expect(plan.tasks.find((x) => x.name === 'Build')?.duration.minutes).toBe(10 * DAY);
  });

  it('scores risks on the project’s matrix and shows the heat map, top risks and exposure trend', async () => {
    const risk = async (title: string, probability: number, impact: number, extra: object = {}) => {
      const r = await json(app, 'POST', `/api/projects/${w.project.id}/raid`, {
        as: w.actors.member,
        body: { kind: 'risk', title, probability, impact, ...extra },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body as {
        id: string;
        key: string;
        score: number;
        residualScore: number | null;
        version: number;
      };
    };
    const a = await risk('Core banking API late', 0.6, 4, {
      residualProbability: 0.2,
      residualImpact: 3,
      costImpact: { optimistic: 10_000, mostLikely: 20_000, pessimistic: 60_000 },
    });
    const b = await risk('Key engineer leaves', 0.2, 5);
    expect([a.score, a.residualScore, b.score]).toEqual([16, 6, 10]);

    const map = await json(app, 'GET', `/api/projects/${w.project.id}/raid/heat-map`, {
      as: w.actors.viewer,
    });
    const cells = map.body.cells as {
      probabilityLevel: number;
      impactLevel: number;
      rating: string;
      riskKeys: string[];
    }[];
    expect(cells.find((c) => c.probabilityLevel === 4 && c.impactLevel === 4)).toMatchObject({
      rating: 'critical',
      riskKeys: [a.key],
    });
    const top = await json(app, 'GET', `/api/projects/${w.project.id}/raid/top-risks?limit=1`, {
      as: w.actors.viewer,
    });
    expect(
      (top.body.items as { id: string; exposure: { cost: number } }[]).map((r) => [r.id, r.exposure.cost]),
    ).toEqual([[a.id, 0.6 * 30_000]]);
    const trend = await json(app, 'GET', `/api/projects/${w.project.id}/raid/exposure-trend`, {
      as: w.actors.viewer,
    });
    const points = trend.body.points as { openRisks: number; totalScore: number }[];
    expect(points.at(-1)).toMatchObject({ openRisks: 2, totalScore: 26 });

    // A 3 × 3 matrix re-scores the stored risks.
    const matrix = await json(app, 'GET', `/api/projects/${w.project.id}/risk-matrix`, {
      as: w.actors.viewer,
    });
    expect(matrix.body.version).toBe(0);
    const put = await json(app, 'PUT', `/api/projects/${w.project.id}/risk-matrix`, {
      as: w.actors.tpm,
      headers: { 'if-match': '"0"' },
      body: {
        probabilityLevels: [
          { label: 'Low', upTo: 0.33 },
          { label: 'Medium', upTo: 0.66 },
          { label: 'High', upTo: 1 },
        ],
        impactLevels: ['Low', 'Medium', 'High'],
        thresholds: { medium: 3, high: 6, critical: 9 },
      },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const reread = await json(app, 'GET', `/api/raid-entries/${a.id}`, { as: w.actors.viewer });
    expect(reread.body.score).toBe(2 * 3);
    const bad = await json(app, 'PUT', `/api/projects/${w.project.id}/risk-matrix`, {
      as: w.actors.tpm,
      headers: { 'if-match': '*' },
      body: {
        probabilityLevels: [{ label: 'All', upTo: 0.5 }],
        impactLevels: ['x'],
        thresholds: { medium: 1, high: 2, critical: 3 },
      },
    });
    expect(bad.status).toBe(422);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['probabilityLevels[0].upTo']);
  });
});
