/**
 * Rating bands as the Four Keys dashboard buckets each key (`dashboard/fourkeys_dashboard.json`),
 * mapped onto DORA's performance levels.
 *
 * | key                 | elite             | high            | medium           | low                     |
 * | ------------------- | ----------------- | --------------- | ---------------- | ----------------------- |
 * | deployment freq.    | daily             | weekly          | monthly          | yearly                  |
 * | lead time           | < 1 day           | < 1 week        | < 1 month (730h) | six months / one year   |
 * | time to restore     | < 1 day           | < 1 week        | < 1 month (730h) | six months / one year   |
 * | change failure rate | 0–15 %            |                 | 16–45 %          | 46–60 % (and above)     |
 */
import { HOUR_MS } from './dora-events.ts';

export type DoraRating = 'elite' | 'high' | 'medium' | 'low';
export type DeploymentFrequencyBucket = 'daily' | 'weekly' | 'monthly' | 'yearly';
export type DurationBucket = 'one-day' | 'one-week' | 'one-month' | 'six-months' | 'one-year';
export type ChangeFailureBucket = '0-15%' | '16-45%' | '46-60%';

export const DEPLOYMENT_FREQUENCY_RATING: Record<DeploymentFrequencyBucket, DoraRating> = {
  daily: 'elite',
  weekly: 'high',
  monthly: 'medium',
  yearly: 'low',
};

/** Four Keys' duration buckets: `< 24 h`, `< 168 h`, `< 730 h`, `< 730 × 6 h`, else one year. */
export function durationBucket(ms: number): DurationBucket {
  const hours = ms / HOUR_MS;
  if (hours < 24) return 'one-day';
  if (hours < 168) return 'one-week';
  if (hours < 730) return 'one-month';
  if (hours < 730 * 6) return 'six-months';
  return 'one-year';
}

export const DURATION_RATING: Record<DurationBucket, DoraRating> = {
  'one-day': 'elite',
  'one-week': 'high',
  'one-month': 'medium',
  'six-months': 'low',
  'one-year': 'low',
};

/** Four Keys: `<= .15` → 0–15 %, `< .46` → 16–45 %, else 46–60 %. */
export function changeFailureBucket(rate: number): ChangeFailureBucket {
  if (rate <= 0.15) return '0-15%';
  if (rate < 0.46) return '16-45%';
  return '46-60%';
}

export const CHANGE_FAILURE_RATING: Record<ChangeFailureBucket, DoraRating> = {
  '0-15%': 'elite',
  '16-45%': 'medium',
  '46-60%': 'low',
};

const ORDER: DoraRating[] = ['low', 'medium', 'high', 'elite'];

/**
 * One band for the team: the median of the measured keys' levels, rounded down (a team is as good as
 * its middle key, not its best one). Null when nothing was measured.
 */
export function overallRating(ratings: readonly (DoraRating | null)[]): DoraRating | null {
  const ranks = ratings
    .filter((r): r is DoraRating => r !== null)
    .map((r) => ORDER.indexOf(r))
    .sort((a, b) => a - b);
  if (ranks.length === 0) return null;
  return ORDER[ranks[Math.floor((ranks.length - 1) / 2)] as number] as DoraRating;
}
