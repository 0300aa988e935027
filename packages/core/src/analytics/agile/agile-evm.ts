/**
 * AgileEVM: earned value for a Scrum release measured in story points (T. Sulaiman, B. Barton and
 * T. Blackburn, "AgileEVM – Earned Value Management in Scrum Projects", Agile 2006, IEEE). After sprint n
 * of L planned:
 *
 *   PPC = n / L               (planned percent complete)      PV = PPC × BAC
 *   APC = RPC / PRP           (actual percent complete)       EV = APC × BAC
 *   AC  = cost of sprints 1..n                                SPI = EV / PV, CPI = EV / AC
 *
 * where PRP is the planned release points (grown by points added to the release) and RPC the release
 * points completed. The release is forecast to take n / APC sprints in all, which is L / SPI, the same
 * number as dividing the remaining points by the mean velocity RPC / n.
 */
import type { LocalDate } from '../../model/project.ts';
import { formatLocalDate, parseLocal } from '../../time/local-time.ts';
import { EvmError } from '../evm/evm-error.ts';
import { type EvmIndicators, evmIndicators, ratio } from '../evm/evm-indicators.ts';

export interface SprintResult {
  /** Story points accepted in the sprint. */
  pointsCompleted: number;
  /** Story points added to (or, negative, removed from) the release during the sprint. */
  pointsAdded?: number;
  /** What the sprint cost. */
  cost: number;
}

export interface AgileEvmInput {
  /** The release budget (BAC). */
  budget: number;
  /** Sprints planned for the release (L). */
  plannedSprints: number;
  /** Story points planned for the release at the start (PRP). */
  plannedPoints: number;
  /** Sprints done so far, in order. */
  sprints: readonly SprintResult[];
  /** First day of sprint 1, and the sprint length in calendar days, to date the forecast. */
  start?: LocalDate;
  sprintLengthDays?: number;
}

export interface AgileEvmSprint extends EvmIndicators {
  /** n: 1 for the first sprint. */
  sprint: number;
  pointsCompleted: number;
  pointsAdded: number;
  /** PRP after this sprint's additions. */
  plannedReleasePoints: number;
  /** RPC: points completed in the release so far. */
  releasePointsCompleted: number;
  /** PPC = n / L, at most 1 (after the planned sprints everything was planned). */
  plannedPercentComplete: number;
  /** APC = RPC / PRP. */
  actualPercentComplete: number;
  /** Mean velocity RPC / n. */
  meanVelocity: number;
  /** Sprints the release is forecast to take in all: n / APC = L / SPI; `null` while nothing is done. */
  forecastSprints: number | null;
  /** Last day of the sprint the release is forecast to end in, when `start` and the length are given. */
  forecastReleaseDate: LocalDate | null;
}

/**
 * AgileEVM after every sprint of `input.sprints`.
 *
 * @example
 * agileEvm({ budget: 100_000, plannedSprints: 10, plannedPoints: 200,
 *   sprints: [{ pointsCompleted: 15, cost: 10_000 }] })[0].spi; // 0.75
 *
 * Complexity: O(sprints).
 */
export function agileEvm(input: AgileEvmInput): AgileEvmSprint[] {
  const { budget, plannedSprints, plannedPoints } = input;
  if (!(plannedSprints > 0))
    throw new EvmError('INVALID', `Planned sprints must be positive, got ${plannedSprints}`);
  if (!(plannedPoints > 0))
    throw new EvmError('INVALID', `Planned points must be positive, got ${plannedPoints}`);
  if (!(budget >= 0)) throw new EvmError('INVALID', `The budget must not be negative, got ${budget}`);
  const start = input.start !== undefined ? parseLocal(input.start) : undefined;
  const length = input.sprintLengthDays;

  let prp = plannedPoints;
  let rpc = 0;
  let ac = 0;
  return input.sprints.map((s, i): AgileEvmSprint => {
    const n = i + 1;
    const added = s.pointsAdded ?? 0;
    prp += added;
    rpc += s.pointsCompleted;
    ac += s.cost;
    const ppc = Math.min(1, n / plannedSprints);
    const apc = prp > 0 ? rpc / prp : 0;
    const forecastSprints = ratio(n, apc);
    const forecastReleaseDate =
      forecastSprints !== null && start !== undefined && length !== undefined && length > 0
        ? formatLocalDate(start + (Math.ceil(forecastSprints - 1e-9) * length - 1) * 1440)
        : null;
    return {
      sprint: n,
      pointsCompleted: s.pointsCompleted,
      pointsAdded: added,
      plannedReleasePoints: prp,
      releasePointsCompleted: rpc,
      plannedPercentComplete: ppc,
      actualPercentComplete: apc,
      meanVelocity: rpc / n,
      forecastSprints,
      forecastReleaseDate,
      ...evmIndicators({ bac: budget, pv: ppc * budget, ev: apc * budget, ac }),
    };
  });
}
