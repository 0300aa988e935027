import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardCalendar } from '../model/calendar.ts';
import { DEFAULT_UNITS, type Project } from '../model/project.ts';
import { scheduleProject } from '../schedule/schedule-project.ts';
import { randomNetwork } from '../testing/random-network.ts';
import { formatLocal } from '../time/local-time.ts';
import { ChangeSetError, type ChangeSet, applyChangeSet } from './change-set.ts';
import { compareScenarios, impactAnalysis, measurePlan, planCost } from './impact-analysis.ts';

const DAY = 480;
const OPTIONS = { iterations: 300, seed: 42 };

/** Design → Build → Test, and Docs beside Build; two engineers at $100/h and $80/h. */
function plan(): Project {
  return {
    name: 'Small',
    start: '2026-03-02T08:00:00',
    calendarId: 'standard',
    units: DEFAULT_UNITS,
    calendars: [standardCalendar()],
    tasks: [
      {
        id: 'design',
        name: 'Design',
        duration: { minutes: 5 * DAY },
        estimate: { optimistic: 4 * DAY, mostLikely: 5 * DAY, pessimistic: 9 * DAY },
      },
      {
        id: 'build',
        name: 'Build',
        duration: { minutes: 10 * DAY },
        estimate: { optimistic: 8 * DAY, mostLikely: 10 * DAY, pessimistic: 16 * DAY },
      },
      { id: 'docs', name: 'Docs', duration: { minutes: 3 * DAY }, fixedCost: 500 },
      { id: 'test', name: 'Test', duration: { minutes: 4 * DAY } },
    ],
    links: [
      { predecessorId: 'design', successorId: 'build', type: 'FS' },
      { predecessorId: 'build', successorId: 'test', type: 'FS' },
      { predecessorId: 'design', successorId: 'docs', type: 'FS' },
      { predecessorId: 'docs', successorId: 'test', type: 'FS' },
    ],
    resources: [
      { id: 'ana', name: 'Ana', type: 'work', standardRate: 100 },
      { id: 'ben', name: 'Ben', type: 'work', standardRate: 80 },
    ],
    assignments: [
      { taskId: 'design', resourceId: 'ana', units: 1 },
      { taskId: 'build', resourceId: 'ben', units: 1 },
      { taskId: 'docs', resourceId: 'ana', units: 0.5 },
      { taskId: 'test', resourceId: 'ana', units: 1 },
    ],
    baselines: [],
  };
}

describe('impactAnalysis', () => {
  it('equals re-scheduling the plan changed by hand', () => {
    const changeSet: ChangeSet = [
      { op: 'setDuration', taskId: 'docs', durationMinutes: 14 * DAY },
      {
        op: 'addTask',
        id: 'security',
        name: 'Security review',
        durationMinutes: 2 * DAY,
        afterId: 'build',
        fixedCost: 1200,
      },
      { op: 'addLink', predecessorId: 'build', successorId: 'security' },
      { op: 'addLink', predecessorId: 'security', successorId: 'test' },
      { op: 'assign', taskId: 'security', resourceId: 'ben', units: 1 },
    ];
    const impact = impactAnalysis(plan(), changeSet, OPTIONS);

    const byHand = plan();
    byHand.tasks[2]!.duration = { minutes: 14 * DAY };
    byHand.tasks.splice(2, 0, {
      id: 'security',
      name: 'Security review',
      duration: { minutes: 2 * DAY },
      fixedCost: 1200,
    });
    byHand.links.push(
      { predecessorId: 'build', successorId: 'security', type: 'FS' },
      { predecessorId: 'security', successorId: 'test', type: 'FS' },
    );
    byHand.assignments.push({ taskId: 'security', resourceId: 'ben', units: 1 });
    const schedule = scheduleProject(byHand);
    const original = scheduleProject(plan());

    expect(impact.before.finish).toBe(formatLocal(original.projectFinish));
    expect(impact.after.finish).toBe(formatLocal(schedule.projectFinish));
    expect(impact.after.criticalPath).toEqual(schedule.criticalPath);
    expect(impact.after.cost).toBe(planCost(byHand));
    expect(impact.after).toEqual(measurePlan(byHand, OPTIONS));
    // Docs (3 → 14 days) now drives Test; Build and the new review run beside it.
    expect(impact.before.criticalPath).toEqual(['design', 'build', 'test']);
    expect(impact.after.criticalPath).toEqual(['design', 'docs', 'test']);
    expect(impact.delta.criticalPathAdded).toEqual(['docs']);
    expect(impact.delta.criticalPathRemoved).toEqual(['build']);
    expect(impact.delta.finishWorkingDays).toBe(4);
    // Docs: 11 more days of Ana at 50 % × 8 h × $100; the review: 2 days of Ben + $1,200 fixed.
    expect(impact.delta.cost).toBe(11 * 4 * 100 + 2 * 8 * 80 + 1200);
  });

  it('measures the plan as scheduled and its cost as work × rates + fixed cost', () => {
    const m = measurePlan(plan(), OPTIONS);
    expect(m.finish).toBe('2026-03-26T17:00:00'); // 5 + 10 + 4 working days from Monday 2 March
    expect(m.durationWorkingDays).toBe(19);
    expect(m.cost).toBe(5 * 8 * 100 + 10 * 8 * 80 + 3 * 4 * 100 + 500 + 4 * 8 * 100);
    expect(m.p80.workingDays).toBeGreaterThanOrEqual(m.p50.workingDays);
  });

  it('shows a key engineer on leave moving the finish', () => {
    const impact = impactAnalysis(
      plan(),
      [{ op: 'addLeave', resourceId: 'ben', from: '2026-03-16', to: '2026-03-20' }],
      OPTIONS,
    );
    expect(impact.delta.finishWorkingDays).toBe(5);
    expect(impact.after.finish).toBe('2026-04-02T17:00:00');
  });

  it('property: an empty change set changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 60 }), fc.integer({ min: 1, max: 1000 }), (tasks, seed) => {
        const project = randomNetwork({ tasks, seed });
        const impact = impactAnalysis(project, [], { iterations: 50, seed });
        expect(impact.delta).toEqual({
          finishWorkingDays: 0,
          cost: 0,
          p80WorkingDays: 0,
          p50WorkingDays: 0,
          criticalPathAdded: [],
          criticalPathRemoved: [],
        });
        expect(impact.after).toEqual(impact.before);
      }),
      { numRuns: 15 },
    );
  });

  it('property: the same seed gives the same P80', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const changeSet: ChangeSet = [{ op: 'setDuration', taskId: 'build', durationMinutes: 12 * DAY }];
        const a = impactAnalysis(plan(), changeSet, { iterations: 200, seed });
        const b = impactAnalysis(plan(), changeSet, { iterations: 200, seed });
        expect(a).toEqual(b);
      }),
      { numRuns: 10 },
    );
  });
});

describe('applyChangeSet', () => {
  it('leaves the original plan untouched', () => {
    const original = plan();
    const before = JSON.stringify(original);
    applyChangeSet(original, [
      { op: 'removeTask', taskId: 'docs' },
      { op: 'addLeave', resourceId: 'ana', from: '2026-03-03', to: '2026-03-04' },
      { op: 'setWork', taskId: 'build', resourceId: 'ben', workMinutes: 100 },
    ]);
    expect(JSON.stringify(original)).toBe(before);
  });

  it('removes a task with its links and assignments', () => {
    const changed = applyChangeSet(plan(), [{ op: 'removeTask', taskId: 'docs' }]);
    expect(changed.tasks.map((t) => t.id)).toEqual(['design', 'build', 'test']);
    expect(changed.links.some((l) => l.predecessorId === 'docs' || l.successorId === 'docs')).toBe(false);
    expect(changed.assignments.some((a) => a.taskId === 'docs')).toBe(false);
  });

  it('adds an engineer who can be assigned', () => {
    const changed = applyChangeSet(plan(), [
      { op: 'addResource', id: 'cy', name: 'Cy', standardRate: 90 },
      { op: 'assign', taskId: 'build', resourceId: 'cy', units: 1 },
      { op: 'setDuration', taskId: 'build', durationMinutes: 6 * DAY },
    ]);
    expect(changed.resources.map((r) => r.id)).toContain('cy');
    expect(scheduleProject(changed).projectFinish).toBeLessThan(scheduleProject(plan()).projectFinish);
  });

  it('names every operation that does not fit the plan, and applies none', () => {
    let error: unknown;
    try {
      applyChangeSet(plan(), [
        { op: 'setDuration', taskId: 'nope', durationMinutes: 10 },
        { op: 'addTask', id: 'design', name: 'Again', durationMinutes: 1 },
        { op: 'removeLink', predecessorId: 'test', successorId: 'design' },
        { op: 'addLeave', resourceId: 'ana', from: '2026-03-05', to: '2026-03-01' },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChangeSetError);
    expect((error as ChangeSetError).issues.map((i) => i.path)).toEqual([
      'changeSet[0].taskId',
      'changeSet[1].id',
      'changeSet[2].successorId',
      'changeSet[3].to',
    ]);
  });
});

describe('compareScenarios', () => {
  it('puts each scenario beside the live plan', () => {
    const result = compareScenarios(
      plan(),
      [
        {
          name: 'Ben on leave',
          changeSet: [{ op: 'addLeave', resourceId: 'ben', from: '2026-03-09', to: '2026-03-13' }],
        },
        { name: 'Nothing', changeSet: [] },
      ],
      OPTIONS,
    );
    expect(result.live).toEqual(measurePlan(plan(), OPTIONS));
    expect(result.scenarios.map((s) => [s.name, s.delta.finishWorkingDays])).toEqual([
      ['Ben on leave', 5],
      ['Nothing', 0],
    ]);
  });
});
