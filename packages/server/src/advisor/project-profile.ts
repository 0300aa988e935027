/**
 * A staffing profile of a stored project: the one the team saved (`projects.staffing_profile`), or
 * one derived from what the project already records — resources, skills, work items, requirements,
 * stakeholders — with, for every field, the data it came from (or that it is an assumption).
 */
import { type ProfileField, type ProjectProfile } from '@tandem/core';
import { projectProfileSchema } from '@tandem/formats';
import type { Db } from '../repositories/transaction.ts';

export interface StoredProjectProfile {
  profile: ProjectProfile;
  source: 'saved' | 'derived';
  /** Per field, where its value came from. */
  derivedFrom: Record<ProfileField, string>;
}

const IT_INFRASTRUCTURE =
  /\b(infrastructure|roll-?out|hardware|servers?|network|office|laptops?|devices?|data ?cent(er|re))\b/i;
const SECURITY = /\b(security|ransomware|firewall|identity|compliance)\b/i;
const PRODUCT_MANAGER = /\bproduct (manager|owner)\b/i;
const EXPERT = /\b(expert|sme|specialist|subject[- ]matter)\b/i;
const TECH_LEAD = /\b(tech(nical)? lead|lead engineer|architect|principal engineer|staff engineer)\b/i;

export async function projectStaffingProfile(
  db: Db,
  workspaceId: string,
  projectId: string,
): Promise<StoredProjectProfile> {
  const project = await db
    .selectFrom('projects')
    .select(['name', 'description', 'scope', 'staffing_profile'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', projectId)
    .executeTakeFirstOrThrow();
  const saved = projectProfileSchema.safeParse(project.staffing_profile);
  if (saved.success) {
    const fields = Object.keys(saved.data) as ProfileField[];
    return {
      profile: saved.data,
      source: 'saved',
      derivedFrom: Object.fromEntries(fields.map((f) => [f, 'saved with the project'])) as Record<
        ProfileField,
        string
      >,
    };
  }
  return deriveProfile(
    db,
    workspaceId,
    projectId,
    `${project.name} ${project.description ?? ''} ${project.scope ?? ''}`,
  );
}

async function deriveProfile(
  db: Db,
  workspaceId: string,
  projectId: string,
  about: string,
): Promise<StoredProjectProfile> {
  const [resources, items, requirements, stakeholders, members] = await Promise.all([
    db
      .selectFrom('resources')
      .select(['name', 'type', 'role', 'skills'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .execute(),
    db
      .selectFrom('work_items')
      .select(['track', 'estimate', 'type'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .execute(),
    db
      .selectFrom('requirements')
      .select(['kind'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .execute(),
    db
      .selectFrom('stakeholders')
      .select(['name', 'title', 'detail_level', 'influence'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .execute(),
    db
      .selectFrom('project_members')
      .select(['user_id'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .execute(),
  ]);
  const people = resources.filter((r) => r.type === 'work');
  const teamSize = Math.max(1, people.length, members.length);
  const skills = new Set(people.flatMap((r) => r.skills.map((s) => s.toLowerCase())));
  const tracked = items.filter((i) => i.track !== null);
  const technicalShare =
    tracked.length === 0 ? null : tracked.filter((i) => i.track === 'technical').length / tracked.length;
  const nonFunctional = requirements.filter((r) => r.kind === 'non_functional').length;
  const complexity =
    technicalShare === null
      ? 'medium'
      : technicalShare >= 0.5 || nonFunctional >= 5
        ? 'high'
        : technicalShare >= 0.2
          ? 'medium'
          : 'low';
  const estimated = items.filter((i) => i.estimate !== null && i.estimate.mostLikely > 0);
  const spread =
    estimated.length === 0
      ? null
      : estimated.reduce(
          (s, i) => s + (i.estimate!.pessimistic - i.estimate!.optimistic) / i.estimate!.mostLikely,
          0,
        ) / estimated.length;
  const uncertainty = spread === null ? 'medium' : spread > 1 ? 'high' : spread > 0.4 ? 'medium' : 'low';
  const powerful = stakeholders.filter((s) => (s.influence ?? 0) >= 4);
  const sponsorTechnicality =
    powerful.length === 0
      ? 'mixed'
      : powerful.every((s) => s.detail_level !== 'technical')
        ? 'non_technical'
        : powerful.every((s) => s.detail_level === 'technical')
          ? 'technical'
          : 'mixed';
  const titles = [...people.map((r) => r.role ?? ''), ...stakeholders.map((s) => s.title ?? '')];
  const leads = people.filter((r) => TECH_LEAD.test(r.role ?? '')).length;
  const domain = IT_INFRASTRUCTURE.test(about)
    ? 'it_infrastructure'
    : SECURITY.test(about)
      ? 'security'
      : 'software';
  const profile: ProjectProfile = {
    technicalComplexity: complexity,
    domain,
    teamSize,
    teamSeniority: 'mixed',
    technologyCount: Math.max(1, skills.size),
    strongTechLeads: leads >= 2,
    sponsorTechnicality,
    timelineUncertainty: uncertainty,
    inHouseExperts:
      titles.some((t) => EXPERT.test(t)) || people.some((r) => r.skills.some((s) => EXPERT.test(s))),
    productManagerExists: titles.some((t) => PRODUCT_MANAGER.test(t)),
  };
  const pct = (x: number | null) => (x === null ? 'none' : `${Math.round(x * 100)}%`);
  return {
    profile,
    source: 'derived',
    derivedFrom: {
      technicalComplexity: `${pct(technicalShare)} of tracked work items are on the technical track; ${nonFunctional} non-functional requirements`,
      domain:
        domain === 'software'
          ? 'assumed: the project description names no infrastructure or security work'
          : `the project name, description or scope mentions ${domain.replace('_', ' ')} work`,
      teamSize: `${people.length} people in the plan's resources, ${members.length} project members`,
      teamSeniority: 'assumed (Tandem does not record seniority)',
      technologyCount:
        skills.size === 0
          ? 'assumed 1: no skills recorded on resources'
          : `${skills.size} distinct skills on the plan's resources`,
      strongTechLeads: `${leads} resources with a tech lead or architect role`,
      sponsorTechnicality:
        powerful.length === 0
          ? 'assumed: no stakeholder has influence 4 or more'
          : `preferred detail level of the ${powerful.length} stakeholders with influence 4 or more`,
      timelineUncertainty:
        spread === null
          ? 'assumed: no three-point estimates'
          : `average spread (pessimistic − optimistic) / most likely of ${spread.toFixed(2)} over ${estimated.length} estimates`,
      inHouseExperts: 'resource roles or skills and stakeholder titles naming an expert, SME or specialist',
      productManagerExists: 'a resource role or stakeholder title naming a product manager or product owner',
    },
  };
}
