/**
 * The working-minute passes against the engine (`prepared.run`) to the bit: early finishes, project
 * finish and critical flags, on random networks (every link type, positive, negative, elapsed and
 * percent lags, summaries, milestones, holidays) with SNET/FNET constraints and deadlines, and with
 * sampled durations that include zeros.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../../testing/prng.ts';
import { randomNetwork } from '../../testing/random-network.ts';
import { prepareSchedule } from '../../schedule/prepared-schedule.ts';
import type { Project } from '../../model/project.ts';
import { iterationPasses } from './iteration-passes.ts';

function withConstraints(project: Project, seed: number): Project {
  const rng = prng(seed);
  const parents = new Set(project.tasks.map((t) => t.parentId));
  for (const task of project.tasks) {
    const r = rng.next();
    if (parents.has(task.id)) {
      if (r < 0.1) task.constraint = { type: 'SNET', date: '2025-02-03T13:00:00' };
      else if (r > 0.9) task.deadline = '2025-05-01T17:00:00';
    } else if (r < 0.03) task.constraint = { type: 'SNET', date: '2025-03-03T13:00:00' };
    else if (r < 0.05) task.constraint = { type: 'FNET', date: '2025-04-01T10:00:00' };
    else if (r < 0.08) task.deadline = '2025-06-01T17:00:00';
    else if (r < 0.09) task.constraint = { type: 'ALAP' };
    else if (r < 0.1) task.inactive = true;
  }
  return project;
}

/**
 * Links from and to summary tasks (all four types, some with lags), acyclic: a summary links only to
 * tasks after its whole subtree, and is linked to only from tasks before it that are not its ancestors.
 */
function withSummaryLinks(project: Project, seed: number): Project {
  const rng = prng(seed);
  const tasks = project.tasks;
  const index = new Map(tasks.map((t, i) => [t.id, i]));
  const end = tasks.map((_, i) => i);
  for (let i = tasks.length - 1; i >= 0; i--) {
    const p = tasks[i]!.parentId;
    if (p !== undefined) end[index.get(p)!] = Math.max(end[index.get(p)!]!, end[i]!);
  }
  const ancestors = (i: number) => {
    const result = new Set<number>();
    for (let p = tasks[i]!.parentId; p !== undefined; p = tasks[index.get(p)!]!.parentId)
      result.add(index.get(p)!);
    return result;
  };
  const types = ['FS', 'SS', 'FF', 'SF'] as const;
  tasks.forEach((task, s) => {
    if (end[s] === s || !rng.chance(0.3)) return;
    const after = end[s]! + 1 + rng.int(0, 20);
    if (after < tasks.length)
      project.links.push({
        predecessorId: task.id,
        successorId: tasks[after]!.id,
        type: rng.pick(types),
        ...(rng.chance(0.3) ? { lag: { minutes: rng.int(-2, 3) * 480 } } : {}),
      });
    const before = s - 1 - rng.int(0, 20);
    if (before >= 0 && !ancestors(s).has(before))
      project.links.push({ predecessorId: tasks[before]!.id, successorId: task.id, type: rng.pick(types) });
  });
  return project;
}

describe('working-minute passes', () => {
  it.each([
    [1, 'with constraints, deadlines and inactive tasks'],
    [2, 'with constraints, deadlines and inactive tasks'],
    [3, 'with links from and to summaries'],
    [4, 'with links from and to summaries'],
    [5, 'plain'],
  ])('match prepared.run on random network %i (%s)', (seed, variant) => {
    const generated = randomNetwork({ tasks: 300, seed });
    const project =
      variant === 'plain'
        ? generated
        : variant.startsWith('with links')
          ? withSummaryLinks(withConstraints(generated, seed), seed)
          : withConstraints(generated, seed);
    const engine = prepareSchedule(project);
    const passes = iterationPasses(prepareSchedule(project), true);
    expect(passes.kernel).toBe('working-minutes');
    const rng = prng(100 + seed);
    const n = project.tasks.length;
    const durations = new Float64Array(n);
    for (let iteration = 0; iteration < 40; iteration++) {
      for (let i = 0; i < n; i++) {
        const planned = project.tasks[i]!.duration.minutes;
        durations[i] = rng.chance(0.05) ? 0 : Math.round(planned * (0.5 + rng.next()));
      }
      const expected = engine.run({ durations });
      expect(passes.run(durations)).toBe(expected.projectFinish);
      for (let i = 0; i < n; i++) {
        expect(passes.finishOf(i)).toBe(expected.ef[i]);
        if (!engine.network.isSummary[i]) expect(passes.critical[i]).toBe(expected.floats!.critical[i]);
      }
    }
  });

  it('fall back to the engine where the plan needs it, saying why', () => {
    const project = randomNetwork({ tasks: 50, seed: 1 });
    project.statusDate = '2025-01-10T17:00:00';
    expect(iterationPasses(prepareSchedule(project), false)).toMatchObject({
      kernel: 'engine',
      reason: 'the plan has a status date',
    });
    const pinned = randomNetwork({ tasks: 50, seed: 1 });
    pinned.tasks[5]!.constraint = { type: 'MSO', date: '2025-02-03T08:00:00' };
    expect(iterationPasses(prepareSchedule(pinned), false).reason).toMatch(/constraints/);
  });
});
