import { readFileSync } from 'node:fs';
import { scheduleProject } from '@tandem/core';
import { readPlanFile } from '@tandem/formats';
import { expect, it } from 'vitest';
import { describeEngines, openTestDatabase } from '../db/test-engines.ts';
import { loadPlan } from '../repositories/plan-repository.ts';
import { listProjectMembers } from '../repositories/project-member-repository.ts';
import { listRaidEntries } from '../repositories/raid-entry-repository.ts';
import { listWorkspaceUsers } from '../repositories/user-repository.ts';
import { BANKING_PLAN_URL, IT_ROLLOUT_PLAN_URL, seedDemoWorkspace } from './seed-demo-workspace.ts';

const hashPassword = async (p: string) => `test-hash:${p}`;

describeEngines('demo workspace seed', (t) => {
  it('creates the owner and two realistic projects, once', async () => {
    const seeded = await seedDemoWorkspace(t.db, { hashPassword });
    expect(seeded).not.toBeNull();
    const { workspace, owner, generatedPassword, projects } = seeded!;
    expect(generatedPassword).toMatch(/^[\w-]{16}$/);
    expect(owner.password_hash).toBe(`test-hash:${generatedPassword}`);
    const ws = workspace.id;

    const users = await listWorkspaceUsers(t.db, ws);
    expect(users.map((u) => [u.name, u.role])).toEqual(
      expect.arrayContaining([
        ['Demo Owner', 'owner'],
        ['Priya Shah', 'pm'],
        ['Tom Okafor', 'tpm'],
        ['Grace Adeyemi', 'pm'],
      ]),
    );
    const bankingMembers = (await listProjectMembers(t.db, ws, projects.banking.id)).items.map((m) => m.role);
    expect(bankingMembers).toEqual(expect.arrayContaining(['pm', 'tpm']));

    // The plans are the plan files, and they schedule.
    const banking = await loadPlan(t.db, ws, projects.banking.id);
    // … plus what the team added on top: story points and a risk of its own.
    const { risks = [], tasks } = banking;
    expect({
      ...banking,
      tasks: tasks.map(({ storyPoints: _, ...task }) => task),
      risks: risks.filter((r) => r.name !== 'App store review rejects the first mobile release'),
    }).toEqual(readPlanFile(readFileSync(BANKING_PLAN_URL, 'utf8'), 'yaml'));
    expect(risks.find((r) => r.id === 'R-1')).toMatchObject({ taskIds: ['app-store'], probability: 0.2 });
    const it_ = await loadPlan(t.db, ws, projects.itRollout.id);
    expect(it_).toEqual(readPlanFile(readFileSync(IT_ROLLOUT_PLAN_URL, 'utf8'), 'yaml'));
    for (const plan of [banking, it_]) {
      const schedule = scheduleProject(plan, { statusDate: plan.statusDate });
      expect(schedule.tasks).toHaveLength(plan.tasks.length);
    }

    const count = async (
      table: 'raid_entries' | 'change_requests' | 'stakeholders' | 'requirements' | 'releases' | 'sprints',
    ) =>
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', ws)
          .executeTakeFirstOrThrow()
      ).n;
    expect(await count('raid_entries')).toBeGreaterThanOrEqual(10);
    expect(await count('change_requests')).toBe(3);
    expect(await count('stakeholders')).toBe(8);
    expect(await count('requirements')).toBe(10);
    expect(await count('releases')).toBe(6); // + two platform releases of the engineering history
    expect(await count('sprints')).toBe(3);
    const kinds = (await listRaidEntries(t.db, ws, projects.banking.id, { limit: 100 })).items.map(
      (r) => r.kind,
    );
    expect(new Set(kinds)).toEqual(new Set(['risk', 'assumption', 'issue', 'decision']));

    // Second start: nothing happens.
    const before = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await seedDemoWorkspace(t.db, { hashPassword })).toBeNull();
    const after = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('two servers starting at once seed one workspace', async () => {
    const fresh = await openTestDatabase(t.engine);
    try {
      const results = await Promise.all([
        seedDemoWorkspace(fresh.db, { hashPassword }),
        seedDemoWorkspace(fresh.db, { hashPassword }),
      ]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await fresh.db.selectFrom('workspaces').selectAll().execute()).toHaveLength(1);
    } finally {
      await fresh.destroy();
    }
  });
});
