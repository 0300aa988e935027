import { describe, expect, it } from 'vitest';
import type { Dependency } from './gantt-api.ts';
import type { PlanItem } from './gantt-data.ts';
import { taskLinks } from './task-links.ts';

const units = { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 };
const item = (id: string, name: string) => ({ id, key: `k-${id}`, name }) as PlanItem;
const items = [item('a', 'Design'), item('b', 'Build'), item('c', 'Audit'), item('d', 'Launch')];
const byKey = new Map(items.map((i) => [i.key, i]));
const byId = new Map(items.map((i) => [i.id, i]));
const dep = (id: string, from: string, to: string, over: Partial<Dependency> = {}) =>
  ({ id, predecessorId: from, successorId: to, type: 'FS', lagMinutes: 0, ...over }) as Dependency;
const deps = [
  dep('ab', 'a', 'b'),
  dep('cb', 'c', 'b', { type: 'SS', lagMinutes: 960 }),
  dep('bd', 'b', 'd', { lagMinutes: -480 }),
  dep('ad', 'a', 'd'),
];

describe('taskLinks', () => {
  it('lists the predecessors and successors of a task by name, with their lag when there is one', () => {
    const { predecessors, successors } = taskLinks('k-b', deps, byKey, byId, units);
    expect(predecessors.map((l) => [l.dep.id, l.other, l.lag])).toEqual([
      ['cb', 'Audit', '2d'],
      ['ab', 'Design', null],
    ]);
    expect(successors.map((l) => [l.dep.id, l.other, l.lag])).toEqual([['bd', 'Launch', '-1d']]);
  });

  it('is empty without a selected task', () => {
    expect(taskLinks(null, deps, byKey, byId, units)).toEqual({ predecessors: [], successors: [] });
  });
});
