// Earned value and earned schedule: pure functions over a plan, a baseline and a status date.
export * from './evm-error.ts';
export * from './evm-indicators.ts';
export * from './earned-schedule.ts';
export * from './earned-value.ts';
export * from './evm-series.ts';
export * from './periods.ts';
export * from './project-earned-schedule.ts';
export * from './select-baseline.ts';
export * from './task-costs.ts';
export * from './time-phasing.ts';
