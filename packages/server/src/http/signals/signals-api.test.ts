/**
 * Signals through the API, both engines: a small engineering history sent as real webhook deliveries
 * (feature-branch pushes, a squash-merged pull request, a production deployment, an incident issue
 * naming its root cause, a failing build) gives the expected four keys, links work items by key,
 * shows on the milestone and release, and raises a technical risk in one action.
 */
import { createHmac } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { TandemApp } from '../../app.ts';
import { describeEngines } from '../../db/test-engines.ts';
import { type ChangeEvent, InProcessEventBus } from '../../events/event-bus.ts';
import { type TestWorkspace, call, json, testApp, testWorkspace } from '../testing.ts';

type Keys = Record<string, Record<string, unknown>>;

const REPO = { full_name: 'northbridge/online-banking', default_branch: 'main' };

describeEngines('engineering signals through the API', (t) => {
  let app: TandemApp;
  let w: TestWorkspace;
  let hook: { id: string; secret: string };
  let login: string;
  let golive: string;
  let release: string;
  let n = 0;
  const bus = new InProcessEventBus();

  const send = async (event: string, payload: unknown) => {
    const body = JSON.stringify(payload);
    const r = await json(app, 'POST', `/api/hooks/github/${hook.id}`, {
      raw: body,
      headers: {
        'content-type': 'application/json',
        'x-github-event': event,
        'x-github-delivery': `d-${n++}`,
        'x-hub-signature-256': `sha256=${createHmac('sha256', hook.secret).update(body).digest('hex')}`,
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    return r.body;
  };
  const commit = (id: string, message: string, timestamp: string) => ({
    id,
    message,
    timestamp,
    author: { name: 'Dev' },
  });

  beforeAll(async () => {
    app = testApp(t.db, t.engine, { events: bus });
    w = await testWorkspace(t.db);
    const as = w.actors.tpm;
    const p = w.project.id;
    login = (
      await json(app, 'POST', `/api/projects/${p}/work-items`, {
        as,
        body: { name: 'Login', key: 'BANK-1', durationMinutes: 2400 },
      })
    ).body.id as string;
    golive = (
      await json(app, 'POST', `/api/projects/${p}/work-items`, {
        as,
        body: { name: 'Go live', key: 'BANK-9', durationMinutes: 0, milestone: true },
      })
    ).body.id as string;
    await json(app, 'POST', `/api/projects/${p}/dependencies`, {
      as,
      body: { predecessorId: login, successorId: golive },
    });
    release = (
      await json(app, 'POST', `/api/projects/${p}/releases`, {
        as,
        body: { name: 'R1', tag: 'v1.0.0', workItemIds: [login] },
      })
    ).body.id as string;
    const created = await json(app, 'POST', `/api/projects/${p}/hook-configs`, {
      as,
      body: { provider: 'github', name: 'GitHub' },
    });
    hook = { id: created.body.id as string, secret: created.body.secret as string };

    // Two commits on a feature branch, squash-merged as 5a1b2c3, deployed to production.
    await send('push', {
      ref: 'refs/heads/feature/BANK-1-login',
      after: 'c2',
      repository: { ...REPO, pushed_at: Date.parse('2026-01-07T09:00:00Z') / 1000 },
      commits: [
        commit('c1', 'Login form', '2026-01-05T09:00:00Z'),
        commit('c2', 'Login API', '2026-01-06T09:00:00Z'),
      ],
    });
    await send('pull_request', {
      action: 'closed',
      pull_request: {
        id: 1,
        number: 12,
        title: 'BANK-1 Login',
        state: 'closed',
        merged: true,
        merged_at: '2026-01-07T12:00:00Z',
        merge_commit_sha: '5a1b2c3',
        head: { ref: 'feature/BANK-1-login', sha: 'c2' },
        base: { ref: 'main' },
      },
      repository: REPO,
    });
    await send('push', {
      ref: 'refs/heads/main',
      after: '5a1b2c3',
      repository: { ...REPO, pushed_at: Date.parse('2026-01-07T12:00:00Z') / 1000 },
      commits: [commit('5a1b2c3', 'BANK-1 Login (#12)', '2026-01-07T12:00:00Z')],
    });
    const deployment = {
      id: 77,
      sha: '5a1b2c3',
      ref: 'v1.0.0',
      environment: 'production',
      created_at: '2026-01-08T09:00:00Z',
    };
    await send('deployment', { deployment, repository: REPO });
    await send('deployment_status', {
      deployment,
      deployment_status: {
        state: 'success',
        environment: 'production',
        created_at: '2026-01-08T09:00:00Z',
        updated_at: '2026-01-08T09:00:00Z',
      },
      repository: REPO,
    });
    // An incident caused by the squash commit, restored in 3 hours.
    await send('issues', {
      action: 'closed',
      issue: {
        number: 5,
        title: 'Login errors',
        body: 'root cause: 5a1b2c3',
        state: 'closed',
        labels: [{ name: 'Incident' }],
        created_at: '2026-01-08T10:00:00Z',
        closed_at: '2026-01-08T13:00:00Z',
      },
      repository: REPO,
    });
    // A failing build on the login branch.
    await send('workflow_run', {
      workflow_run: {
        id: 900,
        name: 'CI',
        status: 'completed',
        conclusion: 'failure',
        head_sha: 'c2',
        head_branch: 'feature/BANK-1-login',
        run_started_at: '2026-01-06T09:05:00Z',
        updated_at: '2026-01-06T09:15:00Z',
        html_url: 'https://ci/900',
      },
      repository: REPO,
    });
  });

  it('links changes to work items by key and marks the squash-merged commits as landed through the squash commit', async () => {
    const changes = await json(app, 'GET', `/api/projects/${w.project.id}/changes?sort=committedAt`, {
      as: w.actors.viewer,
    });
    expect(changes.body.items).toEqual([
      expect.objectContaining({
        sha: 'c1',
        landedAs: '5a1b2c3',
        landedAt: '2026-01-07T12:00:00.000Z',
        pullRequest: 12,
        workItemIds: [login],
        releaseId: release,
      }),
      expect.objectContaining({ sha: 'c2', landedAs: '5a1b2c3', pullRequest: 12, workItemIds: [login] }),
      expect.objectContaining({
        sha: '5a1b2c3',
        landedAs: null,
        landedAt: '2026-01-07T12:00:00.000Z',
        workItemIds: [login],
      }),
    ]);
  });

  it('computes the four keys: the squash commit stands for its two commits', async () => {
    const dora = await json(app, 'GET', `/api/projects/${w.project.id}/dora?from=2026-01-04&to=2026-02-01`, {
      as: w.actors.viewer,
    });
    expect(dora.status).toBe(200);
    // c1: 3 days, c2: 2 days → median 2.5 days = 3600 minutes
    expect((dora.body.keys as Keys).leadTime).toMatchObject({
      medianMinutes: 3600,
      count: 2,
      bucket: 'one-week',
      rating: 'high',
    });
    expect((dora.body.keys as Keys).changeFailureRate).toMatchObject({
      rate: 1,
      failedDeployments: 1,
      deployments: 1,
    });
    expect((dora.body.keys as Keys).timeToRestore).toMatchObject({
      medianMinutes: 180,
      count: 1,
      rating: 'elite',
    });
    expect((dora.body.keys as Keys).deploymentFrequency).toMatchObject({ deployments: 1 });
    expect(dora.body.series).toHaveLength(5);
    expect(dora.body.releases).toEqual([expect.objectContaining({ releaseId: release, tag: 'v1.0.0' })]);
    const r = (dora.body.releases as { keys: Keys }[])[0]!.keys;
    expect(r.changeFailureRate).toMatchObject({ deployments: 1, failedDeployments: 1 });
    // Measured over the day it was deployed in, not over all time (which would rate it yearly).
    expect(r.deploymentFrequency).toMatchObject({ deployments: 1, bucket: 'weekly', rating: 'high' });
    const only = await json(
      app,
      'GET',
      `/api/projects/${w.project.id}/dora?from=2026-01-04&to=2026-02-01&release=${release}&bucket=month`,
      {
        as: w.actors.viewer,
      },
    );
    expect((only.body.keys as Keys).leadTime?.medianMinutes).toBe(3600);
    expect(only.body.series).toHaveLength(1);
  });

  it('refuses a window backwards', async () => {
    const bad = await json(app, 'GET', `/api/projects/${w.project.id}/dora?from=2026-02-01&to=2026-01-01`, {
      as: w.actors.viewer,
    });
    expect(bad.status).toBe(400);
  });

  it('shows the engineering state beside the milestone and release', async () => {
    const view = await json(app, 'GET', `/api/projects/${w.project.id}/engineering`, { as: w.actors.viewer });
    expect(view.status).toBe(200);
    const milestone = (view.body.milestones as { id: string }[]).find((m) => m.id === golive) as Record<
      string,
      unknown
    >;
    expect(milestone).toMatchObject({
      builds: { total: 1, failed: 1 },
      failingBuilds: [
        expect.objectContaining({
          name: 'CI',
          branch: expect.any(String),
          sha: expect.any(String),
          workItemIds: [login],
          criticalWorkItemIds: [login],
        }),
      ],
      deployments: { total: 1, failed: 0, production: 1 },
    });
    const rel = (view.body.releases as { id: string }[])[0] as Record<string, unknown>;
    expect(rel).toMatchObject({
      id: release,
      deployments: { production: 1, lastProductionAt: '2026-01-08T09:00:00.000Z' },
    });
  });

  it('raises a technical risk from the failing build, linked to its critical-path work item', async () => {
    const runs = await json(app, 'GET', `/api/projects/${w.project.id}/ci-runs`, { as: w.actors.member });
    const run = (runs.body.items as { id: string }[])[0]!;
    expect(
      (
        await call(app, 'POST', `/api/projects/${w.project.id}/signals/ci-runs/${run.id}/raise-risk`, {
          as: w.actors.viewer,
        })
      ).status,
    ).toBe(403);
    const risk = await json(
      app,
      'POST',
      `/api/projects/${w.project.id}/signals/ci-runs/${run.id}/raise-risk`,
      { as: w.actors.member },
    );
    expect(risk.status, JSON.stringify(risk.body)).toBe(201);
    expect(risk.body).toMatchObject({
      kind: 'risk',
      category: 'technical',
      linkedWorkItemIds: [login],
      impact: 4,
    });
    expect(risk.body.title).toContain('critical path');
    const missing = await json(
      app,
      'POST',
      `/api/projects/${w.project.id}/signals/incidents/${run.id}/raise-risk`,
      { as: w.actors.member },
    );
    expect(missing.status).toBe(404);
  });

  it('keeps SLOs with their error budget, from samples', async () => {
    const slo = await json(app, 'POST', `/api/projects/${w.project.id}/slos`, {
      as: w.actors.tpm,
      body: { name: 'Login availability', objective: 0.99, windowDays: 30, method: 'samples' },
    });
    expect(slo.status).toBe(201);
    const now = Date.now();
    const samples = [1, 2].map((d) => ({
      at: new Date(now - d * 3_600_000).toISOString(),
      good: 995,
      total: 1000,
    }));
    expect(
      (
        await json(app, 'POST', `/api/slos/${slo.body.id as string}/samples`, {
          as: w.actors.member,
          body: { samples },
        })
      ).status,
    ).toBe(201);
    const bad = await json(app, 'POST', `/api/slos/${slo.body.id as string}/samples`, {
      as: w.actors.member,
      body: { samples: [{ at: new Date().toISOString(), good: 2, total: 1 }] },
    });
    expect(bad.status).toBe(422);
    const status = await json(app, 'GET', `/api/slos/${slo.body.id as string}/status`, {
      as: w.actors.viewer,
    });
    expect(status.body.uptime).toBeCloseTo(0.995, 9);
    expect(status.body.remaining).toBeCloseTo(0.5, 9);
    expect(status.body.burnRate).toBeCloseTo(0.5, 9);
    expect(status.body.status).toBe('healthy');
  });

  it('publishes a delivery, its hook and its signals on the project’s live stream', async () => {
    const events: ChangeEvent[] = [];
    const unsubscribe = bus.subscribe(w.workspace.id, w.project.id, (e) => events.push(e));
    const accepted = await send('workflow_run', {
      action: 'completed',
      workflow_run: {
        id: 9001,
        name: 'Nightly',
        status: 'completed',
        conclusion: 'success',
        head_branch: 'main',
        head_sha: '5a1b2c3',
        run_started_at: '2026-01-09T01:00:00Z',
        updated_at: '2026-01-09T01:10:00Z',
        html_url: 'https://github.com/northbridge/online-banking/actions/runs/9001',
      },
      repository: REPO,
    });
    unsubscribe();
    expect(events.map((e) => [e.entity, e.action])).toEqual(
      expect.arrayContaining([
        ['ci-runs', 'created'],
        ['hook-deliveries', 'created'],
        ['hook-configs', 'updated'],
      ]),
    );
    expect(events.find((e) => e.entity === 'hook-deliveries')?.id).toBe(accepted.deliveryId);
  });

  it('counts a failed deployment apart from the successful ones', async () => {
    const deployment = {
      id: 78,
      sha: '5a1b2c3',
      ref: 'v1.0.1',
      environment: 'staging',
      created_at: '2026-01-09T09:00:00Z',
    };
    await send('deployment', { deployment, repository: REPO });
    await send('deployment_status', {
      deployment,
      deployment_status: {
        state: 'failure',
        environment: 'staging',
        created_at: '2026-01-09T09:05:00Z',
        updated_at: '2026-01-09T09:05:00Z',
      },
      repository: REPO,
    });
    const view = await json(app, 'GET', `/api/projects/${w.project.id}/engineering`, { as: w.actors.viewer });
    expect((view.body.project as Record<string, unknown>).deployments).toMatchObject({
      total: 1,
      failed: 1,
      production: 1,
      lastEnvironment: 'production',
    });
    const failed = await json(app, 'GET', `/api/projects/${w.project.id}/deployments?status=failure`, {
      as: w.actors.viewer,
    });
    const id = (failed.body.items as { id: string }[])[0]!.id;
    const risk = await json(
      app,
      'POST',
      `/api/projects/${w.project.id}/signals/deployments/${id}/raise-risk`,
      {
        as: w.actors.member,
      },
    );
    expect(risk.status).toBe(201);
    // Its commit landed BANK-1, on the critical path.
    expect(risk.body.title).toBe('Deployment to staging failed (critical path)');
  });

  it('shows on each milestone the work since the milestone before it, not everything before', async () => {
    const as = w.actors.tpm;
    const p = w.project.id;
    const add = async (body: Record<string, unknown>) =>
      (await json(app, 'POST', `/api/projects/${p}/work-items`, { as, body })).body.id as string;
    const hypercare = await add({ name: 'Hypercare', key: 'BANK-10', durationMinutes: 2400 });
    const close = await add({ name: 'Close', key: 'BANK-11', durationMinutes: 0, milestone: true });
    for (const [predecessorId, successorId] of [
      [golive, hypercare],
      [hypercare, close],
    ])
      await json(app, 'POST', `/api/projects/${p}/dependencies`, {
        as,
        body: { predecessorId, successorId },
      });
    const view = await json(app, 'GET', `/api/projects/${p}/engineering`, { as: w.actors.viewer });
    const byId = (id: string) =>
      (
        view.body.milestones as {
          id: string;
          workItemIds: string[];
          builds: { total: number };
          failingBuilds: unknown[];
        }[]
      ).find((m) => m.id === id)!;
    // BANK-1's failing build belongs to "Go live"; "Close" covers Hypercare and itself only.
    expect(byId(golive).builds.total).toBeGreaterThan(0);
    expect(byId(close).workItemIds).toEqual([hypercare, close].sort());
    expect(byId(close).builds.total).toBe(0);
    expect(byId(close).failingBuilds).toEqual([]);
  });
});
