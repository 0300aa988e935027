/**
 * The generic resource routes, table-driven over every project entity, plus lists (pages, filters,
 * sorts), references kept inside the project, Idempotency-Key, and the schedule endpoint against the
 * CLI's own computation.
 */
import { readFileSync } from 'node:fs';
import { scheduleProject, toScheduleJson } from '@tandem/core';
import { readPlanFile } from '@tandem/formats';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TandemApp } from '../app.ts';
import { describeEngines } from '../db/test-engines.ts';
import { importPlan } from '../repositories/plan-repository.ts';
import { createUser } from '../repositories/user-repository.ts';
import { createWorkspaceMember } from '../repositories/workspace-member-repository.ts';
import { BANKING_PLAN_URL } from '../seed/seed-demo-workspace.ts';
import { PROJECT_RESOURCES } from './routes.ts';
import { type FixtureIds, createFixtures } from './test-fixtures.ts';
import { type TestWorkspace, json, testApp, testWorkspace } from './testing.ts';

/** A field each entity may change, and a value for it. */
const CHANGE: Record<string, Record<string, unknown>> = {
  'work-items': { name: 'Renamed task', percentComplete: 50 },
  dependencies: { lagMinutes: 60 },
  calendars: { name: 'Renamed calendar' },
  resources: { maxUnits: 0.5 },
  assignments: { units: 0.5 },
  baselines: { name: 'Renamed baseline' },
  sprints: { status: 'active' },
  'raid-entries': { status: 'closed' },
  'change-requests': { status: 'submitted' },
  stakeholders: { influence: 4 },
  requirements: { status: 'approved' },
  releases: { status: 'in_progress' },
  comments: { body: 'Edited comment' },
  'project-members': { role: 'member' },
};

describeEngines('resources', (t) => {
  let app: TandemApp;
  let w: TestWorkspace;
  let ids: FixtureIds;

  beforeAll(async () => {
    app = testApp(t.db, t.engine);
    w = await testWorkspace(t.db);
    const extra = await createUser(t.db, {
      email: `extra-${w.workspace.slug}@example.test`,
      name: 'Extra',
      password_hash: null,
    });
    await createWorkspaceMember(t.db, w.ctx, { user_id: extra.id, role: 'member' });
    ids = await createFixtures(app, w.actors.pm, w.project.id, { extraUserId: extra.id });
  });

  describe.each(PROJECT_RESOURCES.map((def) => [def.path, def] as const))('%s', (path, def) => {
    it('reads with an ETag, lists, changes with If-Match, keeps history, deletes', async () => {
      const as = w.actors.owner;
      const id = ids[path] as string;
      const read = await json(app, 'GET', `/api/${path}/${id}`, { as });
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe(`"${read.body.version}"`);
      expect(read.body).toMatchObject({ id, projectId: w.project.id });
      expect(read.body).not.toHaveProperty('workspaceId');

      const list = await json(app, 'GET', `/api/projects/${w.project.id}/${def.collectionPath ?? path}`, {
        as,
      });
      expect(list.status).toBe(200);
      expect((list.body.items as { id: string }[]).map((i) => i.id)).toContain(id);

      const change = CHANGE[path] as Record<string, unknown>;
      const updated = await json(app, 'PATCH', `/api/${path}/${id}`, {
        as,
        body: change,
        headers: { 'if-match': read.headers.get('etag') ?? '' },
      });
      expect(updated.status, JSON.stringify(updated.body)).toBe(200);
      expect(updated.body).toMatchObject({ ...change, version: (read.body.version as number) + 1 });
      expect(updated.headers.get('etag')).toBe(`"${updated.body.version}"`);

      const history = await json(app, 'GET', `/api/${path}/${id}/history`, { as });
      expect((history.body.items as { action: string }[]).map((e) => e.action)).toEqual(['update', 'create']);

      const stale = await json(app, 'DELETE', `/api/${path}/${id}`, {
        as,
        headers: { 'if-match': read.headers.get('etag') ?? '' },
      });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: updated.body.version });
    });
  });

  it('deletes with If-Match, after which the row is gone', async () => {
    const as = w.actors.pm;
    const created = await json(app, 'POST', `/api/projects/${w.project.id}/sprints`, {
      as,
      body: { name: 'Doomed' },
    });
    const gone = await json(app, 'DELETE', `/api/sprints/${created.body.id}`, {
      as,
      headers: { 'if-match': '"1"' },
    });
    expect(gone.status).toBe(204);
    expect((await json(app, 'GET', `/api/sprints/${created.body.id}`, { as })).status).toBe(404);
  });

  it('pages through a list with cursors, without repeats or gaps', async () => {
    const as = w.actors.pm;
    const { body: project } = await json(app, 'POST', '/api/projects', {
      as,
      body: { name: 'Paging', start: '2026-01-05T08:00:00' },
    });
    for (const name of ['e', 'b', 'd', 'a', 'c'])
      await json(app, 'POST', `/api/projects/${project.id}/sprints`, { as, body: { name } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const page = await json(app, 'GET', `/api/projects/${project.id}/sprints?sort=name&limit=2${query}`, {
        as,
      });
      expect(page.status).toBe(200);
      seen.push(...(page.body.items as { name: string }[]).map((s) => s.name));
      cursor = page.body.nextCursor as string | null;
    } while (cursor !== null);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    const desc = await json(
      app,
      'GET',
      `/api/projects/${project.id}/sprints?sort=name&direction=desc&limit=1`,
      { as },
    );
    expect((desc.body.items as { name: string }[])[0]?.name).toBe('e');
  });

  it('filters by equality, by any of several values, and refuses unknown filters and sorts', async () => {
    const as = w.actors.pm;
    const { body: project } = await json(app, 'POST', '/api/projects', {
      as,
      body: { name: 'Filters', start: '2026-01-05T08:00:00' },
    });
    for (const kind of ['risk', 'risk', 'issue', 'decision'])
      await json(app, 'POST', `/api/projects/${project.id}/raid`, { as, body: { kind, title: `A ${kind}` } });
    const risks = await json(app, 'GET', `/api/projects/${project.id}/raid?kind=risk`, { as });
    expect((risks.body.items as { kind: string; key: string }[]).map((r) => r.key)).toEqual(['R-1', 'R-2']);
    const some = await json(app, 'GET', `/api/projects/${project.id}/raid?kind=issue,decision`, { as });
    expect(some.body.items).toHaveLength(2);
    const unknown = await json(app, 'GET', `/api/projects/${project.id}/raid?colour=red`, { as });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'colour', message: 'unknown field', in: 'query' }]);
    const badSort = await json(app, 'GET', `/api/projects/${project.id}/raid?sort=colour`, { as });
    expect(badSort.status).toBe(400);
    const top = await json(app, 'GET', `/api/projects/${project.id}/work-items?parentId=null`, { as });
    expect(top.status).toBe(200);
  });

  it('keeps references inside the project, naming each bad one', async () => {
    const as = w.actors.owner;
    const { body: elsewhere } = await json(app, 'POST', `/api/projects/${w.otherProject.id}/work-items`, {
      as,
      body: { name: 'Elsewhere' },
    });
    const link = await json(app, 'POST', `/api/projects/${w.project.id}/dependencies`, {
      as,
      body: { predecessorId: elsewhere.id, successorId: 'no-such-task' },
    });
    expect(link.status).toBe(422);
    expect((link.body.errors as { path: string }[]).map((e) => e.path)).toEqual([
      'predecessorId',
      'successorId',
    ]);
    const release = await json(app, 'POST', `/api/projects/${w.project.id}/releases`, {
      as,
      body: { name: 'R', workItemIds: [ids['work-items'], elsewhere.id] },
    });
    expect(release.status).toBe(422);
    expect(release.body.errors).toEqual([
      { path: 'workItemIds[1]', message: expect.stringContaining('no work item') },
    ]);
  });

  it('creates once per Idempotency-Key, and refuses the key with another body', async () => {
    const as = w.actors.pm;
    const headers = { 'idempotency-key': `key-${w.workspace.slug}` };
    const url = `/api/projects/${w.project.id}/stakeholders`;
    const [first, second] = await Promise.all([
      json(app, 'POST', url, { as, headers, body: { name: 'Once' } }),
      json(app, 'POST', url, { as, headers, body: { name: 'Once' } }),
    ]);
    expect([first?.status, second?.status]).toEqual([201, 201]);
    expect(second?.body).toEqual(first?.body);
    const replay = await json(app, 'POST', url, { as, headers, body: { name: 'Once' } });
    expect(replay.body).toEqual(first?.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const list = await json(app, 'GET', `${url}?limit=500`, { as });
    expect((list.body.items as { name: string }[]).filter((s) => s.name === 'Once')).toHaveLength(1);
    const other = await json(app, 'POST', url, { as, headers, body: { name: 'Twice' } });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });

  it('captures the current schedule in a baseline created without a snapshot', async () => {
    const as = w.actors.pm;
    const { body } = await json(app, 'POST', `/api/projects/${w.project.id}/baselines`, {
      as,
      body: { name: 'Captured' },
    });
    expect(body.snapshot).toMatchObject({ [ids['work-items'] as string]: { start: '2026-01-05T08:00:00' } });
  });

  it('returns the schedule exactly as `tandem schedule --json` prints it', async () => {
    const plan = readPlanFile(readFileSync(BANKING_PLAN_URL, 'utf8'), 'yaml');
    const { body: project } = await json(app, 'POST', '/api/projects', {
      as: w.actors.pm,
      body: { name: plan.name, start: plan.start },
    });
    await importPlan(t.db, w.ctx, project.id as string, plan);
    const response = await json(app, 'GET', `/api/projects/${project.id}/schedule`, { as: w.actors.pm });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(JSON.parse(JSON.stringify(toScheduleJson(plan, scheduleProject(plan)))));
  });
});
