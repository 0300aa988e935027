/**
 * Every reference file (../shared/data: MS Project's own saves from MPXJ's test data, and TaskJuggler's
 * export) reads, with the counts the data README gives and the values MS Project wrote.
 */
import { compileCalendar, dayOf, parseLocal } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { readMspdi } from './mspdi-reader.ts';
import { DATA_NOTE, HAS_DATA, readReference, referenceFiles } from './mspdi-test-support.ts';

const count = (xml: string, element: string) => xml.split(`<${element}>`).length - 1;

// Elements in the file (README's counts) and what the model keeps: the project summary task (UID 0),
// MS Project's blank resource (UID 0) and "unassigned" assignments (ResourceUID -65535) are not kept.
const EXPECTED: Record<
  string,
  [
    taskElements: number,
    tasks: number,
    links: number,
    calendars: number,
    resourceElements: number,
    resources: number,
    assignmentElements: number,
    assignments: number,
    baselines: number,
  ]
> = {
  'mspdi/calendar-recurring-exceptions-project2016-mspdi.xml': [1, 0, 0, 1, 1, 0, 0, 0, 0],
  'mspdi/mspdirelations.xml': [6, 5, 4, 1, 1, 0, 5, 0, 0],
  'mspdi/mspditimephased.xml': [41, 40, 0, 44, 42, 41, 40, 40, 0],
  'mspdi/sample.xml': [20, 19, 6, 4, 3, 2, 17, 2, 0],
  'mspdi/task-baselines-project2019-mspdi.xml': [111, 110, 0, 1, 1, 0, 110, 0, 11],
  'mspdi/task-durations-project2019-mspdi.xml': [111, 110, 0, 1, 1, 0, 110, 0, 0],
  'mspdi/task-links-project2007-mspdi.xml': [17, 16, 8, 1, 1, 0, 16, 0, 0],
  'mspdi/task-links-project2010-mspdi.xml': [17, 16, 8, 1, 1, 0, 16, 0, 0],
  'mspdi/task-links-project2013-mspdi.xml': [17, 16, 8, 1, 1, 0, 16, 0, 0],
  'mspdi/task-links-project2016-mspdi.xml': [17, 16, 8, 1, 1, 0, 16, 0, 0],
  'mspdi/task-links-project2019-mspdi.xml': [17, 16, 8, 1, 1, 0, 16, 0, 0],
  'taskjuggler/tutorial-mspdi.xml': [15, 15, 12, 7, 6, 6, 15, 15, 0],
};

describe.skipIf(!HAS_DATA)(`reference MSPDI files${DATA_NOTE}`, () => {
  it('covers every file in the data folder', () => {
    expect(referenceFiles()).toEqual(Object.keys(EXPECTED));
  });

  it.each(Object.entries(EXPECTED))('%s reads with the expected counts', (file, expected) => {
    const xml = readReference(file);
    const { project, computed } = readMspdi(xml);
    expect([
      count(xml, 'Task'),
      project.tasks.length,
      project.links.length,
      project.calendars.length,
      count(xml, 'Resource'),
      project.resources.length,
      count(xml, 'Assignment'),
      project.assignments.length,
      project.baselines.length,
    ]).toEqual(expected);
    // Every task with dates has MS Project's computed values; parents precede their children.
    const seen = new Set<string>();
    for (const task of project.tasks) {
      if (task.parentId !== undefined) expect(seen.has(task.parentId)).toBe(true);
      seen.add(task.id);
      expect(computed.get(task.id)?.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    }
  });

  it('sample.xml: summaries, a milestone, a negative lag, SNET constraints and resource calendars', () => {
    const { project, computed } = readMspdi(readReference('mspdi/sample.xml'));
    expect(project).toMatchObject({
      name: 'sample',
      start: '2003-01-07T08:00:00',
      scheduleFrom: 'start',
      calendarId: '1',
      units: { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 },
      criticalSlackLimitMinutes: 0,
      defaultStartMinute: 480,
      defaultFinishMinute: 1020,
    });
    const byId = new Map(project.tasks.map((t) => [t.id, t]));
    expect(byId.get('1')).toMatchObject({ name: 'First Task', wbs: '1', notes: 'Test Task Notes' });
    expect(byId.get('2')).toMatchObject({ parentId: '1', duration: { minutes: 48000, unit: 'day' } });
    expect(byId.get('3')).toMatchObject({ duration: { minutes: 0 } }); // a milestone: no flag needed
    expect(byId.get('7')?.constraint).toEqual({ type: 'SNET', date: '2003-02-01T08:00:00' });
    expect(project.links).toContainEqual({
      predecessorId: '13',
      successorId: '14',
      type: 'FS',
      lag: { minutes: -480, unit: 'day' },
    });
    expect(project.calendars.map((c) => [c.id, c.name, c.baseCalendarId, c.resourceId])).toEqual([
      ['1', 'Standard', undefined, undefined],
      ['2', 'Night Shift', undefined, undefined],
      ['3', 'First Resource', '1', '1'],
      ['4', 'Second Resource', '2', '2'],
    ]);
    // 23:00–00:00 on Monday: midnight ends the day.
    expect(project.calendars[1]?.week[1]).toEqual([{ from: 1380, to: 1440 }]);
    expect(project.resources[0]).toEqual({
      id: '1',
      name: 'First Resource',
      type: 'work',
      maxUnits: 1,
      calendarId: '3',
      standardRate: 10,
      overtimeRate: 20,
      costPerUse: 30,
      initials: 'FR',
    });
    expect(project.assignments).toEqual([
      { id: '0', taskId: '2', resourceId: '1', units: 0.5, workMinutes: 12000 },
      { id: '1', taskId: '2', resourceId: '2', units: 0.75, workMinutes: 18000 },
    ]);
    expect(computed.get('0')).toMatchObject({
      summary: true,
      start: '2003-01-07T08:00:00',
      finish: '2003-03-18T08:00:00',
    });
    expect(computed.get('3')).toEqual({
      summary: false,
      milestone: true,
      critical: false,
      start: '2003-01-07T08:00:00',
      finish: '2003-01-07T08:00:00',
      earlyStart: '2003-01-07T08:00:00',
      earlyFinish: '2003-01-07T08:00:00',
      lateStart: '2003-03-18T08:00:00',
      lateFinish: '2003-03-18T08:00:00',
      totalSlackMinutes: 24000,
      freeSlackMinutes: 24000,
      durationMinutes: 0,
    });
  });

  it('mspdirelations.xml: one link of each type and a 1-day SS lag', () => {
    const { project } = readMspdi(readReference('mspdi/mspdirelations.xml'));
    expect(project.links).toEqual([
      { predecessorId: '1', successorId: '2', type: 'FS' },
      { predecessorId: '2', successorId: '3', type: 'SS', lag: { minutes: 480, unit: 'day' } },
      { predecessorId: '3', successorId: '4', type: 'FF' },
      { predecessorId: '4', successorId: '5', type: 'SF' },
    ]);
  });

  it('task-links: the five MS Project versions give the same links, lags of 0, 1, 2 days and 1, 2 weeks', () => {
    const links = [2007, 2010, 2013, 2016, 2019].map(
      (version) => readMspdi(readReference(`mspdi/task-links-project${version}-mspdi.xml`)).project.links,
    );
    for (const other of links.slice(1)) expect(other).toEqual(links[0]);
    expect(links[0]?.map((l) => [l.type, l.lag?.minutes ?? 0, l.lag?.unit])).toEqual([
      ['FS', 0, undefined],
      ['FS', 480, 'day'],
      ['FS', 960, 'day'],
      ['FS', 2400, 'week'],
      ['FS', 4800, 'week'],
      ['SF', 960, 'day'],
      ['SS', 960, 'day'],
      ['FF', 960, 'day'],
    ]);
  });

  it('mspditimephased.xml: the malformed date sits in timephased data, so it is a warning naming it', () => {
    const { project, warnings } = readMspdi(readReference('mspdi/mspditimephased.xml'));
    expect(project.tasks).toHaveLength(40);
    expect(warnings).toEqual([
      'Project/Assignments/Assignment[UID=6]/TimephasedData[67]/Start: malformed date-time in timephased data ' +
        '(not imported): ignored (found "2008-12-04T17:-0:00")',
    ]);
  });

  it('task-baselines: eleven baselines, costs in currency units (MSPDI stores hundredths)', () => {
    const { project } = readMspdi(readReference('mspdi/task-baselines-project2019-mspdi.xml'));
    expect(project.baselines.map((b) => b.name)).toEqual([
      'Baseline',
      ...Array.from({ length: 10 }, (_, i) => `Baseline ${i + 1}`),
    ]);
    expect(project.baselines[0]?.tasks).toMatchObject({
      '1': { cost: 1 },
      '12': { durationMinutes: 5280 },
      '23': { finish: '2014-03-01T09:00:00' },
      '34': { start: '2014-04-01T09:00:00' },
      '45': { workMinutes: 3060 },
    });
    expect(project.tasks.find((t) => t.id === '13')?.name).toBe('Baseline1 Duration - Task');
    expect(project.baselines[1]?.tasks['13']).toEqual({ durationMinutes: 5760 });
  });

  it('task-durations: new tasks are "1 day?" (DurationFormat 53, Estimated), manually scheduled', () => {
    const { project } = readMspdi(readReference('mspdi/task-durations-project2019-mspdi.xml'));
    const task = project.tasks[0];
    expect(task?.duration).toEqual({ minutes: 480, unit: 'day', estimated: true });
    expect(task?.manual).toEqual({ start: '2018-10-18T08:00:00', finish: '2018-10-18T17:00:00' });
  });

  it("TaskJuggler's export: top-level tasks at outline level 0, manual tasks without Duration", () => {
    const { project, warnings } = readMspdi(readReference('taskjuggler/tutorial-mspdi.xml'));
    expect(project.tasks.filter((t) => t.parentId === undefined).map((t) => t.name)).toEqual([
      'Accounting Software',
    ]);
    expect(project.tasks.find((t) => t.id === '4')).toMatchObject({
      name: 'Database coupling',
      parentId: '3',
      manual: { start: '2002-01-24T15:00:00', finish: '2002-02-07T15:00:00' },
      constraint: { type: 'MSO', date: '2002-01-24T15:00:00' },
      progress: { percentComplete: 100 },
    });
    expect(project.units.daysPerMonth).toBeCloseTo(21.726, 3);
    expect(project.resources.find((r) => r.id === '3')).toMatchObject({
      email: 'paul@crappysoftware.com',
      group: 'Developers',
    });
    expect(warnings).toContain('Project/Tasks/Task[UID=4]: no Duration: read as 0');
  });
});

describe.skipIf(!HAS_DATA)(`recurring calendar exceptions (Project 2016)${DATA_NOTE}`, () => {
  const xml = HAS_DATA ? readReference('mspdi/calendar-recurring-exceptions-project2016-mspdi.xml') : '';

  it('reads the 27 exceptions with their recurrence', () => {
    const calendar = readMspdi(xml).project.calendars[0];
    const byName = new Map(calendar?.exceptions.map((e) => [e.name, e]));
    expect(calendar?.exceptions).toHaveLength(27);
    expect(byName.get('Daily 1')).toEqual({
      name: 'Daily 1',
      from: '2000-01-01',
      to: '2000-01-03',
      periods: [],
    });
    expect(byName.get('Daily 2')?.recurrence).toEqual({ type: 'daily', period: 3, occurrences: 4 });
    expect(byName.get('Weekly 2 Tuesday')?.recurrence).toEqual({
      type: 'weekly',
      period: 2,
      daysOfWeek: [2],
      occurrences: 4,
    });
    expect(byName.get('Monthly Relative 1')?.recurrence).toEqual({
      type: 'monthly',
      period: 2,
      daysOfWeek: [1],
      weekOfMonth: 1,
      occurrences: 3,
    });
    expect(byName.get('Monthly Absolute 2')?.recurrence).toEqual({
      type: 'monthly',
      period: 5,
      dayOfMonth: 4,
      occurrences: 6,
    });
    expect(byName.get('Yearly Relative 2')?.recurrence).toEqual({
      type: 'yearly',
      month: 4,
      daysOfWeek: [3],
      weekOfMonth: 2,
      occurrences: 5,
    });
    expect(byName.get('Yearly Absolute 3')?.recurrence).toEqual({
      type: 'yearly',
      month: 4,
      dayOfMonth: 3,
      occurrences: 5,
    });
    expect(byName.get('Recurring Working')?.periods).toEqual([
      { from: 540, to: 780 },
      { from: 840, to: 1020 },
    ]);
  });

  it('agrees, day by day, with the days MS Project expanded into the older DayType 0 form', () => {
    // The same file read without <Exceptions> falls back to the 138 DayType 0 days MS Project wrote.
    const legacyXml = xml.replace(/<Exceptions>[\s\S]*<\/Exceptions>/, '');
    const recurring = readMspdi(xml).project;
    const legacy = readMspdi(legacyXml).project;
    expect(legacy.calendars[0]?.exceptions).toHaveLength(138);
    const a = compileCalendar(recurring.calendars[0]!, recurring.calendars);
    const b = compileCalendar(legacy.calendars[0]!, legacy.calendars);
    for (let day = dayOf(parseLocal('1999-12-01')); day < dayOf(parseLocal('2011-01-01')); day++) {
      expect([day, a.periodsOf(day)]).toEqual([day, b.periodsOf(day)]);
    }
  });
});
