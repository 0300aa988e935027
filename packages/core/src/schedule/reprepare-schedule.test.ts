/**
 * `reprepareSchedule` must give exactly what preparing afresh gives: every scheduled task (dates,
 * floats, flags, driving predecessor, warnings) and the critical path, over random plans and random
 * sequences of edits of one task — durations above all (what a server does on each update), and also
 * milestones, elapsed durations, constraints, deadlines, progress, manual dates and calendars — each
 * edit re-prepared from the previous re-prepared plan. Edits that reach the network are refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Project, Task } from '../model/project.ts';
import { compiledCalendarsOf, projectArbitrary } from '../testing/project-arbitraries.ts';
import { randomNetwork } from '../testing/random-network.ts';
import { formatLocal, parseLocal } from '../time/local-time.ts';
import { type PreparedSchedule, prepareSchedule, reprepareSchedule } from './prepared-schedule.ts';
import { schedulePrepared, scheduleProject } from './schedule-project.ts';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261207);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

/** One edit of one task: `pick` chooses the task, `kind` what changes, `n` by how much. */
interface Edit {
  pick: number;
  kind: number;
  n: number;
}
const edit: fc.Arbitrary<Edit> = fc.record({
  // Often one of the first three work tasks (negative), so that one is edited again (set, then removed).
  pick: fc.oneof(fc.integer({ min: -3, max: -1 }), fc.nat()),
  // Durations are half the edits.
  kind: fc.nat({ max: 15 }),
  n: fc.integer({ min: 0, max: 4000 }),
});

/** The task as `edit` changes it; the plan stays schedulable. */
function edited(project: Project, task: Task, { kind, n }: Edit): Task {
  const at = (minutes: number) => formatLocal(parseLocal(project.start) + minutes);
  switch (kind) {
    case 8:
      return { ...task, milestone: !task.milestone };
    case 9:
      return { ...task, duration: { ...task.duration, elapsed: !task.duration.elapsed } };
    case 10:
      return {
        ...task,
        constraint: [
          { type: 'SNET' as const, date: at(n * 15) },
          { type: 'FNLT' as const, date: at(n * 30) },
          { type: 'MSO' as const, date: at(n * 10) },
          { type: 'ALAP' as const },
          undefined,
        ][n % 5],
      };
    case 11:
      return { ...task, deadline: n % 2 === 0 ? undefined : at(n * 20) };
    case 12:
      return {
        ...task,
        progress:
          n % 2 === 0
            ? undefined
            : {
                actualStart: project.start,
                percentComplete: n % 101,
                ...(n % 3 === 0 ? { actualFinish: at(n * 30) } : {}),
              },
      };
    case 13:
      return n % 2 === 0
        ? { ...task, manual: undefined }
        : { ...task, manual: { start: at(n), finish: at(n * 2) } };
    case 14: {
      const calendar = project.calendars[n % project.calendars.length];
      return { ...task, calendarId: n % 3 === 0 ? undefined : calendar?.id };
    }
    case 15:
      return { ...task, name: `${task.name}′` };
    default:
      return { ...task, duration: { ...task.duration, minutes: n === 0 ? 0 : n * 30 } };
  }
}

/** Applies each edit in turn; after each, the re-prepared plan must schedule as a fresh one does. */
function checkEdits(start: Project, edits: Edit[], withCalendars: boolean): void {
  const options = withCalendars ? { compiledCalendars: compiledCalendarsOf(start) } : {};
  let project = start;
  let prepared: PreparedSchedule = prepareSchedule(project, options);
  const parents = new Set(start.tasks.map((t) => t.parentId));
  const work = start.tasks.flatMap((t, i) => (parents.has(t.id) ? [] : [i]));
  for (const e of edits) {
    const i = e.pick < 0 ? work[(-1 - e.pick) % work.length]! : e.pick % project.tasks.length;
    const tasks = project.tasks.slice();
    tasks[i] = edited(project, tasks[i]!, e);
    const next = { ...project, tasks };
    let fresh;
    try {
      fresh = scheduleProject(next, options);
    } catch (error) {
      // An edit the scheduler refuses (a date it cannot meet) is refused the same way.
      expect(() => schedulePrepared(reprepareSchedule(prepared, next, [i], options)!)).toThrow(
        (error as Error).message,
      );
      continue;
    }
    const again = reprepareSchedule(prepared, next, [i], options);
    expect(again).toBeDefined();
    expect(schedulePrepared(again!)).toEqual(fresh);
    project = next;
    prepared = again!;
  }
}

describe('reprepareSchedule', () => {
  it('schedules random plans edited one task at a time as a fresh prepare does', () => {
    fc.assert(
      fc.property(
        projectArbitrary({ summaries: true, constraints: true }),
        fc.array(edit, { minLength: 5, maxLength: 30 }),
        fc.boolean(),
        fc.boolean(),
        (project, edits, withCalendars, resourceDriven) =>
          checkEdits(resourceDriven ? withResources(project) : project, edits, withCalendars),
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('schedules a 1,000-row plan with resource-driven tasks through 200 duration edits as a fresh prepare does', () => {
    const project = withResources(randomNetwork({ tasks: 1000, seed: 3 }));
    const edits = fc.sample(
      fc.record({ pick: fc.nat(), kind: fc.constant(0), n: fc.integer({ min: 0, max: 400 }) }),
      { numRuns: 200, seed: SEED },
    );
    checkEdits(project, edits, false);
  });

  it('leaves the plan it re-prepares from as it was, even after runs with sampled durations', () => {
    const project = randomNetwork({ tasks: 200, seed: 5 });
    const prepared = prepareSchedule(project);
    const before = schedulePrepared(prepared);
    prepared.run({ durations: new Float64Array(project.tasks.length).fill(60) });
    const i = project.tasks.findIndex((t) => t.parentId !== undefined && t.duration.minutes > 0);
    const tasks = project.tasks.slice();
    tasks[i] = { ...tasks[i]!, duration: { ...tasks[i]!.duration, minutes: 9600 } };
    const next = { ...project, tasks };
    expect(schedulePrepared(reprepareSchedule(prepared, next, [i])!)).toEqual(scheduleProject(next));
    // The original plan, re-prepared with nothing changed, still schedules as before.
    expect(schedulePrepared(reprepareSchedule(prepared, project, [])!)).toEqual(before);
  });

  it.each<[string, (p: Project, i: number) => Project]>([
    ['a changed task id', (p, i) => withTask(p, i, { ...p.tasks[i]!, id: 'other' })],
    ['a changed parent', (p, i) => withTask(p, i, { ...p.tasks[i]!, parentId: undefined })],
    ['a task made inactive', (p, i) => withTask(p, i, { ...p.tasks[i]!, inactive: true })],
    ['a task not named as changed', (p, i) => withTask(p, i + 1, { ...p.tasks[i + 1]! })],
    ['new links', (p) => ({ ...p, links: p.links.slice() })],
    ['new calendars', (p) => ({ ...p, calendars: p.calendars.slice() })],
    ['another status date', (p) => ({ ...p, statusDate: p.start })],
    [
      'a task added',
      (p) => ({ ...p, tasks: [...p.tasks, { id: 'new', name: 'New', duration: { minutes: 60 } }] }),
    ],
  ])('refuses %s (prepare afresh)', (_, change) => {
    const project = randomNetwork({ tasks: 100, seed: 2 });
    const prepared = prepareSchedule(project);
    const i = project.tasks.findIndex((t) => t.parentId !== undefined);
    expect(reprepareSchedule(prepared, change(project, i), [i])).toBeUndefined();
  });
});

function withTask(project: Project, i: number, task: Task): Project {
  const tasks = project.tasks.slice();
  tasks[i] = task;
  return { ...project, tasks };
}

/**
 * Half-time assignments to every third task, and a resource on the plan's last calendar to every fifth:
 * their tasks are resource-driven (segments), with shares that follow the duration.
 */
function withResources(project: Project): Project {
  const calendarId = project.calendars[project.calendars.length - 1]?.id;
  const resources = [
    { id: 'R1', name: 'Half-time', type: 'work' as const },
    { id: 'R2', name: 'Own calendar', type: 'work' as const, ...(calendarId ? { calendarId } : {}) },
  ];
  const assignments = project.tasks.flatMap((t, i) => [
    ...(i % 3 === 0 ? [{ taskId: t.id, resourceId: 'R1', units: 0.5 }] : []),
    ...(i % 5 === 0 ? [{ taskId: t.id, resourceId: 'R2', units: 1, workMinutes: 960 }] : []),
  ]);
  return { ...project, resources, assignments };
}
