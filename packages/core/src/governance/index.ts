// Governance: risk scoring, change sets and their impact, scenarios, phase gates. Pure.
export * from './risk-matrix.ts';
export * from './risk-register.ts';
export * from './change-set.ts';
export * from './impact-analysis.ts';
export * from './phase-gates.ts';
