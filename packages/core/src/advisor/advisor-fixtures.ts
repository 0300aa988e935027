/** The four seed scenarios of the staffing advisor's acceptance table (issue 7 §7), for tests and docs. */
import type { ProjectProfile } from './project-profile.ts';

const BASE: ProjectProfile = {
  technicalComplexity: 'medium',
  domain: 'software',
  teamSize: 8,
  teamSeniority: 'mixed',
  technologyCount: 3,
  strongTechLeads: false,
  sponsorTechnicality: 'mixed',
  timelineUncertainty: 'medium',
  inHouseExperts: false,
  productManagerExists: false,
};

export const SEED_PROFILES = {
  /** A 5-person team on one deep technology. */
  deepTechnologySquad: {
    ...BASE,
    technicalComplexity: 'high',
    teamSize: 5,
    technologyCount: 1,
    timelineUncertainty: 'high',
    productManagerExists: true,
  },
  /** A 100-person programme with a dozen technologies and strong tech leads. */
  largeProgramme: {
    ...BASE,
    technicalComplexity: 'high',
    teamSize: 100,
    teamSeniority: 'senior',
    technologyCount: 12,
    strongTechLeads: true,
    productManagerExists: true,
  },
  /** Non-technical sponsors on an IT infrastructure rollout. */
  itInfrastructureRollout: {
    ...BASE,
    domain: 'it_infrastructure',
    teamSize: 12,
    technologyCount: 4,
    sponsorTechnicality: 'non_technical',
  },
  /** A PM with in-house IT experts. */
  pmWithInHouseExperts: {
    ...BASE,
    domain: 'business',
    sponsorTechnicality: 'non_technical',
    timelineUncertainty: 'low',
    inHouseExperts: true,
  },
} satisfies Record<string, ProjectProfile>;
