import type { Deployment } from './engineering-types.ts';

/** Failed deployments still broken: no successful deployment to the same environment since. */
export function stillFailing(failed: readonly Deployment[], succeeded: readonly Deployment[]): Deployment[] {
  const lastSuccess = new Map<string, string>();
  for (const d of succeeded)
    if ((lastSuccess.get(d.environment) ?? '') < d.deployedAt) lastSuccess.set(d.environment, d.deployedAt);
  return failed.filter((d) => (lastSuccess.get(d.environment) ?? '') < d.deployedAt);
}
