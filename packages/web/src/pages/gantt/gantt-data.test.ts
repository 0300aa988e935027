import { describe, expect, it } from 'vitest';
import type { Schedule, ScheduledTask, WorkItem } from '../../api/types.ts';
import {
  durationLabel,
  formatLocalDateTime,
  outlineNumbers,
  outlineOrder,
  parseLocal,
  toGanttData,
} from './gantt-data.ts';

const UNITS = { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 };
import type { Dependency } from './gantt-api.ts';

function st(id: string, over: Partial<ScheduledTask> = {}): ScheduledTask {
  return {
    id,
    name: `Task ${id}`,
    parentId: null,
    summary: false,
    milestone: false,
    durationMinutes: 2400,
    start: '2026-01-05T09:00:00',
    finish: '2026-01-09T17:00:00',
    earlyStart: '2026-01-05T09:00:00',
    earlyFinish: '2026-01-09T17:00:00',
    lateStart: '2026-01-05T09:00:00',
    lateFinish: '2026-01-09T17:00:00',
    totalFloatMinutes: 0,
    freeFloatMinutes: 0,
    critical: true,
    warnings: [],
    ...over,
  };
}

function wi(key: string, over: Partial<WorkItem> = {}): WorkItem {
  return {
    id: `wi-${key}`,
    version: 1,
    createdAt: '',
    updatedAt: '',
    projectId: 'p',
    parentId: null,
    key,
    sortKey: 0,
    wbs: null,
    type: 'task',
    track: null,
    status: 'todo',
    name: `Task ${key}`,
    notes: null,
    milestone: false,
    durationMinutes: 2400,
    percentComplete: null,
    deadline: null,
    priority: null,
    storyPoints: null,
    sprintId: null,
    labels: [],
    assigneeId: null,
    ...over,
  };
}

function dep(from: string, to: string, type: Dependency['type'] = 'FS'): Dependency {
  return {
    id: `d-${from}-${to}`,
    version: 1,
    createdAt: '',
    updatedAt: '',
    projectId: 'p',
    predecessorId: `wi-${from}`,
    successorId: `wi-${to}`,
    type,
    lagMinutes: 0,
  };
}

describe('gantt data', () => {
  it('reads plan dates as wall clock, both ways', () => {
    expect(parseLocal('2026-01-05T09:00:00')).toBe(Date.UTC(2026, 0, 5, 9));
    expect(formatLocalDateTime(Date.UTC(2026, 0, 5, 9))).toBe('2026-01-05T09:00:00');
  });

  it('puts parents before their children, keeping sibling order', () => {
    const order = outlineOrder([
      { id: 'c', parentId: 'p' },
      { id: 'x', parentId: null },
      { id: 'p', parentId: null },
      { id: 'd', parentId: 'p' },
    ]);
    expect(order.map((o) => o.id)).toEqual(['x', 'p', 'c', 'd']);
  });

  it('maps schedule, work items, dependencies and a baseline onto tasks and links', () => {
    const schedule: Schedule = {
      project: { start: '2026-01-05T09:00:00', finish: '2026-01-16T17:00:00' },
      tasks: [
        st('P', { summary: true }),
        st('A', { parentId: 'P' }),
        st('M', { parentId: 'P', milestone: true, durationMinutes: 0, critical: false }),
      ],
      criticalPath: ['A'],
    };
    const data = toGanttData(
      schedule,
      [wi('P'), wi('A', { percentComplete: 40, wbs: '1.1' }), wi('M')],
      [dep('A', 'M', 'SS'), dep('A', 'gone')],
      { 'wi-A': { start: '2026-01-02T09:00:00', finish: '2026-01-08T17:00:00' } },
      UNITS,
    );
    expect(data.tasks.map((t) => [t.id, t.kind, t.parentId])).toEqual([
      ['P', 'summary', null],
      ['A', 'task', 'P'],
      ['M', 'milestone', 'P'],
    ]);
    const a = data.tasks[1]!;
    expect(a).toMatchObject({ progress: 40, wbs: '1.1', critical: true, durationLabel: '5d' });
    expect(data.tasks[2]?.wbs).toBe('1.2');
    expect(a.baselineStart).toBe(Date.UTC(2026, 0, 2, 9));
    expect(data.tasks[2]?.baselineStart).toBeUndefined();
    expect(data.links).toEqual([{ id: 'd-A-M', from: 'A', to: 'M', type: 'SS' }]);
    expect(data.workItemIdOfTask.get('A')).toBe('wi-A');
  });

  it.each([
    [0, undefined, false, '0d'],
    [240, undefined, false, '4h'],
    [480, undefined, false, '1d'],
    [720, 'day', false, '1.5d'],
    [960, 'hour', false, '16h'],
    [30_240, 'week', true, '3ew'],
    [4800, 'week', false, '2w'],
  ] as const)('labels %d minutes (%s, elapsed %s) as %s', (m, unit, elapsed, label) => {
    expect(durationLabel(m, UNITS, unit, elapsed)).toBe(label);
  });

  it('numbers the outline when work items carry no WBS', () => {
    const n = outlineNumbers([
      { id: 'a', parentId: null },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'a' },
      { id: 'd', parentId: 'c' },
      { id: 'e', parentId: null },
    ]);
    expect([...n.values()]).toEqual(['1', '1.1', '1.2', '1.2.1', '2']);
  });
});
