import { describe, expect, it } from 'vitest';
import type { EngineeringState } from '../api/engineering-state.ts';
import { formatCoverage } from '../app/format.ts';
import {
  coverageTone,
  engineeringBadges,
  hasEngineeringSignals,
  incidentsTone,
  overallTone,
} from './engineering-state.ts';

const empty: EngineeringState = {
  builds: { total: 0, succeeded: 0, failed: 0, running: 0, lastStatus: null, lastAt: null },
  failingBuilds: [],
  deployments: { total: 0, failed: 0, production: 0, lastProductionAt: null, lastEnvironment: null },
  openIncidents: [],
  coverage: null,
  workItemIds: ['w1'],
};
const state = (patch: Partial<EngineeringState>): EngineeringState => ({ ...empty, ...patch });
const builds = (total: number, failed: number, lastStatus = 'success', running = 0) => ({
  total,
  succeeded: total - failed - running,
  failed,
  running,
  lastStatus,
  lastAt: '2026-02-13T16:19:00.000Z',
});
const failing = (id: string, critical: string[] = []) => ({
  id,
  name: `Build ${id}`,
  branch: 'main',
  sha: null,
  workItemIds: ['w1'],
  url: null,
  criticalWorkItemIds: critical,
});
const incident = (severity: string | null) => ({
  id: `i-${severity}`,
  title: `Outage ${severity}`,
  severity,
  openedAt: '2026-02-10T08:00:00.000Z',
  url: null,
  workItemIds: [],
});
const byKind = (s: EngineeringState) => Object.fromEntries(engineeringBadges(s).map((b) => [b.kind, b]));

describe('engineering badges', () => {
  it('shows nothing when no signal is linked (the quiet empty wording)', () => {
    expect(hasEngineeringSignals(empty)).toBe(false);
    expect(engineeringBadges(empty)).toEqual([]);
    expect(overallTone([])).toBe('neutral');
  });

  it('words a healthy state: builds passing, shipped with its date, no incidents, coverage', () => {
    const b = byKind(
      state({
        builds: builds(236, 10),
        deployments: {
          total: 44,
          failed: 2,
          production: 13,
          lastProductionAt: '2026-02-12T11:00:00.000Z',
          lastEnvironment: 'staging',
        },
        coverage: 82.25,
      }),
    );
    expect(b.builds).toMatchObject({ label: 'Builds passing', tone: 'good' });
    expect(b.builds?.hint).toContain('236 builds so far: 226 succeeded, 10 failed');
    expect(b.deployments).toMatchObject({ label: 'Shipped 12 Feb', tone: 'good' });
    expect(b.deployments?.hint).toContain('12 Feb 2026');
    expect(b.deployments?.hint).toContain('2 deployments failed.');
    expect(b.incidents).toMatchObject({ label: 'No incidents', tone: 'good' });
    expect(b.coverage).toMatchObject({ label: 'Coverage 82.3%', tone: 'good' });
  });

  it('counts failing builds, and those on the critical path', () => {
    const b = byKind(state({ builds: builds(5, 2), failingBuilds: [failing('a', ['w1']), failing('b')] }));
    expect(b.builds).toMatchObject({ label: '2 builds failing (1 critical)', tone: 'bad' });
    expect(b.builds?.hint).toContain('1 on the critical path');
    expect(byKind(state({ builds: builds(1, 1), failingBuilds: [failing('a')] })).builds?.label).toBe(
      '1 build failing',
    );
  });

  it.each([
    ['a running build', builds(3, 0, 'in_progress', 1), 'Build running', 'neutral'],
    ['no builds but a deployment', builds(0, 0), 'No builds', 'neutral'],
  ] as const)('words %s', (_, b, label, tone) => {
    const s = state({
      builds: { ...b },
      deployments: { total: 1, failed: 0, production: 0, lastProductionAt: null, lastEnvironment: 'staging' },
    });
    expect(byKind(s).builds).toMatchObject({ label, tone });
    expect(byKind(s).deployments).toMatchObject({ label: 'Not shipped yet', tone: 'neutral' });
    expect(byKind(s).deployments?.hint).toContain('the latest to staging');
  });

  it('makes open incidents red unless all are minor, and the overall tone the worst', () => {
    expect(incidentsTone([incident('critical'), incident('info')])).toBe('bad');
    expect(incidentsTone([incident(null)])).toBe('bad');
    expect(incidentsTone([incident('info'), incident('low')])).toBe('warn');
    const s = state({ openIncidents: [incident('high')] });
    expect(byKind(s).incidents).toMatchObject({ label: '1 open incident', tone: 'bad' });
    expect(byKind(s).incidents?.hint).toContain('Outage high');
    expect(overallTone(engineeringBadges(s))).toBe('bad');
  });

  it.each([
    [null, '—', 'neutral'],
    [85, '85%', 'good'],
    [61.04, '61%', 'warn'],
    [40, '40%', 'bad'],
    [Number.NaN, '—', 'neutral'],
  ] as const)('coverage %s → %s (%s)', (value, text, tone) => {
    expect(formatCoverage(value)).toBe(text);
    expect(coverageTone(value)).toBe(tone);
  });

  it('never shows NaN or undefined', () => {
    const s = state({ builds: builds(2, 1), failingBuilds: [failing('x')], coverage: 0 });
    for (const b of engineeringBadges(s)) expect(`${b.label} ${b.hint}`).not.toMatch(/NaN|undefined|null/);
  });
});
