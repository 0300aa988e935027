/**
 * What the staffing advisor needs to know about a project (PRODUCT.md §5). Every field is named so a
 * recommendation's reasons can point back at the ones they came from.
 */

export const PROFILE_LEVELS = ['low', 'medium', 'high'] as const;
export type ProfileLevel = (typeof PROFILE_LEVELS)[number];

export const PROFILE_DOMAINS = [
  'software',
  'it_infrastructure',
  'security',
  'data',
  'hardware',
  'business',
  'other',
] as const;
export type ProfileDomain = (typeof PROFILE_DOMAINS)[number];

export const SENIORITIES = ['junior', 'mixed', 'senior'] as const;
export type Seniority = (typeof SENIORITIES)[number];

export const SPONSOR_TECHNICALITIES = ['non_technical', 'mixed', 'technical'] as const;
export type SponsorTechnicality = (typeof SPONSOR_TECHNICALITIES)[number];

export interface ProjectProfile {
  /** How hard the technical work is: architecture, integration, performance, security. */
  technicalComplexity: ProfileLevel;
  /** What kind of project: `it_infrastructure` covers deployments, hardware and office roll-outs. */
  domain: ProfileDomain;
  /** People on the project team. */
  teamSize: number;
  teamSeniority: Seniority;
  /** Distinct technologies (languages, platforms, products) the team builds on or integrates. */
  technologyCount: number;
  /** The team has tech leads who already own the technical calls in their areas. */
  strongTechLeads: boolean;
  /** How technical the sponsors and executives are. */
  sponsorTechnicality: SponsorTechnicality;
  /** How uncertain the timeline is (unknowns, research, new technology). */
  timelineUncertainty: ProfileLevel;
  /** Subject-matter experts in the organisation the project can lean on. */
  inHouseExperts: boolean;
  /** A product manager already owns what to build and for whom. */
  productManagerExists: boolean;
}

export type ProfileField = keyof ProjectProfile;

/** The fields of a profile, for checks that a reason names real ones. */
export const PROFILE_FIELDS: readonly ProfileField[] = [
  'technicalComplexity',
  'domain',
  'teamSize',
  'teamSeniority',
  'technologyCount',
  'strongTechLeads',
  'sponsorTechnicality',
  'timelineUncertainty',
  'inHouseExperts',
  'productManagerExists',
];

/** Human labels for the fields, as reasons and forms show them. */
export const PROFILE_FIELD_LABELS: Record<ProfileField, string> = {
  technicalComplexity: 'Technical complexity',
  domain: 'Domain',
  teamSize: 'Team size',
  teamSeniority: 'Team seniority',
  technologyCount: 'Number of technologies',
  strongTechLeads: 'Strong tech leads',
  sponsorTechnicality: 'How technical the sponsors are',
  timelineUncertainty: 'Timeline uncertainty',
  inHouseExperts: 'In-house subject-matter experts',
  productManagerExists: 'A product manager exists',
};
