import { describe, expect, it } from 'vitest';
import { standardCalendar } from '../model/calendar.ts';
import type { Link, Project, Task } from '../model/project.ts';
import { DEFAULT_UNITS } from '../model/project.ts';
import { formatLocal } from '../time/local-time.ts';
import { CycleError } from './schedule-errors.ts';
import { scheduleProject } from './schedule-project.ts';

const DAY = 480;
function plan(tasks: Partial<Task>[], links: Link[] = []): Project {
  return {
    name: 'test',
    start: '2024-03-04T08:00:00', // a Monday
    calendarId: 'standard',
    units: DEFAULT_UNITS,
    calendars: [standardCalendar()],
    tasks: tasks.map((t, i) => ({ id: String(i + 1), name: `T${i + 1}`, duration: { minutes: DAY }, ...t })),
    links,
    resources: [],
    assignments: [],
    baselines: [],
  };
}
const fs = (a: string, b: string, lagDays = 0): Link => ({
  predecessorId: a,
  successorId: b,
  type: 'FS',
  lag: { minutes: lagDays * DAY },
});
const dates = (p: Project) =>
  scheduleProject(p).tasks.map((t) => [
    t.id,
    formatLocal(t.start),
    formatLocal(t.finish),
    t.totalFloat,
    t.critical,
  ]);

describe('scheduleProject', () => {
  it('chains finish-to-start links across a weekend', () => {
    const p = plan([{}, { duration: { minutes: 3 * DAY } }, {}], [fs('1', '2'), fs('2', '3')]);
    expect(dates(p)).toEqual([
      ['1', '2024-03-04T08:00:00', '2024-03-04T17:00:00', 0, true],
      ['2', '2024-03-05T08:00:00', '2024-03-07T17:00:00', 0, true],
      ['3', '2024-03-08T08:00:00', '2024-03-08T17:00:00', 0, true],
    ]);
  });

  it('gives float to the shorter branch and names the critical path', () => {
    const p = plan(
      [{}, { duration: { minutes: 5 * DAY } }, {}, {}],
      [fs('1', '2'), fs('1', '3'), fs('2', '4'), fs('3', '4')],
    );
    const s = scheduleProject(p);
    expect(s.tasks[2]!.totalFloat).toBe(4 * DAY);
    expect(s.tasks[2]!.freeFloat).toBe(4 * DAY);
    expect(s.criticalPath).toEqual(['1', '2', '4']);
    expect(s.tasks[3]!.drivingPredecessorId).toBe('2');
  });

  it('rolls summaries up and applies links on a summary to its children', () => {
    const p = plan(
      [
        {},
        { name: 'Phase', duration: { minutes: 0 } },
        { parentId: '2' },
        { parentId: '2', duration: { minutes: 2 * DAY } },
      ],
      [fs('1', '2')],
    );
    const s = scheduleProject(p);
    expect(formatLocal(s.tasks[2]!.start)).toBe('2024-03-05T08:00:00');
    expect(formatLocal(s.tasks[1]!.finish)).toBe('2024-03-06T17:00:00');
    expect(s.tasks[1]!.summary).toBe(true);
  });

  it('reports a cycle with the names of its tasks', () => {
    const p = plan([{}, {}, {}], [fs('1', '2'), fs('2', '3'), fs('3', '1')]);
    expect(() => scheduleProject(p)).toThrow(CycleError);
    try {
      scheduleProject(p);
    } catch (e) {
      expect((e as CycleError).taskIds.sort()).toEqual(['1', '2', '3']);
      expect((e as Error).message).toMatch(/T1.*T2.*T3|T2.*T3.*T1|T3.*T1.*T2/);
    }
  });

  it('reports a link between a summary and its own subtask as a cycle', () => {
    const p = plan([{ name: 'Phase' }, { parentId: '1' }], [fs('1', '2')]);
    expect(() => scheduleProject(p)).toThrow(CycleError);
  });

  it('gives negative float when a deadline cannot be met', () => {
    const p = plan([{ duration: { minutes: 3 * DAY }, deadline: '2024-03-05T17:00:00' }]);
    const s = scheduleProject(p);
    expect(s.tasks[0]!.totalFloat).toBe(-DAY);
    expect(s.tasks[0]!.critical).toBe(true);
    expect(s.tasks[0]!.warnings).toContain('Finishes after its deadline');
  });

  it('resolves parents listed after their children, and names the first unknown parent', () => {
    const before = plan([{ id: 'p', duration: { minutes: 0 } }, { parentId: 'p' }, { parentId: 'p' }]);
    const after = plan([{ parentId: 'p' }, { parentId: 'p' }, { id: 'p', duration: { minutes: 0 } }]);
    const rows = (p: Project) =>
      dates(p)
        .map(([, ...rest]) => JSON.stringify(rest))
        .sort();
    expect(rows(after)).toEqual(rows(before));
    expect(scheduleProject(after).tasks[2]!.summary).toBe(true);
    const unknown = plan([{ parentId: 'x' }, { id: 'x', parentId: 'y' }, { parentId: 'z' }]);
    expect(() => scheduleProject(unknown)).toThrow('Task "T2" (x) has unknown parent "y"');
  });
});
