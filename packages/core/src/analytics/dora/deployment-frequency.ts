/**
 * Deployment frequency as Four Keys buckets it (`fourkeys_dashboard.json`, "Deployment Frequency"):
 * over the days of the window (from the first day with data on), grouped into weeks (starting Sunday,
 * BigQuery's `WEEK`):
 *
 * - **daily** when the median number of days with a deployment per week is at least 3;
 * - **weekly** when the median week has a deployment;
 * - **monthly** when the median, over the weeks, of the number of deploying weeks in that week's
 *   month is at least 1;
 * - **yearly** otherwise.
 *
 * Complexity: O(d + n) for d days and n deployments.
 */
import { DAY_MS, type DoraDeployment, type TimeWindow } from './dora-events.ts';
import { type DeploymentFrequencyBucket } from './dora-ratings.ts';
import { median } from './median.ts';

export interface DeploymentFrequency {
  bucket: DeploymentFrequencyBucket;
  deployments: number;
  /** Days in the window with at least one deployment. */
  daysDeployed: number;
  /** Weeks considered, and how many had a deployment. */
  weeks: number;
  weeksDeployed: number;
  /** Median deploying days per week (Four Keys' "daily" test). */
  medianDaysPerWeek: number;
}

const dayOf = (t: number) => Math.floor(t / DAY_MS);
/** 1970-01-01 was a Thursday: day 0 is weekday 4 (Sunday = 0). */
const weekOf = (day: number) => day - ((day + 4) % 7);
const monthOf = (day: number) => {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/**
 * @param dataStart the first event of any kind (Four Keys only counts days after its data begins);
 *   defaults to the window's start.
 * @example deploymentFrequency(deployments, { from, to }).bucket // 'weekly'
 */
export function deploymentFrequency(
  deployments: readonly DoraDeployment[],
  window: TimeWindow,
  dataStart?: number,
): DeploymentFrequency {
  const firstDay = dayOf(Math.max(window.from, dataStart ?? window.from));
  const lastDay = dayOf(window.to - 1);
  const deployedDays = new Set<number>();
  let count = 0;
  for (const d of deployments)
    if (d.at >= window.from && d.at < window.to) {
      count++;
      deployedDays.add(dayOf(d.at));
    }
  // week start -> [days deployed in the window's part of that week]
  const weeks = new Map<number, number>();
  for (let day = firstDay; day <= lastDay; day++) {
    const w = weekOf(day);
    weeks.set(w, (weeks.get(w) ?? 0) + (deployedDays.has(day) ? 1 : 0));
  }
  const daysPerWeek = [...weeks.values()];
  const weekDeployed = daysPerWeek.map((n): number => (n > 0 ? 1 : 0));
  const perMonth = new Map<number, number>();
  for (const [w, n] of weeks) perMonth.set(monthOf(w), (perMonth.get(monthOf(w)) ?? 0) + (n > 0 ? 1 : 0));
  const monthlyPerWeek = [...weeks.keys()].map((w) => perMonth.get(monthOf(w)) ?? 0);
  const medianDays = median(daysPerWeek) ?? 0;
  const bucket: DeploymentFrequencyBucket =
    medianDays >= 3
      ? 'daily'
      : (median(weekDeployed) ?? 0) >= 1
        ? 'weekly'
        : (median(monthlyPerWeek) ?? 0) >= 1
          ? 'monthly'
          : 'yearly';
  return {
    bucket,
    deployments: count,
    daysDeployed: deployedDays.size,
    weeks: weeks.size,
    weeksDeployed: weekDeployed.reduce((a, b) => a + b, 0),
    medianDaysPerWeek: medianDays,
  };
}
