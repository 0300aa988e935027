/** Typed errors of earned value analysis: callers catch what they recognise and rethrow the rest. */

export type EvmErrorCode =
  /** The project has no baselines at all. */
  | 'NO_BASELINE'
  /** No baseline has the requested name. */
  | 'UNKNOWN_BASELINE'
  /** Neither the options nor the project give a status date. */
  | 'NO_STATUS_DATE'
  /** A task or the project names a calendar that does not exist. */
  | 'UNKNOWN_CALENDAR'
  /** Input that cannot be analysed (a negative budget, no planned sprints…). */
  | 'INVALID';

export class EvmError extends Error {
  constructor(
    readonly code: EvmErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EvmError';
  }
}
