import { describe, expect, it } from 'vitest';
import { describeEngines } from '../db/test-engines.ts';
import { listAuditEntries } from './audit-repository.ts';
import { NotFoundError, ValidationError, VersionConflictError } from './errors.ts';
import {
  createProject,
  deleteProject,
  findProject,
  getProject,
  listProjects,
  updateProject,
} from './project-repository.ts';
import { newProject, newWorkspace } from './testing.ts';
import { withTransaction } from './transaction.ts';

describeEngines('project repository', (t) => {
  it('creates with defaults, reads back the same values (JSON, booleans, numbers)', async () => {
    const { ctx } = await newWorkspace(t.db);
    const created = await createProject(t.db, ctx, {
      name: 'Online banking',
      start: '2026-01-05T09:00:00',
      objectives: ['Replace the legacy platform', 'Mobile first'],
      budget: 1_250_000.5,
      health: 'amber',
    });
    expect(created).toMatchObject({
      workspace_id: ctx.workspaceId,
      version: 1,
      methodology: 'hybrid',
      phase: 'initiation',
      units: { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 },
      objectives: ['Replace the legacy platform', 'Mobile first'],
      budget: 1_250_000.5,
      correlations: [],
      description: null,
    });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(await getProject(t.db, ctx.workspaceId, created.id)).toEqual(created);
  });

  it('updates with the expected version, and refuses a stale one without writing', async () => {
    const { ctx } = await newWorkspace(t.db);
    const p = await newProject(t.db, ctx);
    const v2 = await updateProject(t.db, ctx, p.id, 1, {
      name: 'Renamed',
      health: 'red',
      health_reason: 'late',
    });
    expect(v2).toMatchObject({ name: 'Renamed', version: 2, health: 'red' });
    expect(v2.updated_at >= p.updated_at).toBe(true);
    const stale = updateProject(t.db, ctx, p.id, 1, { name: 'Overwrite' });
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toMatchObject({
      current: { name: 'Renamed', version: 2 },
      expectedVersion: 1,
    });
    expect(await getProject(t.db, ctx.workspaceId, p.id)).toEqual(v2);
    await expect(deleteProject(t.db, ctx, p.id, 1)).rejects.toBeInstanceOf(VersionConflictError);
    expect(await findProject(t.db, ctx.workspaceId, p.id)).toEqual(v2);
  });

  it('ignores attempts to change the workspace, id or version through a patch', async () => {
    const { ctx } = await newWorkspace(t.db);
    const p = await newProject(t.db, ctx);
    const patch = { name: 'x', workspace_id: 'other', id: 'other', version: 99 } as never;
    const after = await updateProject(t.db, ctx, p.id, 1, patch);
    expect(after).toMatchObject({ id: p.id, workspace_id: ctx.workspaceId, version: 2, name: 'x' });
  });

  it('one of two concurrent updates from the same version wins, the other conflicts', async () => {
    const { ctx } = await newWorkspace(t.db);
    const p = await newProject(t.db, ctx);
    const results = await Promise.allSettled([
      updateProject(t.db, ctx, p.id, 1, { name: 'A' }),
      updateProject(t.db, ctx, p.id, 1, { name: 'B' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(VersionConflictError);
    expect((await getProject(t.db, ctx.workspaceId, p.id)).version).toBe(2);
  });

  it('deletes with the expected version; then it is not found', async () => {
    const { ctx } = await newWorkspace(t.db);
    const p = await newProject(t.db, ctx);
    await deleteProject(t.db, ctx, p.id, 1);
    await expect(getProject(t.db, ctx.workspaceId, p.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateProject(t.db, ctx, p.id, 1, { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteProject(t.db, ctx, p.id, 1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('audits every write with who, what, before and after, in order', async () => {
    const { ctx } = await newWorkspace(t.db);
    const p = await newProject(t.db, ctx, { name: 'Audited' });
    const v2 = await updateProject(t.db, ctx, p.id, 1, { name: 'Audited 2' });
    await deleteProject(t.db, ctx, p.id, 2);
    const { items } = await listAuditEntries(t.db, ctx.workspaceId, {
      entityType: 'project',
      entityId: p.id,
      direction: 'asc',
    });
    expect(items.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(items.every((e) => e.actor_id === ctx.actorId && e.project_id === p.id)).toBe(true);
    expect(items[0]).toMatchObject({ before: null, after: p });
    expect(items[1]).toMatchObject({ before: p, after: v2 });
    expect(items[2]).toMatchObject({ before: v2, after: null });
  });

  it('a failed conflict writes no audit entry', async () => {
    const { ctx } = await newWorkspace(t.db);
    const p = await newProject(t.db, ctx);
    await expect(updateProject(t.db, ctx, p.id, 7, { name: 'x' })).rejects.toThrow(VersionConflictError);
    const { items } = await listAuditEntries(t.db, ctx.workspaceId, { entityId: p.id });
    expect(items.map((e) => e.action)).toEqual(['create']);
  });

  it('rolls the whole transaction back when anything in it throws', async () => {
    const { ctx } = await newWorkspace(t.db);
    const p = await newProject(t.db, ctx, { name: 'Before' });
    await expect(
      withTransaction(t.db, async (trx) => {
        await updateProject(trx, ctx, p.id, 1, { name: 'Inside' });
        await createProject(trx, ctx, { name: 'Created inside', start: '2026-01-05T08:00:00' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await getProject(t.db, ctx.workspaceId, p.id)).toEqual(p);
    expect((await listProjects(t.db, ctx.workspaceId)).items.map((x) => x.name)).toEqual(['Before']);
    const { items } = await listAuditEntries(t.db, ctx.workspaceId, { entityType: 'project' });
    expect(items).toHaveLength(1);
  });

  describe('lists', () => {
    it('pages by name then id with a cursor, in both directions, without gaps or repeats', async () => {
      const { ctx } = await newWorkspace(t.db);
      const names = ['delta', 'alpha', 'charlie', 'bravo', 'alpha', 'echo', 'foxtrot'];
      for (const name of names) await newProject(t.db, ctx, { name });
      for (const direction of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await listProjects(t.db, ctx.workspaceId, {
            sort: 'name',
            direction,
            limit: 2,
            cursor,
          });
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...page.items.map((p) => p.name));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        const sorted = [...names].sort();
        expect(seen).toEqual(direction === 'asc' ? sorted : sorted.reverse());
      }
    });

    it('filters by equality, by a list of values and by null', async () => {
      const { ctx } = await newWorkspace(t.db);
      await newProject(t.db, ctx, { name: 'g', health: 'green' });
      await newProject(t.db, ctx, { name: 'a', health: 'amber' });
      await newProject(t.db, ctx, { name: 'r', health: 'red' });
      await newProject(t.db, ctx, { name: 'n' });
      const names = async (filter: object) =>
        (await listProjects(t.db, ctx.workspaceId, { filter })).items.map((p) => p.name);
      expect(await names({ health: 'green' })).toEqual(['g']);
      expect(await names({ health: ['amber', 'red'] })).toEqual(['a', 'r']);
      expect(await names({ health: null })).toEqual(['n']);
      expect(await names({ health: [] })).toEqual([]);
    });

    it('refuses unknown filters, sorts, bad limits and foreign cursors', async () => {
      const { ctx } = await newWorkspace(t.db);
      const ws = ctx.workspaceId;
      await expect(listProjects(t.db, ws, { filter: { name: 'x' } })).rejects.toThrow(ValidationError);
      await expect(listProjects(t.db, ws, { sort: 'budget' as never })).rejects.toThrow(ValidationError);
      await expect(listProjects(t.db, ws, { limit: 0 })).rejects.toThrow(ValidationError);
      await expect(listProjects(t.db, ws, { cursor: 'garbage' })).rejects.toThrow(ValidationError);
      await newProject(t.db, ctx);
      await newProject(t.db, ctx);
      const { nextCursor } = await listProjects(t.db, ws, { sort: 'name', limit: 1 });
      await expect(listProjects(t.db, ws, { sort: 'created_at', cursor: nextCursor ?? '' })).rejects.toThrow(
        ValidationError,
      );
    });
  });

  it('never reads or changes another workspace’s rows', async () => {
    const a = await newWorkspace(t.db);
    const b = await newWorkspace(t.db);
    const p = await newProject(t.db, a.ctx, { name: 'A’s' });
    const asB = { ...b.ctx };
    await expect(getProject(t.db, b.ctx.workspaceId, p.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await findProject(t.db, b.ctx.workspaceId, p.id)).toBeUndefined();
    expect((await listProjects(t.db, b.ctx.workspaceId)).items).toEqual([]);
    await expect(updateProject(t.db, asB, p.id, 1, { name: 'B was here' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(deleteProject(t.db, asB, p.id, 1)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getProject(t.db, a.ctx.workspaceId, p.id)).toEqual(p);
  });
});
