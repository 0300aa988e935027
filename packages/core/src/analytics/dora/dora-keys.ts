/**
 * The four keys with Four Keys' definitions (`queries/*.sql` and the dashboard's queries):
 *
 * - **deployment frequency**: bucketed daily / weekly / monthly / yearly (`deployment-frequency.ts`);
 * - **lead time for changes**: median of (deployment time − commit time) over the changes the window's
 *   deployments first shipped, in whole minutes, ignoring non-positive differences (automated pushes);
 * - **change failure rate**: deployments that caused an incident ÷ deployments;
 * - **time to restore**: median of (resolved − created) over the window's resolved incidents, in whole
 *   minutes (Four Keys takes whole hours; minutes keep short outages visible).
 *
 * An incident without a root cause still counts for time to restore but fails no deployment; a
 * deployment without commits counts for frequency and failure rate but has no lead time.
 *
 * Complexity: O(c · d + i) (see `deployment-contents.ts`), then linear per key.
 */
import { deploymentContents, type DeploymentContents } from './deployment-contents.ts';
import { deploymentFrequency, type DeploymentFrequency } from './deployment-frequency.ts';
import { type DoraDeployment, type DoraHistory, MINUTE_MS, type TimeWindow } from './dora-events.ts';
import {
  CHANGE_FAILURE_RATING,
  type ChangeFailureBucket,
  DEPLOYMENT_FREQUENCY_RATING,
  DURATION_RATING,
  type DoraRating,
  type DurationBucket,
  changeFailureBucket,
  durationBucket,
  overallRating,
} from './dora-ratings.ts';
import { median } from './median.ts';

export interface DurationKey {
  /** Median in ms (whole minutes), null when nothing was measured. */
  medianMs: number | null;
  bucket: DurationBucket | null;
  rating: DoraRating | null;
  /** How many values the median is of. */
  count: number;
}

export interface DoraKeys {
  window: TimeWindow;
  /** Rated only when there were deployments (none is "not measured", as for the other keys). */
  deploymentFrequency: DeploymentFrequency & { rating: DoraRating | null };
  leadTime: DurationKey;
  changeFailureRate: {
    /** Null without deployments. */
    rate: number | null;
    failedDeployments: number;
    deployments: number;
    bucket: ChangeFailureBucket | null;
    rating: DoraRating | null;
  };
  timeToRestore: DurationKey & { openIncidents: number };
  /** The team's band: the median of the measured keys' ratings. */
  rating: DoraRating | null;
}

export interface DoraOptions {
  /** Only deployments of this release (and the changes they shipped, the incidents they caused). */
  releaseId?: string;
  /** First event of any kind; deployment frequency counts days from here (see Four Keys). */
  dataStart?: number;
  /** Precomputed joins, when computing several windows over one history. */
  contents?: DeploymentContents;
}

const inWindow = (t: number, w: TimeWindow) => t >= w.from && t < w.to;
const wholeMinutes = (ms: number) => Math.trunc(ms / MINUTE_MS);

function durationKey(minutes: number[]): DurationKey {
  const m = median(minutes);
  if (m === null) return { medianMs: null, bucket: null, rating: null, count: 0 };
  const bucket = durationBucket(m * MINUTE_MS);
  return { medianMs: m * MINUTE_MS, bucket, rating: DURATION_RATING[bucket], count: minutes.length };
}

/**
 * @example
 * const keys = doraKeys({ deployments, changes, incidents }, { from: Date.parse('2026-01-01'), to: Date.parse('2026-04-01') });
 * keys.leadTime.medianMs; keys.deploymentFrequency.bucket; keys.rating;
 */
export function doraKeys(history: DoraHistory, window: TimeWindow, options: DoraOptions = {}): DoraKeys {
  const contents = options.contents ?? deploymentContents(history);
  const ofRelease = (d: DoraDeployment) =>
    options.releaseId === undefined || d.releaseId === options.releaseId;
  const deployments = history.deployments.filter((d) => inWindow(d.at, window) && ofRelease(d));
  const deploymentIds = new Set(deployments.map((d) => d.id));

  const frequency = deploymentFrequency(deployments, window, options.dataStart);

  const leadMinutes = contents.shipped
    .filter((s) => deploymentIds.has(s.deployment.id))
    .map((s) => wholeMinutes(s.leadTimeMs))
    .filter((m) => m > 0);

  const failed = new Set<string>();
  for (const d of contents.causedBy.values()) if (deploymentIds.has(d.id)) failed.add(d.id);
  const rate = deployments.length === 0 ? null : failed.size / deployments.length;
  const cfBucket = rate === null ? null : changeFailureBucket(rate);

  const incidents = history.incidents.filter((i) => {
    if (!inWindow(i.createdAt, window)) return false;
    if (options.releaseId === undefined) return true;
    return contents.causedBy.get(i.id)?.releaseId === options.releaseId;
  });
  const restoreMinutes = incidents
    .filter((i) => i.resolvedAt !== null)
    .map((i) => Math.max(0, wholeMinutes((i.resolvedAt as number) - i.createdAt)));
  const timeToRestore = {
    ...durationKey(restoreMinutes),
    openIncidents: incidents.filter((i) => i.resolvedAt === null).length,
  };
  const leadTime = durationKey(leadMinutes);
  const frequencyRating = deployments.length > 0 ? DEPLOYMENT_FREQUENCY_RATING[frequency.bucket] : null;
  const cfRating = cfBucket === null ? null : CHANGE_FAILURE_RATING[cfBucket];
  return {
    window,
    deploymentFrequency: { ...frequency, rating: frequencyRating },
    leadTime,
    changeFailureRate: {
      rate,
      failedDeployments: failed.size,
      deployments: deployments.length,
      bucket: cfBucket,
      rating: cfRating,
    },
    timeToRestore,
    rating: overallRating([frequencyRating, leadTime.rating, cfRating, timeToRestore.rating]),
  };
}
