// Keeps the Gantt benchmark honest: the generated plan is what BENCHMARKS.md says it is, and each chart
// gets the same plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GanttTask } from '../packages/web/src/gantt/types.ts';
import { DAY, generateGanttPlan, type GanttPlan, toDhtmlx, toSvar } from './gantt/data.ts';
import { frameStats } from './gantt/measure.ts';
import { cpuSelfTimes, forcedLayouts, traceSelfTimes } from './gantt/profile.ts';

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function checkPlan(plan: GanttPlan, total: number): void {
  const { tasks, links } = plan;
  expect(tasks).toHaveLength(total);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  expect(byId.size).toBe(total);

  // outline order: a parent comes before its children, and is a summary
  const seen = new Set<string>();
  const children = new Map<string, GanttTask[]>();
  for (const task of tasks) {
    if (task.parentId !== null) {
      expect(seen.has(task.parentId), `${task.id}'s parent ${task.parentId} comes first`).toBe(true);
      expect(byId.get(task.parentId)?.kind).toBe('summary');
      const siblings = children.get(task.parentId);
      if (siblings) siblings.push(task);
      else children.set(task.parentId, [task]);
    }
    seen.add(task.id);
    expect(task.finish).toBeGreaterThanOrEqual(task.start);
    expect(task.progress).toBeGreaterThanOrEqual(0);
    expect(task.progress).toBeLessThanOrEqual(100);
    if (task.kind === 'milestone') expect(task.finish).toBe(task.start);
    if (task.kind !== 'summary') {
      expect(task.baselineStart).toBeTypeOf('number');
      expect(task.baselineFinish!).toBeGreaterThanOrEqual(task.baselineStart!);
    }
  }
  // every summary has children and spans them
  for (const task of tasks)
    if (task.kind === 'summary') {
      const kids = children.get(task.id) ?? [];
      expect(kids.length, `summary ${task.id} has children`).toBeGreaterThan(0);
      expect(task.start).toBe(Math.min(...kids.map((k) => k.start)));
      expect(task.finish).toBe(Math.max(...kids.map((k) => k.finish)));
    }

  // one link into every leaf but the first, from an earlier leaf; none into or out of summaries
  const leaves = tasks.filter((t) => t.kind !== 'summary');
  const incoming = new Map<string, number>();
  const index = new Map(tasks.map((t, i) => [t.id, i]));
  for (const link of links) {
    const from = byId.get(link.from);
    const to = byId.get(link.to);
    expect(from && to, `link ${link.id} ends exist`).toBeTruthy();
    expect(from!.kind).not.toBe('summary');
    expect(to!.kind).not.toBe('summary');
    expect(index.get(link.from)!).toBeLessThan(index.get(link.to)!);
    incoming.set(link.to, (incoming.get(link.to) ?? 0) + 1);
  }
  expect(new Set(links.map((l) => l.id)).size).toBe(links.length);
  if (tasks[tasks.length - 1]!.parentId === null && tasks[tasks.length - 1]!.kind === 'task') {
    // the plan may end on a lone top-level task (no room for a summary): it has no link
    expect(links).toHaveLength(Math.max(0, leaves.length - 2));
  } else {
    expect(links).toHaveLength(Math.max(0, leaves.length - 1));
    for (const leaf of leaves.slice(1)) expect(incoming.get(leaf.id), `leaf ${leaf.id}`).toBe(1);
  }
}

describe('the Gantt benchmark plan', () => {
  it.each([1000, 10_000])(
    'has %i rows, summaries, milestones, one link per task, a critical path and baselines',
    (n) => {
      const plan = generateGanttPlan({ tasks: n, seed: 1 });
      checkPlan(plan, n);
      const kinds = countBy(plan.tasks, (t) => t.kind);
      const summaries = kinds.summary ?? 0;
      const milestones = kinds.milestone ?? 0;
      // a summary every ~10–20 rows, a few levels deep
      expect(n / summaries).toBeGreaterThan(8);
      expect(n / summaries).toBeLessThan(20);
      const depth = (id: string | null): number =>
        id === null ? 0 : 1 + depth(plan.tasks[Number(id) - 1]!.parentId);
      expect(Math.max(...plan.tasks.map((t) => depth(t.parentId)))).toBe(3);
      expect(milestones / n).toBeGreaterThan(0.04);
      expect(milestones / n).toBeLessThan(0.12);
      const types = countBy(plan.links, (l) => l.type);
      expect(types.FS! / plan.links.length).toBeGreaterThan(0.7);
      for (const type of ['SS', 'FF', 'SF']) expect(types[type]).toBeGreaterThan(0);
      const critical = plan.tasks.filter((t) => t.critical && t.kind !== 'summary').length;
      expect(critical / n).toBeGreaterThan(0.05);
      expect(critical / n).toBeLessThan(0.5);
      // bars stay within a couple of months, so they are in view at day zoom while scrolling
      const span = Math.max(...plan.tasks.map((t) => t.finish)) - Math.min(...plan.tasks.map((t) => t.start));
      expect(span / DAY).toBeLessThan(70);
    },
  );

  it('is valid for any size and the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
        const plan = generateGanttPlan({ tasks: n, seed });
        checkPlan(plan, n);
        expect(generateGanttPlan({ tasks: n, seed })).toEqual(plan);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => generateGanttPlan({ tasks: 0 })).toThrow(/tasks must be a positive integer, got 0/);
    expect(() => generateGanttPlan({ tasks: 2.5 })).toThrow(/positive integer/);
  });

  it('gives SVAR and DHTMLX the same rows, hierarchy, dates and links', () => {
    const plan = generateGanttPlan({ tasks: 500, seed: 3 });
    const svar = toSvar(plan);
    const dhtmlx = toDhtmlx(plan);
    expect(svar.tasks).toHaveLength(500);
    expect(dhtmlx.data).toHaveLength(500);
    plan.tasks.forEach((t, i) => {
      const s = svar.tasks[i]!;
      const d = dhtmlx.data[i]!;
      expect(String(s.id)).toBe(t.id);
      expect(String(d.id)).toBe(t.id);
      expect(s.parent).toBe(t.parentId === null ? 0 : Number(t.parentId));
      expect(d.parent).toBe(s.parent);
      expect(s.type).toBe(t.kind);
      expect(d.type).toBe({ task: 'task', summary: 'project', milestone: 'milestone' }[t.kind]);
      // the browser runs in UTC: a local Date of the same wall-clock time is the same instant
      expect(s.start.getFullYear() * 1e4 + s.start.getMonth() * 100 + s.start.getDate()).toBe(
        new Date(t.start).getUTCFullYear() * 1e4 +
          new Date(t.start).getUTCMonth() * 100 +
          new Date(t.start).getUTCDate(),
      );
      expect(d.end_date.getTime()).toBe(s.end.getTime());
      expect(d.progress).toBeCloseTo(t.progress / 100);
      if (t.kind === 'summary') {
        expect(s.open).toBe(true);
        expect(d.open).toBe(true);
      }
    });
    const svarTypes = { FS: 'e2s', SS: 's2s', FF: 'e2e', SF: 's2e' };
    const dhtmlxTypes = { FS: '0', SS: '1', FF: '2', SF: '3' };
    plan.links.forEach((l, i) => {
      expect(svar.links[i]).toMatchObject({
        source: Number(l.from),
        target: Number(l.to),
        type: svarTypes[l.type],
      });
      expect(dhtmlx.links[i]).toMatchObject({
        source: Number(l.from),
        target: Number(l.to),
        type: dhtmlxTypes[l.type],
      });
    });
  });
});

describe('the Gantt benchmark statistics', () => {
  it('summarises frame times', () => {
    const stats = frameStats([16.7, 16.6, 33.4, 16.7, 16.8, 50, 16.7, 16.7, 16.6, 16.7]);
    expect(stats.frames).toBe(10);
    expect(stats.median).toBe(16.7);
    expect(stats.p95).toBe(50);
    expect(stats.max).toBe(50);
    expect(stats.over16).toBeCloseTo(0.2);
  });

  it('takes children out of a trace event’s self time', () => {
    const meta = { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: 2, args: { name: 'CrRendererMain' } };
    const events = [
      meta,
      { name: 'FunctionCall', ph: 'X', ts: 0, dur: 10_000, pid: 1, tid: 2 },
      { name: 'Layout', ph: 'X', ts: 2_000, dur: 3_000, pid: 1, tid: 2 },
      { name: 'Layout', ph: 'X', ts: 20_000, dur: 1_000, pid: 1, tid: 2 },
      { name: 'Paint', ph: 'X', ts: 20_000, dur: 500, pid: 9, tid: 9 },
    ];
    expect(traceSelfTimes(events)).toEqual([
      { name: 'FunctionCall', ms: 7 },
      { name: 'Layout', ms: 4 },
    ]);
    // the first layout ran inside script (forced), the second on its own (the frame's)
    expect(forcedLayouts(events)).toEqual({ count: 1, ms: 3 });
  });

  it('adds up a CPU profile’s samples by function and file', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });
    const { functions, files } = cpuSelfTimes({
      nodes: [
        { id: 1, callFrame: frame('(root)', '') },
        { id: 2, callFrame: frame('render', 'http://127.0.0.1:1/assets/gantt.js') },
        { id: 3, callFrame: frame('(garbage collector)', '') },
      ],
      samples: [2, 2, 3, 2],
      timeDeltas: [1000, 1000, 2000, 1000],
    });
    expect(functions).toEqual([
      { name: 'render (assets/gantt.js:10)', ms: 3 },
      { name: '(garbage collector)', ms: 2 },
    ]);
    expect(files[0]).toEqual({ name: 'assets/gantt.js', ms: 3 });
  });
});
