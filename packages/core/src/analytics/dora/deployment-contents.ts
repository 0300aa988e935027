/**
 * Which deployment first shipped each change, and which deployment caused each incident — the joins
 * Four Keys makes between its `deployments`, `changes` and `incidents` tables.
 *
 * A deployment contains a change when it names the change's commit (or its carrier: the squash or
 * merge commit it landed as), or when the deployed head landed on the line no earlier than the change
 * did (linear history: deploying the latest head ships every earlier push too). A commit that other
 * changes land as is a carrier, not a change (a squash commit stands for its pull request's commits).
 *
 * Complexity: O(c · d) in the worst case for c changes and d deployments (d sorted once).
 */
import type { DoraChange, DoraDeployment, DoraHistory, DoraIncident } from './dora-events.ts';

export interface ShippedChange {
  change: DoraChange;
  deployment: DoraDeployment;
  /** Deployment time − commit time, in ms. */
  leadTimeMs: number;
}

export interface DeploymentContents {
  /** Each counted change with the deployment that first contained it (undeployed ones are left out). */
  shipped: ShippedChange[];
  /** Changes not counted because other commits land as them (squash / merge commits). */
  carriers: Set<string>;
  /** Incident id → the deployment it is attributed to (only incidents with a known cause). */
  causedBy: Map<string, DoraDeployment>;
}

export function deploymentContents(history: DoraHistory): DeploymentContents {
  const deployments = [...history.deployments].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const carriers = new Set<string>();
  for (const c of history.changes) if (c.landedAs && c.landedAs !== c.sha) carriers.add(c.landedAs);

  // When each commit reached the deployed line: its own landing, or that of the changes it carries.
  const landed = new Map<string, number>();
  for (const c of history.changes) {
    if (c.landedAt == null) continue;
    for (const sha of [c.sha, c.landedAs])
      if (sha) landed.set(sha, Math.max(landed.get(sha) ?? -Infinity, c.landedAt));
  }
  const headLanded = deployments.map((d) =>
    d.commits[0] === undefined ? undefined : landed.get(d.commits[0]),
  );
  const named = deployments.map((d) => new Set(d.commits));

  const firstContaining = (c: DoraChange): DoraDeployment | undefined => {
    for (let i = 0; i < deployments.length; i++) {
      const set = named[i] as Set<string>;
      if (set.has(c.sha) || (c.landedAs != null && set.has(c.landedAs))) return deployments[i];
      const head = headLanded[i];
      if (head !== undefined && c.landedAt != null && c.landedAt <= head) return deployments[i];
    }
    return undefined;
  };

  const shipped: ShippedChange[] = [];
  const firstBySha = new Map<string, DoraDeployment>();
  for (const c of history.changes) {
    const d = firstContaining(c);
    if (!d) continue;
    firstBySha.set(c.sha, d);
    if (carriers.has(c.sha)) continue;
    shipped.push({ change: c, deployment: d, leadTimeMs: d.at - c.committedAt });
  }

  const byId = new Map(deployments.map((d) => [d.id, d]));
  const causedBy = new Map<string, DoraDeployment>();
  for (const incident of history.incidents) {
    const cause = incidentCause(incident, byId, firstBySha, named, deployments);
    if (cause) causedBy.set(incident.id, cause);
  }
  return { shipped, carriers, causedBy };
}

function incidentCause(
  incident: DoraIncident,
  byId: Map<string, DoraDeployment>,
  firstBySha: Map<string, DoraDeployment>,
  named: Set<string>[],
  deployments: DoraDeployment[],
): DoraDeployment | undefined {
  if (incident.deploymentId) {
    const d = byId.get(incident.deploymentId);
    if (d) return d;
  }
  for (const sha of incident.rootCauses) {
    const d = firstBySha.get(sha);
    if (d) return d;
    // A root cause that is a deployed commit we never saw as a change (no push event).
    const i = named.findIndex((set) => set.has(sha));
    if (i >= 0) return deployments[i];
  }
  return undefined;
}
