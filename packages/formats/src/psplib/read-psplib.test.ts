import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.ts';
import { readPsplib } from './read-psplib.ts';

// A 5-job instance in the layout of the PSPLIB files (2 real jobs between source and sink).
const SMALL = `************************************************************************
file with basedata            : tiny.bas
initial value random generator: 1
************************************************************************
projects                      :  1
jobs (incl. supersource/sink ):  5
horizon                       :  9
RESOURCES
  - renewable                 :  2   R
  - nonrenewable              :  0   N
  - doubly constrained        :  0   D
************************************************************************
PROJECT INFORMATION:
pronr.  #jobs rel.date duedate tardcost  MPM-Time
    1      3      0       7        2        6
************************************************************************
PRECEDENCE RELATIONS:
jobnr.    #modes  #successors   successors
   1        1          2           2   3
   2        1          1           4
   3        1          1           5
   4        1          1           5
   5        1          0        
************************************************************************
REQUESTS/DURATIONS:
jobnr. mode duration  R 1  R 2
------------------------------------------------------------------------
  1      1     0       0    0
  2      1     2       3    0
  3      1     5       0    2
  4      1     4       1    1
  5      1     0       0    0
************************************************************************
RESOURCEAVAILABILITIES:
  R 1  R 2
    4    2
************************************************************************
`;

function formatError(text: string): FormatError {
  try {
    readPsplib(text);
  } catch (e) {
    if (e instanceof FormatError) return e;
    throw e;
  }
  throw new Error('expected a FormatError');
}

const replaceLine = (text: string, line: number, by: string) =>
  text
    .split('\n')
    .map((l, i) => (i === line - 1 ? by : l))
    .join('\n');

describe('readPsplib', () => {
  it('keeps the instance as the file states it', () => {
    const { instance } = readPsplib(SMALL, 'tiny');
    expect(instance).toEqual({
      name: 'tiny',
      horizon: 9,
      releaseDate: 0,
      dueDate: 7,
      tardinessCost: 2,
      mpmTime: 6,
      resources: [
        { name: 'R1', kind: 'renewable', capacity: 4 },
        { name: 'R2', kind: 'renewable', capacity: 2 },
      ],
      jobs: [
        { number: 1, duration: 0, successors: [2, 3], requests: [0, 0] },
        { number: 2, duration: 2, successors: [4], requests: [3, 0] },
        { number: 3, duration: 5, successors: [5], requests: [0, 2] },
        { number: 4, duration: 4, successors: [5], requests: [1, 1] },
        { number: 5, duration: 0, successors: [], requests: [0, 0] },
      ],
    });
  });

  it('maps jobs to tasks of whole days on a 24-hour calendar', () => {
    const { project } = readPsplib(SMALL, 'tiny');
    expect(project.name).toBe('tiny');
    expect(project.start).toBe('2000-01-03T00:00:00');
    expect(project.units).toEqual({ minutesPerDay: 1440, minutesPerWeek: 10080, daysPerMonth: 30 });
    expect(project.calendarId).toBe('psplib-24h');
    expect(project.calendars[0]?.week.every((d) => JSON.stringify(d) === '[{"from":0,"to":1440}]')).toBe(
      true,
    );
    expect(project.tasks.map((t) => [t.id, t.duration.minutes, t.milestone ?? false])).toEqual([
      ['1', 0, true],
      ['2', 2880, false],
      ['3', 7200, false],
      ['4', 5760, false],
      ['5', 0, true],
    ]);
    expect(project.links).toEqual([
      { predecessorId: '1', successorId: '2', type: 'FS' },
      { predecessorId: '1', successorId: '3', type: 'FS' },
      { predecessorId: '2', successorId: '4', type: 'FS' },
      { predecessorId: '3', successorId: '5', type: 'FS' },
      { predecessorId: '4', successorId: '5', type: 'FS' },
    ]);
    expect(project.resources).toEqual([
      { id: 'R1', name: 'R1', type: 'work', maxUnits: 4 },
      { id: 'R2', name: 'R2', type: 'work', maxUnits: 2 },
    ]);
    expect(project.assignments).toEqual([
      { taskId: '2', resourceId: 'R1', units: 3 },
      { taskId: '3', resourceId: 'R2', units: 2 },
      { taskId: '4', resourceId: 'R1', units: 1 },
      { taskId: '4', resourceId: 'R2', units: 1 },
    ]);
  });

  it('accepts CRLF line ends and no trailing separator', () => {
    const text = SMALL.split('\n').slice(0, -2).join('\r\n');
    expect(readPsplib(text).instance.resources.map((r) => r.capacity)).toEqual([4, 2]);
  });

  it.each([
    ['a truncated file', SMALL.split('\n').slice(0, 22).join('\n'), 'line 22', 'truncated'],
    ['a non-numeric duration', replaceLine(SMALL, 30, '  3      1     5x      0    2'), 'line 30', '5x'],
    [
      'a successor that does not exist',
      replaceLine(SMALL, 21, '   3        1          1           9'),
      'line 21',
      '9 does not exist',
    ],
    [
      'a wrong successor count',
      replaceLine(SMALL, 21, '   3        1          2           5'),
      'line 21',
      'job 3 of 5',
    ],
    ['a job out of order', replaceLine(SMALL, 29, '  3      1     2       3    0'), 'line 29', 'job 2 of 5'],
    ['a missing capacity', replaceLine(SMALL, 36, '    4'), 'line 36', '2 resource capacities'],
    [
      'a missing section',
      SMALL.replace('PRECEDENCE RELATIONS:', 'PRECEDENCE:'),
      'line 37',
      'PRECEDENCE RELATIONS',
    ],
    ['a multi-mode job', replaceLine(SMALL, 30, '  3      2     5       0    2'), 'line 30', 'multi-mode'],
  ])('reports %s with its line number and text', (_, text, path, fragment) => {
    const error = formatError(text);
    expect(error.format).toBe('psplib');
    expect(error.path).toBe(path);
    expect(error.message).toContain(path);
    expect(error.message).toContain(fragment);
    expect(error.issues).toHaveLength(1);
  });

  it('names the offending text', () => {
    const error = formatError(replaceLine(SMALL, 30, '  3      1     5x      0    2'));
    expect(error.value).toBe('  3      1     5x      0    2');
    expect(error.message).toBe(
      'line 30: expected job 3 of 5: "jobnr. mode duration" and 2 resource requests, found "3      1     5x      0    2"',
    );
  });
});
