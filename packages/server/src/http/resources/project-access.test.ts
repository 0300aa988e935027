/** `GET /api/projects/{id}/access`: each role's project permissions, as the server enforces them. */
import { beforeAll, expect, it } from 'vitest';
import type { TandemApp } from '../../app.ts';
import { describeEngines } from '../../db/test-engines.ts';
import { type TestWorkspace, json, testApp, testWorkspace } from '../testing.ts';

describeEngines('project access', (t) => {
  let app: TandemApp;
  let w: TestWorkspace;
  beforeAll(async () => {
    app = testApp(t.db, t.engine);
    w = await testWorkspace(t.db);
  });

  it.each([
    ['owner', ['project:read', 'project:contribute', 'project:plan', 'project:delete']],
    ['admin', ['project:read', 'project:contribute', 'project:plan', 'project:delete']],
    ['pm', ['project:read', 'project:contribute', 'project:plan']],
    ['tpm', ['project:read', 'project:contribute', 'project:plan']],
    ['member', ['project:read', 'project:contribute']],
    ['viewer', ['project:read']],
  ] as const)('a %s gets its role and exactly the permissions it has', async (role, permissions) => {
    const answer = await json(app, 'GET', `/api/projects/${w.project.id}/access`, { as: w.actors[role] });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ projectId: w.project.id, role, permissions: [...permissions] });
    // What it says is what the server does: plan rights are what a hook set-up needs.
    const create = await json(app, 'POST', `/api/projects/${w.project.id}/hook-configs`, {
      as: w.actors[role],
      body: { provider: 'github', name: `${role}'s hook` },
    });
    expect(create.status).toBe(permissions.includes('project:plan' as never) ? 201 : 403);
  });

  it('is not found for a project the caller is not a member of', async () => {
    const answer = await json(app, 'GET', `/api/projects/${w.otherProject.id}/access`, { as: w.actors.pm });
    expect(answer.status).toBe(404);
  });
});
