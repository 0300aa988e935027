/**
 * The three kinds of event the four keys are computed from, as Four Keys models them
 * (github.com/dora-team/fourkeys, `queries/*.sql`). Times are epoch milliseconds (UTC); the core has
 * no clock, so "now" and the window are always given.
 */

/** A successful deployment to the environment being measured (production). */
export interface DoraDeployment {
  id: string;
  /** When the deployment succeeded. */
  at: number;
  /**
   * Commits the deployment names: the deployed head first, then any additional ones (GitHub's
   * `additional_sha`). Empty for a deployment without commits (a config push, a manual job): it counts
   * for frequency and change failure rate but contributes no lead time.
   */
  commits: readonly string[];
  releaseId?: string | null;
}

/** A change: one commit. */
export interface DoraChange {
  sha: string;
  /** The commit's own time (author/commit date): lead time runs from here. */
  committedAt: number;
  /**
   * The commit on the deployed line that carries this change when it is not itself there: the squash
   * commit or merge commit of its pull request. A commit that others land as is a carrier and is not
   * counted as a change of its own.
   */
  landedAs?: string | null;
  /**
   * When the change (or its carrier) reached the deployed line (the push). Deployments contain every
   * change landed up to their head's landing (linear history): this is how a deployment of the latest
   * head also contains earlier, not yet deployed pushes.
   */
  landedAt?: number | null;
}

/** An incident: from an alert, or an issue labelled as an incident. */
export interface DoraIncident {
  id: string;
  createdAt: number;
  /** Null while open. */
  resolvedAt: number | null;
  /** Shas named as root cause (Four Keys: `root cause: <sha>` in the issue). May be empty. */
  rootCauses: readonly string[];
  /** The deployment that caused it, when known directly (a rollback of that deployment, an alert label). */
  deploymentId?: string | null;
}

export interface DoraHistory {
  deployments: readonly DoraDeployment[];
  changes: readonly DoraChange[];
  incidents: readonly DoraIncident[];
}

/** A half-open time window `[from, to)` in epoch milliseconds. */
export interface TimeWindow {
  from: number;
  to: number;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
