// Levelling a plan saved by MS Project (sample.xml: summaries, a negative lag, SNET constraints, four
// calendars, resources with their own calendars), made to over-allocate by giving one person every
// task. Checked independently: no two of that person's tasks overlap, no task starts before its
// unlevelled early start, every constraint still holds. Needs ../shared/data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { levelProject } from '@tandem/core';
import { parseLocal } from '@tandem/core';
import type { Project } from '@tandem/core';
import { readMspdi } from '../mspdi/index.ts';
import { dataDir, requireData } from '../testing/shared-data.ts';

describe('levelling sample.xml with one person on every task', () => {
  const path = dataDir('mspdi/sample.xml');
  if (!requireData(path)) return;

  it('serialises the tasks, keeps the constraints, never starts a task early', () => {
    const { project: read } = readMspdi(readFileSync(path, 'utf8'));
    const parents = new Set(read.tasks.map((t) => t.parentId));
    const work = read.tasks.filter((t) => !parents.has(t.id) && !t.inactive && t.duration.minutes > 0);
    const person = read.resources.find((r) => r.type === 'work')!;
    const project: Project = {
      ...read,
      resources: read.resources.map((r) => (r === person ? { ...r, maxUnits: 1 } : r)),
      assignments: work.map((t) => ({ taskId: t.id, resourceId: person.id, units: 1 })),
    };
    expect(work.length).toBeGreaterThan(5);

    const result = levelProject(project);
    expect(result.overAllocationsBefore.length).toBeGreaterThan(0);
    expect(result.overAllocationsAfter).toEqual([]);
    const byId = new Map(result.schedule.tasks.map((t) => [t.id, t]));
    const spans = work.map((t) => byId.get(t.id)!).sort((a, b) => a.start - b.start);
    for (let k = 1; k < spans.length; k++)
      expect(spans[k]!.start, `${spans[k]!.id} overlaps ${spans[k - 1]!.id}`).toBeGreaterThanOrEqual(
        spans[k - 1]!.finish,
      );
    result.schedule.tasks.forEach((t, i) =>
      expect(t.start).toBeGreaterThanOrEqual(result.unlevelled.tasks[i]!.earlyStart),
    );
    for (const task of project.tasks) {
      const c = task.constraint;
      if (c?.type === 'SNET' && c.date)
        expect(byId.get(task.id)!.start).toBeGreaterThanOrEqual(parseLocal(c.date));
    }
    expect(result.schedule.projectFinish).toBeGreaterThan(result.unlevelled.projectFinish);
  });
});
