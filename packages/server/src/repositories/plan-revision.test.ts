/**
 * `projects.plan_revision` moves with every write to the plan — whoever writes it — and with nothing
 * else; the project's own `version` (its ETag) does not move when a task changes.
 */
import { randomNetwork } from '../../../core/src/testing/random-network.ts';
import { expect, it } from 'vitest';
import { describeEngines } from '../db/test-engines.ts';
import * as repos from './index.ts';
import { newProject, newWorkspace } from './testing.ts';

describeEngines('plan revision', (t) => {
  it('is bumped once per write to the plan, and by nothing else', async () => {
    const { ctx } = await newWorkspace(t.db);
    const project = await newProject(t.db, ctx);
    const revision = async () => (await repos.getProject(t.db, ctx.workspaceId, project.id)).plan_revision;
    const bumps = async (write: () => Promise<unknown>) => {
      const before = await revision();
      await write();
      return (await revision()) - before;
    };
    const inProject = { project_id: project.id };

    expect(project.plan_revision).toBe(0);
    expect(await bumps(() => repos.importPlan(t.db, ctx, project.id, randomNetwork({ tasks: 30 })))).toBe(1);
    const a = await repos.createWorkItem(t.db, ctx, { ...inProject, name: 'A' });
    const b = await repos.createWorkItem(t.db, ctx, { ...inProject, name: 'B' });
    expect(await bumps(() => repos.updateWorkItem(t.db, ctx, a.id, 1, { duration_minutes: 480 }))).toBe(1);
    const link = await repos.createDependency(t.db, ctx, {
      ...inProject,
      predecessor_id: a.id,
      successor_id: b.id,
    });
    expect(await bumps(() => repos.deleteDependency(t.db, ctx, link.id, 1))).toBe(1);
    expect(
      await bumps(() => repos.createRaidEntry(t.db, ctx, { ...inProject, kind: 'risk', title: 'Late' })),
    ).toBe(1);
    const projectVersion = (await repos.getProject(t.db, ctx.workspaceId, project.id)).version;
    expect(
      await bumps(() => repos.updateProject(t.db, ctx, project.id, projectVersion, { name: 'New' })),
    ).toBe(1);

    // Not part of the plan; and a write that fails changes nothing.
    expect(await bumps(() => repos.createStakeholder(t.db, ctx, { ...inProject, name: 'Sponsor' }))).toBe(0);
    expect(
      await bumps(() => repos.updateWorkItem(t.db, ctx, b.id, 99, { name: 'stale' }).catch(() => undefined)),
    ).toBe(0);
    // The project's ETag moved only for its own update and the import.
    expect((await repos.getProject(t.db, ctx.workspaceId, project.id)).version).toBe(projectVersion + 1);
  });
});
