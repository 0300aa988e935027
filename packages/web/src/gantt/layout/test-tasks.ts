import type { GanttTask } from '../types.ts';

/** A task for tests: defaults for everything but the id. */
export function task(id: string, over: Partial<GanttTask> = {}): GanttTask {
  return {
    id,
    name: `Task ${id}`,
    parentId: null,
    kind: 'task',
    start: Date.UTC(2026, 0, 5, 9),
    finish: Date.UTC(2026, 0, 9, 17),
    progress: 0,
    critical: false,
    ...over,
  };
}
