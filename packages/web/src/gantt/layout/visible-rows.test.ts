import { describe, expect, it } from 'vitest';
import { buildRowModel, taskTimeRange } from './visible-rows.ts';
import { task } from './test-tasks.ts';

const tree = [
  task('p', { kind: 'summary' }),
  task('a', { parentId: 'p' }),
  task('q', { parentId: 'p', kind: 'summary' }),
  task('b', { parentId: 'q' }),
  task('c', { parentId: null }),
];

describe('buildRowModel', () => {
  it('shows every task in outline order with its level when nothing is collapsed', () => {
    const m = buildRowModel(tree, new Set());
    expect(m.rows.map((r) => [r.task.id, r.level, r.hasChildren])).toEqual([
      ['p', 0, true],
      ['a', 1, false],
      ['q', 1, true],
      ['b', 2, false],
      ['c', 0, false],
    ]);
    expect(m.indexById.get('b')).toBe(3);
  });

  it('hides every descendant of a collapsed row, however deep', () => {
    const m = buildRowModel(tree, new Set(['p']));
    expect(m.rows.map((r) => r.task.id)).toEqual(['p', 'c']);
    expect(m.indexById.has('b')).toBe(false);
    expect(m.taskById.has('b')).toBe(true);
  });

  it('hides only the collapsed subtree', () => {
    const m = buildRowModel(tree, new Set(['q']));
    expect(m.rows.map((r) => r.task.id)).toEqual(['p', 'a', 'q', 'c']);
  });

  it('treats a task whose parent is unknown as top-level', () => {
    const m = buildRowModel([task('x', { parentId: 'missing' })], new Set());
    expect(m.rows[0]?.level).toBe(0);
  });
});

describe('taskTimeRange', () => {
  it('covers tasks and baselines, and is null for no tasks', () => {
    expect(taskTimeRange([])).toBeNull();
    const r = taskTimeRange([
      task('a', { start: 10, finish: 20 }),
      task('b', { start: 15, finish: 30, baselineStart: 5, baselineFinish: 25 }),
    ]);
    expect(r).toEqual({ start: 5, finish: 30 });
  });
});
