import type { Project } from '@tandem/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readPsplib } from '../psplib/read-psplib.ts';
import { readPlanFile } from './read-plan-file.ts';
import { writePlanFile } from './write-plan-file.ts';

const day = [
  { from: 540, to: 750 },
  { from: 810, to: 1050 },
];

/** Every field of the model a plan file carries. */
const EVERYTHING: Project = {
  name: 'Everything',
  start: '2026-03-02T09:00:00',
  finish: '2026-12-18T17:30:00',
  scheduleFrom: 'start',
  statusDate: '2026-03-20T17:30:00',
  timeZone: 'Europe/London',
  calendarId: 'office',
  units: { minutesPerDay: 450, minutesPerWeek: 2250, daysPerMonth: 21 },
  criticalSlackLimitMinutes: 450,
  defaultStartMinute: 540,
  defaultFinishMinute: 1050,
  currencyCode: 'GBP',
  calendars: [
    {
      id: 'office',
      name: 'Office',
      week: [[], day, day, day, day, day, []],
      workWeeks: [
        { name: 'Summer', from: '2026-07-01', to: '2026-08-31', week: [[], day, day, day, day, [], []] },
      ],
      exceptions: [
        { from: '2026-04-03', to: '2026-04-03', periods: [] },
        { name: 'Easter Monday', from: '2026-04-06', to: '2026-04-06', periods: [] },
        { name: 'Shutdown', from: '2026-12-24', to: '2026-12-31', periods: [] },
        {
          name: 'Release Saturdays',
          from: '2026-05-02',
          to: '2026-05-02',
          periods: [{ from: 600, to: 840 }],
          recurrence: { type: 'monthly', weekOfMonth: 1, daysOfWeek: [6], occurrences: 3, period: 1 },
        },
        {
          name: 'Quarter close',
          from: '2026-03-31',
          to: '2026-12-31',
          periods: [],
          recurrence: { type: 'yearly', month: 3, dayOfMonth: 31 },
        },
        { from: '2026-06-01', to: '2026-06-01', periods: [] },
      ],
    },
    {
      id: 'bob-cal',
      name: 'Bob',
      baseCalendarId: 'office',
      resourceId: 'bob',
      week: [undefined, undefined, undefined, undefined, undefined, [], undefined],
      exceptions: [{ name: 'Leave', from: '2026-05-11', to: '2026-05-15', periods: [] }],
    },
  ],
  tasks: [
    {
      id: 'phase',
      name: 'Phase 1',
      wbs: '1',
      duration: { minutes: 0, unit: 'day' },
      notes: 'Line one\nline two',
    },
    {
      id: 'a',
      name: 'Analyse',
      parentId: 'phase',
      wbs: '1.1',
      duration: { minutes: 2250, unit: 'day' },
      progress: { percentComplete: 40, actualStart: '2026-03-02T09:00:00', remainingMinutes: 1350 },
      priority: 700,
      estimate: { optimistic: 1800, mostLikely: 2250, pessimistic: 3600, distribution: 'pert' },
      fixedCost: 1200,
      actualCost: 830.5,
      storyPoints: 8,
      extra: { jira: 'PAY-12' },
    },
    {
      id: 'b',
      name: 'Build',
      parentId: 'phase',
      duration: { minutes: 4500, unit: 'week', estimated: true },
      constraint: { type: 'FNLT', date: '2026-05-29T17:30:00' },
      deadline: '2026-05-22T12:00:00',
      calendarId: 'office',
      ignoreResourceCalendar: true,
    },
    {
      id: 'c',
      name: 'Cure',
      duration: { minutes: 4320, unit: 'day', elapsed: true },
      constraint: { type: 'ALAP' },
    },
    {
      id: 'd',
      name: 'Deploy by hand',
      duration: { minutes: 225, unit: 'hour' },
      manual: { start: '2026-06-01T09:00:00', finish: '2026-06-01T13:00:00' },
      inactive: false,
    },
    { id: 'm', name: 'Live', milestone: true, duration: { minutes: 0, unit: 'day' } },
    { id: 'm2', name: 'Signed', milestone: true, duration: { minutes: 450, unit: 'day' } },
    { id: 'z', name: 'z', duration: { minutes: 0, unit: 'day' } },
  ],
  links: [
    { predecessorId: 'a', successorId: 'b', type: 'SS', lag: { minutes: 900, unit: 'day' } },
    { predecessorId: 'phase', successorId: 'c', type: 'FS' },
    { predecessorId: 'b', successorId: 'c', type: 'FF', lag: { minutes: -450, unit: 'day' } },
    { predecessorId: 'c', successorId: 'd', type: 'SF', lag: { minutes: 0, percent: 50 } },
    { predecessorId: 'd', successorId: 'm', type: 'FS', lag: { minutes: 2880, unit: 'day', elapsed: true } },
  ],
  resources: [
    {
      id: 'alice',
      name: 'Alice',
      type: 'work',
      maxUnits: 1,
      standardRate: 85,
      overtimeRate: 120,
      email: 'a@x.io',
    },
    {
      id: 'bob',
      name: 'bob',
      type: 'work',
      maxUnits: 0.5,
      calendarId: 'bob-cal',
      group: 'Eng',
      initials: 'BJ',
    },
    { id: 'crane', name: 'Crane', type: 'material', costPerUse: 500 },
  ],
  assignments: [
    { taskId: 'a', resourceId: 'alice', units: 1 },
    { taskId: 'b', resourceId: 'bob', units: 0.5, workMinutes: 1125, actualWorkMinutes: 60 },
    { id: '7', taskId: 'd', resourceId: 'crane', units: 2 },
  ],
  baselines: [
    {
      name: '0',
      tasks: {
        a: {
          start: '2026-03-02T09:00:00',
          finish: '2026-03-06T17:30:00',
          durationMinutes: 2250,
          workMinutes: 2250,
          cost: 2000,
        },
        '1.2': { cost: 0 },
      },
    },
  ],
  risks: [
    {
      id: 'vendor-late',
      name: 'Vendor API late',
      probability: 0.3,
      taskIds: ['b', 'd'],
      delay: { optimistic: 450, mostLikely: 900, pessimistic: 2250 },
      cost: { optimistic: 1000, mostLikely: 2500, pessimistic: 8000, distribution: 'triangular' },
      category: 'technical',
      owner: 'bob',
    },
  ],
  correlations: [{ taskIds: ['a', 'b'], coefficient: 0.6 }],
};

describe('writePlanFile', () => {
  it.each(['yaml', 'json'] as const)('%s: reading what it wrote gives an equal Project', (format) => {
    const text = writePlanFile(EVERYTHING, format);
    expect(readPlanFile(text, format)).toEqual(EVERYTHING);
  });

  it('writes a readable YAML plan', () => {
    const text = writePlanFile(EVERYTHING, 'yaml');
    expect(text.startsWith('version: 1\nproject:\n  name: Everything\n  start: 2026-03-02\n')).toBe(true);
    expect(text).toContain('      mon: [09:00-12:30, 13:30-17:30]\n');
    expect(text).toContain('        after: [{task: a, type: SS, lag: 2d}]\n');
    expect(text).toContain('    after: [phase, {task: b, type: FF, lag: -1d}]\n');
    expect(text).toContain('      - {from: 2026-05-11, to: 2026-05-15, name: Leave}\n');
    expect(text).toContain('    duration: 3ed\n');
    expect(text).toContain('        duration: 2w?\n');
  });

  it('nests children under their parent and leaves out what the reader would supply', () => {
    const plan = parse(writePlanFile(EVERYTHING, 'yaml')) as { tasks: Record<string, unknown>[] };
    expect(plan.tasks.map((t) => t.id)).toEqual(['phase', 'c', 'd', 'm', 'm2', 'z']);
    expect(plan.tasks[0]).toMatchObject({ id: 'phase', children: [{ id: 'a' }, { id: 'b' }] });
    expect(plan.tasks[0]).not.toHaveProperty('duration');
    expect(plan.tasks[3]).toEqual({
      id: 'm',
      name: 'Live',
      milestone: true,
      after: [{ task: 'd', lag: '2ed' }],
    });
    expect(plan.tasks[5]).toEqual({ id: 'z', duration: 0 });
  });

  it('round-trips a PSPLIB instance (a 24-hour calendar, units of 1440 minutes a day)', () => {
    const text = `jobs (incl. supersource/sink ):  3
horizon                       :  4
PROJECT INFORMATION:
pronr.  #jobs rel.date duedate tardcost  MPM-Time
    1      1      0       4        1        4
PRECEDENCE RELATIONS:
jobnr.    #modes  #successors   successors
   1        1          1           2
   2        1          1           3
   3        1          0
REQUESTS/DURATIONS:
jobnr. mode duration  R 1
------------------------------------------------------------------------
  1      1     0       0
  2      1     4       3
  3      1     0       0
RESOURCEAVAILABILITIES:
  R 1
    5
`;
    const { project } = readPsplib(text, 'tiny');
    const written = writePlanFile(project, 'yaml');
    expect(written).toContain('  start: 2000-01-03T00:00\n');
    expect(written).toContain('  units: {hoursPerDay: 24, hoursPerWeek: 168, daysPerMonth: 30}\n');
    expect(readPlanFile(written, 'yaml')).toEqual(project);
  });
});
