import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GATE_CRITERIA,
  type GateFacts,
  type GateState,
  defaultChecklist,
  evaluateGate,
  missingSignOffs,
  nextPhase,
} from './phase-gates.ts';

const facts: GateFacts = {
  designReviews: { total: 2, undecided: [] },
  requirements: { total: 3, untraced: [] },
  coverage: { evaluable: true, percent: 85 },
  p1Incidents: { evaluable: true, open: [] },
};

function gate(overrides: Partial<GateState> = {}): GateState {
  return {
    phase: 'testing',
    checklist: defaultChecklist('testing').map((i) => ({ ...i, done: true })),
    criteria: DEFAULT_GATE_CRITERIA.testing,
    signOffs: [
      { role: 'pm', decision: 'approved', at: '2026-05-01T10:00:00.000Z' },
      { role: 'tpm', decision: 'approved', at: '2026-05-01T11:00:00.000Z' },
    ],
    requiredRoles: ['pm', 'tpm'],
    ...overrides,
  };
}

describe('evaluateGate', () => {
  it('passes with every item done, every criterion met and both sign-offs', () => {
    const result = evaluateGate(gate(), facts);
    expect(result.canPass).toBe(true);
    expect(result.next).toBe('deployment');
    expect(result.criteria.map((c) => [c.id, c.met])).toEqual([
      ['coverage-threshold', true],
      ['no-open-p1-incident', true],
    ]);
  });

  it.each([
    [
      'coverage-threshold',
      { coverage: { evaluable: true as const, percent: 71.5 } },
      'coverage 71.5% is below 80%',
    ],
    [
      'coverage-threshold',
      { coverage: { evaluable: false as const, reason: 'no coverage data' } },
      'not evaluable: no coverage data',
    ],
    [
      'no-open-p1-incident',
      { p1Incidents: { evaluable: true as const, open: ['INC-7 Payments down'] } },
      'open P1 incident(s): INC-7 Payments down',
    ],
  ])('an unmet %s fails the gate and names the criterion', (id, change, reason) => {
    const result = evaluateGate(gate(), { ...facts, ...change });
    expect(result.canPass).toBe(false);
    expect(result.unmet).toEqual([expect.objectContaining({ kind: 'criterion', id, reason })]);
  });

  it('checks design reviews and traceability on the planning gate', () => {
    const result = evaluateGate(
      gate({ phase: 'planning', criteria: DEFAULT_GATE_CRITERIA.planning, checklist: [] }),
      {
        ...facts,
        designReviews: { total: 1, undecided: ['D-2'] },
        requirements: { total: 2, untraced: ['REQ-4'] },
      },
    );
    expect(result.unmet.map((u) => `${u.name}: ${u.reason}`)).toEqual([
      'design review decided: not decided: D-2',
      'requirements traced: not traced to any work item: REQ-4',
    ]);
  });

  it('needs the latest sign-off of each required role to be an approval', () => {
    const result = evaluateGate(
      gate({
        signOffs: [
          { role: 'pm', decision: 'approved', at: '2026-05-01T10:00:00.000Z' },
          { role: 'pm', decision: 'rejected', at: '2026-05-02T10:00:00.000Z' },
        ],
      }),
      facts,
    );
    expect(result.unmet.map((u) => u.name)).toEqual(['PM sign-off', 'TPM sign-off']);
    expect(
      evaluateGate(
        gate({ requiredRoles: ['pm'], signOffs: [{ role: 'pm', decision: 'approved', at: 'x' }] }),
        facts,
      ).canPass,
    ).toBe(true);
  });

  it('lists open checklist items', () => {
    const checklist = defaultChecklist('testing');
    const result = evaluateGate(gate({ checklist }), facts);
    expect(result.unmet.filter((u) => u.kind === 'checklist')).toHaveLength(checklist.length);
    expect(checklist.filter((i) => i.role === 'tpm').map((i) => i.label)).toContain('Performance validated');
  });

  it('moves through the phases in order', () => {
    expect(
      ['initiation', 'planning', 'execution', 'testing', 'deployment'].map((p) => nextPhase(p as never)),
    ).toEqual(['planning', 'execution', 'testing', 'deployment', 'closed']);
  });
});

describe('missingSignOffs', () => {
  it('names the sign-offs still needed', () => {
    expect(missingSignOffs(['pm', 'tpm'], [{ role: 'pm', decision: 'approved', at: '1' }])).toEqual([
      { role: 'tpm', reason: 'TPM sign-off missing' },
    ]);
    expect(missingSignOffs(['pm'], [])).toEqual([{ role: 'pm', reason: 'PM sign-off missing' }]);
  });
});
