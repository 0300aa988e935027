/** Typed errors of schedule risk analysis: bad estimates, risks or correlations, named by id. */

export type RiskAnalysisErrorCode =
  'INVALID_ESTIMATE' | 'INVALID_RISK' | 'INVALID_CORRELATION' | 'INVALID_OPTIONS' | 'UNSCHEDULABLE';

export class RiskAnalysisError extends Error {
  constructor(
    readonly code: RiskAnalysisErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RiskAnalysisError';
  }
}
