/**
 * Change control over HTTP on both engines: the impact analysis equals re-scheduling the changed plan
 * by hand, approval is refused without the required sign-offs (naming them), and approval can apply
 * the change and re-baseline in one go.
 */
import { measurePlan, type Project } from '@tandem/core';
import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../db/test-engines.ts';
import { createProjectMember } from '../../repositories/project-member-repository.ts';
import type { TandemApp } from '../../app.ts';
import { loadSchedulablePlan } from '../plan.ts';
import { type Actor, type TestWorkspace, json, testApp, testWorkspace } from '../testing.ts';

const DAY = 480;

async function post(
  app: TandemApp,
  as: Actor,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return json(app, 'POST', path, { as, body, headers });
}

/** Design (5d) → Build (10d) → Test (4d), Docs (3d) beside Build; Ana and Ben with rates. */
async function buildPlan(app: TandemApp, as: Actor, projectId: string) {
  const create = async (collection: string, body: unknown) => {
    const r = await post(app, as, `/api/projects/${projectId}/${collection}`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const design = await create('work-items', { name: 'Design', durationMinutes: 5 * DAY });
  const build = await create('work-items', { name: 'Build', durationMinutes: 10 * DAY });
  const docs = await create('work-items', { name: 'Docs', durationMinutes: 3 * DAY });
  const test = await create('work-items', { name: 'Test', durationMinutes: 4 * DAY });
  for (const [p, s] of [
    [design, build],
    [build, test],
    [design, docs],
    [docs, test],
  ])
    await create('dependencies', { predecessorId: p, successorId: s });
  const ana = await create('resources', { name: 'Ana', standardRate: 100 });
  const ben = await create('resources', { name: 'Ben', standardRate: 80 });
  await create('assignments', { workItemId: design, resourceId: ana, units: 1 });
  await create('assignments', { workItemId: build, resourceId: ben, units: 1 });
  await create('assignments', { workItemId: docs, resourceId: ana, units: 0.5 });
  return { design, build, docs, test, ana, ben };
}

describeEngines('change control', (t) => {
  let app: TandemApp;
  let w: TestWorkspace;
  let ids: Awaited<ReturnType<typeof buildPlan>>;

  beforeAll(async () => {
    app = testApp(t.db, t.engine);
    w = await testWorkspace(t.db, 'Change control');
    ids = await buildPlan(app, w.actors.pm, w.project.id);
  });

  async function changeRequest(changeSet: unknown, projectId = w.project.id, as = w.actors.member) {
    const r = await post(app, as, `/api/projects/${projectId}/change-requests`, {
      title: 'Longer docs and a security review',
      changeSet,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string; version: number; key: string };
  }

  it('analyses the impact exactly as re-scheduling the changed plan by hand', async () => {
    const cr = await changeRequest([
      { op: 'setDuration', taskId: ids.docs, durationMinutes: 14 * DAY },
      { op: 'addTask', id: 'SEC', name: 'Security review', durationMinutes: 2 * DAY, fixedCost: 1200 },
      { op: 'addLink', predecessorId: ids.build, successorId: 'SEC' },
      { op: 'addLink', predecessorId: 'SEC', successorId: ids.test },
      { op: 'assign', taskId: 'SEC', resourceId: ids.ben, units: 1 },
    ]);
    const r = await post(app, w.actors.member, `/api/change-requests/${cr.id}/impact`, {
      iterations: 200,
      seed: 9,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const impact = r.body.impactAnalysis as {
      before: ReturnType<typeof measurePlan>;
      after: ReturnType<typeof measurePlan>;
      delta: Record<string, unknown>;
    };

    // By hand: the stored plan, changed as the request says, measured with the same settings.
    const live = await loadSchedulablePlan(t.db, w.workspace.id, w.project.id);
    const byHand: Project = structuredClone(live);
    const task = (id: string) => byHand.tasks.find((x) => x.id === id)!;
    task(ids.docs).duration = { ...task(ids.docs).duration, minutes: 14 * DAY };
    byHand.tasks.push({
      id: 'SEC',
      name: 'Security review',
      duration: { minutes: 2 * DAY },
      fixedCost: 1200,
    });
    byHand.links.push(
      { predecessorId: ids.build, successorId: 'SEC', type: 'FS' },
      { predecessorId: 'SEC', successorId: ids.test, type: 'FS' },
    );
    byHand.assignments.push({ taskId: 'SEC', resourceId: ids.ben, units: 1 });
    const expected = measurePlan(byHand, { iterations: 200, seed: 9 });
    expect(impact.before).toEqual(measurePlan(live, { iterations: 200, seed: 9 }));
    expect(impact.after.finish).toBe(expected.finish);
    expect(impact.after.cost).toBe(expected.cost);
    expect(impact.after.criticalPath).toEqual(expected.criticalPath);
    expect(impact.after.p80).toEqual(expected.p80);
    expect(impact.delta).toMatchObject({
      finishWorkingDays: 4,
      cost: 11 * 4 * 100 + 2 * 8 * 80 + 1200,
      criticalPathAdded: [ids.docs],
      criticalPathRemoved: [ids.build],
    });
    expect(r.body.scheduleImpactMinutes).toBe(4 * DAY);
    expect(r.body.costImpact ?? r.body.costImpactAmount).toBe(11 * 4 * 100 + 2 * 8 * 80 + 1200);
    expect(r.headers.get('etag')).toBe(`"${(r.body.version as number).toString()}"`);
  });

  it('refuses a change set that does not fit the plan, naming the operation', async () => {
    const cr = await changeRequest([{ op: 'setDuration', taskId: 'no-such-task', durationMinutes: DAY }]);
    const r = await post(app, w.actors.member, `/api/change-requests/${cr.id}/impact`, {});
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      { path: 'changeSet[0].taskId', message: 'no task no-such-task in the plan' },
    ]);
  });

  it('refuses approval without the PM and TPM sign-offs, naming the missing ones', async () => {
    const cr = await changeRequest([{ op: 'setDuration', taskId: ids.test, durationMinutes: 6 * DAY }]);
    const approve = (as: Actor, version: number) =>
      post(
        app,
        as,
        `/api/change-requests/${cr.id}/approve`,
        { apply: true, rebaseline: 'After CR' },
        { 'if-match': `"${version}"` },
      );

    let r = await approve(w.actors.pm, cr.version);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('sign_offs_missing');
    expect(r.body.detail).toContain('PM sign-off missing');
    expect(r.body.detail).toContain('TPM sign-off missing');

    // A member cannot sign; an owner who is not the project's PM or TPM cannot either.
    expect(
      (await post(app, w.actors.member, `/api/change-requests/${cr.id}/sign-offs`, { decision: 'approved' }))
        .status,
    ).toBe(403);
    expect(
      (await post(app, w.actors.owner, `/api/change-requests/${cr.id}/sign-offs`, { decision: 'approved' }))
        .status,
    ).toBe(403);

    const pm = await post(app, w.actors.pm, `/api/change-requests/${cr.id}/sign-offs`, {
      decision: 'approved',
    });
    expect(pm.status).toBe(201);
    expect(pm.body.role).toBe('pm');
    r = await approve(w.actors.pm, cr.version);
    expect(r.status).toBe(409);
    expect(r.body.missing).toEqual([{ role: 'tpm', reason: 'TPM sign-off missing' }]);

    await post(app, w.actors.tpm, `/api/change-requests/${cr.id}/sign-offs`, {
      decision: 'rejected',
      comment: 'Load tests first',
    });
    r = await approve(w.actors.pm, cr.version);
    expect(r.status).toBe(409);
    expect(r.body.missing).toEqual([{ role: 'tpm', reason: 'TPM rejected' }]);

    const tpm = await post(app, w.actors.tpm, `/api/change-requests/${cr.id}/sign-offs`, {
      decision: 'approved',
    });
    expect(tpm.body.role).toBe('tpm');
    const status = await json(app, 'GET', `/api/change-requests/${cr.id}/sign-offs`, { as: w.actors.viewer });
    expect(status.body.missing).toEqual([]);
    expect(status.body.required).toEqual(['pm', 'tpm']);

    // Nothing was applied while refused.
    let plan = await loadSchedulablePlan(t.db, w.workspace.id, w.project.id);
    expect(plan.tasks.find((x) => x.id === ids.test)?.duration.minutes).toBe(4 * DAY);

    r = await approve(w.actors.tpm, cr.version);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('implemented');
    expect(r.body.appliedAt).toEqual(expect.any(String));
    plan = await loadSchedulablePlan(t.db, w.workspace.id, w.project.id);
    expect(plan.tasks.find((x) => x.id === ids.test)?.duration.minutes).toBe(6 * DAY);
    const baseline = await json(app, 'GET', `/api/baselines/${r.body.baselineId as string}`, {
      as: w.actors.viewer,
    });
    expect(baseline.body.name).toBe('After CR');
    expect(r.body.baselineId).toBe(r.body.baselineId);

    // Decided: no more sign-offs or approvals.
    expect((await approve(w.actors.pm, r.body.version as number)).status).toBe(409);
    const log = await json(app, 'GET', `/api/projects/${w.project.id}/change-log?changeRequestId=${cr.id}`, {
      as: w.actors.viewer,
    });
    expect((log.body.items as { action: string }[]).map((e) => e.action)).toEqual([
      'approved',
      'rebaselined',
      'applied',
      'signed_off',
      'signed_off',
      'signed_off',
    ]);
  });

  it('needs only the PM’s sign-off on a project without a TPM', async () => {
    await createProjectMember(t.db, w.ctx, {
      project_id: w.otherProject.id,
      user_id: w.actors.pm.user.id,
      role: 'pm',
    });
    const cr = await changeRequest([], w.otherProject.id, w.actors.pm);
    const approve = () =>
      post(app, w.actors.pm, `/api/change-requests/${cr.id}/approve`, { apply: false }, { 'if-match': '*' });
    expect((await approve()).body.missing).toEqual([{ role: 'pm', reason: 'PM sign-off missing' }]);
    await post(app, w.actors.pm, `/api/change-requests/${cr.id}/sign-offs`, { decision: 'approved' });
    const r = await approve();
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('approved');
  });

  it('asks for If-Match on approval', async () => {
    const cr = await changeRequest([]);
    expect(
      (await post(app, w.actors.pm, `/api/change-requests/${cr.id}/approve`, { apply: false })).status,
    ).toBe(428);
  });
});
