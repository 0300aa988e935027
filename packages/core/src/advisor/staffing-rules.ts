/**
 * The advisor's rules: each looks at named profile fields and, when it applies, weighs the four
 * staffing options up or down with a sentence saying why. Keeping the rules as data keeps every reason
 * traceable to the fields it read.
 */
import type { StaffingOption } from './option-costs.ts';
import type { ProfileField, ProjectProfile } from './project-profile.ts';

export interface StaffingRule {
  id: string;
  /** The profile fields the rule reads. */
  fields: readonly ProfileField[];
  applies: (p: ProjectProfile) => boolean;
  /** Points per option (positive favours it). */
  weights: Partial<Record<StaffingOption, number>>;
  reason: (p: ProjectProfile) => string;
}

const LARGE_TEAM = 40;
const MID_TEAM = 15;
const SMALL_TEAM = 10;
const MANY_TECHNOLOGIES = 8;

export const STAFFING_RULES: readonly StaffingRule[] = [
  {
    id: 'complexity-high',
    fields: ['technicalComplexity'],
    applies: (p) => p.technicalComplexity === 'high',
    weights: { tpm: 3, pm_tpm: 2, it_pm: 1 },
    reason: () =>
      'Technical complexity is high: someone has to own how the system is built — architecture and ' +
      'design reviews, releases, technical risk — not only what and when.',
  },
  {
    id: 'complexity-medium',
    fields: ['technicalComplexity'],
    applies: (p) => p.technicalComplexity === 'medium',
    weights: { it_pm: 1, tpm: 1 },
    reason: () =>
      'Technical complexity is medium: the leader should be able to follow technical discussions.',
  },
  {
    id: 'complexity-low',
    fields: ['technicalComplexity'],
    applies: (p) => p.technicalComplexity === 'low',
    weights: { pm: 2, it_pm: 1, tpm: -1 },
    reason: () => 'Technical complexity is low: scope, schedule, budget and stakeholders are the main work.',
  },
  {
    id: 'large-team',
    fields: ['teamSize'],
    applies: (p) => p.teamSize >= LARGE_TEAM,
    weights: { pm_tpm: 4 },
    reason: (p) =>
      `A team of ${p.teamSize} is more than one leader can run: split what and when (PM) from how (TPM).`,
  },
  {
    id: 'mid-team',
    fields: ['teamSize'],
    applies: (p) => p.teamSize >= MID_TEAM && p.teamSize < LARGE_TEAM,
    weights: { pm_tpm: 1 },
    reason: (p) => `A team of ${p.teamSize} starts to need both a delivery and a technical lead.`,
  },
  {
    id: 'small-team',
    fields: ['teamSize'],
    applies: (p) => p.teamSize <= SMALL_TEAM,
    weights: { pm_tpm: -3, tpm: 1 },
    reason: (p) =>
      `A team of ${p.teamSize} does not carry two leadership salaries; one hands-on leader is enough.`,
  },
  {
    id: 'many-technologies',
    fields: ['technologyCount'],
    applies: (p) => p.technologyCount >= MANY_TECHNOLOGIES,
    weights: { pm_tpm: 2, tpm: 1 },
    reason: (p) =>
      `${p.technologyCount} technologies have to be integrated: interfaces, versions and releases across ` +
      'teams need a technical coordinator.',
  },
  {
    id: 'one-deep-technology',
    fields: ['technologyCount', 'technicalComplexity'],
    applies: (p) => p.technologyCount <= 2 && p.technicalComplexity === 'high',
    weights: { tpm: 1 },
    reason: (p) =>
      `The work goes deep into ${p.technologyCount === 1 ? 'one technology' : 'few technologies'}: a ` +
      'technical leader who knows it can make the calls a generalist would have to escalate.',
  },
  {
    id: 'strong-leads-large',
    fields: ['strongTechLeads', 'teamSize'],
    applies: (p) => p.strongTechLeads && p.teamSize >= MID_TEAM,
    weights: { pm_tpm: 1 },
    reason: () =>
      'Strong tech leads own the depth in their areas, so the TPM can integrate across them while the ' +
      'PM runs scope, budget and stakeholders.',
  },
  {
    id: 'strong-leads-small',
    fields: ['strongTechLeads', 'teamSize'],
    applies: (p) => p.strongTechLeads && p.teamSize < MID_TEAM,
    weights: { pm: 1 },
    reason: () => 'Strong tech leads already make the technical calls on a team this size.',
  },
  {
    id: 'it-infrastructure',
    fields: ['domain'],
    applies: (p) => p.domain === 'it_infrastructure',
    weights: { it_pm: 3 },
    reason: () =>
      'An IT infrastructure project (deployments, hardware, vendors, cutover) is what IT PMs run.',
  },
  {
    id: 'sponsors-non-technical',
    fields: ['sponsorTechnicality'],
    applies: (p) => p.sponsorTechnicality === 'non_technical',
    weights: { it_pm: 2, pm: 1, pm_tpm: 1 },
    reason: () =>
      'The sponsors are not technical: someone has to translate between them and the technical teams.',
  },
  {
    id: 'sponsors-technical',
    fields: ['sponsorTechnicality'],
    applies: (p) => p.sponsorTechnicality === 'technical',
    weights: { tpm: 1 },
    reason: () => 'The sponsors are technical and can take a technical leader’s reports directly.',
  },
  {
    id: 'in-house-experts',
    fields: ['inHouseExperts'],
    applies: (p) => p.inHouseExperts,
    weights: { pm: 3, tpm: -2 },
    reason: () =>
      'In-house subject-matter experts supply the technical depth; a PM can lean on them instead of ' +
      'hiring it.',
  },
  {
    id: 'uncertain-timeline',
    fields: ['timelineUncertainty'],
    applies: (p) => p.timelineUncertainty === 'high',
    weights: { tpm: 1, pm_tpm: 1 },
    reason: () => 'The timeline is very uncertain: someone close to the engineering has to see slips early.',
  },
  {
    id: 'predictable-timeline',
    fields: ['timelineUncertainty'],
    applies: (p) => p.timelineUncertainty === 'low',
    weights: { pm: 1 },
    reason: () => 'The timeline is predictable: classic planning and control fit it well.',
  },
  {
    id: 'product-manager',
    fields: ['productManagerExists'],
    applies: (p) => p.productManagerExists,
    weights: { tpm: 1 },
    reason: () =>
      'A product manager already owns what to build and for whom, so delivery leadership can focus on how.',
  },
  {
    id: 'no-product-manager-large',
    fields: ['productManagerExists', 'teamSize'],
    applies: (p) => !p.productManagerExists && p.teamSize >= LARGE_TEAM,
    weights: { pm_tpm: 1 },
    reason: () => 'No product manager owns scope on a programme this size: a PM has to.',
  },
  {
    id: 'junior-team',
    fields: ['teamSeniority'],
    applies: (p) => p.teamSeniority === 'junior',
    weights: { tpm: 1, pm_tpm: 1 },
    reason: () => 'A junior team needs technical guidance and reviews.',
  },
  {
    id: 'senior-team',
    fields: ['teamSeniority'],
    applies: (p) => p.teamSeniority === 'senior',
    weights: { pm: 1 },
    reason: () => 'A senior team needs less technical steering.',
  },
];
