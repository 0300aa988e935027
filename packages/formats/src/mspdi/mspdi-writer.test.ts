import { parseLocal, standardCalendar } from '@tandem/core';
import type { Project, Schedule } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { readMspdi } from './mspdi-reader.ts';
import { PROJECT_ORDER, TASK_ORDER } from './mspdi-schema-order.ts';
import { childNames, orderViolations } from './mspdi-test-support.ts';
import type { ScheduleLike } from './mspdi-types.ts';
import { writeMspdi } from './mspdi-writer.ts';

function project(overrides: Partial<Project> = {}): Project {
  return {
    name: 'Demo',
    start: '2024-01-01T08:00:00',
    calendarId: 'std',
    units: { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 },
    calendars: [standardCalendar('std')],
    tasks: [
      { id: 'design', name: 'Design', duration: { minutes: 960, unit: 'day' } },
      { id: 'build', name: 'Build', duration: { minutes: 480, unit: 'day' } },
    ],
    links: [{ predecessorId: 'design', successorId: 'build', type: 'FS' }],
    resources: [],
    assignments: [],
    baselines: [],
    ...overrides,
  };
}

const at = (t: string) => parseLocal(t);

describe('writeMspdi', () => {
  it('numbers ids that are not integers and keeps every reference consistent', () => {
    const xml = writeMspdi(
      project({
        resources: [{ id: 'ann', name: 'Ann', type: 'work', calendarId: 'std' }],
        assignments: [{ taskId: 'build', resourceId: 'ann', units: 1 }],
        tasks: [
          { id: 'design', name: 'Design', duration: { minutes: 960, unit: 'day' }, calendarId: 'std' },
          { id: 'build', name: 'Build', duration: { minutes: 480, unit: 'day' } },
        ],
      }),
    );
    const { project: read } = readMspdi(xml);
    expect(read.calendarId).toBe('1');
    expect(read.calendars.map((c) => c.id)).toEqual(['1']);
    expect(read.tasks.map((t) => [t.id, t.name, t.calendarId])).toEqual([
      ['1', 'Design', '1'],
      ['2', 'Build', undefined],
    ]);
    expect(read.links).toEqual([{ predecessorId: '1', successorId: '2', type: 'FS' }]);
    expect(read.resources).toEqual([{ id: '1', name: 'Ann', type: 'work', calendarId: '1' }]);
    expect(read.assignments).toEqual([{ id: '1', taskId: '2', resourceId: '1', units: 1 }]);
  });

  it('writes the project summary task (UID 0) and, without a schedule, lets MS Project compute dates', () => {
    const xml = writeMspdi(project());
    const { computed } = readMspdi(xml);
    expect(xml).toContain('<UID>0</UID>');
    expect(childNames(xml, 'Task')[0]).toEqual([
      'UID',
      'ID',
      'Name',
      'Active',
      'Manual',
      'Type',
      'IsNull',
      'OutlineNumber',
      'OutlineLevel',
      'Start',
      'Summary',
      'CalendarUID',
    ]);
    // Tasks start at the project start; no finish, no early/late dates, no slack.
    expect(computed.size).toBe(0);
    expect(xml.match(/<Start>2024-01-01T08:00:00<\/Start>/g)).toHaveLength(3);
  });

  it("writes a schedule's dates, slack (tenths of a minute) and critical flags", () => {
    const schedule: ScheduleLike = {
      projectStart: at('2024-01-01T08:00'),
      projectFinish: at('2024-01-03T17:00'),
      tasks: [
        {
          id: 'design',
          start: at('2024-01-01T08:00'),
          finish: at('2024-01-02T17:00'),
          earlyStart: at('2024-01-01T08:00'),
          earlyFinish: at('2024-01-02T17:00'),
          lateStart: at('2024-01-01T08:00'),
          lateFinish: at('2024-01-02T17:00'),
          totalFloat: 0,
          freeFloat: 0,
          critical: true,
        },
        {
          id: 'build',
          start: at('2024-01-03T08:00'),
          finish: at('2024-01-03T17:00'),
          earlyStart: at('2024-01-03T08:00'),
          earlyFinish: at('2024-01-03T17:00'),
          lateStart: at('2024-01-04T08:00'),
          lateFinish: at('2024-01-04T17:00'),
          totalFloat: 480,
          freeFloat: 240,
          critical: false,
        },
      ],
    };
    const xml = writeMspdi(
      project({
        resources: [{ id: 'ann', name: 'Ann', type: 'work' }],
        assignments: [{ taskId: 'build', resourceId: 'ann', units: 1, workMinutes: 480 }],
      }),
      schedule,
    );
    expect(xml).toContain('<TotalSlack>4800</TotalSlack>');
    expect(xml).toContain('<FreeSlack>2400</FreeSlack>');
    const { computed } = readMspdi(xml);
    expect(computed.get('0')).toMatchObject({ start: '2024-01-01T08:00:00', finish: '2024-01-03T17:00:00' });
    expect(computed.get('2')).toEqual({
      summary: false,
      milestone: false,
      critical: false,
      start: '2024-01-03T08:00:00',
      finish: '2024-01-03T17:00:00',
      earlyStart: '2024-01-03T08:00:00',
      earlyFinish: '2024-01-03T17:00:00',
      lateStart: '2024-01-04T08:00:00',
      lateFinish: '2024-01-04T17:00:00',
      totalSlackMinutes: 480,
      freeSlackMinutes: 240,
      durationMinutes: 480,
    });
    expect(childNames(xml, 'Assignment')[0]).toEqual([
      'UID',
      'TaskUID',
      'ResourceUID',
      'Finish',
      'Start',
      'Units',
      'Work',
    ]);
  });

  it("accepts core's Schedule as a ScheduleLike", () => {
    const asScheduleLike = (schedule: Schedule): ScheduleLike => schedule;
    expect(asScheduleLike).toBeTypeOf('function');
  });

  it('writes Project and Task children in the schema order', () => {
    const xml = writeMspdi(
      project({
        statusDate: '2024-01-15T17:00:00',
        currencyCode: 'USD',
        criticalSlackLimitMinutes: 0,
        defaultStartMinute: 480,
        tasks: [
          {
            id: '1',
            name: 'Everything',
            wbs: 'A',
            duration: { minutes: 480, unit: 'day' },
            calendarId: 'std',
            constraint: { type: 'SNET', date: '2024-01-02T08:00:00' },
            deadline: '2024-01-10T17:00:00',
            manual: { start: '2024-01-02T08:00:00', finish: '2024-01-02T17:00:00' },
            progress: { percentComplete: 10, actualStart: '2024-01-02T08:00:00', remainingMinutes: 432 },
            priority: 600,
            notes: 'n',
          },
          { id: '2', name: 'Next', duration: { minutes: 480, unit: 'day' } },
        ],
        links: [{ predecessorId: '1', successorId: '2', type: 'FS', lag: { minutes: 480, unit: 'day' } }],
        baselines: [{ name: 'Baseline', tasks: { '1': { start: '2024-01-02T08:00:00', cost: 5 } } }],
      }),
    );
    expect(orderViolations(xml)).toEqual([]);
    const projectChildren = childNames(xml, 'Project')[0] ?? [];
    expect(projectChildren).toEqual(PROJECT_ORDER.filter((name) => projectChildren.includes(name)));
    expect(projectChildren.slice(-4)).toEqual(['Calendars', 'Tasks', 'Resources', 'Assignments']);
    expect(childNames(xml, 'Task')[1]).toEqual([
      'UID',
      'ID',
      'Name',
      'Active',
      'Manual',
      'Type',
      'IsNull',
      'WBS',
      'OutlineNumber',
      'OutlineLevel',
      'Priority',
      'Start',
      'Finish',
      'Duration',
      'ManualStart',
      'ManualFinish',
      'ManualDuration',
      'DurationFormat',
      'Estimated',
      'Milestone',
      'Summary',
      'PercentComplete',
      'ActualStart',
      'RemainingDuration',
      'ConstraintType',
      'CalendarUID',
      'ConstraintDate',
      'Deadline',
      'IgnoreResourceCalendar',
      'Notes',
      'Baseline',
    ]);
    expect(childNames(xml, 'Task')[2]?.filter((n) => !TASK_ORDER.includes(n as never))).toEqual([]);
    expect(childNames(xml, 'PredecessorLink')).toEqual([
      ['PredecessorUID', 'Type', 'CrossProject', 'LinkLag', 'LagFormat'],
    ]);
  });

  it('numbers baselines: "Baseline" and "Baseline N" keep theirs, others take the free ones', () => {
    const tasks = (id: string) => ({ [id]: { cost: Number(id) } });
    const xml = writeMspdi(
      project({
        tasks: [1, 2, 3, 4].map((i) => ({
          id: String(i),
          name: `T${i}`,
          duration: { minutes: 0, unit: 'day' as const },
        })),
        links: [],
        baselines: [
          { name: 'Baseline 2', tasks: tasks('1') },
          { name: 'Plan A', tasks: tasks('2') },
          { name: 'Baseline', tasks: tasks('3') },
          { name: 'Plan B', tasks: tasks('4') },
        ],
      }),
    );
    expect(readMspdi(xml).project.baselines).toEqual([
      { name: 'Baseline', tasks: tasks('3') },
      { name: 'Baseline 1', tasks: tasks('2') },
      { name: 'Baseline 2', tasks: tasks('1') },
      { name: 'Baseline 3', tasks: tasks('4') },
    ]);
  });

  it('writes recurring exceptions in the Project 2007+ form', () => {
    const calendar = {
      ...standardCalendar('std'),
      exceptions: [
        {
          name: 'Board meeting',
          from: '2024-01-01',
          to: '2024-12-31',
          periods: [{ from: 480, to: 720 }],
          recurrence: { type: 'monthly' as const, daysOfWeek: [5], weekOfMonth: 5 },
        },
      ],
    };
    const xml = writeMspdi(project({ calendars: [calendar] }));
    const exception = /<Exception>[\s\S]*<\/Exception>/.exec(xml)?.[0].replace(/\s+/g, '');
    expect(exception).toBe(
      '<Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>2024-01-01T00:00:00</FromDate>' +
        '<ToDate>2024-12-31T23:59:00</ToDate></TimePeriod><Name>Boardmeeting</Name><Type>5</Type><Period>1</Period>' +
        '<MonthItem>8</MonthItem><MonthPosition>4</MonthPosition><DayWorking>1</DayWorking><WorkingTimes><WorkingTime>' +
        '<FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime></WorkingTimes></Exception>',
    );
  });

  it('writes a cost resource as Project 2007 does: material with IsCostResource', () => {
    const xml = writeMspdi(project({ resources: [{ id: '1', name: 'Travel', type: 'cost' }] }));
    expect(/<Resource>[\s\S]*<\/Resource>/.exec(xml)?.[0].replace(/\s+/g, '')).toBe(
      '<Resource><UID>1</UID><ID>1</ID><Name>Travel</Name><Type>0</Type><IsNull>0</IsNull><IsCostResource>1</IsCostResource></Resource>',
    );
  });
});
