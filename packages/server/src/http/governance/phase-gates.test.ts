/**
 * Phase gates over HTTP on both engines: the phase table's checklists, technical criteria checked
 * from data (a gate with an unmet criterion cannot pass and the reason names it), two sign-offs.
 */
import { beforeAll, expect, it } from 'vitest';
import type { TandemApp } from '../../app.ts';
import { describeEngines } from '../../db/test-engines.ts';
import { type Actor, type TestWorkspace, json, testApp, testWorkspace } from '../testing.ts';

interface Gate {
  id: string;
  phase: string;
  version: number;
  status: string;
  checklist: { id: string; role: string; label: string; done: boolean }[];
  criteria: { id: string; threshold?: number }[];
  evaluation: { canPass: boolean; unmet: { kind: string; id: string; name: string; reason: string }[] };
}

describeEngines('phase gates', (t) => {
  let app: TandemApp;
  let w: TestWorkspace;

  beforeAll(async () => {
    app = testApp(t.db, t.engine);
    w = await testWorkspace(t.db, 'Gates');
  });

  async function gates(): Promise<{ phase: string; items: Gate[] }> {
    const r = await json(app, 'GET', `/api/projects/${w.project.id}/gates`, { as: w.actors.viewer });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as never;
  }
  const gate = async (phase: string) => (await gates()).items.find((g) => g.phase === phase)!;

  async function tickAll(phase: string, as: Actor = w.actors.pm) {
    const g = await gate(phase);
    const r = await json(app, 'PATCH', `/api/phase-gates/${g.id}`, {
      as,
      body: { checklist: g.checklist.map((i) => ({ id: i.id, done: true })) },
      headers: { 'if-match': `"${g.version}"` },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as unknown as Gate;
  }
  const signOff = (g: Gate, as: Actor, decision = 'approved') =>
    json(app, 'POST', `/api/phase-gates/${g.id}/sign-offs`, { as, body: { decision } });
  const pass = async (phase: string, as: Actor = w.actors.pm) => {
    const g = await gate(phase);
    return json(app, 'POST', `/api/phase-gates/${g.id}/pass`, {
      as,
      headers: { 'if-match': `"${g.version}"` },
    });
  };

  it('lists the five gates with the phase table’s PM and TPM checklists', async () => {
    const { phase, items } = await gates();
    expect(phase).toBe('initiation');
    expect(items.map((g) => g.phase)).toEqual([
      'initiation',
      'planning',
      'execution',
      'testing',
      'deployment',
    ]);
    const planning = items[1]!;
    expect(planning.checklist.filter((i) => i.role === 'pm').map((i) => i.label)).toEqual([
      'Schedule agreed and baselined',
      'Budget approved',
      'Communication plan agreed',
    ]);
    expect(planning.checklist.filter((i) => i.role === 'tpm').map((i) => i.label)).toEqual([
      'Technical roadmap agreed',
      'System architecture reviewed',
    ]);
    expect(planning.criteria.map((c) => c.id)).toEqual(['design-review-decided', 'requirements-traced']);
    // Reading twice makes no second set.
    expect((await gates()).items.map((g) => g.id)).toEqual(items.map((g) => g.id));
  });

  it('passes the initiation gate with its checklist done and both sign-offs, moving the project on', async () => {
    let r = await pass('initiation');
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('gate_not_passable');
    expect((r.body.unmet as { kind: string }[]).filter((u) => u.kind === 'sign-off')).toHaveLength(2);
    const ticked = await tickAll('initiation');
    expect(ticked.evaluation.unmet.map((u) => u.name)).toEqual(['PM sign-off', 'TPM sign-off']);
    expect((await signOff(ticked, w.actors.member)).status).toBe(403);
    expect((await signOff(ticked, w.actors.pm)).status).toBe(201);
    r = await pass('initiation');
    expect(r.status).toBe(409);
    expect(r.body.detail).toContain('TPM sign-off');
    expect((await signOff(ticked, w.actors.tpm)).status).toBe(201);
    r = await pass('initiation', w.actors.tpm);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.projectPhase).toBe('planning');
    expect((await gates()).phase).toBe('planning');
    expect((await pass('initiation')).status).toBe(409);
    // Only the current phase's gate can pass.
    expect((await pass('testing')).body.code).toBe('gate_not_current');
  });

  it('cannot pass with an unmet technical criterion, and the reason names the criterion', async () => {
    const requirement = await json(app, 'POST', `/api/projects/${w.project.id}/requirements`, {
      as: w.actors.pm,
      body: { title: 'Payments under 2 s' },
    });
    await json(app, 'POST', `/api/projects/${w.project.id}/raid`, {
      as: w.actors.tpm,
      body: { kind: 'decision', title: 'Event-driven payments', category: 'technical', status: 'proposed' },
    });
    const ticked = await tickAll('planning');
    await signOff(ticked, w.actors.pm);
    await signOff(ticked, w.actors.tpm);
    let r = await pass('planning');
    expect(r.status).toBe(409);
    const key = requirement.body.key as string;
    expect(r.body.unmet).toEqual([
      expect.objectContaining({
        kind: 'criterion',
        id: 'design-review-decided',
        name: 'design review decided',
      }),
      expect.objectContaining({
        kind: 'criterion',
        id: 'requirements-traced',
        name: 'requirements traced',
        reason: `not traced to any work item: ${key}`,
      }),
    ]);
    expect(r.body.detail).toContain('design review decided');
    expect(r.body.detail).toContain('requirements traced');

    // Coverage has no data yet: the criterion fails as not evaluable, by name.
    const g = await gate('planning');
    const patched = await json(app, 'PATCH', `/api/phase-gates/${g.id}`, {
      as: w.actors.tpm,
      body: { criteria: [{ id: 'coverage-threshold', threshold: 75 }] },
      headers: { 'if-match': `"${g.version}"` },
    });
    expect(patched.status).toBe(200);
    r = await pass('planning');
    expect(r.status).toBe(409);
    expect(r.body.unmet).toEqual([
      expect.objectContaining({
        id: 'coverage-threshold',
        name: 'test coverage at or above the threshold',
        reason: 'not evaluable: no coverage data',
      }),
    ]);
  });

  it('reads coverage and open P1 incidents from the engineering signals', async () => {
    const now = '2026-06-01T10:00:00.000Z';
    const signal = (id: string) => ({
      workspace_id: w.workspace.id,
      id,
      project_id: w.project.id,
      provider: 'github',
      external_id: id,
      delivery_id: null,
      source: null,
      url: null,
      release_id: null,
      work_item_ids: [],
      version: 1,
      created_at: now,
      updated_at: now,
    });
    const ciRun = (id: string, coverage: number, finishedAt: string) =>
      t.db
        .insertInto('ci_runs')
        .values({
          ...signal(id),
          name: 'test',
          status: 'success',
          sha: 'abc1234def',
          branch: 'main',
          started_at: finishedAt,
          finished_at: finishedAt,
          coverage,
        })
        .execute();
    await ciRun('run-1', 71.5, '2026-05-30T10:00:00.000Z');
    await t.db
      .insertInto('incidents')
      .values({
        ...signal('inc-1'),
        title: 'Payments down',
        state: 'open',
        severity: 'P1',
        origin: 'alert',
        opened_at: now,
        resolved_at: null,
        root_causes: [],
        deployment_id: null,
      })
      .execute();
    const g = await gate('execution');
    await json(app, 'PATCH', `/api/phase-gates/${g.id}`, {
      as: w.actors.tpm,
      body: { criteria: [{ id: 'coverage-threshold', threshold: 80 }, { id: 'no-open-p1-incident' }] },
      headers: { 'if-match': `"${g.version}"` },
    });
    let unmet = (await gate('execution')).evaluation.unmet.filter((u) => u.kind === 'criterion');
    expect(unmet.map((u) => [u.name, u.reason])).toEqual([
      ['test coverage at or above the threshold', 'coverage 71.5% is below 80%'],
      ['no open P1 incident', 'open P1 incident(s): Payments down'],
    ]);
    await ciRun('run-2', 84, '2026-05-31T10:00:00.000Z');
    await t.db
      .updateTable('incidents')
      .set({ state: 'resolved', resolved_at: now })
      .where('id', '=', 'inc-1')
      .execute();
    unmet = (await gate('execution')).evaluation.unmet.filter((u) => u.kind === 'criterion');
    expect(unmet).toEqual([]);
  });

  it('refuses unknown checklist items by path, and needs If-Match', async () => {
    const g = await gate('execution');
    const r = await json(app, 'PATCH', `/api/phase-gates/${g.id}`, {
      as: w.actors.pm,
      body: { checklist: [{ id: 'pm:nope', done: true }] },
      headers: { 'if-match': `"${g.version}"` },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      { path: 'checklist[0].id', message: 'no checklist item pm:nope on the execution gate' },
    ]);
    expect((await json(app, 'POST', `/api/phase-gates/${g.id}/pass`, { as: w.actors.pm })).status).toBe(428);
  });
});
