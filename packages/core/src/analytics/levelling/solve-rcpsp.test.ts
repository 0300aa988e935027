import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priorityList, priorityValues } from './priority-rules.ts';
import { compileRcpsp } from './rcpsp-network.ts';
import type { RcpspProblem } from './rcpsp-network.ts';
import { rcpspProblem, rcpspViolations } from './rcpsp-testing.ts';
import { SerialSgs } from './serial-sgs.ts';
import { solveRcpsp } from './solve-rcpsp.ts';

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

/** The optimum by brute force: the best serial schedule over every feasible activity list. */
function bruteForceOptimum(problem: RcpspProblem): number {
  const net = compileRcpsp(problem);
  const sgs = new SerialSgs(net);
  const start = new Int32Array(net.n);
  const list: number[] = [];
  const placed = new Uint8Array(net.n);
  let best = Infinity;
  const extend = () => {
    if (list.length === net.n) {
      best = Math.min(best, sgs.forward(list, start));
      return;
    }
    for (let j = 0; j < net.n; j++) {
      if (placed[j]) continue;
      let ready = true;
      for (let e = net.predStart[j]!; e < net.predStart[j + 1]!; e++)
        if (!placed[net.pred[e]!]) ready = false;
      if (!ready) continue;
      placed[j] = 1;
      list.push(j);
      extend();
      list.pop();
      placed[j] = 0;
    }
  };
  extend();
  return best;
}

describe('solveRcpsp', () => {
  it('finds the optimum of a small instance and reports the bounds', () => {
    const result = solveRcpsp(SMALL, { schedules: 100, seed: 1 });
    expect(result).toMatchObject({ makespan: 9, criticalPath: 6, lowerBound: 7 });
    expect(result.starts).toEqual([0, 0, 0, 5, 9]);
    expect(result.schedules).toBeLessThanOrEqual(100);
  });

  it('stops as soon as a schedule reaches the lower bound', () => {
    const result = solveRcpsp({ ...SMALL, capacities: [4, 3] }, { schedules: 5000 });
    expect(result.makespan).toBe(result.lowerBound);
    expect(result.schedules).toBeLessThan(10);
  });

  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(rcpspProblem(), fc.integer(), (problem, seed) => {
        expect(solveRcpsp(problem, { schedules: 60, seed })).toEqual(
          solveRcpsp(problem, { schedules: 60, seed }),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('spends at most its budget, even a budget of one schedule', () => {
    const result = solveRcpsp(SMALL, { schedules: 1 });
    expect(result.schedules).toBe(1);
    expect(rcpspViolations(SMALL, result.starts)).toEqual({ violations: [], makespan: result.makespan });
  });

  it('gives feasible schedules, never worse than the LFT rule, never below the lower bound', () => {
    fc.assert(
      fc.property(rcpspProblem(), fc.integer(), fc.integer({ min: 1, max: 200 }), (problem, seed, budget) => {
        const result = solveRcpsp(problem, { schedules: budget, seed });
        expect(rcpspViolations(problem, result.starts)).toEqual({
          violations: [],
          makespan: result.makespan,
        });
        expect(result.makespan).toBeGreaterThanOrEqual(result.lowerBound);
        expect(result.schedules).toBeLessThanOrEqual(budget);
        const net = compileRcpsp(problem);
        const lft = new SerialSgs(net).forward(
          priorityList(net, priorityValues(net, 'LFT')),
          new Int32Array(net.n),
        );
        expect(result.makespan).toBeLessThanOrEqual(lft);
      }),
      { numRuns: 200 },
    );
  });

  it('reaches the optimum of small random instances', () => {
    fc.assert(
      fc.property(rcpspProblem(7), fc.integer(), (problem, seed) => {
        expect(solveRcpsp(problem, { schedules: 500, seed }).makespan).toBe(bruteForceOptimum(problem));
      }),
      { numRuns: 100 },
    );
  });
});
