import { describe, expect, it } from 'vitest';
import { gridKeyAction } from './grid-keys.ts';
import { buildRowModel } from './visible-rows.ts';
import { task } from './test-tasks.ts';

const tasks = [
  task('p', { kind: 'summary' }),
  task('a', { parentId: 'p' }),
  task('b', { parentId: 'p' }),
  task('c'),
];
const { rows } = buildRowModel(tasks, new Set());
const none = new Set<string>();

describe('gridKeyAction', () => {
  it.each([
    ['ArrowDown', 0, { kind: 'select', index: 1 }],
    ['ArrowDown', 3, { kind: 'select', index: 3 }],
    ['ArrowUp', 0, { kind: 'select', index: 0 }],
    ['Home', 2, { kind: 'select', index: 0 }],
    ['End', 0, { kind: 'select', index: 3 }],
    ['PageDown', 0, { kind: 'select', index: 3 }],
    ['Enter', 2, { kind: 'edit', index: 2 }],
    ['F2', 1, { kind: 'edit', index: 1 }],
    [' ', 0, { kind: 'toggle', taskId: 'p' }],
    [' ', 1, null],
    ['ArrowLeft', 0, { kind: 'toggle', taskId: 'p' }],
    ['ArrowLeft', 2, { kind: 'select', index: 0 }],
    ['ArrowRight', 0, { kind: 'select', index: 1 }],
    ['x', 0, null],
  ] as const)('%s on row %d', (key, selected, action) => {
    expect(gridKeyAction(key, selected, rows, none, 10)).toEqual(action);
  });

  it('expands a collapsed summary with → and selects the first row when none is selected', () => {
    const collapsed = new Set(['p']);
    const model = buildRowModel(tasks, collapsed);
    expect(gridKeyAction('ArrowRight', 0, model.rows, collapsed, 10)).toEqual({
      kind: 'toggle',
      taskId: 'p',
    });
    expect(gridKeyAction('ArrowDown', -1, rows, none, 10)).toEqual({ kind: 'select', index: 0 });
    expect(gridKeyAction('End', -1, rows, none, 10)).toEqual({ kind: 'select', index: 3 });
    expect(gridKeyAction('ArrowDown', 0, [], none, 10)).toBeNull();
  });
});
