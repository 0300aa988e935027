// Public surface of schedule risk analysis (Monte Carlo): re-exported by @tandem/core.
export { runRiskAnalysis } from './risk-analysis.ts';
export { runRiskAnalysisSync } from './risk-analysis-sync.ts';
export { closeRiskWorkers } from './risk-worker-pool.ts';
export type { RiskAnalysisOptions } from './risk-analysis-sync.ts';
export { RiskAnalysisError } from './risk-errors.ts';
export type { RiskAnalysisErrorCode } from './risk-errors.ts';
export type * from './risk-result.ts';
