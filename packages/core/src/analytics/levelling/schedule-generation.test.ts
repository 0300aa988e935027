import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Justifier } from './justification.ts';
import { ParallelSgs } from './parallel-sgs.ts';
import { PRIORITY_RULES, priorityList, priorityValues } from './priority-rules.ts';
import { randomStream } from './random-stream.ts';
import { compileRcpsp } from './rcpsp-network.ts';
import type { RcpspProblem } from './rcpsp-network.ts';
import { rcpspProblem, rcpspViolations } from './rcpsp-testing.ts';
import { SerialSgs } from './serial-sgs.ts';

// The small PSPLIB-style example: jobs 1 and 2 (0-based) cannot overlap on resource 1.
const SMALL: RcpspProblem = {
  durations: [0, 2, 5, 4, 0],
  successors: [[1, 2], [3], [4], [4], []],
  requests: [
    [0, 0],
    [3, 0],
    [0, 2],
    [1, 1],
    [0, 0],
  ],
  capacities: [4, 2],
};

// Job 3 needs the whole resource, which job 2 holds until period 3.
const WAIT: RcpspProblem = {
  durations: [0, 1, 3, 2, 0],
  successors: [[1, 2], [3], [4], [4], []],
  requests: [[0], [1], [1], [2], [0]],
  capacities: [2],
};

const starts = (a: Int32Array) => Array.from(a);

describe('serial SGS', () => {
  it('starts each activity at its earliest feasible period in list order', () => {
    const net = compileRcpsp(SMALL);
    const sgs = new SerialSgs(net);
    const start = new Int32Array(5);
    expect(sgs.forward([0, 1, 2, 3, 4], start)).toBe(9);
    expect(starts(start)).toEqual([0, 0, 0, 5, 9]);
    expect(sgs.forward([0, 1, 3, 2, 4], start)).toBe(11);
    expect(starts(start)).toEqual([0, 0, 6, 2, 11]);
  });

  it('schedules backward from the end with successors first', () => {
    const net = compileRcpsp(SMALL);
    const start = new Int32Array(5);
    expect(new SerialSgs(net).backward([4, 3, 2, 1, 0], start)).toBe(9);
    expect(starts(start)).toEqual([0, 3, 0, 5, 9]);
  });

  it('delays an activity until the capacity it needs is free for its whole duration', () => {
    const net = compileRcpsp(WAIT);
    const start = new Int32Array(5);
    expect(new SerialSgs(net).forward([0, 2, 1, 3, 4], start)).toBe(5);
    expect(starts(start)).toEqual([0, 0, 0, 3, 5]);
  });

  it('fills a gap left before an activity listed earlier', () => {
    // Job 3 must wait for job 2 (4 periods, no resource), leaving the resource idle in [2, 4):
    // job 4, listed last, takes that gap.
    const problem: RcpspProblem = {
      durations: [0, 2, 4, 2, 2, 0],
      successors: [[1, 2, 4], [3], [3], [5], [5], []],
      requests: [[0], [1], [0], [1], [1], [0]],
      capacities: [1],
    };
    const start = new Int32Array(6);
    expect(new SerialSgs(compileRcpsp(problem)).forward([0, 1, 2, 3, 4, 5], start)).toBe(6);
    expect(starts(start)).toEqual([0, 0, 0, 4, 2, 6]);
  });
});

describe('parallel SGS', () => {
  it('starts every eligible activity that fits at each decision time, in list order', () => {
    const net = compileRcpsp(WAIT);
    const start = new Int32Array(5);
    // At 0 jobs 2 and 1 both fit; at 1 job 3 needs 2 units while 2 runs: it waits until 3.
    expect(new ParallelSgs(net).forward([0, 2, 1, 3, 4], start)).toBe(5);
    expect(starts(start)).toEqual([0, 0, 0, 3, 5]);
  });

  it('handles zero-duration activities in the middle of the network', () => {
    const problem: RcpspProblem = {
      durations: [0, 2, 0, 3, 0],
      successors: [[1], [2], [3], [4], []],
      requests: [[0], [1], [0], [1], [0]],
      capacities: [1],
    };
    const start = new Int32Array(5);
    expect(new ParallelSgs(compileRcpsp(problem)).forward([0, 1, 2, 3, 4], start)).toBe(5);
    expect(starts(start)).toEqual([0, 0, 2, 2, 5]);
  });
});

describe('justification', () => {
  it('shifts right then left without lengthening, often shortening', () => {
    const net = compileRcpsp(SMALL);
    const sgs = new SerialSgs(net);
    const start = new Int32Array(5);
    const makespan = sgs.forward([0, 1, 3, 2, 4], start);
    expect(makespan).toBe(11);
    const justifier = new Justifier(net, sgs);
    const right = justifier.right(start, makespan);
    expect(right).toBeLessThanOrEqual(11);
    expect(rcpspViolations(SMALL, start).violations).toEqual([]);
    const left = justifier.left(start, right);
    expect(left).toBeLessThanOrEqual(right);
    expect(rcpspViolations(SMALL, start)).toEqual({ violations: [], makespan: left });
  });
});

describe('priority rules', () => {
  it.each(PRIORITY_RULES)('%s gives a precedence-feasible list', (rule) => {
    const net = compileRcpsp(SMALL);
    const list = Array.from(priorityList(net, priorityValues(net, rule)));
    expect([...list].sort()).toEqual([0, 1, 2, 3, 4]);
    for (let j = 0; j < 5; j++)
      for (const s of SMALL.successors[j]!) expect(list.indexOf(j)).toBeLessThan(list.indexOf(s));
  });

  it('LFT takes the job with the earliest latest finish first', () => {
    const net = compileRcpsp(SMALL);
    // Latest finishes against the critical path (6): job 1 at 2, job 2 at 6, job 3 at 6.
    expect(Array.from(priorityList(net, priorityValues(net, 'LFT')))).toEqual([0, 1, 2, 3, 4]);
    const values = (rule: 'MTS' | 'GRPW') => Array.from(priorityValues(net, rule), (x) => x + 0);
    expect(values('MTS')).toEqual([-4, -2, -1, -1, 0]);
    expect(values('GRPW')).toEqual([-7, -6, -5, -4, 0]);
  });
});

describe('schedule generation properties', () => {
  it('every scheme gives a feasible schedule from any feasible list, in both directions', () => {
    fc.assert(
      fc.property(rcpspProblem(), fc.integer(), (problem, seed) => {
        const net = compileRcpsp(problem);
        const values = priorityValues(net, 'LFT');
        const list = priorityList(net, values, randomStream(seed));
        const reversed = list.slice().reverse();
        const start = new Int32Array(net.n);
        const serial = new SerialSgs(net);
        const parallel = new ParallelSgs(net);
        const justifier = new Justifier(net, serial);
        for (const run of [
          () => serial.forward(list, start),
          () => serial.backward(reversed, start),
          () => parallel.forward(list, start),
          () => parallel.backward(reversed, start),
        ]) {
          const makespan = run();
          expect(rcpspViolations(problem, start)).toEqual({ violations: [], makespan });
          expect(makespan).toBeGreaterThanOrEqual(net.lowerBound);
          expect(Math.min(...start)).toBe(0);
          const improved = justifier.double(start, makespan);
          expect(improved).toBeLessThanOrEqual(makespan);
          expect(rcpspViolations(problem, start)).toEqual({ violations: [], makespan: improved });
        }
      }),
      { numRuns: 300 },
    );
  });
});
