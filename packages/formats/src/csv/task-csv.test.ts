import { readFileSync } from 'node:fs';
import { type Project, scheduleProject } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.ts';
import { readPlanFile } from '../plan/read-plan-file.ts';
import { readTaskCsv } from './read-task-csv.ts';
import { writeTaskCsv } from './write-task-csv.ts';

const demo = readPlanFile(
  readFileSync(new URL('../../../cli/demo/online-banking.yaml', import.meta.url), 'utf8'),
  'yaml',
);

/** What a task CSV carries of a plan: tasks' CSV fields, links, and assignments by resource name. */
function csvView(p: Project) {
  const names = new Map(p.resources.map((r) => [r.id, r.name]));
  return {
    tasks: p.tasks.map((t) => ({
      id: t.id,
      name: t.name,
      parentId: t.parentId,
      wbs: t.wbs,
      milestone: t.milestone === true && t.duration.minutes > 0 ? true : undefined,
      duration: t.duration,
      constraint: t.constraint?.type === 'ASAP' ? undefined : t.constraint,
      deadline: t.deadline,
      percent: t.progress?.percentComplete || undefined,
      storyPoints: t.storyPoints,
      notes: t.notes,
    })),
    links: p.links,
    assignments: p.assignments.map((a) => ({
      taskId: a.taskId,
      resource: names.get(a.resourceId),
      units: a.units,
    })),
  };
}

const fail = (text: string): FormatError => {
  try {
    readTaskCsv(text);
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
};

describe('task CSV', () => {
  it('round-trips the demo plan: tasks, outline, durations, constraints, deadlines, links and assignments', () => {
    const schedule = scheduleProject(demo);
    const items = { [demo.tasks[0]!.id]: { status: 'in_progress', sprint: 'Sprint 1', labels: ['a', 'b'] } };
    const csv = writeTaskCsv(demo, { schedule, items });
    expect(csv.split('\r\n')[0]).toBe(
      'ID,Outline Level,WBS,Name,Kind,Duration,Start,Finish,Constraint Type,Constraint Date,Deadline,Predecessors,Resource Names,% Complete,Status,Story Points,Sprint,Labels,Notes',
    );
    const back = readTaskCsv(csv, {
      units: demo.units,
      defaultStartMinute: demo.defaultStartMinute!,
      defaultFinishMinute: demo.defaultFinishMinute!,
    });
    expect(demo.tasks.length).toBeGreaterThan(40);
    expect(demo.links.length).toBeGreaterThan(40);
    expect(csvView(back.project)).toEqual(csvView(demo));
    expect(back.items[demo.tasks[0]!.id]).toMatchObject({
      status: 'in_progress',
      sprint: 'Sprint 1',
      labels: ['a', 'b'],
    });
    expect(back.sprints).toEqual([{ name: 'Sprint 1', status: 'planned' }]);
    // And again: the written CSV is stable.
    const settings = {
      defaultStartMinute: demo.defaultStartMinute!,
      defaultFinishMinute: demo.defaultFinishMinute!,
    };
    expect(writeTaskCsv({ ...back.project, ...settings }, { schedule, items: back.items })).toBe(csv);
  });

  it('reads MS Project notation: Outline Level, predecessors with types and lags, resource units, unit words', () => {
    const { project } = readTaskCsv(
      [
        'Unique ID,Task Name,outline level,Duration,Predecessors,Resource Names,% Complete,Milestone',
        '1,Phase,1,,,,,No',
        '2,Design,2,5 days,,Ana[50%],20%,No',
        '3,Build,2,2 wks,"2FS+2 days,2SS",Ana;Bo,,',
        '4,Test,2,3 edays,3FF-1d;2SF+50%,,,',
        '5,Done,1,0,4,,,Yes',
      ].join('\n'),
    );
    expect(project.tasks.map((t) => [t.id, t.parentId])).toEqual([
      ['1', undefined],
      ['2', '1'],
      ['3', '1'],
      ['4', '1'],
      ['5', undefined],
    ]);
    expect(project.tasks[2]!.duration).toEqual({ minutes: 4800, unit: 'week' });
    expect(project.tasks[3]!.duration).toEqual({ minutes: 4320, unit: 'day', elapsed: true });
    expect(project.tasks[1]!.progress).toEqual({ percentComplete: 20 });
    expect(project.links).toEqual([
      { predecessorId: '2', successorId: '3', type: 'FS', lag: { minutes: 960, unit: 'day' } },
      { predecessorId: '2', successorId: '3', type: 'SS' },
      { predecessorId: '3', successorId: '4', type: 'FF', lag: { minutes: -480, unit: 'day' } },
      { predecessorId: '2', successorId: '4', type: 'SF', lag: { minutes: 0, percent: 50 } },
      { predecessorId: '4', successorId: '5', type: 'FS' },
    ]);
    expect(project.assignments).toEqual([
      { taskId: '2', resourceId: 'Ana', units: 0.5 },
      { taskId: '3', resourceId: 'Ana', units: 1 },
      { taskId: '3', resourceId: 'Bo', units: 1 },
    ]);
  });

  it('reports every bad cell with its line and column, and nothing else is returned', () => {
    const error = fail(
      [
        'ID,Name,Duration,Deadline,Predecessors,Constraint Type,Constraint Date',
        '1,Design,5x,2026-02-30,,,',
        '2,Build,3d,,9,SNET,',
        '3,,1d,,1;2,MSO,yesterday',
      ].join('\r\n'),
    );
    expect(error.issues.map((i) => i.path)).toEqual([
      'line 2, column Duration',
      'line 2, column Deadline',
      'line 3, column Constraint Date',
      'line 4, column Name',
      'line 4, column Constraint Date',
      'line 3, column Predecessors',
    ]);
    expect(error.issues[5]!.message).toContain('unknown task ID "9"');
  });

  it('refuses a dependency cycle, naming the line and the tasks in it', () => {
    const error = fail('ID,Name,Duration,Predecessors\n1,A,1d,3\n2,B,1d,1\n3,C,1d,2\n');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toMatch(/^line \d, column Predecessors$/);
    expect(error.issues[0]!.message).toBe('dependency cycle: 1 (A) → 2 (B) → 3 (C) → 1 (A)');
  });

  it('refuses a truncated file (an unclosed quote) with its line', () => {
    const error = fail('ID,Name,Duration\n1,Design,5d\n2,"Build the th');
    expect(error.issues[0]).toMatchObject({ path: 'line 3' });
    expect(error.message).toContain('never closed');
  });

  it('refuses a file without a Name column, a skipped outline level and a parent cycle', () => {
    expect(fail('ID,Duration\n1,5d\n').message).toContain('no Name column');
    expect(fail('ID,Name,Outline Level\n1,A,1\n2,B,3\n').issues[0]).toMatchObject({
      path: 'line 3, column Outline Level',
    });
    const cycle = fail('ID,Name,Parent\n1,A,2\n2,B,1\n');
    expect(cycle.issues.map((i) => i.path)).toEqual(['line 2, column Parent', 'line 3, column Parent']);
  });
});
