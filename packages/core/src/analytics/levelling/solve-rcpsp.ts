/**
 * The entry point for resource-constrained scheduling in whole periods: compile, run the genetic
 * algorithm within a budget of generated schedules, return the best schedule found.
 */
import { geneticAlgorithm } from './genetic-algorithm.ts';
import type { RcpspProblem } from './rcpsp-network.ts';
import { compileRcpsp } from './rcpsp-network.ts';

export interface SolveRcpspOptions {
  /** Schedule generations to spend (each serial SGS pass counts one). Default 5,000. */
  schedules?: number;
  /** Seed of the random choices: the same seed gives the same schedule. Default 1. */
  seed?: number;
}

export interface RcpspResult {
  /** Start period of each activity (0-based, in problem order). */
  starts: number[];
  makespan: number;
  /** Critical-path length with resources ignored (PSPLIB's MPM-Time). */
  criticalPath: number;
  /** The larger of the critical path and each resource's work ÷ capacity: no schedule is shorter. */
  lowerBound: number;
  /** Schedule generations spent; below the budget when the lower bound was reached. */
  schedules: number;
}

/**
 * Levels an RCPSP instance: a schedule that respects every precedence and never uses more of a
 * resource in a period than its capacity, as short as the budget allows. Deterministic for a seed.
 * Throws `RcpspError` for an invalid or infeasible problem.
 *
 * @example
 * const result = solveRcpsp({ durations: [0, 3, 2, 0], successors: [[1, 2], [3], [3], []],
 *   requests: [[0], [2], [2], [0]], capacities: [3] }, { schedules: 100, seed: 1 });
 * result.makespan; // 5: the two jobs cannot overlap
 * result.starts;   // [0, 0, 3, 5] (or [0, 2, 0, 5])
 *
 * Complexity: O(schedules · n·d·k) for n activities of about d periods on k resources.
 */
export function solveRcpsp(problem: RcpspProblem, options: SolveRcpspOptions = {}): RcpspResult {
  const net = compileRcpsp(problem);
  const solution = geneticAlgorithm(net, { schedules: options.schedules ?? 5000, seed: options.seed ?? 1 });
  return {
    starts: Array.from(solution.start),
    makespan: solution.makespan,
    criticalPath: net.criticalPath,
    lowerBound: net.lowerBound,
    schedules: solution.schedules,
  };
}
