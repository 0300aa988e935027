/** What each staffing option gives and gives up, with notes that depend on the profile. */
import type { StaffingOption } from './option-costs.ts';
import type { ProfileField, ProjectProfile } from './project-profile.ts';

export interface TradeOff {
  option: StaffingOption;
  gains: string[];
  costs: string[];
  /** Profile-specific notes, each with the fields it came from. */
  notes: { text: string; fields: ProfileField[] }[];
}

const BASE: Record<StaffingOption, { gains: string[]; costs: string[] }> = {
  pm: {
    gains: ['Lowest cost', 'Strong on scope, schedule, budget, vendors and stakeholders'],
    costs: ['Technical decisions are escalated or left to the team', 'Technical risk is seen late'],
  },
  it_pm: {
    gains: [
      'Translates between non-technical sponsors and technical teams',
      'Knows deployments, hardware, vendors and cutovers',
    ],
    costs: ['Less depth on software architecture and engineering practices than a TPM'],
  },
  tpm: {
    gains: [
      'Owns architecture reviews, releases, quality and technical risk',
      'Credible with engineers; makes technical trade-offs quickly',
    ],
    costs: [
      'Costs more than a PM',
      'Stakeholder management, budget and governance compete for the same person’s time',
    ],
  },
  pm_tpm: {
    gains: [
      'Each lens gets a full-time owner: what and when (PM), how (TPM)',
      'Status is told twice: once for the boardroom, once for the engineers',
    ],
    costs: ['Highest cost', 'Two leaders must agree on priorities; roles need clear boundaries'],
  },
};

export function tradeOffs(p: ProjectProfile): TradeOff[] {
  const notes: Record<StaffingOption, TradeOff['notes']> = { pm: [], it_pm: [], tpm: [], pm_tpm: [] };
  if (p.teamSize <= 10)
    notes.pm_tpm.push({
      text: `Two leaders for ${p.teamSize} people is a heavy overhead.`,
      fields: ['teamSize'],
    });
  if (p.technicalComplexity === 'high')
    notes.pm.push({
      text: 'With high technical complexity, a PM alone depends on the team for every technical call.',
      fields: ['technicalComplexity'],
    });
  if (p.sponsorTechnicality === 'non_technical')
    notes.tpm.push({
      text: 'Non-technical sponsors will need the TPM’s reports translated.',
      fields: ['sponsorTechnicality'],
    });
  if (p.inHouseExperts)
    notes.tpm.push({
      text: 'In-house experts would overlap with much of what a TPM brings.',
      fields: ['inHouseExperts'],
    });
  if (p.teamSize >= 40)
    notes.tpm.push({
      text: `One TPM cannot also run stakeholders and budget for ${p.teamSize} people.`,
      fields: ['teamSize'],
    });
  if (p.domain !== 'it_infrastructure')
    notes.it_pm.push({
      text: 'The IT PM’s home ground is IT infrastructure; this project is not.',
      fields: ['domain'],
    });
  return (Object.keys(BASE) as StaffingOption[]).map((option) => ({
    option,
    ...BASE[option],
    notes: notes[option],
  }));
}
