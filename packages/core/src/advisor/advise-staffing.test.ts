import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adviseStaffing } from './advise-staffing.ts';
import { SEED_PROFILES } from './advisor-fixtures.ts';
import { optionCosts } from './option-costs.ts';
import {
  PROFILE_DOMAINS,
  PROFILE_LEVELS,
  PROFILE_FIELDS,
  type ProjectProfile,
  SENIORITIES,
  SPONSOR_TECHNICALITIES,
} from './project-profile.ts';
import { DEFAULT_SALARY_FIGURES } from './salary-figures.ts';
import { STAFFING_RULES } from './staffing-rules.ts';

const profileArb: fc.Arbitrary<ProjectProfile> = fc.record({
  technicalComplexity: fc.constantFrom(...PROFILE_LEVELS),
  domain: fc.constantFrom(...PROFILE_DOMAINS),
  teamSize: fc.integer({ min: 1, max: 500 }),
  teamSeniority: fc.constantFrom(...SENIORITIES),
  technologyCount: fc.integer({ min: 1, max: 40 }),
  strongTechLeads: fc.boolean(),
  sponsorTechnicality: fc.constantFrom(...SPONSOR_TECHNICALITIES),
  timelineUncertainty: fc.constantFrom(...PROFILE_LEVELS),
  inHouseExperts: fc.boolean(),
  productManagerExists: fc.boolean(),
});

describe('adviseStaffing: the seed scenarios', () => {
  it.each([
    ['deepTechnologySquad', 'tpm', ['technicalComplexity', 'technologyCount', 'teamSize']],
    ['largeProgramme', 'pm_tpm', ['teamSize', 'technologyCount', 'strongTechLeads']],
    ['itInfrastructureRollout', 'it_pm', ['domain', 'sponsorTechnicality']],
    ['pmWithInHouseExperts', 'pm', ['inHouseExperts']],
  ] as const)('%s → %s, for reasons citing %j', (name, option, cited) => {
    const advice = adviseStaffing(SEED_PROFILES[name]);
    expect(advice.recommendation).toBe(option);
    const fields = new Set(advice.reasons.flatMap((r) => r.fields));
    for (const field of cited) expect(fields).toContain(field);
    // The strongest reason counts for the recommendation.
    expect(advice.reasons[0]!.weight).toBeGreaterThan(0);
  });

  it('names the team size in the large programme’s reasons', () => {
    const advice = adviseStaffing(SEED_PROFILES.largeProgramme);
    expect(advice.reasons.map((r) => r.text).join(' ')).toContain('100');
  });
});

describe('adviseStaffing: costs and sources', () => {
  it('prices every option from the quoted figures, derived ones marked as derived', () => {
    const costs = optionCosts(DEFAULT_SALARY_FIGURES);
    expect(costs.pm).toMatchObject({ annual: 95_000, low: 75_000, high: 130_000 });
    expect(costs.tpm).toMatchObject({ annual: 115_000, low: 90_000, high: 150_000 });
    expect(costs.pm_tpm).toMatchObject({ annual: 210_000, low: 165_000, high: 280_000 });
    expect(costs.it_pm.annual).toBe(95_800); // 115,000 / 1.2, to the nearest 100
    expect(costs.it_pm.lines[0]).toMatchObject({ basis: 'derived' });
    expect(costs.it_pm.lines[0]!.source).toMatch(/20% more than IT PMs/);
    expect(costs.tpm.alternatives[0]).toMatchObject({ amount: 133_000, basis: 'derived' });
    expect(costs.tpm.alternatives[0]!.source).toMatch(/40% more than general PMs/);
    for (const c of Object.values(costs))
      for (const l of c.lines) expect(l.source.length).toBeGreaterThan(10);
  });

  it('states that the quoted figures disagree, and stays quiet when edited figures agree', () => {
    expect(adviseStaffing(SEED_PROFILES.largeProgramme).figuresNote).toMatch(/133,000.*115,000/);
    const agreeing = { ...DEFAULT_SALARY_FIGURES, tpm: { ...DEFAULT_SALARY_FIGURES.tpm, average: 133_000 } };
    expect(adviseStaffing(SEED_PROFILES.largeProgramme, agreeing).figuresNote).toBeNull();
  });

  it('uses edited figures', () => {
    const figures = { ...DEFAULT_SALARY_FIGURES, pm: { ...DEFAULT_SALARY_FIGURES.pm, average: 80_000 } };
    const pm = adviseStaffing(SEED_PROFILES.pmWithInHouseExperts, figures).options.find(
      (o) => o.option === 'pm',
    );
    expect(pm?.cost.annual).toBe(80_000);
  });
});

describe('adviseStaffing: properties', () => {
  it('every reason cites fields the profile has, and only those decide whether it applies', () => {
    fc.assert(
      fc.property(profileArb, profileArb, (profile, other) => {
        const advice = adviseStaffing(profile);
        expect(advice.reasons.length).toBeGreaterThan(0);
        for (const reason of advice.reasons) {
          expect(reason.fields.length).toBeGreaterThan(0);
          for (const field of reason.fields) expect(PROFILE_FIELDS).toContain(field);
          // Traceable: keep the cited fields, change everything else — the rule still applies.
          const rule = STAFFING_RULES.find((r) => r.id === reason.rule)!;
          const mixed = { ...other, ...Object.fromEntries(reason.fields.map((f) => [f, profile[f]])) };
          expect(rule.applies(mixed as ProjectProfile)).toBe(true);
        }
      }),
    );
  });

  it('the recommendation has the best score, and every option is priced and weighed', () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        const advice = adviseStaffing(profile);
        expect(advice.options).toHaveLength(4);
        expect(advice.options[0]!.option).toBe(advice.recommendation);
        for (const o of advice.options) expect(o.score).toBeLessThanOrEqual(advice.options[0]!.score);
        expect(advice.tradeOffs.map((t) => t.option).sort()).toEqual(['it_pm', 'pm', 'pm_tpm', 'tpm']);
      }),
    );
  });
});
