// Public surface of resource levelling: RCPSP heuristics in whole periods (PSPLIB), and levelling of
// real plans in working time (MS Project style).
export { RcpspError, compileRcpsp } from './rcpsp-network.ts';
export type { RcpspNetwork, RcpspProblem } from './rcpsp-network.ts';
export { solveRcpsp } from './solve-rcpsp.ts';
export type { RcpspResult, SolveRcpspOptions } from './solve-rcpsp.ts';
export { PRIORITY_RULES, priorityList, priorityValues } from './priority-rules.ts';
export type { PriorityRule } from './priority-rules.ts';
export { levelProject } from './level-project.ts';
export type { LevelProjectOptions, LevellingDelay, ProjectLevelling } from './level-project.ts';
export {
  describeOverAllocation,
  findOverAllocations,
  resourceDemands,
  resourceHistograms,
} from './resource-load.ts';
export type { HistogramDay, OverAllocation, ResourceDemand, ResourceHistogram } from './resource-load.ts';
