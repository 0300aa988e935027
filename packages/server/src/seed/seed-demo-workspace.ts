/**
 * The demo workspace a new installation starts with: an owner account and two projects drawn from
 * PRODUCT.md — a bank's online banking platform run by a PM and a TPM together, and an IT rollout run
 * by an IT PM — each with its plan, RAID log, change requests, stakeholders, requirements and
 * releases (and sprints for the bank's agile channel teams).
 *
 * Only on first start: when the database already has a workspace, nothing is written and the result
 * is null. Two servers starting at once on one PostgreSQL database seed it once (the second meets
 * the unique slug and backs off).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Project } from '@tandem/core';
import { readPlanFile } from '@tandem/formats';
import { ConstraintError } from '../repositories/errors.ts';
import { importPlan } from '../repositories/plan-repository.ts';
import { type Project as ProjectRow, createProject } from '../repositories/project-repository.ts';
import { createProjectMember } from '../repositories/project-member-repository.ts';
import { type Db, type WriteContext, withTransaction } from '../repositories/transaction.ts';
import { type User, createUser } from '../repositories/user-repository.ts';
import { createWorkspaceMember } from '../repositories/workspace-member-repository.ts';
import { type Workspace, createWorkspace } from '../repositories/workspace-repository.ts';
import { seedBankingCommunication } from './banking-communication.ts';
import { seedBankingGovernance } from './banking-governance.ts';
import { seedEngineeringHistory } from './engineering-history.ts';
import { seedItRolloutGovernance } from './it-rollout-governance.ts';
import { seedGovernanceDemo } from './governance-demo.ts';

export const DEMO_WORKSPACE_SLUG = 'demo';

export interface SeedOptions {
  /** argon2id, from the auth layer (`hashPassword`); tests pass a cheap one. */
  hashPassword: (password: string) => Promise<string>;
  /** Default `owner@demo.tandem.local`. */
  ownerEmail?: string;
  /** Default: a random password, returned once in the result. */
  ownerPassword?: string;
}

export interface SeedResult {
  workspace: Workspace;
  owner: User;
  /** The owner's password when it was generated here (show it once; it is not stored). */
  generatedPassword?: string;
  projects: { banking: ProjectRow; itRollout: ProjectRow };
}

function plan(url: URL): Project {
  return readPlanFile(readFileSync(url, 'utf8'), 'yaml');
}

/** The CLI's bundled demo plan (a data file, read as text: the server imports no CLI code). */
export const BANKING_PLAN_URL = new URL('../../../cli/demo/online-banking.yaml', import.meta.url);
export const IT_ROLLOUT_PLAN_URL = new URL('./it-rollout.yaml', import.meta.url);

const PEOPLE = [
  { key: 'pm', name: 'Priya Shah', email: 'priya.shah@demo.tandem.local', role: 'pm' },
  { key: 'tpm', name: 'Tom Okafor', email: 'tom.okafor@demo.tandem.local', role: 'tpm' },
  { key: 'itpm', name: 'Grace Adeyemi', email: 'grace.adeyemi@demo.tandem.local', role: 'pm' },
  { key: 'architect', name: 'Elena Rossi', email: 'elena.rossi@demo.tandem.local', role: 'member' },
  { key: 'sponsor', name: 'Helen Marsh', email: 'helen.marsh@demo.tandem.local', role: 'viewer' },
] as const;
export type DemoPerson = (typeof PEOPLE)[number]['key'];

export async function seedDemoWorkspace(db: Db, options: SeedOptions): Promise<SeedResult | null> {
  if (await db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst()) return null;
  const banking = plan(BANKING_PLAN_URL);
  const itRollout = plan(IT_ROLLOUT_PLAN_URL);
  const password = options.ownerPassword ?? randomBytes(12).toString('base64url');
  const passwordHash = await options.hashPassword(password);
  try {
    return await withTransaction(db, async (trx) => {
      const owner = await createUser(trx, {
        email: options.ownerEmail ?? 'owner@demo.tandem.local',
        name: 'Demo Owner',
        password_hash: passwordHash,
      });
      const workspace = await createWorkspace(trx, owner.id, {
        name: 'Demo — Tandem',
        slug: DEMO_WORKSPACE_SLUG,
        settings: { demo: true },
      });
      const ctx: WriteContext = { workspaceId: workspace.id, actorId: owner.id };
      const people = {} as Record<DemoPerson, User>;
      for (const p of PEOPLE) {
        // Demo colleagues cannot sign in until someone sets their password.
        people[p.key] = await createUser(trx, { email: p.email, name: p.name, password_hash: null }, ctx);
        await createWorkspaceMember(trx, ctx, { user_id: people[p.key].id, role: p.role });
      }

      const bankingProject = await createProject(trx, ctx, {
        name: banking.name,
        description:
          'Northbridge Bank replaces its internet banking with a new web and mobile platform on an API gateway in front of the core banking system.',
        objectives: [
          'Go live before the legacy platform’s licence ends on 30 November 2026',
          'Customer satisfaction with digital banking from 3.1 to 4.2 out of 5',
          'Move 60% of routine branch and phone transactions to digital channels within a year',
        ],
        scope:
          'Web and mobile banking (accounts, payments, standing orders), strong customer authentication, API gateway, core banking integration, data migration and cutover. Out of scope: mortgages and business banking.',
        methodology: 'hybrid',
        phase: 'planning',
        start: banking.start,
        budget: 2_400_000,
        health: 'amber',
        health_reason:
          'The identity-verification vendor contract is two weeks behind, which puts the strong-authentication work on the critical path.',
      });
      await importPlan(trx, ctx, bankingProject.id, banking);
      for (const [key, role] of [
        ['pm', 'pm'],
        ['tpm', 'tpm'],
        ['architect', 'member'],
        ['sponsor', 'viewer'],
      ] as const)
        await createProjectMember(trx, ctx, { project_id: bankingProject.id, user_id: people[key].id, role });
      await seedBankingGovernance(trx, ctx, bankingProject.id, people);
      await seedBankingCommunication(trx, ctx, bankingProject.id, people);
      await seedEngineeringHistory(trx, ctx, bankingProject.id);

      const itProject = await createProject(trx, ctx, {
        name: itRollout.name,
        description:
          'Calder & Finch moves into its new office: Microsoft 365 and managed laptops for 350 people, the server room and network of the new office, and protection against ransomware.',
        objectives: [
          'Everyone on Microsoft 365 and managed laptops by the end of July 2026',
          'The new office’s IT ready before move-in on 29 June 2026',
          'Cyber Essentials Plus certification; restores proven within RTO 8 h and RPO 4 h',
        ],
        scope:
          'Laptop refresh and Microsoft 365 for all staff, file shares to SharePoint, comms room and network of the new office, MFA, EDR, immutable backups, incident response. Out of scope: telephony and the practice-management system.',
        methodology: 'predictive',
        phase: 'execution',
        start: itRollout.start,
        budget: 410_000,
        health: 'green',
        health_reason:
          'On track; tenant configuration a few days behind but not on the critical path to move-in.',
      });
      await importPlan(trx, ctx, itProject.id, itRollout);
      for (const [key, role] of [
        ['itpm', 'pm'],
        ['sponsor', 'viewer'],
      ] as const)
        await createProjectMember(trx, ctx, { project_id: itProject.id, user_id: people[key].id, role });
      await seedItRolloutGovernance(trx, ctx, itProject.id, people);
      await seedGovernanceDemo(trx, ctx, { banking: bankingProject.id, itRollout: itProject.id }, people);

      return {
        workspace,
        owner,
        ...(options.ownerPassword === undefined ? { generatedPassword: password } : {}),
        projects: { banking: bankingProject, itRollout: itProject },
      };
    });
  } catch (error) {
    // Another process seeded first (the demo slug, or the owner's email, is taken).
    const seeded = await db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
    if (error instanceof ConstraintError && error.kind === 'unique' && seeded) return null;
    throw error;
  }
}
