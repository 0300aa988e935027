import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardCalendar } from '../../model/calendar.ts';
import type { Assignment, Link, LinkType, Project, Resource, Task } from '../../model/project.ts';
import { DEFAULT_UNITS } from '../../model/project.ts';
import { toScheduleJson } from '../../schedule/schedule-json.ts';
import type { Schedule } from '../../schedule/schedule-result.ts';
import { formatLocal, parseLocal } from '../../time/local-time.ts';
import { levelProject } from './level-project.ts';

const DAY = 480;
const MONDAY = '2024-03-04T08:00:00';

function plan(
  tasks: Partial<Task>[],
  links: Link[],
  assignments: [task: string, resource: string, units?: number][],
  resources: Partial<Resource>[] = [{}],
): Project {
  return {
    name: 'levelling test',
    start: MONDAY,
    calendarId: 'standard',
    units: DEFAULT_UNITS,
    calendars: [standardCalendar(), { ...standardCalendar('part-time', 'Mon–Wed'), week: partTimeWeek() }],
    tasks: tasks.map((t, i) => ({ id: String(i + 1), name: `T${i + 1}`, duration: { minutes: DAY }, ...t })),
    links,
    resources: resources.map((r, i) => ({
      id: `R${i + 1}`,
      name: `R${i + 1}`,
      type: 'work',
      maxUnits: 1,
      ...r,
    })),
    assignments: assignments.map(([taskId, resourceId, units = 1]): Assignment => ({
      taskId,
      resourceId,
      units,
    })),
    baselines: [],
  };
}

function partTimeWeek() {
  const week = standardCalendar().week;
  return [week[0], week[1], week[2], week[3], [], [], week[6]] as typeof week;
}

const link = (predecessorId: string, successorId: string, type: LinkType = 'FS'): Link => ({
  predecessorId,
  successorId,
  type,
});
const days = (minutes: number) => minutes / DAY;
const at = (s: Schedule, id: string) => {
  const t = s.tasks.find((x) => x.id === id)!;
  return [formatLocal(t.start), formatLocal(t.finish)];
};

/** Independent checks, straight from the definitions (zero-lag links, one shared calendar). */
function linkViolations(project: Project, s: Schedule): string[] {
  const byId = new Map(s.tasks.map((t) => [t.id, t]));
  return project.links.flatMap((l) => {
    const p = byId.get(l.predecessorId)!;
    const q = byId.get(l.successorId)!;
    const ok = {
      FS: q.start >= p.finish || q.start >= nextMorning(p.finish),
      SS: q.start >= p.start,
      FF: q.finish >= p.finish,
      SF: q.finish >= p.start,
    }[l.type];
    return ok ? [] : [`${l.type} ${l.predecessorId} → ${l.successorId}`];
  });
}
const nextMorning = (t: number) => t; // on the standard calendar a start follows a finish at once or later

function overloads(project: Project, s: Schedule): string[] {
  const problems: string[] = [];
  for (const r of project.resources) {
    const uses = project.assignments
      .filter((a) => a.resourceId === r.id)
      .map((a) => ({ task: s.tasks.find((t) => t.id === a.taskId)!, units: a.units }))
      .filter((u) => u.task.finish > u.task.start);
    for (const { task } of uses) {
      const t = task.start;
      const load = uses
        .filter((u) => u.task.start <= t && t < u.task.finish)
        .reduce((x, u) => x + u.units, 0);
      if (load > (r.maxUnits ?? 1) + 1e-9) problems.push(`${r.id} at ${formatLocal(t)}: ${load}`);
    }
  }
  return problems;
}

describe('levelProject', () => {
  it('serialises two tasks sharing one resource by priority', () => {
    const p = plan(
      [{ priority: 400 }, { priority: 800 }],
      [],
      [
        ['1', 'R1'],
        ['2', 'R1'],
      ],
    );
    const result = levelProject(p);
    expect(at(result.schedule, '2')).toEqual(['2024-03-04T08:00:00', '2024-03-04T17:00:00']);
    expect(at(result.schedule, '1')).toEqual(['2024-03-05T08:00:00', '2024-03-05T17:00:00']);
    expect(result.delays).toEqual([
      { taskId: '1', delayMinutes: 1440, delayWorkingMinutes: DAY, withinFloat: false },
    ]);
    expect(result.overAllocationsBefore).toEqual([
      {
        resourceId: 'R1',
        start: parseLocal('2024-03-04T08:00'),
        finish: parseLocal('2024-03-04T17:00'),
        peakUnits: 2,
        maxUnits: 1,
        taskIds: ['1', '2'],
      },
    ]);
    expect(result.overAllocationsAfter).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('at equal priority keeps the task with less float and then the lower id', () => {
    const same = levelProject(
      plan(
        [{}, {}],
        [],
        [
          ['1', 'R1'],
          ['2', 'R1'],
        ],
      ),
    );
    expect(same.delays.map((d) => d.taskId)).toEqual(['2']);
    const ids = levelProject({
      ...plan(
        [{}, {}],
        [],
        [
          ['1', 'R1'],
          ['2', 'R1'],
        ],
      ),
      tasks: [
        { id: '10', name: 'ten', duration: { minutes: DAY } },
        { id: '9', name: 'nine', duration: { minutes: DAY } },
      ],
      assignments: [
        { taskId: '10', resourceId: 'R1', units: 1 },
        { taskId: '9', resourceId: 'R1', units: 1 },
      ],
    });
    expect(ids.delays.map((d) => d.taskId)).toEqual(['10']);
  });

  it('delays the task with float within its float first: the finish does not move', () => {
    // 1 (5d, R1) → 3 (5d): critical, 10 days. 2 (3d, R1) has 7 days of float.
    const p = plan(
      [
        { duration: { minutes: 5 * DAY } },
        { duration: { minutes: 3 * DAY } },
        { duration: { minutes: 5 * DAY } },
      ],
      [link('1', '3')],
      [
        ['1', 'R1'],
        ['2', 'R1'],
      ],
    );
    const result = levelProject(p);
    expect(result.schedule.projectFinish).toBe(result.unlevelled.projectFinish);
    expect(at(result.schedule, '1')).toEqual(['2024-03-04T08:00:00', '2024-03-08T17:00:00']);
    expect(at(result.schedule, '2')).toEqual(['2024-03-11T08:00:00', '2024-03-13T17:00:00']);
    expect(result.delays).toEqual([
      { taskId: '2', delayMinutes: 7 * 1440, delayWorkingMinutes: 5 * DAY, withinFloat: true },
    ]);
    // Float is used up by the delay: 7 days before, 2 after.
    expect(days(result.unlevelled.tasks[1]!.totalFloat)).toBe(7);
    expect(days(result.schedule.tasks[1]!.totalFloat)).toBe(2);
  });

  it('delays beyond float when it must, pushing successors and the finish', () => {
    // Both chains are critical; the resource forces one after the other.
    const p = plan(
      [{}, {}, {}, {}],
      [link('1', '3'), link('2', '4')],
      [
        ['1', 'R1'],
        ['2', 'R1'],
      ],
    );
    const result = levelProject(p);
    expect(at(result.schedule, '2')).toEqual(['2024-03-05T08:00:00', '2024-03-05T17:00:00']);
    expect(at(result.schedule, '4')).toEqual(['2024-03-06T08:00:00', '2024-03-06T17:00:00']);
    expect(formatLocal(result.schedule.projectFinish)).toBe('2024-03-06T17:00:00');
    expect(result.delays.map((d) => [d.taskId, d.withinFloat])).toEqual([
      ['2', false],
      ['4', false],
    ]);
  });

  it('never moves fixed tasks: priority 1000, must start on, started, manual', () => {
    const p = plan(
      [
        { priority: 1000 },
        { constraint: { type: 'MSO', date: MONDAY } },
        { progress: { actualStart: MONDAY, percentComplete: 50 } },
        { manual: { start: MONDAY, finish: '2024-03-04T17:00:00' } },
        { priority: 900 },
      ],
      [],
      [
        ['1', 'R1'],
        ['2', 'R1'],
        ['3', 'R1'],
        ['4', 'R1'],
        ['5', 'R1'],
      ],
      [{ maxUnits: 4 }],
    );
    const result = levelProject(p);
    expect(result.delays.map((d) => d.taskId)).toEqual(['5']);
    for (const id of ['1', '2', '3', '4']) expect(at(result.schedule, id)[0]).toBe(MONDAY);
  });

  it('reports what cannot be resolved and levels around it', () => {
    // Task 1 alone needs 2 units of a 1-unit resource; task 2 waits for it.
    const p = plan(
      [{}, {}],
      [],
      [
        ['1', 'R1', 2],
        ['2', 'R1'],
      ],
    );
    const result = levelProject(p);
    expect(at(result.schedule, '2')[0]).toBe('2024-03-05T08:00:00');
    expect(result.overAllocationsAfter).toMatchObject([{ resourceId: 'R1', peakUnits: 2, taskIds: ['1'] }]);
    expect(result.warnings).toEqual([
      'Over-allocation remains: R1: 200% of 100% from 2024-03-04T08:00:00 to 2024-03-04T17:00:00 (1)',
    ]);
  });

  it('keeps every link and constraint, and leaves no over-allocation', () => {
    const p = plan(
      [
        { duration: { minutes: 2 * DAY } },
        { duration: { minutes: 2 * DAY } },
        { duration: { minutes: 3 * DAY }, constraint: { type: 'SNET', date: '2024-03-05T08:00:00' } },
        { duration: { minutes: DAY } },
        { duration: { minutes: 2 * DAY }, constraint: { type: 'FNET', date: '2024-03-08T17:00:00' } },
        { duration: { minutes: DAY }, priority: 700 },
      ],
      [link('1', '2', 'SS'), link('1', '4'), link('2', '4', 'FF'), link('3', '5'), link('4', '5', 'SF')],
      [
        ['1', 'R1'],
        ['2', 'R1'],
        ['3', 'R1', 0.5],
        ['4', 'R2'],
        ['5', 'R2'],
        ['6', 'R1', 0.5],
        ['6', 'R2'],
      ],
      [{}, {}],
    );
    const result = levelProject(p);
    expect(overloads(p, result.unlevelled).length).toBeGreaterThan(0);
    expect(linkViolations(p, result.schedule)).toEqual([]);
    expect(overloads(p, result.schedule)).toEqual([]);
    expect(result.overAllocationsAfter).toEqual([]);
    const t = (id: string) => result.schedule.tasks.find((x) => x.id === id)!;
    expect(t('3').start).toBeGreaterThanOrEqual(parseLocal('2024-03-05T08:00'));
    expect(t('5').finish).toBeGreaterThanOrEqual(parseLocal('2024-03-08T17:00'));
    for (const [i, task] of result.schedule.tasks.entries())
      expect(task.start).toBeGreaterThanOrEqual(result.unlevelled.tasks[i]!.earlyStart);
  });

  it('treats a task already at its start-no-later-than date as fixed', () => {
    // 2 ranks lower but must start no later than Monday: 1 gives way.
    const p = plan(
      [{ priority: 900 }, { constraint: { type: 'SNLT', date: MONDAY } }],
      [],
      [
        ['1', 'R1'],
        ['2', 'R1'],
      ],
    );
    const result = levelProject(p);
    expect(at(result.schedule, '2')[0]).toBe(MONDAY);
    expect(at(result.schedule, '1')[0]).toBe('2024-03-05T08:00:00');
    expect(result.warnings).toEqual([]);
    expect(result.overAllocationsAfter).toEqual([]);
  });

  it('leaves a task where it was, with a warning, when its constraint stops it short', () => {
    // 2 would have to start on Wednesday but must start no later than Tuesday.
    const p = plan(
      [
        { priority: 900, duration: { minutes: 2 * DAY } },
        { constraint: { type: 'SNLT', date: '2024-03-05T08:00:00' } },
      ],
      [],
      [
        ['1', 'R1'],
        ['2', 'R1'],
      ],
    );
    const result = levelProject(p);
    expect(at(result.schedule, '2')[0]).toBe(MONDAY);
    expect(result.warnings[0]).toBe('Task "T2" (2) cannot be delayed: its constraint holds it in place');
    expect(result.overAllocationsAfter).toMatchObject([{ resourceId: 'R1', taskIds: ['1', '2'] }]);
  });

  it('lets a high-priority task pass its priority to its predecessors', () => {
    // 3 (priority 900) follows 2; 1 competes with 2 for the resource: 2 goes first, for 3's sake.
    const p = plan(
      [{ priority: 600 }, {}, { priority: 900 }],
      [link('2', '3')],
      [
        ['1', 'R1'],
        ['2', 'R1'],
      ],
    );
    const result = levelProject(p);
    expect(result.delays.map((d) => d.taskId)).toEqual(['1']);
  });

  it('counts a resource only on its own working days', () => {
    // R1 works Monday to Wednesday; 1 is 3 days of its work, 2 a day: 2 goes the next Monday.
    const p = plan(
      [{ duration: { minutes: 3 * DAY } }, {}],
      [],
      [
        ['1', 'R1'],
        ['2', 'R1'],
      ],
      [{ calendarId: 'part-time' }],
    );
    const result = levelProject(p);
    expect(at(result.schedule, '2')).toEqual(['2024-03-11T08:00:00', '2024-03-11T17:00:00']);
    const histogram = result.histogramsAfter[0]!;
    expect(histogram.days.map((d) => [d.date, d.peakUnits, d.workMinutes])).toEqual([
      ['2024-03-04', 1, DAY],
      ['2024-03-05', 1, DAY],
      ['2024-03-06', 1, DAY],
      ['2024-03-11', 1, DAY],
    ]);
  });

  it('draws histograms per working day with over-allocated days flagged', () => {
    const p = plan(
      [{ duration: { minutes: 2 * DAY } }, {}],
      [],
      [
        ['1', 'R1'],
        ['2', 'R1', 0.5],
      ],
    );
    const result = levelProject(p);
    expect(result.histogramsBefore).toEqual([
      {
        resourceId: 'R1',
        name: 'R1',
        maxUnits: 1,
        days: [
          { date: '2024-03-04', peakUnits: 1.5, workMinutes: 1.5 * DAY, overallocated: true },
          { date: '2024-03-05', peakUnits: 1, workMinutes: DAY, overallocated: false },
        ],
      },
    ]);
    expect(result.histogramsAfter[0]!.days.map((d) => [d.date, d.peakUnits, d.overallocated])).toEqual([
      ['2024-03-04', 1, false],
      ['2024-03-05', 1, false],
      ['2024-03-06', 0.5, false],
    ]);
  });

  it('returns a schedule that toScheduleJson presents like any other', () => {
    const p = plan(
      [{}, {}],
      [],
      [
        ['1', 'R1'],
        ['2', 'R1'],
      ],
    );
    const json = toScheduleJson(p, levelProject(p).schedule);
    expect(json.tasks.map((t) => [t.id, t.start])).toEqual([
      ['1', '2024-03-04T08:00:00'],
      ['2', '2024-03-05T08:00:00'],
    ]);
    // The delay is not a link: task 1 has a day of float after levelling, as in MS Project.
    expect(json.criticalPath).toEqual(['2']);
  });

  it('leaves a plan without over-allocation as it is', () => {
    const p = plan(
      [{}, {}],
      [link('1', '2')],
      [
        ['1', 'R1'],
        ['2', 'R1'],
      ],
    );
    const result = levelProject(p);
    expect(result.schedule).toEqual(result.unlevelled);
    expect(result.runs).toBe(0);
    expect(result.delays).toEqual([]);
  });
});

describe('levelProject properties', () => {
  const randomPlan = fc
    .record({
      n: fc.integer({ min: 2, max: 10 }),
      resources: fc.array(fc.constantFrom(1, 1, 2), { minLength: 1, maxLength: 3 }),
    })
    .chain(({ n, resources }) =>
      fc.record({
        durations: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }),
        priorities: fc.array(fc.constantFrom(300, 500, 500, 800), { minLength: n, maxLength: n }),
        links: fc.uniqueArray(
          fc
            .tuple(
              fc.integer({ min: 0, max: n - 1 }),
              fc.integer({ min: 0, max: n - 1 }),
              fc.constantFrom<LinkType>('FS', 'FS', 'SS', 'FF', 'SF'),
            )
            .filter(([a, b]) => a < b),
          { maxLength: n, selector: ([a, b]) => `${a}-${b}` },
        ),
        assignments: fc.uniqueArray(
          fc.tuple(
            fc.integer({ min: 0, max: n - 1 }),
            fc.integer({ min: 0, max: resources.length - 1 }),
            fc.constantFrom(0.5, 1),
          ),
          { maxLength: 2 * n, selector: ([t, r]) => `${t}-${r}` },
        ),
        resources: fc.constant(resources),
      }),
    )
    .map(({ durations, priorities, links, assignments, resources }) =>
      plan(
        durations.map((d, i) => ({ duration: { minutes: d * DAY }, priority: priorities[i]! })),
        links.map(([a, b, type]) => link(String(a + 1), String(b + 1), type)),
        assignments.map(([t, r, u]) => [String(t + 1), `R${r + 1}`, u] as [string, string, number]),
        resources.map((maxUnits) => ({ maxUnits })),
      ),
    );

  it('resolves every over-allocation, keeps every link, never starts a task before its early start', () => {
    fc.assert(
      fc.property(randomPlan, (p) => {
        const result = levelProject(p);
        expect(result.overAllocationsAfter).toEqual([]);
        expect(overloads(p, result.schedule)).toEqual([]);
        expect(linkViolations(p, result.schedule)).toEqual([]);
        result.schedule.tasks.forEach((t, i) => {
          expect(t.start).toBeGreaterThanOrEqual(result.unlevelled.tasks[i]!.earlyStart);
          expect(t.finish - t.start).toBe(
            result.unlevelled.tasks[i]!.finish - result.unlevelled.tasks[i]!.start > 0
              ? t.finish - t.start
              : 0,
          );
        });
        expect(result.schedule.projectFinish).toBeGreaterThanOrEqual(result.unlevelled.projectFinish);
      }),
      { numRuns: 200 },
    );
  });
});
