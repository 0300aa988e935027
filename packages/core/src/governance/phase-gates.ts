/**
 * Phase gates: Initiation → Planning → Execution → Testing → Deployment → Closed. Each gate closes
 * its phase; it carries the PM's and the TPM's checklist of the phase table (PRODUCT.md §2), technical
 * criteria checked from data (pure predicates over `GateFacts`), and needs the PM's and TPM's
 * sign-offs. `evaluateGate` says whether it may pass and names every unmet condition.
 */

export const PROJECT_PHASES = [
  'initiation',
  'planning',
  'execution',
  'testing',
  'deployment',
  'closed',
] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];
/** Phases that end with a gate (every one but closed). */
export const GATE_PHASES = ['initiation', 'planning', 'execution', 'testing', 'deployment'] as const;
export type GatePhase = (typeof GATE_PHASES)[number];

export type SignOffRole = 'pm' | 'tpm';

/** The phase a passed gate leads to. */
export function nextPhase(phase: GatePhase): ProjectPhase {
  return PROJECT_PHASES[PROJECT_PHASES.indexOf(phase) + 1] as ProjectPhase;
}

export interface ChecklistItem {
  id: string;
  role: SignOffRole;
  label: string;
  done: boolean;
  note?: string | undefined;
}

type Items = { id: string; label: string }[];

/** The checklists of the phase table: what the PM and the TPM own in each phase. */
export const PHASE_CHECKLISTS: Record<GatePhase, { pm: Items; tpm: Items }> = {
  initiation: {
    pm: [
      { id: 'objectives', label: 'Objectives agreed with the sponsor' },
      { id: 'stakeholder-scope', label: 'Stakeholders and scope identified' },
    ],
    tpm: [
      { id: 'technical-feasibility', label: 'Technical feasibility assessed' },
      { id: 'technical-constraints', label: 'Technical constraints recorded' },
    ],
  },
  planning: {
    pm: [
      { id: 'schedule', label: 'Schedule agreed and baselined' },
      { id: 'budget', label: 'Budget approved' },
      { id: 'communication-plan', label: 'Communication plan agreed' },
    ],
    tpm: [
      { id: 'technical-roadmap', label: 'Technical roadmap agreed' },
      { id: 'system-architecture', label: 'System architecture reviewed' },
    ],
  },
  execution: {
    pm: [
      { id: 'deliverables', label: 'Deliverables complete and accepted' },
      { id: 'budget', label: 'Budget tracked against the baseline' },
      { id: 'stakeholder-alignment', label: 'Stakeholders aligned on progress' },
    ],
    tpm: [
      { id: 'engineering-resources', label: 'Engineering resources in place' },
      { id: 'code-releases', label: 'Code releases delivered' },
    ],
  },
  testing: {
    pm: [
      { id: 'testing-cycles', label: 'Testing cycles complete' },
      { id: 'uat', label: 'UAT coordinated and signed off' },
    ],
    tpm: [
      { id: 'technical-qa', label: 'Technical QA complete' },
      { id: 'performance', label: 'Performance validated' },
    ],
  },
  deployment: {
    pm: [
      { id: 'communication', label: 'Go-live communication sent' },
      { id: 'handover', label: 'Handover to operations complete' },
    ],
    tpm: [
      { id: 'cutover', label: 'Technical cutover done' },
      { id: 'production-stability', label: 'Production stable' },
    ],
  },
};

/** The phase's checklist, nothing done. */
export function defaultChecklist(phase: GatePhase): ChecklistItem[] {
  const lists = PHASE_CHECKLISTS[phase];
  return [
    ...lists.pm.map((i) => ({ id: `pm:${i.id}`, role: 'pm' as const, label: i.label, done: false })),
    ...lists.tpm.map((i) => ({ id: `tpm:${i.id}`, role: 'tpm' as const, label: i.label, done: false })),
  ];
}

export const TECHNICAL_CRITERIA = [
  'design-review-decided',
  'requirements-traced',
  'coverage-threshold',
  'no-open-p1-incident',
] as const;
export type TechnicalCriterionId = (typeof TECHNICAL_CRITERIA)[number];

export interface CriterionConfig {
  id: TechnicalCriterionId;
  /** coverage-threshold: the minimum line coverage in percent (default 80). */
  threshold?: number | undefined;
}

export const DEFAULT_COVERAGE_THRESHOLD = 80;

/** Technical criteria of each gate unless the gate says otherwise. */
export const DEFAULT_GATE_CRITERIA: Record<GatePhase, CriterionConfig[]> = {
  initiation: [],
  planning: [{ id: 'design-review-decided' }, { id: 'requirements-traced' }],
  execution: [
    { id: 'requirements-traced' },
    { id: 'coverage-threshold', threshold: DEFAULT_COVERAGE_THRESHOLD },
  ],
  testing: [
    { id: 'coverage-threshold', threshold: DEFAULT_COVERAGE_THRESHOLD },
    { id: 'no-open-p1-incident' },
  ],
  deployment: [{ id: 'no-open-p1-incident' }],
};

/** A fact that could not be established from the data, with why (it fails its criterion). */
export interface NotEvaluable {
  evaluable: false;
  reason: string;
}

/** What the technical criteria are checked against, gathered from the project's data. */
export interface GateFacts {
  /** Technical decisions (ADRs) of the project: keys of those not yet decided. */
  designReviews: { total: number; undecided: string[] };
  /** Requirements in scope: keys of those linked to no work item. */
  requirements: { total: number; untraced: string[] };
  /** Latest line coverage in percent. */
  coverage: { evaluable: true; percent: number; source?: string } | NotEvaluable;
  /** Keys or titles of open P1 (highest severity) incidents. */
  p1Incidents: { evaluable: true; open: string[] } | NotEvaluable;
}

export const CRITERION_NAMES: Record<TechnicalCriterionId, string> = {
  'design-review-decided': 'design review decided',
  'requirements-traced': 'requirements traced',
  'coverage-threshold': 'test coverage at or above the threshold',
  'no-open-p1-incident': 'no open P1 incident',
};

export interface CriterionResult {
  id: TechnicalCriterionId;
  name: string;
  met: boolean;
  /** Why it is met or not, with the figures. */
  detail: string;
}

/** Checks one technical criterion against the facts. */
export function checkCriterion(config: CriterionConfig, facts: GateFacts): CriterionResult {
  const name = CRITERION_NAMES[config.id];
  const result = (met: boolean, detail: string): CriterionResult => ({ id: config.id, name, met, detail });
  switch (config.id) {
    case 'design-review-decided': {
      const d = facts.designReviews;
      if (d.total === 0) return result(false, 'no technical decision (design review) is recorded');
      return d.undecided.length === 0
        ? result(true, `${d.total} technical decision(s), all decided`)
        : result(false, `not decided: ${d.undecided.join(', ')}`);
    }
    case 'requirements-traced': {
      const r = facts.requirements;
      if (r.total === 0) return result(false, 'no requirement is recorded');
      return r.untraced.length === 0
        ? result(true, `${r.total} requirement(s), all traced to work items`)
        : result(false, `not traced to any work item: ${r.untraced.join(', ')}`);
    }
    case 'coverage-threshold': {
      const threshold = config.threshold ?? DEFAULT_COVERAGE_THRESHOLD;
      const c = facts.coverage;
      if (!c.evaluable) return result(false, `not evaluable: ${c.reason}`);
      return c.percent >= threshold
        ? result(true, `coverage ${c.percent}% ≥ ${threshold}%`)
        : result(false, `coverage ${c.percent}% is below ${threshold}%`);
    }
    case 'no-open-p1-incident': {
      const i = facts.p1Incidents;
      if (!i.evaluable) return result(false, `not evaluable: ${i.reason}`);
      return i.open.length === 0
        ? result(true, 'no open P1 incident')
        : result(false, `open P1 incident(s): ${i.open.join(', ')}`);
    }
  }
}

export interface GateSignOff {
  role: SignOffRole;
  decision: 'approved' | 'rejected';
  /** ISO timestamp; the latest sign-off of a role counts. */
  at: string;
}

export interface GateState {
  phase: GatePhase;
  checklist: ChecklistItem[];
  criteria: CriterionConfig[];
  signOffs: GateSignOff[];
  /** Whose sign-off is needed: the PM's, and the TPM's on projects that have one. */
  requiredRoles: SignOffRole[];
}

export interface UnmetCondition {
  kind: 'checklist' | 'criterion' | 'sign-off';
  id: string;
  /** `design review decided`, `TPM sign-off`, a checklist label. */
  name: string;
  reason: string;
}

export interface GateEvaluation {
  phase: GatePhase;
  next: ProjectPhase;
  canPass: boolean;
  criteria: CriterionResult[];
  unmet: UnmetCondition[];
}

/** The latest sign-off decision of each role. */
export function latestSignOffs<T extends { role: string; decision: string; at: string }>(
  signOffs: readonly T[],
): Map<string, T> {
  const latest = new Map<string, T>();
  for (const s of signOffs) {
    const seen = latest.get(s.role);
    if (!seen || s.at >= seen.at) latest.set(s.role, s);
  }
  return latest;
}

/**
 * Whether a gate may pass: every checklist item done, every technical criterion met, and the latest
 * sign-off of each required role an approval. `unmet` names each condition that is not.
 *
 * @example
 * evaluateGate(gate, facts).unmet[0]; // { kind: 'criterion', id: 'coverage-threshold', name: 'test coverage at or above the threshold', reason: 'coverage 71% is below 80%' }
 */
export function evaluateGate(gate: GateState, facts: GateFacts): GateEvaluation {
  const unmet: UnmetCondition[] = [];
  for (const item of gate.checklist)
    if (!item.done)
      unmet.push({
        kind: 'checklist',
        id: item.id,
        name: item.label,
        reason: `${item.role.toUpperCase()} checklist item not done`,
      });
  const criteria = gate.criteria.map((c) => checkCriterion(c, facts));
  for (const c of criteria)
    if (!c.met) unmet.push({ kind: 'criterion', id: c.id, name: c.name, reason: c.detail });
  const latest = latestSignOffs(gate.signOffs);
  for (const role of gate.requiredRoles) {
    const s = latest.get(role);
    const name = `${role.toUpperCase()} sign-off`;
    if (!s)
      unmet.push({
        kind: 'sign-off',
        id: role,
        name,
        reason: `the ${role.toUpperCase()} has not signed off`,
      });
    else if (s.decision !== 'approved')
      unmet.push({ kind: 'sign-off', id: role, name, reason: `the ${role.toUpperCase()} rejected the gate` });
  }
  return { phase: gate.phase, next: nextPhase(gate.phase), canPass: unmet.length === 0, criteria, unmet };
}

/** Sign-offs a change request still needs (approval by the PM, and the TPM where the project has one). */
export function missingSignOffs(
  requiredRoles: readonly SignOffRole[],
  signOffs: readonly { role: string; decision: string; at: string }[],
): { role: SignOffRole; reason: string }[] {
  const latest = latestSignOffs(signOffs);
  const missing: { role: SignOffRole; reason: string }[] = [];
  for (const role of requiredRoles) {
    const s = latest.get(role);
    if (!s) missing.push({ role, reason: `${role.toUpperCase()} sign-off missing` });
    else if (s.decision !== 'approved') missing.push({ role, reason: `${role.toUpperCase()} rejected` });
  }
  return missing;
}
