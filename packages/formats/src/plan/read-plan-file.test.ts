import { standardCalendar } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.ts';
import type { PlanFormatIssue } from './plan-issues.ts';
import { readPlanFile } from './read-plan-file.ts';

const FULL = `
version: 1
project:
  name: Payments API
  start: 2026-03-02
  statusDate: 2026-03-13
  timeZone: Europe/London
  calendar: uk-office
  currency: GBP
calendars:
  - id: uk-office
    name: UK office
    week:
      mon: ["09:00-12:30", "13:30-17:30"]
      tue: ["09:00-12:30", "13:30-17:30"]
      wed: ["09:00-12:30", "13:30-17:30"]
      thu: ["09:00-12:30", "13:30-17:30"]
      fri: ["09:00-12:30", "13:30-16:00"]
      sat: []
      sun: []
    holidays:
      - 2026-04-03
      - { date: 2026-04-06, name: Easter Monday }
      - { from: 2026-12-24, to: 2026-12-31, name: Winter shutdown }
    exceptions:
      - name: Release Saturdays
        from: 2026-05-02
        working: ["10:00-14:00"]
        recurrence: { type: monthly, week: first, days: [sat], occurrences: 3 }
  - id: ops
    base: uk-office
    week: { sat: ["10:00-14:00"] }
resources:
  - { id: alice, name: Alice Smith, rate: 85, group: PMO }
  - { id: bob, name: Bob Jones, rate: 95, maxUnits: 50%, calendar: ops }
tasks:
  - id: design
    name: Design
    children:
      - id: spec
        name: Write the API spec
        duration: 5d
        resources: [alice]
        progress: { percent: 60, actualStart: 2026-03-02 }
      - id: review
        name: Architecture review
        duration: 3h
        after: [{ task: spec, type: SS, lag: 2d }]
        resources: [{ id: bob, units: 0.5 }]
  - id: build
    name: Build
    duration: 2w
    after: [design]
    constraint: { type: SNET, date: 2026-03-16 }
    deadline: 2026-04-30
    calendar: ops
  - id: soak
    name: Soak test
    duration: 4ed
    after: ["build FF+1d", { task: review, lag: 50% }]
  - id: live
    name: Go live
    duration: 0
    after: [soak]
  - id: docs
    name: Docs
    parent: design
    duration: 3d?
`;

function issuesOf(text: string, format: 'yaml' | 'json' = 'yaml'): PlanFormatIssue[] {
  try {
    readPlanFile(text, format);
  } catch (e) {
    if (e instanceof FormatError) return e.issues;
    throw e;
  }
  throw new Error('expected a FormatError');
}

const minimal = (tasks: string, extra = '') =>
  `project: { name: T, start: 2026-03-02 }\n${extra}tasks:\n${tasks}`;

describe('readPlanFile: a complete plan', () => {
  const project = readPlanFile(FULL, 'yaml');

  it('reads the project header; dates alone start at 08:00 and status dates sit at 17:00', () => {
    expect(project).toMatchObject({
      name: 'Payments API',
      start: '2026-03-02T08:00:00',
      statusDate: '2026-03-13T17:00:00',
      timeZone: 'Europe/London',
      calendarId: 'uk-office',
      currencyCode: 'GBP',
      units: { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 },
    });
  });

  it('reads calendars: week, holidays, recurring exceptions, a base', () => {
    const [office, ops] = project.calendars;
    expect(office?.week[1]).toEqual([
      { from: 540, to: 750 },
      { from: 810, to: 1050 },
    ]);
    expect(office?.week[0]).toEqual([]);
    expect(office?.exceptions).toEqual([
      { from: '2026-04-03', to: '2026-04-03', periods: [] },
      { name: 'Easter Monday', from: '2026-04-06', to: '2026-04-06', periods: [] },
      { name: 'Winter shutdown', from: '2026-12-24', to: '2026-12-31', periods: [] },
      {
        name: 'Release Saturdays',
        from: '2026-05-02',
        to: '2026-05-02',
        periods: [{ from: 600, to: 840 }],
        recurrence: { type: 'monthly', weekOfMonth: 1, daysOfWeek: [6], occurrences: 3 },
      },
    ]);
    expect(ops).toEqual({
      id: 'ops',
      name: 'ops',
      baseCalendarId: 'uk-office',
      week: [undefined, undefined, undefined, undefined, undefined, undefined, [{ from: 600, to: 840 }]],
      exceptions: [],
    });
  });

  it('puts tasks in outline order, nested and `parent:` alike', () => {
    expect(project.tasks.map((t) => [t.id, t.parentId])).toEqual([
      ['design', undefined],
      ['spec', 'design'],
      ['review', 'design'],
      ['docs', 'design'],
      ['build', undefined],
      ['soak', undefined],
      ['live', undefined],
    ]);
  });

  it('converts durations with the project units', () => {
    const byId = Object.fromEntries(project.tasks.map((t) => [t.id, t]));
    expect(byId.design?.duration).toEqual({ minutes: 0, unit: 'day' });
    expect(byId.spec?.duration).toEqual({ minutes: 2400, unit: 'day' });
    expect(byId.review?.duration).toEqual({ minutes: 180, unit: 'hour' });
    expect(byId.build?.duration).toEqual({ minutes: 4800, unit: 'week' });
    expect(byId.soak?.duration).toEqual({ minutes: 5760, unit: 'day', elapsed: true });
    expect(byId.live?.duration).toEqual({ minutes: 0, unit: 'day' });
    expect(byId.docs?.duration).toEqual({ minutes: 1440, unit: 'day', estimated: true });
  });

  it('reads constraints, deadlines, progress and calendars of tasks', () => {
    const build = project.tasks.find((t) => t.id === 'build');
    expect(build).toMatchObject({
      constraint: { type: 'SNET', date: '2026-03-16T08:00:00' },
      deadline: '2026-04-30T17:00:00',
      calendarId: 'ops',
    });
    expect(project.tasks.find((t) => t.id === 'spec')?.progress).toEqual({
      percentComplete: 60,
      actualStart: '2026-03-02T08:00:00',
    });
  });

  it('reads links in all their forms', () => {
    expect(project.links).toEqual([
      { predecessorId: 'spec', successorId: 'review', type: 'SS', lag: { minutes: 960, unit: 'day' } },
      { predecessorId: 'design', successorId: 'build', type: 'FS' },
      { predecessorId: 'build', successorId: 'soak', type: 'FF', lag: { minutes: 480, unit: 'day' } },
      { predecessorId: 'review', successorId: 'soak', type: 'FS', lag: { minutes: 0, percent: 50 } },
      { predecessorId: 'soak', successorId: 'live', type: 'FS' },
    ]);
  });

  it('reads resources and assignments', () => {
    expect(project.resources).toEqual([
      { id: 'alice', name: 'Alice Smith', type: 'work', standardRate: 85, group: 'PMO' },
      { id: 'bob', name: 'Bob Jones', type: 'work', standardRate: 95, maxUnits: 0.5, calendarId: 'ops' },
    ]);
    expect(project.assignments).toEqual([
      { taskId: 'spec', resourceId: 'alice', units: 1 },
      { taskId: 'review', resourceId: 'bob', units: 0.5 },
    ]);
  });

  it('reads the same plan written as JSON', async () => {
    const { parse } = await import('yaml');
    expect(readPlanFile(JSON.stringify(parse(FULL)), 'json')).toEqual(project);
  });
});

describe('readPlanFile: defaults', () => {
  it('uses the built-in standard calendar and MS Project units when none are given', () => {
    const project = readPlanFile(minimal('  - { id: a, duration: 1d }\n'), 'yaml');
    expect(project.calendarId).toBe('standard');
    expect(project.calendars).toEqual([standardCalendar()]);
    expect(project.tasks).toEqual([{ id: 'a', name: 'a', duration: { minutes: 480, unit: 'day' } }]);
  });

  it('converts with the units the project gives', () => {
    const project = readPlanFile(
      `project: { name: T, start: 2026-03-02, units: { hoursPerDay: 7.5, hoursPerWeek: 37.5 } }\ntasks: [{ id: a, duration: 2d }, { id: b, duration: 1w }]`,
      'yaml',
    );
    expect(project.tasks.map((t) => t.duration.minutes)).toEqual([900, 2250]);
  });

  it('takes ids that YAML reads as numbers', () => {
    const project = readPlanFile(
      minimal('  - { id: 1, duration: 1d }\n  - { id: 2, duration: 1d, after: [1] }\n'),
      'yaml',
    );
    expect(project.links).toEqual([{ predecessorId: '1', successorId: '2', type: 'FS' }]);
  });
});

describe('readPlanFile: errors name the path, the value and what was expected', () => {
  it('a bad duration', () => {
    const issues = issuesOf(minimal('  - { id: a, duration: 1d }\n  - { id: b, duration: 5x }\n'));
    expect(issues).toEqual([
      {
        path: 'tasks[1].duration',
        message: 'expected a duration such as 5d, 3h, 2w, 1mo, 30m, 4ed (elapsed), 3d? (estimated) or 0',
        value: '5x',
        line: 4,
      },
    ]);
  });

  it('a bad lag, deep in a link', () => {
    const issues = issuesOf(
      minimal('  - { id: a, duration: 1d }\n  - { id: b, duration: 1d, after: [{ task: a, lag: 2 }] }\n'),
    );
    expect(issues.map((i) => [i.path, i.value])).toEqual([['tasks[1].after[0].lag', 2]]);
    expect(issues[0]?.message).toMatch(/^expected a lag such as 2d/);
  });

  it('an unknown link target, with a suggestion', () => {
    const issues = issuesOf(
      minimal('  - { id: design, duration: 1d }\n  - { id: b, duration: 1d, after: [desing] }\n'),
    );
    expect(issues).toEqual([
      {
        path: 'tasks[1].after[0]',
        message: 'unknown task "desing"; did you mean "design"?',
        value: 'desing',
        line: 4,
      },
    ]);
  });

  it('a risk naming an unknown task, a probability above 1 and an estimate out of order', () => {
    const issues = issuesOf(
      minimal(
        '  - { id: build, duration: 5d, estimate: { optimistic: 6d, mostLikely: 5d, pessimistic: 9d } }\n',
      ) + 'risks:\n  - { id: r1, probability: 1.5, tasks: [biuld] }\n',
    );
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['tasks[0].estimate.optimistic', 'must not be more than mostLikely'],
      ['risks[0].probability', 'expected a probability from 0 to 1 (0.3) or a percentage ("30%")'],
      ['risks[0].tasks[0]', 'unknown task "biuld"'],
    ]);
  });

  it('reads three-point estimates, risks and correlations', () => {
    const project = readPlanFile(
      minimal(
        '  - { id: a, duration: 5d, estimate: { optimistic: 4d, mostLikely: 5d, pessimistic: 10d, distribution: pert } }\n' +
          '  - { id: b, duration: 2d, storyPoints: 3, fixedCost: 500, actualCost: 120 }\n',
      ) +
        'risks:\n  - { id: r1, name: Vendor late, probability: 25%, tasks: [a], delay: { optimistic: 1d, mostLikely: 2d, pessimistic: 5d } }\n' +
        'correlations:\n  - { tasks: [a, b], coefficient: 0.5 }\n',
      'yaml',
    );
    expect(project.tasks[0]?.estimate).toEqual({
      optimistic: 1920,
      mostLikely: 2400,
      pessimistic: 4800,
      distribution: 'pert',
    });
    expect(project.tasks[1]).toMatchObject({ storyPoints: 3, fixedCost: 500, actualCost: 120 });
    expect(project.risks).toEqual([
      {
        id: 'r1',
        name: 'Vendor late',
        probability: 0.25,
        taskIds: ['a'],
        delay: { optimistic: 480, mostLikely: 960, pessimistic: 2400 },
      },
    ]);
    expect(project.correlations).toEqual([{ taskIds: ['a', 'b'], coefficient: 0.5 }]);
  });

  it('an unknown calendar', () => {
    const issues = issuesOf(minimal('  - { id: a, duration: 1d, calendar: night }\n'));
    expect(issues.map((i) => [i.path, i.message, i.value])).toEqual([
      ['tasks[0].calendar', 'unknown calendar "night"', 'night'],
    ]);
  });

  it('a duplicate id', () => {
    const issues = issuesOf(
      minimal('  - { id: a, duration: 1d }\n  - id: p\n    children:\n      - { id: a, duration: 2d }\n'),
    );
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['tasks[1].children[0].id', 'duplicate id "a": tasks[0] already has it'],
    ]);
  });

  it('an invalid date', () => {
    const issues = issuesOf('project: { name: T, start: 2026-02-30 }\n');
    expect(issues).toEqual([
      {
        path: 'project.start',
        message: 'expected a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:mm that exists in the calendar',
        value: '2026-02-30',
        line: 1,
      },
    ]);
  });

  it('invalid YAML syntax, with its line', () => {
    const issues = issuesOf('project:\n  name: T\n  start: [2026-03-02\ntasks: []\n');
    expect(issues[0]?.path).toMatch(/^line \d+$/);
    expect(issues[0]?.message).toMatch(/^YAML syntax error at line \d+, column \d+: /);
  });

  it('invalid JSON syntax, with its line and column', () => {
    const issues = issuesOf(
      '{\n  "project": { "name": "T", "start": "2026-03-02", },\n  "tasks": []\n}',
      'json',
    );
    expect(issues).toEqual([
      {
        path: 'line 2',
        message: 'JSON syntax error at line 2, column 52: unexpected "}"',
        value: '  "project": { "name": "T", "start": "2026-03-02", },',
      },
    ]);
    expect(issuesOf('{"project": ', 'json')[0]?.message).toBe(
      'JSON syntax error at line 1, column 13: unexpected end of the file',
    );
  });

  it('a JSON value error, with its line', () => {
    const issues = issuesOf('{\n  "project": {\n    "name": "T",\n    "start": 5\n  }\n}', 'json');
    expect(issues.map((i) => [i.path, i.line])).toEqual([['project.start', 4]]);
  });

  it('an unknown field, naming the fields allowed', () => {
    const issues = issuesOf(minimal('  - { id: a, durration: 1d }\n'));
    expect(issues.map((i) => i.path)).toEqual(['tasks[0].duration', 'tasks[0].durration']);
    expect(issues[1]?.message).toMatch(/^unknown field; expected one of: id, name, duration,/);
  });

  it.each([
    ['a missing project', 'tasks: []\n', 'project', /^required/],
    [
      'a leaf without duration',
      minimal('  - { id: a }\n'),
      'tasks[0].duration',
      /^required for a task without children/,
    ],
    [
      'a constraint without date',
      minimal('  - { id: a, duration: 1d, constraint: { type: MSO } }\n'),
      'tasks[0].constraint.date',
      /^required for a MSO/,
    ],
    [
      'an unknown constraint type',
      minimal('  - { id: a, duration: 1d, constraint: SOON }\n'),
      'tasks[0].constraint',
      /^expected one of: ASAP/,
    ],
    [
      'an unknown link type',
      minimal('  - { id: a, duration: 1d }\n  - { id: b, duration: 1d, after: [{ task: a, type: XS }] }\n'),
      'tasks[1].after[0].type',
      /^expected one of: FS, SS, FF, SF/,
    ],
    [
      'a self link',
      minimal('  - { id: a, duration: 1d, after: [a] }\n'),
      'tasks[0].after[0]',
      /^a task cannot come after itself/,
    ],
    [
      'an unknown resource',
      minimal('  - { id: a, duration: 1d, resources: [carol] }\n'),
      'tasks[0].resources[0]',
      /^unknown resource "carol"/,
    ],
    [
      'an unknown parent',
      minimal('  - { id: a, duration: 1d, parent: nope }\n'),
      'tasks[0].parent',
      /^unknown task "nope"/,
    ],
    [
      'a parent cycle',
      minimal('  - { id: a, parent: b }\n  - { id: b, parent: a }\n'),
      'tasks[0].parent',
      /^parent cycle: a → b → a/,
    ],
    [
      'overlapping periods',
      `calendars: [{ id: c, week: { mon: ["08:00-12:00", "11:00-15:00"] } }]\n` +
        minimal('  - { id: a, duration: 1d }\n'),
      'calendars[0].week.mon[1]',
      /^periods must be in order/,
    ],
    [
      'a bad time zone',
      'project: { name: T, start: 2026-03-02, timeZone: Mars/Olympus }\n',
      'project.timeZone',
      /^expected an IANA time zone/,
    ],
    [
      'an unknown base calendar',
      `calendars: [{ id: c, base: c2 }]\n` + minimal('  - { id: a, duration: 1d }\n'),
      'calendars[0].base',
      /^unknown calendar "c2"/,
    ],
    [
      'a percentage over 100',
      minimal('  - { id: a, duration: 1d, progress: 120 }\n'),
      'tasks[0].progress',
      /^expected a percentage complete, 0 to 100/,
    ],
  ])('%s', (_, text, path, message) => {
    const issues = issuesOf(text);
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.find((i) => i.path === path)?.message).toMatch(message);
  });

  it('reports every problem at once, in file order, in one message', () => {
    const text = minimal(
      '  - { id: a, duration: 5x }\n  - { id: a, duration: 1d, after: [zz], calendar: nope }\n  - { id: c, duration: 1d, deadline: tomorrow }\n',
    );
    let error: FormatError | undefined;
    try {
      readPlanFile(text, 'yaml');
    } catch (e) {
      error = e as FormatError;
    }
    expect(error).toBeInstanceOf(FormatError);
    expect(error?.format).toBe('plan');
    expect(error?.path).toBe('tasks[0].duration');
    expect(error?.value).toBe('5x');
    expect(error?.issues.map((i) => i.path)).toEqual([
      'tasks[0].duration',
      'tasks[1].id',
      'tasks[1].after[0]',
      'tasks[1].calendar',
      'tasks[2].deadline',
    ]);
    expect(error?.message.split('\n')).toEqual([
      '5 problems in the plan file:',
      '  tasks[0].duration (line 3): expected a duration such as 5d, 3h, 2w, 1mo, 30m, 4ed (elapsed), 3d? (estimated) or 0; found "5x"',
      '  tasks[1].id (line 4): duplicate id "a": tasks[0] already has it; found "a"',
      '  tasks[1].after[0] (line 4): unknown task "zz"; found "zz"',
      '  tasks[1].calendar (line 4): unknown calendar "nope"; found "nope"',
      '  tasks[2].deadline (line 5): expected a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:mm; found "tomorrow"',
    ]);
  });
});
