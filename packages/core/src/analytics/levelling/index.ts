// Public surface of resource levelling: RCPSP heuristics in whole periods, and levelling of real plans.
export { RcpspError, compileRcpsp } from './rcpsp-network.ts';
export type { RcpspNetwork, RcpspProblem } from './rcpsp-network.ts';
export { solveRcpsp } from './solve-rcpsp.ts';
export type { RcpspResult, SolveRcpspOptions } from './solve-rcpsp.ts';
export { PRIORITY_RULES, priorityList, priorityValues } from './priority-rules.ts';
export type { PriorityRule } from './priority-rules.ts';
