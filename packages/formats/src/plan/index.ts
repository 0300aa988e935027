// Public surface of Tandem plan files (YAML/JSON), described in docs/plan-file.md.
export { readPlanFile } from './read-plan-file.ts';
export { writePlanFile } from './write-plan-file.ts';
export type { PlanFormat } from './plan-source.ts';
export type { PlanFormatIssue } from './plan-issues.ts';
