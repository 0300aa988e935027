import { describe, expect, it } from 'vitest';
import { formatPath } from './field-path.ts';

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['name'], 'name'],
    [['tasks', 3, 'duration'], 'tasks[3].duration'],
    [[0, 'id'], '[0].id'],
    [['labels', 'a b'], 'labels["a b"]'],
  ] as const)('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
