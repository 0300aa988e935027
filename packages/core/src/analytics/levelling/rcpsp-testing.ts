/**
 * Test helpers for the RCPSP heuristics: small random problems (fast-check) and a feasibility check
 * written from the problem statement, sharing no code with the heuristics it checks. Test-only.
 */
import fc from 'fast-check';
import type { RcpspProblem } from './rcpsp-network.ts';

/**
 * Random acyclic problems: 2–`maxActivities` activities of 0–6 periods, each succeeded by some later
 * activities, 1–3 resources with capacities 1–6 and requests within them.
 */
export function rcpspProblem(maxActivities = 14): fc.Arbitrary<RcpspProblem> {
  return fc
    .record({
      n: fc.integer({ min: 2, max: maxActivities }),
      capacities: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
    })
    .chain(({ n, capacities }) =>
      fc.record({
        durations: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
        successors: fc.tuple(
          ...Array.from({ length: n }, (_, j) =>
            fc
              .uniqueArray(fc.integer({ min: j + 1, max: n }), { maxLength: 3 })
              .map((xs) => xs.filter((x) => x < n)),
          ),
        ),
        requests: fc.tuple(
          ...Array.from({ length: n }, () =>
            fc.tuple(...capacities.map((c) => fc.integer({ min: 0, max: c }))),
          ),
        ),
        capacities: fc.constant(capacities),
      }),
    );
}

/** What is wrong with `starts` for `problem` (empty when feasible), and its makespan. */
export function rcpspViolations(
  problem: RcpspProblem,
  starts: ArrayLike<number>,
): { violations: string[]; makespan: number } {
  const violations: string[] = [];
  const n = problem.durations.length;
  let makespan = 0;
  for (let j = 0; j < n; j++) {
    const s = starts[j]!;
    if (!Number.isInteger(s) || s < 0) violations.push(`activity ${j} starts at ${s}`);
    makespan = Math.max(makespan, s + problem.durations[j]!);
    for (const next of problem.successors[j]!)
      if (starts[next]! < s + problem.durations[j]!)
        violations.push(
          `activity ${next} starts at ${starts[next]}, before ${j} finishes at ${s + problem.durations[j]!}`,
        );
  }
  problem.capacities.forEach((capacity, r) => {
    for (let t = 0; t < makespan; t++) {
      let load = 0;
      for (let j = 0; j < n; j++)
        if (starts[j]! <= t && t < starts[j]! + problem.durations[j]!) load += problem.requests[j]![r]!;
      if (load > capacity) violations.push(`period ${t}: resource ${r} at ${load} of ${capacity}`);
    }
  });
  return { violations, makespan };
}
