import { describe, expect, it } from 'vitest';
import { RcpspError, compileRcpsp } from './rcpsp-network.ts';
import type { RcpspProblem } from './rcpsp-network.ts';

// Source 0 → {1, 2} → 3 → sink 4; two jobs share resource 0 (capacity 3).
const DIAMOND: RcpspProblem = {
  durations: [0, 3, 2, 4, 0],
  successors: [[1, 2], [3], [3], [4], []],
  requests: [[0], [2], [2], [1], [0]],
  capacities: [3],
};

function error(problem: RcpspProblem): RcpspError {
  try {
    compileRcpsp(problem);
  } catch (e) {
    if (e instanceof RcpspError) return e;
    throw e;
  }
  throw new Error('expected an RcpspError');
}

describe('compileRcpsp', () => {
  it('computes the critical path, the bounds and the latest finishes', () => {
    const net = compileRcpsp(DIAMOND);
    expect(net.criticalPath).toBe(7);
    expect(net.lowerBound).toBe(7); // work 3·2 + 2·2 + 4 = 14 on capacity 3 → 5
    expect(Array.from(net.earliestStart)).toEqual([0, 0, 0, 3, 7]);
    expect(Array.from(net.latestFinish)).toEqual([0, 3, 3, 7, 7]);
    expect(net.horizon).toBe(9);
  });

  it('takes the resource bound when it beats the critical path', () => {
    const net = compileRcpsp({ ...DIAMOND, durations: [0, 3, 3, 1, 0], capacities: [2] });
    expect(net.criticalPath).toBe(4);
    expect(net.lowerBound).toBe(7); // ⌈(3·2 + 3·2 + 1) / 2⌉
  });

  it('orders activities topologically and knows transitive precedence', () => {
    const net = compileRcpsp(DIAMOND);
    const position = (j: number) => net.rank[j]!;
    expect(position(0)).toBeLessThan(position(1));
    expect(position(2)).toBeLessThan(position(3));
    expect(net.related[0 * 5 + 4]).toBe(1);
    expect(net.related[1 * 5 + 4]).toBe(1);
    expect(net.related[1 * 5 + 2]).toBe(0);
    expect(net.related[4 * 5 + 0]).toBe(0);
  });

  it('keeps only non-zero requests of activities that take time', () => {
    const net = compileRcpsp(DIAMOND);
    expect(Array.from(net.reqStart)).toEqual([0, 0, 1, 2, 3, 3]);
    expect(Array.from(net.reqUnits)).toEqual([2, 2, 1]);
  });

  it.each([
    ['a cycle', { ...DIAMOND, successors: [[1, 2], [3], [3], [1, 4], []] }, 'CYCLE', 'cycle'],
    ['a self-loop', { ...DIAMOND, successors: [[1, 2], [1], [3], [4], []] }, 'CYCLE', 'succeeds itself'],
    [
      'an unknown successor',
      { ...DIAMOND, successors: [[1, 2], [9], [3], [4], []] },
      'INVALID',
      '9 does not exist',
    ],
    ['a fractional duration', { ...DIAMOND, durations: [0, 1.5, 2, 4, 0] }, 'INVALID', 'duration 1.5'],
    ['a negative request', { ...DIAMOND, requests: [[0], [-1], [2], [1], [0]] }, 'INVALID', 'request -1'],
    [
      'a request above capacity',
      { ...DIAMOND, requests: [[0], [4], [2], [1], [0]] },
      'INFEASIBLE',
      '4 units',
    ],
    ['a short request row', { ...DIAMOND, requests: [[0], [], [2], [1], [0]] }, 'INVALID', '0 requests'],
  ] as const)('rejects %s', (_, problem, code, fragment) => {
    const e = error(problem as RcpspProblem);
    expect(e.code).toBe(code);
    expect(e.message).toContain(fragment);
  });
});
