import { adviseStaffing } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.ts';
import { readAdvisorProfile } from './advisor-profile.ts';

const YAML = `
technicalComplexity: medium
domain: it_infrastructure
teamSize: 12
teamSeniority: mixed
technologyCount: 4
strongTechLeads: false
sponsorTechnicality: non_technical
timelineUncertainty: medium
inHouseExperts: false
productManagerExists: false
`;

describe('readAdvisorProfile', () => {
  it('reads a bare profile with the default figures', () => {
    const { profile, figures } = readAdvisorProfile(YAML);
    expect(adviseStaffing(profile, figures).recommendation).toBe('it_pm');
    expect(figures.pm.average).toBe(95_000);
  });

  it('reads a profile with edited figures', () => {
    const json = JSON.stringify({
      profile: readAdvisorProfile(YAML).profile,
      figures: { currency: 'GBP', pm: { average: 60_000, source: 'Our HR, 2026' } },
    });
    const { figures } = readAdvisorProfile(json);
    expect(figures).toMatchObject({ currency: 'GBP', pm: { average: 60_000 }, tpm: { average: 115_000 } });
  });

  it('names every bad field', () => {
    const bad = YAML.replace('teamSize: 12', 'teamSize: -1').replace(
      'domain: it_infrastructure',
      'domain: space',
    );
    expect(() => readAdvisorProfile(bad)).toThrow(FormatError);
    try {
      readAdvisorProfile(bad);
    } catch (error) {
      expect((error as FormatError).issues.map((i) => i.path).sort()).toEqual(['domain', 'teamSize']);
    }
    expect(() => readAdvisorProfile('a: [')).toThrow(/advisor-profile|YAML/);
  });
});
