import { describe, expect, it } from 'vitest';
import { standardCalendar } from '../model/calendar.ts';
import { DEFAULT_UNITS, type Project } from '../model/project.ts';
import { parseLocal } from '../time/local-time.ts';
import { toScheduleJson } from './schedule-json.ts';
import type { Schedule, ScheduledTask } from './schedule-result.ts';

const project: Project = {
  name: 'Tiny',
  start: '2026-01-05T08:00:00',
  calendarId: 'standard',
  units: DEFAULT_UNITS,
  calendars: [standardCalendar()],
  tasks: [
    { id: 'p', name: 'Phase', duration: { minutes: 0 } },
    { id: 'a', name: 'Design', parentId: 'p', wbs: '1.1', duration: { minutes: 960, unit: 'day' } },
    { id: 'm', name: 'Done', duration: { minutes: 0 } },
  ],
  links: [{ predecessorId: 'a', successorId: 'm', type: 'FS' }],
  resources: [],
  assignments: [],
  baselines: [],
};

const at = (s: string) => parseLocal(s);
const task = (id: string, index: number, over: Partial<ScheduledTask>): ScheduledTask => ({
  id,
  index,
  summary: false,
  milestone: false,
  start: at('2026-01-05T08:00'),
  finish: at('2026-01-06T17:00'),
  earlyStart: at('2026-01-05T08:00'),
  earlyFinish: at('2026-01-06T17:00'),
  lateStart: at('2026-01-05T08:00'),
  lateFinish: at('2026-01-06T17:00'),
  totalFloat: 0,
  freeFloat: 0,
  critical: true,
  durationMinutes: 960,
  warnings: [],
  ...over,
});

const schedule: Schedule = {
  projectStart: at('2026-01-05T08:00'),
  projectFinish: at('2026-01-06T17:00'),
  tasks: [
    task('p', 0, { summary: true }),
    task('a', 1, {}),
    task('m', 2, {
      milestone: true,
      start: at('2026-01-06T17:00'),
      earlyStart: at('2026-01-06T17:00'),
      lateStart: at('2026-01-06T17:00'),
      durationMinutes: 0,
      drivingPredecessorId: 'a',
      warnings: ['Deadline missed'],
    }),
  ],
  criticalPath: ['a', 'm'],
};

describe('toScheduleJson', () => {
  it('formats dates as local date-times and floats in minutes', () => {
    const json = toScheduleJson(project, schedule);
    expect(json.project).toEqual({ start: '2026-01-05T08:00:00', finish: '2026-01-06T17:00:00' });
    expect(json.criticalPath).toEqual(['a', 'm']);
    expect(json.tasks[1]).toEqual({
      id: 'a',
      name: 'Design',
      parentId: 'p',
      wbs: '1.1',
      summary: false,
      milestone: false,
      durationMinutes: 960,
      start: '2026-01-05T08:00:00',
      finish: '2026-01-06T17:00:00',
      earlyStart: '2026-01-05T08:00:00',
      earlyFinish: '2026-01-06T17:00:00',
      lateStart: '2026-01-05T08:00:00',
      lateFinish: '2026-01-06T17:00:00',
      totalFloatMinutes: 0,
      freeFloatMinutes: 0,
      critical: true,
      warnings: [],
    });
    expect(json.tasks[2]).toMatchObject({
      milestone: true,
      drivingPredecessorId: 'a',
      warnings: ['Deadline missed'],
    });
    expect(json.tasks[0]?.summary).toBe(true);
  });

  it('adds caller extras to the project and each task', () => {
    const json = toScheduleJson(project, schedule, {
      project: { makespan: 2 },
      task: (st) => ({ startPeriod: (st.start - schedule.projectStart) / 1440 }),
    });
    expect(json.project.makespan).toBe(2);
    expect(json.tasks.map((t) => t.startPeriod)).toEqual([0, 0, 1 + 540 / 1440]);
  });

  it('survives JSON.stringify unchanged', () => {
    const json = toScheduleJson(project, schedule);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
