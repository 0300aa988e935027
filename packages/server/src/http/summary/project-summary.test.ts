import { earnedValue, scheduleProject } from '@tandem/core';
import { expect, it } from 'vitest';
import { describeEngines } from '../../db/test-engines.ts';
import { loadPlan } from '../../repositories/plan-repository.ts';
import { seedDemoWorkspace } from '../../seed/seed-demo-workspace.ts';
import { json, testApp, testWorkspace, tokenFor } from '../testing.ts';
import type { ProjectSummary } from './summarize-project.ts';

const hashPassword = async (p: string) => `test-hash:${p}`;

describeEngines('GET /api/projects/{id}/summary', (t) => {
  it('summarises the demo bank project: milestones, earned value, budget and counts', async () => {
    const seeded = (await seedDemoWorkspace(t.db, { hashPassword }))!;
    const app = testApp(t.db, t.engine);
    const as = {
      role: 'owner' as const,
      user: seeded.owner,
      authorization: `Bearer ${await tokenFor(t.db, seeded.workspace.id, seeded.owner)}`,
    };
    const id = seeded.projects.banking.id;
    const res = await json(app, 'GET', `/api/projects/${id}/summary`, { as });
    expect(res.status).toBe(200);
    const summary = res.body as unknown as ProjectSummary;

    const plan = await loadPlan(t.db, seeded.workspace.id, id);
    const schedule = (await json(app, 'GET', `/api/projects/${id}/schedule`, { as })).body as {
      project: { finish: string };
      tasks: { id: string; milestone: boolean }[];
    };
    expect(summary.schedule.finish).toBe(schedule.project.finish);
    expect(summary.schedule.taskCount).toBe(plan.tasks.length);
    expect(summary.milestones.map((m) => m.key).sort()).toEqual(
      schedule.tasks
        .filter((t) => t.milestone)
        .map((t) => t.id)
        .sort(),
    );
    // Dates ascending; every milestone links to its work item.
    expect(summary.milestones.map((m) => m.date)).toEqual([...summary.milestones.map((m) => m.date)].sort());
    expect(summary.milestones.every((m) => typeof m.workItemId === 'string')).toBe(true);
    expect(summary.nextMilestone).not.toBeNull();
    expect(summary.nextMilestone!.date >= summary.statusDate!).toBe(true);

    const evm = earnedValue(plan).indicators;
    expect(summary.evm).toMatchObject({
      bac: evm.bac,
      pv: evm.pv,
      ev: evm.ev,
      ac: evm.ac,
      cpi: evm.cpi,
      spi: evm.spi,
    });
    expect(summary.evmUnavailable).toBeNull();
    expect(summary.budget.budget).toBe(seeded.projects.banking.budget);
    expect(['on_track', 'at_risk', 'over']).toContain(summary.budget.state);
    expect(summary.budget.reason).toMatch(/budget/);
    expect(summary.counts.openRisks).toBeGreaterThan(0);
    expect(summary.counts.openChangeRequests).toBeGreaterThan(0);
    // The schedule the summary used is the one the scheduler makes.
    expect(summary.schedule.criticalTaskCount).toBe(
      scheduleProject(plan).tasks.filter((s) => s.critical && !s.summary).length,
    );
  });

  it('explains what it cannot compute for a new project without a baseline or budget', async () => {
    const w = await testWorkspace(t.db);
    const app = testApp(t.db, t.engine);
    const res = await json(app, 'GET', `/api/projects/${w.project.id}/summary`, { as: w.actors.viewer });
    expect(res.status).toBe(200);
    const summary = res.body as unknown as ProjectSummary;
    expect(summary.milestones).toEqual([]);
    expect(summary.nextMilestone).toBeNull();
    expect(summary.evm).toBeNull();
    expect(summary.evmUnavailable).toMatch(/baseline|status date/i);
    expect(summary.budget).toMatchObject({ state: 'unknown', budget: null });
    expect(summary.counts).toEqual({
      openRisks: 0,
      openIssues: 0,
      openChangeRequests: 0,
      blockedWorkItems: 0,
    });
  });

  it('is 404 for a project the caller may not see', async () => {
    const w = await testWorkspace(t.db);
    const res = await json(testApp(t.db, t.engine), 'GET', `/api/projects/${w.otherProject.id}/summary`, {
      as: w.actors.member,
    });
    expect(res.status).toBe(404);
  });
});
