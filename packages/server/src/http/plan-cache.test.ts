/**
 * The plan cache never serves a stale or wrong schedule: after every kind of write — patched in
 * memory or reloaded — `GET /schedule` is byte for byte what a fresh load and schedule give; a write
 * rolled back leaves nothing behind; another process's writes (another app with its own cache on the
 * same database) and writes that bypass the API are seen on the next read; concurrent writes to one
 * plan queue on the project, so two links that would make a cycle cannot both commit.
 */
import { scheduleProject, toScheduleJson } from '@tandem/core';
import { beforeAll, expect, it } from 'vitest';
import { randomNetwork } from '../../../core/src/testing/random-network.ts';
import { describeEngines } from '../db/test-engines.ts';
import { importPlan, loadPlan } from '../repositories/plan-repository.ts';
import { schedulable } from './plan.ts';
import { PlanCache } from './plan-cache.ts';
import { type TestWorkspace, json, testApp, testWorkspace } from './testing.ts';

interface WorkItem {
  id: string;
  key: string;
  parentId: string | null;
  version: number;
}

describeEngines('plan cache', (t) => {
  let ws: TestWorkspace;
  let plans: PlanCache;
  let app: ReturnType<typeof testApp>;
  let items: WorkItem[];
  let leaves: WorkItem[];
  const as = () => ws.actors.pm;
  const projectId = () => ws.project.id;

  const fresh = async () => {
    const plan = schedulable(await loadPlan(t.db, ws.workspace.id, projectId()));
    return JSON.stringify(toScheduleJson(plan, scheduleProject(plan)));
  };
  const served = async (on = app) => {
    const response = await on.request(`/api/projects/${projectId()}/schedule`, {
      headers: { authorization: as().authorization },
    });
    expect(response.status).toBe(200);
    return response.text();
  };
  const patch = async (path: string, body: object, expected = 200) => {
    const current = await json(app, 'GET', path, { as: as() });
    const result = await json(app, 'PATCH', path, {
      as: as(),
      body,
      headers: { 'if-match': current.headers.get('etag') ?? '' },
    });
    expect(result.status, JSON.stringify(result.body)).toBe(expected);
    return result.body;
  };

  beforeAll(async () => {
    ws = await testWorkspace(t.db, 'Cache');
    await importPlan(t.db, ws.ctx, ws.project.id, randomNetwork({ tasks: 120, seed: 3 }));
    plans = new PlanCache(t.engine);
    app = testApp(t.db, t.engine, { plans });
    const list = await json(app, 'GET', `/api/projects/${projectId()}/work-items?limit=500`, { as: as() });
    items = list.body.items as WorkItem[];
    const parents = new Set(items.map((i) => i.parentId));
    leaves = items.filter((i) => !parents.has(i.id));
  });

  it('serves reads from the cache while the plan is unchanged', async () => {
    const first = await served();
    expect(first).toBe(await fresh());
    const loads = plans.stats.loads;
    expect(await served()).toBe(first);
    expect(plans.stats.loads).toBe(loads);
    expect(plans.stats.hits).toBeGreaterThan(0);
  });

  it('after every kind of write, serves exactly the schedule of a fresh load', async () => {
    const [a, b, c, d] = [leaves[3]!, leaves[10]!, leaves[20]!, leaves[40]!];
    const summaries = items.filter((i) => !leaves.includes(i));
    const patchesBefore = plans.stats.patches;
    const steps: [string, () => Promise<unknown>][] = [
      ['duration', () => patch(`/api/work-items/${a.id}`, { durationMinutes: 4800 })],
      [
        'name and constraint',
        () =>
          patch(`/api/work-items/${b.id}`, {
            name: 'Renamed',
            constraintType: 'SNET',
            constraintDate: '2025-06-02T08:00:00',
          }),
      ],
      [
        'progress',
        () => patch(`/api/work-items/${c.id}`, { percentComplete: 40, actualStart: '2025-01-06T08:00:00' }),
      ],
      [
        'a link',
        async () => {
          const created = await json(app, 'POST', `/api/projects/${projectId()}/dependencies`, {
            as: as(),
            body: { predecessorId: a.id, successorId: d.id, lagMinutes: 48_000 },
          });
          expect(created.status).toBe(201);
          expect(await served()).toBe(await fresh());
          await patch(`/api/dependencies/${created.body.id as string}`, { lagMinutes: 24_000 });
        },
      ],
      ['a move in the outline', () => patch(`/api/work-items/${d.id}`, { parentId: summaries[0]!.id })],
      [
        'a new work item',
        async () => {
          const created = await json(app, 'POST', `/api/projects/${projectId()}/work-items`, {
            as: as(),
            body: { name: 'Added', durationMinutes: 960, parentId: summaries[1]!.id },
          });
          expect(created.status).toBe(201);
        },
      ],
      [
        'a deleted link',
        async () => {
          const links = await json(app, 'GET', `/api/projects/${projectId()}/dependencies?limit=1`, {
            as: as(),
          });
          const link = (links.body.items as { id: string; version: number }[])[0]!;
          const deleted = await json(app, 'DELETE', `/api/dependencies/${link.id}`, {
            as: as(),
            headers: { 'if-match': `"${link.version}"` },
          });
          expect(deleted.status).toBe(204);
        },
      ],
      ['the project start', () => patch(`/api/projects/${projectId()}`, { start: '2025-02-03T08:00:00' })],
    ];
    for (const [what, step] of steps) {
      const before = await served();
      await step();
      const after = await served();
      expect(after, what).not.toBe(before);
      expect(after, what).toBe(await fresh());
    }
    expect(plans.stats.patches - patchesBefore).toBeGreaterThanOrEqual(5);
  });

  it('leaves the cached schedule as it was when a write is rolled back', async () => {
    const [a, b] = [leaves[30]!, leaves[31]!];
    const forward = await json(app, 'POST', `/api/projects/${projectId()}/dependencies`, {
      as: as(),
      body: { predecessorId: a.id, successorId: b.id },
    });
    expect(forward.status).toBe(201);
    const before = await served();
    const backward = await json(app, 'POST', `/api/projects/${projectId()}/dependencies`, {
      as: as(),
      body: { predecessorId: b.id, successorId: a.id },
    });
    expect(backward.status).toBe(422);
    expect(backward.body.code).toBe('dependency_cycle');
    expect(await served()).toBe(before);
    expect(before).toBe(await fresh());
  });

  it('sees at once what another process, or a write outside the API, changed', async () => {
    const other = testApp(t.db, t.engine, { plans: new PlanCache(t.engine) });
    const before = await served();
    const leaf = leaves[50]!;
    const current = await json(other, 'GET', `/api/work-items/${leaf.id}`, { as: as() });
    const changed = await json(other, 'PATCH', `/api/work-items/${leaf.id}`, {
      as: as(),
      body: { durationMinutes: 9600 },
      headers: { 'if-match': current.headers.get('etag') ?? '' },
    });
    expect(changed.status).toBe(200);
    const after = await served();
    expect(after).not.toBe(before);
    expect(after).toBe(await fresh());
    expect(await served(other)).toBe(after);

    await importPlan(t.db, ws.ctx, projectId(), randomNetwork({ tasks: 60, seed: 9 }));
    expect(await served()).toBe(await fresh());
  });

  it('queues concurrent writes to one plan: each is kept, and two halves of a cycle never both commit', async () => {
    const list = await json(app, 'GET', `/api/projects/${projectId()}/work-items?limit=500`, { as: as() });
    const now = list.body.items as WorkItem[];
    const parents = new Set(now.map((i) => i.parentId));
    const tasks = now.filter((i) => !parents.has(i.id)).slice(0, 12);
    const results = await Promise.all(
      tasks.map((task, i) =>
        json(app, 'PATCH', `/api/work-items/${task.id}`, {
          as: as(),
          body: { durationMinutes: 480 * (i + 1) },
          headers: { 'if-match': `"${task.version}"` },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(tasks.map(() => 200));
    expect(await served()).toBe(await fresh());

    const [a, b] = await Promise.all(
      ['One', 'Two'].map(async (name) => {
        const created = await json(app, 'POST', `/api/projects/${projectId()}/work-items`, {
          as: as(),
          body: { name, durationMinutes: 480 },
        });
        return created.body as unknown as WorkItem;
      }),
    );
    const halves = await Promise.all(
      [
        [a, b],
        [b, a],
      ].map(([from, to]) =>
        json(app, 'POST', `/api/projects/${projectId()}/dependencies`, {
          as: as(),
          body: { predecessorId: from!.id, successorId: to!.id },
        }),
      ),
    );
    expect(halves.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(await served()).toBe(await fresh());
  });
});
