// The fixture (testdata/jira-issues-export.csv) is hand-made in the layout of Jira Cloud's
// "Export → CSV (all fields)": Jira's headers, repeated Labels / Sprint / link columns, its
// dd/MMM/yy h:mm a dates, Original Estimate in seconds, both the Parent id and the Epic Link styles.
import { readFileSync } from 'node:fs';
import { scheduleProject, standardCalendar } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.ts';
import { readJiraCsv } from './read-jira-csv.ts';

const fixture = readFileSync(new URL('./testdata/jira-issues-export.csv', import.meta.url), 'utf8');

const fail = (text: string): FormatError => {
  try {
    readJiraCsv(text);
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
};

describe('Jira issue CSV', () => {
  const { project, items, sprints } = readJiraCsv(fixture);

  it('puts stories, bugs and tasks under their epic and sub-tasks under their parent', () => {
    expect(project.tasks.map((t) => [t.id, t.parentId ?? null])).toEqual([
      ['BANK-1', null],
      ['BANK-3', 'BANK-1'],
      ['BANK-4', 'BANK-1'],
      ['BANK-5', 'BANK-4'],
      ['BANK-6', 'BANK-1'],
      ['BANK-8', 'BANK-1'],
      ['BANK-2', null],
      ['BANK-7', 'BANK-2'],
      ['BANK-9', null],
    ]);
    expect(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.type]))).toEqual({
      'BANK-1': 'epic',
      'BANK-2': 'epic',
      'BANK-3': 'story',
      'BANK-4': 'story',
      'BANK-5': 'subtask',
      'BANK-6': 'story',
      'BANK-7': 'story',
      'BANK-8': 'task',
      'BANK-9': 'task',
    });
  });

  it('creates the sprints (those an issue left are closed) and puts each issue in its last one', () => {
    expect(sprints).toEqual([
      { name: 'BANK Sprint 1', status: 'closed' },
      { name: 'BANK Sprint 2', status: 'planned' },
    ]);
    expect(items['BANK-4']!.sprint).toBe('BANK Sprint 2');
    expect(items['BANK-3']!.sprint).toBe('BANK Sprint 1');
    expect(items['BANK-9']!.sprint).toBeUndefined();
  });

  it('turns Blocks links into finish-to-start dependencies, once each', () => {
    expect(project.links).toEqual([
      { predecessorId: 'BANK-3', successorId: 'BANK-4', type: 'FS' },
      { predecessorId: 'BANK-3', successorId: 'BANK-6', type: 'FS' },
    ]);
  });

  it('carries estimates, story points, status, priority, due dates, labels and assignees', () => {
    const byId = new Map(project.tasks.map((t) => [t.id, t]));
    expect(byId.get('BANK-3')).toMatchObject({
      duration: { minutes: 960, unit: 'day' },
      storyPoints: 5,
      progress: { percentComplete: 100 },
      priority: 700,
    });
    expect(byId.get('BANK-6')!.duration).toEqual({ minutes: 480, unit: 'day', estimated: true });
    expect(byId.get('BANK-4')!.deadline).toBe('2026-04-15T17:00:00');
    expect(byId.get('BANK-1')!.deadline).toBe('2026-04-30T17:00:00');
    expect(byId.get('BANK-1')!.notes).toBe('Pay from the app: cards, transfers, "instant" payments.');
    expect(byId.get('BANK-4')!.extra).toMatchObject({ 'jira.status': 'In Review', 'jira.id': '10004' });
    expect(items['BANK-4']).toMatchObject({ status: 'in_progress', labels: ['payments'] });
    expect(items['BANK-3']).toMatchObject({ status: 'done', labels: ['mobile', 'payments'] });
    expect(items['BANK-9']!.status).toBe('todo');
    expect(project.resources.map((r) => r.name)).toEqual(['Priya Natarajan', 'Lena Fischer', 'Tom Becker']);
    expect(project.assignments.find((a) => a.taskId === 'BANK-5')).toEqual({
      taskId: 'BANK-5',
      resourceId: 'Tom Becker',
      units: 1,
    });
  });

  it('schedules', () => {
    const schedule = scheduleProject({
      ...project,
      name: 'Jira',
      start: '2026-03-02T08:00:00',
      calendars: [standardCalendar()],
    });
    expect(schedule.tasks).toHaveLength(9);
  });

  it('reports unknown parents and link targets, bad dates and cycles with line and column', () => {
    const header = 'Summary,Issue key,Issue id,Issue Type,Parent,Due Date,Outward issue link (Blocks)';
    const error = fail([header, 'A,X-1,1,Story,99,31/Feb/26,X-7', 'B,X-2,2,Story,,,'].join('\n'));
    expect(error.issues.map((i) => [i.path, i.message.split(':')[0]])).toEqual([
      ['line 2, column Due Date', 'expected a date such as 12/Jan/26, 12/Jan/26 5'],
      ['line 2, column Parent', 'unknown parent "99"'],
      ['line 2, column Outward issue link (Blocks)', 'unknown link target "X-7"'],
    ]);
    const cycle = fail([header, 'A,X-1,1,Story,,,X-2', 'B,X-2,2,Story,,,X-1'].join('\n'));
    expect(cycle.issues[0]!.message).toContain('dependency cycle');
    expect(fail('Name,Key\nA,B\n').message).toContain('is this a Jira issue export');
  });
});
