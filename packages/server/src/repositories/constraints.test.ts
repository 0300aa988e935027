/** What the database refuses, as `ConstraintError`s, with nothing written — the same on both engines. */
import { expect, it } from 'vitest';
import { describeEngines } from '../db/test-engines.ts';
import { listAuditEntries } from './audit-repository.ts';
import { ConstraintError } from './errors.ts';
import { createDependency } from './dependency-repository.ts';
import { createSprint, deleteSprint, getSprint } from './sprint-repository.ts';
import { newProject, newWorkspace } from './testing.ts';
import { createWorkItem, deleteWorkItem, getWorkItem, updateWorkItem } from './work-item-repository.ts';

describeEngines('constraints', (t) => {
  it('a sprint still used by a work item cannot be deleted', async () => {
    const { ctx } = await newWorkspace(t.db);
    const p = await newProject(t.db, ctx);
    const sprint = await createSprint(t.db, ctx, { project_id: p.id, name: 'S1' });
    await createWorkItem(t.db, ctx, { project_id: p.id, name: 'Story', sprint_id: sprint.id });
    const attempt = deleteSprint(t.db, ctx, sprint.id, 1);
    await expect(attempt).rejects.toBeInstanceOf(ConstraintError);
    await expect(attempt).rejects.toMatchObject({ kind: 'foreign_key' });
    expect(await getSprint(t.db, ctx.workspaceId, sprint.id)).toEqual(sprint);
    const audit = await listAuditEntries(t.db, ctx.workspaceId, { entityId: sprint.id });
    expect(audit.items.map((e) => e.action)).toEqual(['create']);
  });

  it('a summary with children cannot be deleted; a leaf takes its links with it', async () => {
    const { ctx } = await newWorkspace(t.db);
    const p = await newProject(t.db, ctx);
    const parent = await createWorkItem(t.db, ctx, { project_id: p.id, name: 'Phase', type: 'summary' });
    const a = await createWorkItem(t.db, ctx, { project_id: p.id, name: 'A', parent_id: parent.id });
    const b = await createWorkItem(t.db, ctx, { project_id: p.id, name: 'B', parent_id: parent.id });
    expect([parent.sort_key, a.sort_key, b.sort_key]).toEqual([1, 2, 3]);
    await createDependency(t.db, ctx, { project_id: p.id, predecessor_id: a.id, successor_id: b.id });
    await expect(deleteWorkItem(t.db, ctx, parent.id, 1)).rejects.toMatchObject({ kind: 'foreign_key' });
    await deleteWorkItem(t.db, ctx, a.id, 1);
    const left = await t.db
      .selectFrom('dependencies')
      .selectAll()
      .where('workspace_id', '=', ctx.workspaceId)
      .execute();
    expect(left).toEqual([]);
  });

  it('a row cannot point into another workspace, even knowing the id', async () => {
    const a = await newWorkspace(t.db);
    const b = await newWorkspace(t.db);
    const pa = await newProject(t.db, a.ctx);
    const pb = await newProject(t.db, b.ctx);
    const theirs = await createWorkItem(t.db, a.ctx, { project_id: pa.id, name: 'A’s task' });
    const mine = await createWorkItem(t.db, b.ctx, { project_id: pb.id, name: 'B’s task' });
    await expect(
      createDependency(t.db, b.ctx, { project_id: pb.id, predecessor_id: theirs.id, successor_id: mine.id }),
    ).rejects.toMatchObject({ kind: 'foreign_key' });
    await expect(
      createWorkItem(t.db, b.ctx, { project_id: pa.id, name: 'In A’s project' }),
    ).rejects.toMatchObject({
      kind: 'foreign_key',
    });
    await expect(updateWorkItem(t.db, b.ctx, mine.id, 1, { parent_id: theirs.id })).rejects.toBeInstanceOf(
      ConstraintError,
    );
    expect(await getWorkItem(t.db, b.ctx.workspaceId, mine.id)).toEqual(mine);
  });

  it('keys are unique in a project', async () => {
    const { ctx } = await newWorkspace(t.db);
    const p = await newProject(t.db, ctx);
    await createWorkItem(t.db, ctx, { project_id: p.id, name: 'A', key: 'build' });
    await expect(
      createWorkItem(t.db, ctx, { project_id: p.id, name: 'B', key: 'build' }),
    ).rejects.toMatchObject({
      kind: 'unique',
    });
    const other = await newProject(t.db, ctx);
    await expect(
      createWorkItem(t.db, ctx, { project_id: other.id, name: 'C', key: 'build' }),
    ).resolves.toBeDefined();
  });
});
