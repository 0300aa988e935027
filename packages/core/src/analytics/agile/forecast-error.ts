/** Typed errors of throughput forecasting. */

export type ForecastErrorCode =
  /** The history has no completed items, so nothing can be forecast from it. */
  | 'NO_THROUGHPUT'
  /** Arguments that make no forecast: no items, a date before the start, a bad count. */
  | 'INVALID';

export class ForecastError extends Error {
  constructor(
    readonly code: ForecastErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ForecastError';
  }
}
