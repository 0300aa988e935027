/** read → write → read keeps the project; a project built in code survives write → read unchanged. */
import type { Project } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { readMspdi } from './mspdi-reader.ts';
import { DATA_NOTE, HAS_DATA, orderViolations, readReference, referenceFiles } from './mspdi-test-support.ts';
import { writeMspdi } from './mspdi-writer.ts';

describe.skipIf(!HAS_DATA)(`round trip of the reference files${DATA_NOTE}`, () => {
  it.each(referenceFiles())('%s: read → write → read gives the same project', (file) => {
    const first = readMspdi(readReference(file));
    const xml = writeMspdi(first.project);
    const second = readMspdi(xml);
    expect(second.project).toStrictEqual(first.project);
    expect(second.warnings).toEqual([]);
    expect(orderViolations(xml)).toEqual([]);
  });

  it("MS Project's own files follow the schema order, but for the elements it writes out of order", () => {
    const knownDeviations = {
      // Project 2016+: these come before Baseline/ExtendedAttribute, and Month before MonthItem.
      Task: ['IsPublished', 'StatusManager', 'CommitmentStart', 'CommitmentFinish', 'CommitmentType'],
      Exception: ['Month'],
    };
    for (const file of referenceFiles().filter((f) => f.startsWith('mspdi/'))) {
      expect([file, orderViolations(readReference(file), knownDeviations)]).toEqual([file, []]);
    }
  });
});

const week = (weekday: { from: number; to: number }[]) =>
  [[], weekday, weekday, weekday, weekday, weekday, []] as Project['calendars'][number]['week'];
const standard = [
  { from: 480, to: 720 },
  { from: 780, to: 1020 },
];

/** A project using every field the MSPDI writer maps, in the form the reader returns it. */
const FULL_PROJECT: Project = {
  name: 'Launch <v2> & "friends"',
  start: '2024-01-01T08:00:00',
  finish: '2024-06-28T17:00:00',
  scheduleFrom: 'finish',
  statusDate: '2024-02-01T17:00:00',
  calendarId: '1',
  units: { minutesPerDay: 450, minutesPerWeek: 2250, daysPerMonth: 21 },
  criticalSlackLimitMinutes: 900,
  defaultStartMinute: 510,
  defaultFinishMinute: 1050,
  currencyCode: 'EUR',
  calendars: [
    {
      id: '1',
      name: 'Standard',
      week: week(standard),
      workWeeks: [
        {
          name: 'Summer',
          from: '2024-07-01',
          to: '2024-08-31',
          week: [undefined, [{ from: 420, to: 900 }], undefined, undefined, undefined, [], undefined],
        },
        { from: '2024-12-23', to: '2024-12-31', week: [[], [], [], [], [], [], []] },
      ],
      exceptions: [
        { name: 'Christmas', from: '2024-12-25', to: '2024-12-26', periods: [] },
        { from: '2024-03-02', to: '2024-03-02', periods: [{ from: 600, to: 840 }] },
        {
          name: 'Every 3rd day',
          from: '2024-01-01',
          to: '2024-01-10',
          periods: [],
          recurrence: { type: 'daily', period: 3, occurrences: 4 },
        },
        {
          name: 'Mon+Wed, fortnightly',
          from: '2024-01-01',
          to: '2024-03-31',
          periods: [],
          recurrence: { type: 'weekly', period: 2, daysOfWeek: [1, 3] },
        },
        {
          name: '15th',
          from: '2024-01-01',
          to: '2024-12-31',
          periods: [],
          recurrence: { type: 'monthly', dayOfMonth: 15, occurrences: 12 },
        },
        {
          name: 'Last Friday, quarterly',
          from: '2024-01-01',
          to: '2024-12-31',
          periods: [{ from: 480, to: 720 }],
          recurrence: { type: 'monthly', period: 3, daysOfWeek: [5], weekOfMonth: 5 },
        },
        {
          name: 'May Day',
          from: '2024-05-01',
          to: '2034-05-01',
          periods: [],
          recurrence: { type: 'yearly', month: 5, dayOfMonth: 1, occurrences: 11 },
        },
        {
          name: 'Thanksgiving',
          from: '2024-01-01',
          to: '2030-12-31',
          periods: [],
          recurrence: { type: 'yearly', month: 11, daysOfWeek: [4], weekOfMonth: 4 },
        },
      ],
    },
    {
      id: '2',
      name: 'Ann',
      baseCalendarId: '1',
      week: [undefined, undefined, [], undefined, undefined, undefined, undefined],
      exceptions: [],
      resourceId: '1',
    },
    {
      id: '3',
      name: 'Night shift',
      week: week([
        { from: 0, to: 360 },
        { from: 1320, to: 1440 },
      ]),
      exceptions: [],
    },
  ],
  tasks: [
    { id: '1', name: 'Phase 1', wbs: 'P1', duration: { minutes: 4500, unit: 'day' }, priority: 500 },
    {
      id: '2',
      name: '  Design\tspec  ',
      parentId: '1',
      wbs: 'P1.1',
      duration: { minutes: 1350, unit: 'day', estimated: true },
      calendarId: '3',
      ignoreResourceCalendar: true,
      constraint: { type: 'SNET', date: '2024-01-03T08:00:00' },
      deadline: '2024-01-20T17:00:00',
      progress: { percentComplete: 40, actualStart: '2024-01-03T08:00:00', remainingMinutes: 810 },
      priority: 800,
      notes: 'Line 1\r\nLine <2> & "3"',
    },
    {
      id: '3',
      name: 'Review',
      parentId: '1',
      duration: { minutes: 0, unit: 'day' },
      constraint: { type: 'ALAP' },
    },
    {
      id: '4',
      name: 'Cure concrete',
      parentId: '1',
      duration: { minutes: 4320, unit: 'day', elapsed: true },
      constraint: { type: 'MFO', date: '2024-02-09T17:00:00' },
    },
    {
      id: '5',
      name: 'Workshop',
      duration: { minutes: 90, unit: 'minute' },
      manual: { start: '2024-02-12T09:00:00', finish: '2024-02-12T10:30:00' },
      inactive: true,
      progress: {
        percentComplete: 100,
        actualStart: '2024-02-12T09:00:00',
        actualFinish: '2024-02-12T10:30:00',
        remainingMinutes: 0,
      },
    },
    {
      id: '7',
      name: 'Wrap up',
      duration: { minutes: 2250, unit: 'week' },
      constraint: { type: 'FNLT', date: '2024-06-28T17:00:00' },
    },
    {
      id: '12',
      name: 'Sign-off',
      parentId: '7',
      milestone: true,
      duration: { minutes: 9450, unit: 'month' },
    },
  ],
  links: [
    { predecessorId: '2', successorId: '3', type: 'FS' },
    { predecessorId: '2', successorId: '4', type: 'SS', lag: { minutes: 225, unit: 'hour' } },
    { predecessorId: '3', successorId: '4', type: 'FF', lag: { minutes: -450, unit: 'day' } },
    { predecessorId: '4', successorId: '5', type: 'SF', lag: { minutes: 2880, unit: 'day', elapsed: true } },
    { predecessorId: '4', successorId: '12', type: 'FS', lag: { minutes: 0, percent: 50 } },
    { predecessorId: '5', successorId: '12', type: 'SS', lag: { minutes: 0, percent: -25, elapsed: true } },
  ],
  resources: [
    {
      id: '1',
      name: 'Ann',
      type: 'work',
      maxUnits: 0.5,
      calendarId: '2',
      standardRate: 80,
      overtimeRate: 120,
      costPerUse: 15.5,
      email: 'ann@example.com',
      group: 'Design',
      initials: 'A',
    },
    { id: '2', name: 'Concrete', type: 'material', standardRate: 95 },
    { id: '3', name: 'Travel', type: 'cost' },
  ],
  assignments: [
    { id: '1', taskId: '2', resourceId: '1', units: 0.5, workMinutes: 675, actualWorkMinutes: 270 },
    { id: '2', taskId: '4', resourceId: '2', units: 12 },
    { id: '3', taskId: '5', resourceId: '3', units: 1 },
  ],
  baselines: [
    {
      name: 'Baseline',
      tasks: {
        '2': {
          start: '2024-01-02T08:00:00',
          finish: '2024-01-04T17:00:00',
          durationMinutes: 1350,
          workMinutes: 675,
          cost: 900.25,
        },
      },
    },
    { name: 'Baseline 4', tasks: { '3': { finish: '2024-01-05T17:00:00' }, '5': { cost: 120 } } },
  ],
};

describe('round trip of a project built in code', () => {
  it('write → read gives back every field the writer maps', () => {
    const read = readMspdi(writeMspdi(FULL_PROJECT));
    expect(read.warnings).toEqual([]);
    expect(read.project).toStrictEqual(FULL_PROJECT);
  });

  it('and it writes elements in schema order', () => {
    expect(orderViolations(writeMspdi(FULL_PROJECT))).toEqual([]);
  });
});
