// How an engineering state (builds, deployments, incidents, coverage) is worded and coloured, for
// people who do not read CI dashboards: one short label per badge, a sentence explaining it, a tone.
import dayjs from 'dayjs';
import type { EngineeringState, OpenIncident } from '../api/engineering-state.ts';
import { formatCoverage, formatInstant } from '../app/format.ts';
import type { Tone } from './status.ts';

export type EngineeringBadgeKind = 'builds' | 'deployments' | 'incidents' | 'coverage';

export interface EngineeringBadge {
  kind: EngineeringBadgeKind;
  /** Short text on the badge. */
  label: string;
  /** What the badge means, in a sentence (tooltip and screen readers). */
  hint: string;
  tone: Tone;
}

/** Whether any build, deployment, incident or coverage figure is linked at all. */
export function hasEngineeringSignals(state: EngineeringState): boolean {
  return (
    state.builds.total > 0 ||
    state.deployments.total > 0 ||
    state.openIncidents.length > 0 ||
    state.failingBuilds.length > 0 ||
    state.coverage !== null
  );
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Failing builds touching work on the critical path now. */
export function criticalFailingBuilds(state: EngineeringState) {
  return state.failingBuilds.filter((b) => b.criticalWorkItemIds.length > 0);
}

const MINOR_SEVERITY = /^(info|informational|low|minor|warning|p4|p5|sev4|sev5)$/i;

/** Open incidents are red, unless every one is informational or low (then a warning). */
export function incidentsTone(incidents: OpenIncident[]): Tone {
  if (incidents.length === 0) return 'good';
  return incidents.every((i) => i.severity !== null && MINOR_SEVERITY.test(i.severity)) ? 'warn' : 'bad';
}

/** Coverage bands: ≥ 80 % good, ≥ 60 % warning, below that bad. */
export function coverageTone(coverage: number | null): Tone {
  if (coverage === null || !Number.isFinite(coverage)) return 'neutral';
  return coverage >= 80 ? 'good' : coverage >= 60 ? 'warn' : 'bad';
}

function buildsBadge(state: EngineeringState): EngineeringBadge {
  const { builds } = state;
  const failing = state.failingBuilds.length;
  const critical = criticalFailingBuilds(state).length;
  const counts = `${plural(builds.total, 'build')} so far: ${builds.succeeded} succeeded, ${builds.failed} failed${builds.running > 0 ? `, ${builds.running} running` : ''}.`;
  if (failing > 0)
    return {
      kind: 'builds',
      label:
        critical > 0
          ? `${plural(failing, 'build')} failing (${critical} critical)`
          : `${plural(failing, 'build')} failing`,
      hint: `${plural(failing, 'build')} failing now (failed, and not fixed by a later run)${critical > 0 ? `; ${critical} on the critical path` : ''}. ${counts}`,
      tone: 'bad',
    };
  if (builds.total === 0)
    return {
      kind: 'builds',
      label: 'No builds',
      hint: 'No CI builds are linked to this work yet.',
      tone: 'neutral',
    };
  if (builds.running > 0 && (builds.lastStatus === 'in_progress' || builds.lastStatus === 'queued'))
    return {
      kind: 'builds',
      label: 'Build running',
      hint: `A build is running now. ${counts}`,
      tone: 'neutral',
    };
  return {
    kind: 'builds',
    label: 'Builds passing',
    hint: `No build is failing now. ${counts}`,
    tone: 'good',
  };
}

function deploymentsBadge(state: EngineeringState): EngineeringBadge {
  const d = state.deployments;
  const failed = d.failed > 0 ? ` ${plural(d.failed, 'deployment')} failed.` : '';
  if (d.production > 0 && d.lastProductionAt)
    return {
      kind: 'deployments',
      label: `Shipped ${dayjs(d.lastProductionAt).format('D MMM')}`,
      hint: `Last deployed to production on ${formatInstant(d.lastProductionAt, 'day')}; ${plural(d.production, 'production deployment')}, ${plural(d.total, 'successful deployment')} in all.${failed}`,
      tone: 'good',
    };
  if (d.total > 0)
    return {
      kind: 'deployments',
      label: 'Not shipped yet',
      hint: `Not deployed to production yet; ${plural(d.total, 'successful deployment')}${d.lastEnvironment ? `, the latest to ${d.lastEnvironment}` : ''}.${failed}`,
      tone: 'neutral',
    };
  return {
    kind: 'deployments',
    label: 'No deployments',
    hint: `Nothing linked to this work has been deployed yet.${failed}`,
    tone: 'neutral',
  };
}

function incidentsBadge(state: EngineeringState): EngineeringBadge {
  const open = state.openIncidents.length;
  return {
    kind: 'incidents',
    label: open === 0 ? 'No incidents' : plural(open, 'open incident'),
    hint:
      open === 0
        ? 'No open incidents (outages, alerts) touch this work.'
        : `${plural(open, 'incident')} open (outages, alerts) touching this work: ${state.openIncidents.map((i) => i.title).join('; ')}.`,
    tone: incidentsTone(state.openIncidents),
  };
}

function coverageBadge(state: EngineeringState): EngineeringBadge {
  return {
    kind: 'coverage',
    label: state.coverage === null ? 'No coverage' : `Coverage ${formatCoverage(state.coverage)}`,
    hint:
      state.coverage === null
        ? 'No build reported test coverage yet.'
        : `${formatCoverage(state.coverage)} of the code is exercised by automated tests (latest build that reported it). 80% or more is good.`,
    tone: coverageTone(state.coverage),
  };
}

/** The badges of a state, in reading order; empty when nothing is linked. */
export function engineeringBadges(state: EngineeringState): EngineeringBadge[] {
  if (!hasEngineeringSignals(state)) return [];
  return [buildsBadge(state), deploymentsBadge(state), incidentsBadge(state), coverageBadge(state)];
}

/** The worst tone of the badges: what the state amounts to, for a single indicator. */
export function overallTone(badges: EngineeringBadge[]): Tone {
  const rank: Record<Tone, number> = { neutral: 0, good: 1, warn: 2, bad: 3 };
  return badges.reduce<Tone>((worst, b) => (rank[b.tone] > rank[worst] ? b.tone : worst), 'neutral');
}
