import { describe, expect, it } from 'vitest';
import type { PsplibInstance } from '../psplib/psplib-instance.ts';
import { checkPsplibSchedule } from './psplib-feasibility.ts';

// Jobs 2 and 3 run in parallel after the source; job 4 follows both. Resource capacity 4.
const INSTANCE: PsplibInstance = {
  horizon: 10,
  releaseDate: 0,
  dueDate: 10,
  tardinessCost: 0,
  mpmTime: 5,
  resources: [{ name: 'R1', kind: 'renewable', capacity: 4 }],
  jobs: [
    { number: 1, duration: 0, successors: [2, 3], requests: [0] },
    { number: 2, duration: 2, successors: [4], requests: [3] },
    { number: 3, duration: 3, successors: [4], requests: [2] },
    { number: 4, duration: 2, successors: [5], requests: [4] },
    { number: 5, duration: 0, successors: [], requests: [0] },
  ],
};

describe('checkPsplibSchedule', () => {
  it('accepts a feasible schedule and measures its makespan', () => {
    expect(checkPsplibSchedule(INSTANCE, [0, 0, 2, 5, 7])).toEqual({ violations: [], makespan: 7 });
  });

  it('reports every period a resource is over capacity', () => {
    expect(checkPsplibSchedule(INSTANCE, [0, 0, 0, 3, 5]).violations).toEqual([
      'period 0: R1 needs 5 units, has 4',
      'period 1: R1 needs 5 units, has 4',
    ]);
  });

  it('reports a job starting before its predecessor finishes', () => {
    expect(checkPsplibSchedule(INSTANCE, [0, 0, 2, 4, 7]).violations).toEqual([
      'job 4 starts in period 4, before its predecessor 3 finishes (2 + 3)',
      'period 4: R1 needs 6 units, has 4',
    ]);
  });

  it('reports starts that are not whole periods, and a wrong number of starts', () => {
    const { violations } = checkPsplibSchedule(INSTANCE, [0, -1, 2.5, 6]);
    expect(violations).toContain('4 start times for 5 jobs');
    expect(violations).toContain('job 2: start -1 is not a period ≥ 0');
    expect(violations).toContain('job 3: start 2.5 is not a period ≥ 0');
    expect(violations).toContain('job 5: start NaN is not a period ≥ 0');
  });
});
