import { describe, expect, it } from 'vitest';
import { readMspdi } from './mspdi-reader.ts';
import { fields, mspdi, task } from './mspdi-test-support.ts';

describe('readMspdi: project properties', () => {
  it('reads the header', () => {
    const { project } = readMspdi(
      mspdi({
        header: {
          Name: 'plan.xml',
          Title: 'Launch',
          ScheduleFromStart: 0,
          FinishDate: '2024-06-28T17:00:00',
          StatusDate: '2024-02-01T17:00:00',
          CriticalSlackLimit: 2,
          CurrencyCode: 'EUR',
          DefaultStartTime: '09:00:00',
          DefaultFinishTime: '18:00:00',
          MinutesPerDay: 420,
          MinutesPerWeek: 2100,
          DaysPerMonth: 21,
        },
      }),
    );
    expect(project).toEqual({
      name: 'Launch',
      start: '2024-01-01T08:00:00',
      finish: '2024-06-28T17:00:00',
      scheduleFrom: 'finish',
      statusDate: '2024-02-01T17:00:00',
      calendarId: '1',
      units: { minutesPerDay: 420, minutesPerWeek: 2100, daysPerMonth: 21 },
      criticalSlackLimitMinutes: 840,
      defaultStartMinute: 540,
      defaultFinishMinute: 1080,
      currencyCode: 'EUR',
      calendars: [
        expect.objectContaining({
          id: '1',
          name: 'Standard',
          week: expect.any(Array) as unknown,
          exceptions: [],
        }),
      ],
      tasks: [],
      links: [],
      resources: [],
      assignments: [],
      baselines: [],
    });
  });

  it('falls back to Name for the project name and to MS Project defaults for units', () => {
    const { project } = readMspdi(mspdi({ header: { Name: 'plan' } }));
    expect(project.name).toBe('plan');
    expect(project.units).toEqual({ minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 });
    expect(project.scheduleFrom).toBe('start');
  });

  it('adds a Standard calendar, with a warning, when the file has none', () => {
    const xml = mspdi().replace(/<Calendars>.*<\/Calendars>/, '');
    const { project, warnings } = readMspdi(xml);
    expect(project.calendarId).toBe('1');
    expect(project.calendars[0]?.week[1]).toEqual([
      { from: 480, to: 720 },
      { from: 780, to: 1020 },
    ]);
    expect(warnings).toContain(
      "Project/Calendars: no calendars: the project uses MS Project's Standard calendar",
    );
  });
});

describe('readMspdi: tasks', () => {
  it('builds the outline from OutlineLevel; the project summary (UID 0) is not a task', () => {
    const levels = [
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 2],
      [4, 3],
      [5, 1],
      [6, 2],
    ];
    const { project, computed } = readMspdi(
      mspdi({
        tasks: levels.map(([uid, level]) =>
          task({
            UID: uid!,
            Name: `T${uid}`,
            OutlineLevel: level!,
            Start: '2024-01-01T08:00:00',
            Finish: '2024-01-01T17:00:00',
          }),
        ),
      }),
    );
    expect(project.tasks.map((t) => [t.id, t.parentId])).toEqual([
      ['1', undefined],
      ['2', '1'],
      ['3', '1'],
      ['4', '3'],
      ['5', undefined],
      ['6', '5'],
    ]);
    expect(computed.get('0')).toMatchObject({ start: '2024-01-01T08:00:00', finish: '2024-01-01T17:00:00' });
  });

  it.each([
    ['PT8H0M0S', 7, { minutes: 480, unit: 'day' }],
    ['PT16H0M0S', 5, { minutes: 960, unit: 'hour' }],
    ['PT48H0M0S', 8, { minutes: 2880, unit: 'day', elapsed: true }],
    ['PT40H0M0S', 41, { minutes: 2400, unit: 'week', estimated: true }],
    ['PT0H45M0S', 3, { minutes: 45, unit: 'minute' }],
    ['PT160H0M0S', 11, { minutes: 9600, unit: 'month' }],
    ['PT8H0M0S', 21, { minutes: 480, unit: 'day' }],
  ])('Duration %s with DurationFormat %i', (duration, format, expected) => {
    const xml = mspdi({ tasks: [task({ UID: 1, Name: 'A', Duration: duration, DurationFormat: format })] });
    expect(readMspdi(xml).project.tasks[0]?.duration).toEqual(expected);
  });

  it('reads the Estimated flag even when the format has no "?"', () => {
    const xml = mspdi({ tasks: [task({ UID: 1, Duration: 'PT8H0M0S', DurationFormat: 7, Estimated: 1 })] });
    expect(readMspdi(xml).project.tasks[0]?.duration).toEqual({ minutes: 480, unit: 'day', estimated: true });
  });

  it.each([
    [0, undefined],
    [1, { type: 'ALAP' }],
    [2, { type: 'MSO', date: '2024-02-01T08:00:00' }],
    [3, { type: 'MFO', date: '2024-02-01T08:00:00' }],
    [4, { type: 'SNET', date: '2024-02-01T08:00:00' }],
    [5, { type: 'SNLT', date: '2024-02-01T08:00:00' }],
    [6, { type: 'FNET', date: '2024-02-01T08:00:00' }],
    [7, { type: 'FNLT', date: '2024-02-01T08:00:00' }],
  ])('ConstraintType %i', (code, expected) => {
    const xml = mspdi({
      tasks: [task({ UID: 1, ConstraintType: code, ConstraintDate: '2024-02-01T08:00:00' })],
    });
    expect(readMspdi(xml).project.tasks[0]?.constraint).toEqual(expected);
  });

  it('uses the Start, with a warning, for a date constraint without ConstraintDate', () => {
    const xml = mspdi({ tasks: [task({ UID: 1, Start: '2024-01-03T08:00:00', ConstraintType: 4 })] });
    const { project, warnings } = readMspdi(xml);
    expect(project.tasks[0]?.constraint).toEqual({ type: 'SNET', date: '2024-01-03T08:00:00' });
    expect(warnings).toEqual([
      'Project/Tasks/Task[UID=1]/ConstraintDate: missing for constraint SNET: the task\'s Start is used (found "2024-01-03T08:00:00")',
    ]);
  });

  it('reads every planning field', () => {
    const xml = mspdi({
      body: '<Calendars><Calendar><UID>1</UID></Calendar><Calendar><UID>2</UID><Name>Night</Name></Calendar></Calendars>',
      tasks: [
        task({
          UID: 7,
          Name: ' Design &amp; build ',
          WBS: 'A.1',
          Priority: 700,
          Active: 0,
          Manual: 1,
          Start: '2024-01-02T08:00:00',
          Finish: '2024-01-04T17:00:00',
          ManualStart: '2024-01-02T09:00:00',
          Duration: 'PT24H0M0S',
          DurationFormat: 7,
          Milestone: 1,
          PercentComplete: 50,
          ActualStart: '2024-01-02T08:00',
          RemainingDuration: 'PT12H0M0S',
          CalendarUID: 2,
          Deadline: '2024-01-10T17:00:00',
          IgnoreResourceCalendar: 1,
          Notes: '<![CDATA[Line 1\nLine <2>]]>',
        }),
      ],
    }).replace(/<Calendars><Calendar><UID>1<\/UID><Name>Standard.*?<\/Calendars>/, '');
    expect(readMspdi(xml).project.tasks[0]).toEqual({
      id: '7',
      name: ' Design & build ',
      wbs: 'A.1',
      milestone: true,
      duration: { minutes: 1440, unit: 'day' },
      calendarId: '2',
      ignoreResourceCalendar: true,
      deadline: '2024-01-10T17:00:00',
      manual: { start: '2024-01-02T09:00:00', finish: '2024-01-04T17:00:00' },
      progress: { percentComplete: 50, actualStart: '2024-01-02T08:00:00', remainingMinutes: 720 },
      priority: 700,
      inactive: true,
      notes: 'Line 1\nLine <2>',
    });
  });

  it('keeps the Milestone flag only for milestones with a duration: zero-duration tasks are milestones anyway', () => {
    const xml = mspdi({
      tasks: [
        task({ UID: 1, Duration: 'PT0H0M0S', Milestone: 1 }),
        task({ UID: 2, Duration: 'PT8H0M0S', Milestone: 1 }),
      ],
    });
    expect(readMspdi(xml).project.tasks.map((t) => t.milestone)).toEqual([undefined, true]);
  });

  it('skips blank rows (IsNull) with a warning', () => {
    const xml = mspdi({ tasks: [task({ UID: 1, IsNull: 1 }), task({ UID: 2, Name: 'B' })] });
    const { project, warnings } = readMspdi(xml);
    expect(project.tasks.map((t) => t.id)).toEqual(['2']);
    expect(warnings).toEqual(['Project/Tasks/Task[UID=1]/IsNull: blank task row skipped (found "1")']);
  });

  it("keeps MS Project's computed values, slack converted from tenths of a minute", () => {
    const xml = mspdi({
      tasks: [
        task({
          UID: 1,
          Start: '2024-01-01T08:00:00',
          Finish: '2024-01-01T17:00:00',
          Duration: 'PT8H0M0S',
          Critical: 1,
          EarlyStart: '2024-01-01T08:00:00',
          EarlyFinish: '2024-01-01T17:00:00',
          LateStart: '2024-01-02T08:00:00',
          LateFinish: '2024-01-03T08:00:00',
          TotalSlack: 4800,
          FreeSlack: 2400,
        }),
      ],
    });
    expect(readMspdi(xml).computed.get('1')).toEqual({
      summary: false,
      milestone: false,
      critical: true,
      start: '2024-01-01T08:00:00',
      finish: '2024-01-01T17:00:00',
      earlyStart: '2024-01-01T08:00:00',
      earlyFinish: '2024-01-01T17:00:00',
      lateStart: '2024-01-02T08:00:00',
      lateFinish: '2024-01-03T08:00:00',
      totalSlackMinutes: 480,
      freeSlackMinutes: 240,
      durationMinutes: 480,
    });
  });

  it('reads task baselines by number', () => {
    const baseline = (n: number, values: Record<string, string | number>) =>
      `<Baseline>${fields({ Number: n, ...values })}</Baseline>`;
    const xml = mspdi({
      tasks: [
        task(
          { UID: 1 },
          baseline(0, {
            Start: '2024-01-01T08:00:00',
            Finish: '2024-01-02T17:00:00',
            Duration: 'PT16H0M0S',
          }) +
            baseline(3, { Work: 'PT8H0M0S', Cost: 12550 }) +
            baseline(11, { Cost: 1 }),
        ),
      ],
    });
    const { project, warnings } = readMspdi(xml);
    expect(project.baselines).toEqual([
      {
        name: 'Baseline',
        tasks: { '1': { start: '2024-01-01T08:00:00', finish: '2024-01-02T17:00:00', durationMinutes: 960 } },
      },
      { name: 'Baseline 3', tasks: { '1': { workMinutes: 480, cost: 125.5 } } },
    ]);
    expect(warnings).toEqual([
      'Project/Tasks/Task[UID=1]/Baseline[3]/Number: baselines are numbered 0..10: ignored (found "11")',
    ]);
  });
});

describe('readMspdi: links', () => {
  const link = (values: Record<string, string | number>) =>
    `<PredecessorLink>${fields(values)}</PredecessorLink>`;
  const read = (...links: string[]) =>
    readMspdi(mspdi({ tasks: [task({ UID: 0 }), task({ UID: 1 }), task({ UID: 2 }, links.join(''))] }));

  it.each([
    [0, 'FF'],
    [1, 'FS'],
    [2, 'SF'],
    [3, 'SS'],
  ])('Type %i is %s', (code, type) => {
    expect(read(link({ PredecessorUID: 1, Type: code })).project.links).toEqual([
      { predecessorId: '1', successorId: '2', type },
    ]);
  });

  it.each([
    [4800, 7, { minutes: 480, unit: 'day' }],
    [-2400, 5, { minutes: -240, unit: 'hour' }],
    [14400, 8, { minutes: 1440, unit: 'day', elapsed: true }],
    [24000, 9, { minutes: 2400, unit: 'week' }],
    [50, 19, { minutes: 0, percent: 50 }],
    [25, 20, { minutes: 0, percent: 25, elapsed: true }],
  ])('LinkLag %i with LagFormat %i', (lag, format, expected) => {
    const { links } = read(link({ PredecessorUID: 1, Type: 1, LinkLag: lag, LagFormat: format })).project;
    expect(links[0]?.lag).toEqual(expected);
  });

  it('ignores cross-project links and links to the project summary, with warnings', () => {
    const { project, warnings } = read(
      link({ PredecessorUID: 1, CrossProject: 1 }),
      link({ PredecessorUID: 0 }),
      link({ PredecessorUID: 1 }),
      link({ PredecessorUID: 1, Type: 3 }),
    );
    expect(project.links).toEqual([{ predecessorId: '1', successorId: '2', type: 'FS' }]);
    expect(warnings).toEqual([
      'Project/Tasks/Task[UID=2]/PredecessorLink[1]/CrossProject: link to a task of another project ignored (found "1")',
      'Project/Tasks/Task[UID=2]/PredecessorLink[2]/PredecessorUID: link to the project summary or a blank row ignored (found "0")',
      'Project/Tasks/Task[UID=2]/PredecessorLink[4]/PredecessorUID: a second link between the same tasks ignored (found "1")',
    ]);
  });
});

describe('readMspdi: resources and assignments', () => {
  const resource = (values: Record<string, string | number>) => `<Resource>${fields(values)}</Resource>`;
  const assignment = (values: Record<string, string | number>) =>
    `<Assignment>${fields(values)}</Assignment>`;

  it('reads resource types, rates (per hour) and costs (hundredths); skips the blank UID 0', () => {
    const body =
      '<Resources>' +
      resource({ UID: 0, ID: 0, Type: 1 }) +
      resource({
        UID: 1,
        Name: 'Ann',
        Type: 1,
        MaxUnits: '0.5',
        StandardRate: 40,
        OvertimeRate: 60,
        CostPerUse: 1250,
      }) +
      resource({ UID: 2, Name: 'Concrete', Type: 0, Initials: 'C', Group: 'Materials' }) +
      resource({ UID: 3, Name: 'Travel', Type: 0, IsCostResource: 1 }) +
      resource({ UID: 4, Name: 'Fees', Type: 2, EmailAddress: 'fees@example.com', CalendarUID: 1 }) +
      '</Resources>';
    const { project } = readMspdi(mspdi({ body }));
    expect(project.resources).toEqual([
      {
        id: '1',
        name: 'Ann',
        type: 'work',
        maxUnits: 0.5,
        standardRate: 40,
        overtimeRate: 60,
        costPerUse: 12.5,
      },
      { id: '2', name: 'Concrete', type: 'material', group: 'Materials', initials: 'C' },
      { id: '3', name: 'Travel', type: 'cost' },
      { id: '4', name: 'Fees', type: 'cost', calendarId: '1', email: 'fees@example.com' },
    ]);
  });

  it('reads assignments; "unassigned" (-65535) ones are skipped, dangling ones warned about', () => {
    const body =
      '<Resources>' +
      resource({ UID: 1, Name: 'Ann' }) +
      '</Resources><Assignments>' +
      assignment({
        UID: 5,
        TaskUID: 1,
        ResourceUID: 1,
        Units: '0.5',
        Work: 'PT4H0M0S',
        ActualWork: 'PT1H0M0S',
      }) +
      assignment({ UID: 6, TaskUID: 1, ResourceUID: -65535, Units: 1 }) +
      assignment({ UID: 7, TaskUID: 9, ResourceUID: 1 }) +
      assignment({ UID: 8, TaskUID: 1, ResourceUID: 3 }) +
      '</Assignments>';
    const { project, warnings } = readMspdi(mspdi({ tasks: [task({ UID: 1 })], body }));
    expect(project.assignments).toEqual([
      { id: '5', taskId: '1', resourceId: '1', units: 0.5, workMinutes: 240, actualWorkMinutes: 60 },
    ]);
    expect(warnings).toEqual([
      'Project/Assignments/Assignment[UID=7]/TaskUID: no task has this UID: assignment ignored (found "9")',
      'Project/Assignments/Assignment[UID=8]/ResourceUID: no resource has this UID: assignment ignored (found "3")',
    ]);
  });
});

describe('readMspdi: calendars', () => {
  const calendars = (inner: string) =>
    mspdi().replace(/<Calendars>.*<\/Calendars>/, `<Calendars>${inner}</Calendars>`);
  const day = (type: number, working: number, times: [string, string][] = []) =>
    `<WeekDay><DayType>${type}</DayType><DayWorking>${working}</DayWorking>${
      times.length
        ? `<WorkingTimes>${times.map(([f, t]) => `<WorkingTime><FromTime>${f}</FromTime><ToTime>${t}</ToTime></WorkingTime>`).join('')}</WorkingTimes>`
        : ''
    }</WeekDay>`;

  it('reads the week; a base calendar gets the default for days it leaves out, a derived one does not', () => {
    const xml = calendars(
      `<Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID><WeekDays>${
        day(1, 0) + day(7, 1, [['09:00:00', '13:00:00']])
      }</WeekDays></Calendar>` +
        `<Calendar><UID>2</UID><Name>Ann</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>1</BaseCalendarUID><WeekDays>${day(
          6,
          0,
        )}</WeekDays></Calendar>`,
    );
    const [standard, ann] = readMspdi(xml).project.calendars;
    const std = [
      { from: 480, to: 720 },
      { from: 780, to: 1020 },
    ];
    expect(standard?.week).toEqual([[], std, std, std, std, std, [{ from: 540, to: 780 }]]);
    expect(ann).toEqual({
      id: '2',
      name: 'Ann',
      baseCalendarId: '1',
      week: [undefined, undefined, undefined, undefined, undefined, [], undefined],
      exceptions: [],
    });
  });

  it('reads exceptions of the old format (DayType 0) when there is no <Exceptions>', () => {
    const legacy =
      '<WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod><FromDate>2024-12-25T00:00:00</FromDate><ToDate>2024-12-26T23:59:00</ToDate></TimePeriod></WeekDay>' +
      '<WeekDay><DayType>0</DayType><DayWorking>1</DayWorking><TimePeriod><FromDate>2024-12-28T00:00:00</FromDate><ToDate>2024-12-29T00:00:00</ToDate></TimePeriod>' +
      '<WorkingTimes><WorkingTime><FromTime>10:00:00</FromTime><ToTime>14:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>';
    const xml = calendars(`<Calendar><UID>1</UID><WeekDays>${legacy}</WeekDays></Calendar>`);
    expect(readMspdi(xml).project.calendars[0]?.exceptions).toEqual([
      { from: '2024-12-25', to: '2024-12-26', periods: [] },
      // A range ending at midnight ends the day before.
      { from: '2024-12-28', to: '2024-12-28', periods: [{ from: 600, to: 840 }] },
    ]);
  });

  it('reads work weeks', () => {
    const workWeek =
      '<WorkWeeks><WorkWeek><TimePeriod><FromDate>2024-07-01T00:00:00</FromDate><ToDate>2024-08-31T23:59:00</ToDate></TimePeriod>' +
      `<Name>Summer</Name><WeekDays>${day(6, 0) + day(2, 1, [['07:00:00', '15:00:00']])}</WeekDays></WorkWeek></WorkWeeks>`;
    const xml = calendars(`<Calendar><UID>1</UID>${workWeek}</Calendar>`);
    expect(readMspdi(xml).project.calendars[0]?.workWeeks).toEqual([
      {
        name: 'Summer',
        from: '2024-07-01',
        to: '2024-08-31',
        week: [undefined, [{ from: 420, to: 900 }], undefined, undefined, undefined, [], undefined],
      },
    ]);
  });

  it('ignores a recurrence the model cannot express, with a warning naming it', () => {
    const exception =
      '<Exceptions><Exception><TimePeriod><FromDate>2024-01-01T00:00:00</FromDate><ToDate>2024-12-31T23:59:00</ToDate></TimePeriod>' +
      '<Name>Last weekday</Name><Type>5</Type><Period>1</Period><MonthItem>1</MonthItem><MonthPosition>4</MonthPosition><DayWorking>0</DayWorking></Exception></Exceptions>';
    const { project, warnings } = readMspdi(calendars(`<Calendar><UID>1</UID>${exception}</Calendar>`));
    expect(project.calendars[0]?.exceptions).toEqual([]);
    expect(warnings).toEqual([
      'Project/Calendars/Calendar[UID=1]/Exceptions/Exception[1]/MonthItem: recurrence on MonthItem 1 (a weekday of the month) is not supported: exception ignored (found "1")',
    ]);
  });
});
