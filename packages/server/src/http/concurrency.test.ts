/**
 * Concurrent edits never overwrite each other silently: of two updates sent with the same If-Match,
 * one wins and the other gets 412 with the current version, and the loser's retry keeps both changes.
 */
import { beforeAll, expect, it } from 'vitest';
import type { TandemApp } from '../app.ts';
import { describeEngines } from '../db/test-engines.ts';
import { type TestWorkspace, json, testApp, testWorkspace } from './testing.ts';

describeEngines('concurrent updates', (t) => {
  let app: TandemApp;
  let w: TestWorkspace;

  beforeAll(async () => {
    app = testApp(t.db, t.engine);
    w = await testWorkspace(t.db);
  });

  it('lets one of two updates with the same If-Match through; the other gets 412 and nothing is lost', async () => {
    const url = `/api/projects/${w.project.id}/work-items`;
    const { body: item } = await json(app, 'POST', url, {
      as: w.actors.pm,
      body: { name: 'Shared', durationMinutes: 480 },
    });
    const headers = { 'if-match': '"1"' };
    const results = await Promise.all([
      json(app, 'PATCH', `/api/work-items/${item.id}`, {
        as: w.actors.pm,
        headers,
        body: { name: 'Renamed by the PM' },
      }),
      json(app, 'PATCH', `/api/work-items/${item.id}`, {
        as: w.actors.tpm,
        headers,
        body: { notes: 'Noted by the TPM' },
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const loser = results.find((r) => r.status === 412);
    const winner = results.find((r) => r.status === 200);
    expect(loser?.body).toMatchObject({ code: 'version_conflict', currentVersion: 2, currentEtag: '"2"' });
    expect(loser?.headers.get('etag')).toBe('"2"');
    expect(loser?.headers.get('content-type')).toBe('application/problem+json');

    // The loser re-applies its change on the version it was told about.
    const retryBody = winner === results[0] ? { notes: 'Noted by the TPM' } : { name: 'Renamed by the PM' };
    const retry = await json(app, 'PATCH', `/api/work-items/${item.id}`, {
      as: w.actors.tpm,
      headers: { 'if-match': loser?.body.currentEtag as string },
      body: retryBody,
    });
    expect(retry.status).toBe(200);
    const final = await json(app, 'GET', `/api/work-items/${item.id}`, { as: w.actors.viewer });
    expect(final.body).toMatchObject({ name: 'Renamed by the PM', notes: 'Noted by the TPM', version: 3 });
    const history = await json(app, 'GET', `/api/work-items/${item.id}/history`, { as: w.actors.viewer });
    expect((history.body.items as { action: string }[]).map((e) => e.action)).toEqual([
      'update',
      'update',
      'create',
    ]);
  });

  it('lets exactly one of many racing deletes through', async () => {
    const { body: sprint } = await json(app, 'POST', `/api/projects/${w.project.id}/sprints`, {
      as: w.actors.pm,
      body: { name: 'Raced' },
    });
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        json(app, 'DELETE', `/api/sprints/${sprint.id}`, { as: w.actors.pm, headers: { 'if-match': '"1"' } }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    // The others lost the race: the row changed (412) or is gone (404) — never a second delete.
    expect(statuses.filter((s) => s !== 204).every((s) => s === 412 || s === 404)).toBe(true);
  });

  it('accepts If-Match: * as "whatever the current version is", and refuses weak tags', async () => {
    const { body: item } = await json(app, 'POST', `/api/projects/${w.project.id}/sprints`, {
      as: w.actors.pm,
      body: { name: 'Any' },
    });
    const star = await json(app, 'PATCH', `/api/sprints/${item.id}`, {
      as: w.actors.pm,
      headers: { 'if-match': '*' },
      body: { goal: 'Ship' },
    });
    expect(star.status).toBe(200);
    const weak = await json(app, 'PATCH', `/api/sprints/${item.id}`, {
      as: w.actors.pm,
      headers: { 'if-match': 'W/"2"' },
      body: { goal: 'Weak' },
    });
    expect(weak.status).toBe(412);
    const junk = await json(app, 'PATCH', `/api/sprints/${item.id}`, {
      as: w.actors.pm,
      headers: { 'if-match': '2' },
      body: { goal: 'Junk' },
    });
    expect(junk.status).toBe(400);
  });
});
