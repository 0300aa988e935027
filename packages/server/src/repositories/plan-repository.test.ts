import { readFileSync } from 'node:fs';
import { type Project, scheduleProject, standardCalendar, toScheduleJson } from '@tandem/core';
import { readPlanFile } from '@tandem/formats';
import { expect, it } from 'vitest';
import { describeEngines } from '../db/test-engines.ts';
import { listAuditEntries } from './audit-repository.ts';
import { ConstraintError, NotFoundError, ValidationError, VersionConflictError } from './errors.ts';
import { importPlan, loadPlan, savePlan } from './plan-repository.ts';
import { getProject, updateProject } from './project-repository.ts';
import { createRaidEntry, listRaidEntries } from './raid-entry-repository.ts';
import { newProject, newWorkspace } from './testing.ts';
import { listWorkItems, updateWorkItem } from './work-item-repository.ts';

const banking = readPlanFile(
  readFileSync(new URL('../../../cli/demo/online-banking.yaml', import.meta.url), 'utf8'),
  'yaml',
);

/** Every field of the model at least once. */
const kitchenSink: Project = {
  name: 'Kitchen sink',
  start: '2026-03-02T09:00:00',
  finish: '2026-12-18T17:00:00',
  scheduleFrom: 'start',
  statusDate: '2026-03-13T17:00:00',
  timeZone: 'Europe/London',
  calendarId: 'office',
  units: { minutesPerDay: 450, minutesPerWeek: 2250, daysPerMonth: 20 },
  criticalSlackLimitMinutes: 450,
  defaultStartMinute: 540,
  defaultFinishMinute: 1050,
  currencyCode: 'GBP',
  calendars: [
    standardCalendar(),
    {
      id: 'office',
      name: 'Office',
      baseCalendarId: 'standard',
      week: [[], undefined, undefined, undefined, undefined, [{ from: 540, to: 780 }], []],
      workWeeks: [
        { name: 'Summer', from: '2026-07-01', to: '2026-08-31', week: [[], [], [], [], [], [], []] },
      ],
      exceptions: [
        { name: 'Holiday', from: '2026-04-03', to: '2026-04-03', periods: [] },
        {
          name: 'Release Saturdays',
          from: '2026-05-02',
          to: '2026-12-31',
          periods: [{ from: 600, to: 840 }],
          recurrence: { type: 'monthly', weekOfMonth: 1, daysOfWeek: [6], occurrences: 3 },
        },
      ],
    },
    {
      id: 'tom-cal',
      name: 'Tom',
      baseCalendarId: 'office',
      week: [[], [], [], [], [], [], []],
      exceptions: [],
      resourceId: 'tom',
    },
  ],
  resources: [
    {
      id: 'tom',
      name: 'Tom',
      type: 'work',
      maxUnits: 1,
      calendarId: 'tom-cal',
      standardRate: 85,
      overtimeRate: 120,
      costPerUse: 10,
      email: 'tom@example.test',
      group: 'PMO',
      initials: 'TO',
    },
    { id: 'steel', name: 'Steel', type: 'material' },
  ],
  tasks: [
    { id: 'phase', name: 'Phase', wbs: '1', duration: { minutes: 0 } },
    {
      id: 'a',
      name: 'A',
      parentId: 'phase',
      duration: { minutes: 2250, unit: 'week', estimated: true },
      calendarId: 'office',
      ignoreResourceCalendar: true,
      constraint: { type: 'SNET', date: '2026-03-03T09:00:00' },
      deadline: '2026-04-30T17:30:00',
      progress: { percentComplete: 40, actualStart: '2026-03-02T09:00:00', remainingMinutes: 1350 },
      priority: 700,
      notes: 'Notes',
      estimate: { optimistic: 1800, mostLikely: 2250, pessimistic: 3600, distribution: 'pert' },
      fixedCost: 1000,
      actualCost: 400,
      storyPoints: 8,
      extra: { jira: 'PAY-12' },
    },
    { id: 'b', name: 'B', parentId: 'phase', duration: { minutes: 7200, elapsed: true, unit: 'day' } },
    {
      id: 'm',
      name: 'M',
      milestone: true,
      duration: { minutes: 450 },
      manual: { start: '2026-05-01T09:00:00', finish: '2026-05-01T17:30:00' },
    },
    { id: 'off', name: 'Inactive', duration: { minutes: 450 }, inactive: true },
  ],
  links: [
    { predecessorId: 'a', successorId: 'b', type: 'SS', lag: { minutes: 900, unit: 'day' } },
    { predecessorId: 'b', successorId: 'm', type: 'FS', lag: { minutes: 0, percent: 50 } },
    { predecessorId: 'a', successorId: 'm', type: 'FF', lag: { minutes: -1440, elapsed: true } },
    { predecessorId: 'phase', successorId: 'off', type: 'FS' },
  ],
  assignments: [
    { id: '7', taskId: 'a', resourceId: 'tom', units: 0.5, workMinutes: 1125, actualWorkMinutes: 450 },
    { taskId: 'b', resourceId: 'steel', units: 2 },
  ],
  baselines: [
    {
      name: '0',
      tasks: {
        a: {
          start: '2026-03-02T09:00:00',
          finish: '2026-03-06T17:30:00',
          durationMinutes: 2250,
          workMinutes: 1125,
          cost: 3000,
        },
      },
    },
  ],
  risks: [
    {
      id: 'R-1',
      name: 'Vendor late',
      probability: 0.3,
      taskIds: ['a'],
      delay: { optimistic: 450, mostLikely: 900, pessimistic: 2250 },
      cost: { optimistic: 0, mostLikely: 5000, pessimistic: 9000 },
      category: 'business',
      owner: 'Priya',
    },
  ],
  correlations: [{ taskIds: ['a', 'b'], coefficient: 0.6 }],
};

describeEngines('plans', (t) => {
  it.each([
    ['online banking demo', banking],
    ['every field of the model', kitchenSink],
  ])('%s: import → load gives the same Project, and the same schedule', async (_, plan) => {
    const { ctx } = await newWorkspace(t.db);
    const project = await newProject(t.db, ctx, { name: plan.name, start: '2020-01-01T00:00:00' });
    const result = await importPlan(t.db, ctx, project.id, plan);
    expect(result.created.workItems).toBe(plan.tasks.length);
    expect(result.project.version).toBe(2);
    const loaded = await loadPlan(t.db, ctx.workspaceId, project.id);
    expect(loaded).toEqual(plan);
    const schedule = (p: Project) => toScheduleJson(p, scheduleProject(p, { statusDate: p.statusDate }));
    expect(schedule(loaded)).toEqual(schedule(plan));
  });

  it('re-importing the same plan changes nothing; a changed plan keeps the ids of matched rows', async () => {
    const { ctx } = await newWorkspace(t.db);
    const project = await newProject(t.db, ctx, { name: banking.name });
    await importPlan(t.db, ctx, project.id, banking);
    const again = await importPlan(t.db, ctx, project.id, banking);
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
    expect(Object.values(again.updated).every((n) => n === 0)).toBe(true);
    expect(Object.values(again.deleted).every((n) => n === 0)).toBe(true);

    const before = (await listWorkItems(t.db, ctx.workspaceId, project.id, { limit: 500 })).items;
    const idOf = (key: string) => before.find((w) => w.key === key)?.id;
    const edited: Project = {
      ...banking,
      tasks: [
        ...banking.tasks
          .filter((x) => x.id !== 'training')
          .map((x) => (x.id === 'sit' ? { ...x, duration: { ...x.duration, minutes: 30 * 450 } } : x)),
        { id: 'retro', name: 'Retrospective', duration: { minutes: 450 } },
      ],
      links: banking.links.filter((l) => l.successorId !== 'training' && l.predecessorId !== 'training'),
      assignments: banking.assignments.filter((a) => a.taskId !== 'training'),
      baselines: banking.baselines.map((b) => ({
        ...b,
        tasks: Object.fromEntries(Object.entries(b.tasks).filter(([k]) => k !== 'training')),
      })),
    };
    const result = await importPlan(t.db, ctx, project.id, edited);
    expect(result.created.workItems).toBe(1);
    expect(result.deleted.workItems).toBe(1);
    expect(result.updated.workItems).toBeGreaterThanOrEqual(1);
    const after = (await listWorkItems(t.db, ctx.workspaceId, project.id, { limit: 500 })).items;
    expect(after.find((w) => w.key === 'sit')).toMatchObject({
      id: idOf('sit'),
      duration_minutes: 13500,
      version: 2,
    });
    expect(after.find((w) => w.key === 'kickoff')).toMatchObject({ id: idOf('kickoff'), version: 1 });
    expect(after.some((w) => w.key === 'training')).toBe(false);
    expect(await loadPlan(t.db, ctx.workspaceId, project.id)).toEqual(edited);
  });

  it('keeps what the team set (status, labels) and the risks the team added', async () => {
    const { ctx } = await newWorkspace(t.db);
    const project = await newProject(t.db, ctx, { name: kitchenSink.name });
    await importPlan(t.db, ctx, project.id, kitchenSink);
    const b = (await listWorkItems(t.db, ctx.workspaceId, project.id, { filter: { key: 'b' } })).items[0]!;
    await updateWorkItem(t.db, ctx, b.id, b.version, { status: 'blocked', labels: ['vendor'] });
    await createRaidEntry(t.db, ctx, { project_id: project.id, kind: 'risk', title: 'Team risk' });
    await savePlan(t.db, ctx, project.id, kitchenSink);
    const b2 = (await listWorkItems(t.db, ctx.workspaceId, project.id, { filter: { key: 'b' } })).items[0]!;
    expect(b2).toMatchObject({ status: 'blocked', labels: ['vendor'] });
    const risks = (await listRaidEntries(t.db, ctx.workspaceId, project.id, { filter: { kind: 'risk' } }))
      .items;
    expect(risks.map((r) => r.title).sort()).toEqual(['Team risk', 'Vendor late']);
  });

  it('refuses a plan with broken references, naming every problem, and writes nothing', async () => {
    const { ctx } = await newWorkspace(t.db);
    const project = await newProject(t.db, ctx);
    const broken: Project = {
      ...kitchenSink,
      tasks: [
        ...kitchenSink.tasks,
        { id: 'x', name: 'X', parentId: 'nope', calendarId: 'night', duration: { minutes: 1 } },
      ],
      links: [...kitchenSink.links, { predecessorId: 'ghost', successorId: 'a', type: 'FS' }],
    };
    const attempt = importPlan(t.db, ctx, project.id, broken);
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: 'tasks[5].parentId' }),
        expect.objectContaining({ path: 'tasks[5].calendarId' }),
        expect.objectContaining({ path: 'links[4].predecessorId' }),
      ]),
    });
    expect((await listWorkItems(t.db, ctx.workspaceId, project.id)).items).toEqual([]);
    expect(await getProject(t.db, ctx.workspaceId, project.id)).toEqual(project);
  });

  it('is all-or-nothing when the database refuses part of it', async () => {
    const { ctx } = await newWorkspace(t.db);
    const project = await newProject(t.db, ctx, { name: kitchenSink.name });
    const { risks: _, ...withoutRisks } = kitchenSink;
    await importPlan(t.db, ctx, project.id, withoutRisks);
    // An issue already holds the key R-1, so inserting risk R-1 — the last write of an import, after
    // every work item, link and assignment — fails on the unique key.
    await createRaidEntry(t.db, ctx, { project_id: project.id, kind: 'issue', key: 'R-1', title: 'Issue' });
    const stored = await getProject(t.db, ctx.workspaceId, project.id);
    const auditBefore = (await listAuditEntries(t.db, ctx.workspaceId, { limit: 500 })).items;
    const changed: Project = {
      ...kitchenSink,
      tasks: kitchenSink.tasks.map((x) => ({ ...x, name: `${x.name} (changed)` })),
      links: kitchenSink.links.slice(1),
    };
    await expect(importPlan(t.db, ctx, project.id, changed)).rejects.toBeInstanceOf(ConstraintError);
    expect(await loadPlan(t.db, ctx.workspaceId, project.id)).toEqual(withoutRisks);
    expect(await getProject(t.db, ctx.workspaceId, project.id)).toEqual(stored);
    expect((await listAuditEntries(t.db, ctx.workspaceId, { limit: 500 })).items).toEqual(auditBefore);
  });

  it('checks the project version and workspace', async () => {
    const a = await newWorkspace(t.db);
    const b = await newWorkspace(t.db);
    const project = await newProject(t.db, a.ctx);
    await updateProject(t.db, a.ctx, project.id, 1, { name: 'v2' });
    await expect(
      importPlan(t.db, a.ctx, project.id, kitchenSink, { expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(VersionConflictError);
    await expect(importPlan(t.db, b.ctx, project.id, kitchenSink)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadPlan(t.db, b.ctx.workspaceId, project.id)).rejects.toBeInstanceOf(NotFoundError);
    const ok = await importPlan(t.db, a.ctx, project.id, kitchenSink, { expectedVersion: 2 });
    expect(ok.project.version).toBe(3);
  });

  it('audits the import: one entry per row written, and one for the import', async () => {
    const { ctx } = await newWorkspace(t.db);
    const project = await newProject(t.db, ctx);
    await importPlan(t.db, ctx, project.id, kitchenSink);
    const { items } = await listAuditEntries(t.db, ctx.workspaceId, { projectId: project.id, limit: 500 });
    const count = (type: string, action: string) =>
      items.filter((e) => e.entity_type === type && e.action === action).length;
    expect(count('work_item', 'create')).toBe(kitchenSink.tasks.length);
    expect(count('dependency', 'create')).toBe(kitchenSink.links.length);
    expect(count('calendar', 'create')).toBe(kitchenSink.calendars.length);
    expect(count('project', 'import')).toBe(1);
  });
});
