/**
 * The bank project's communication (issue 7 §5, §8): its communication plan, two months of
 * stakeholder satisfaction scores, and the stand-up and status meeting of its status week with their
 * action items. Called by the demo seed after the project's stakeholders exist.
 */
import { createActionItem } from '../repositories/action-item-repository.ts';
import { createCommunicationPlanEntry } from '../repositories/communication-plan-repository.ts';
import { createMeeting } from '../repositories/meeting-repository.ts';
import { createSatisfactionScore } from '../repositories/satisfaction-score-repository.ts';
import type { Db, WriteContext } from '../repositories/transaction.ts';
import type { User } from '../repositories/user-repository.ts';
import type { DemoPerson } from './seed-demo-workspace.ts';

export async function seedBankingCommunication(
  db: Db,
  ctx: WriteContext,
  projectId: string,
  people: Record<DemoPerson, User>,
): Promise<void> {
  const rows = await db
    .selectFrom('stakeholders')
    .select(['id', 'name'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('project_id', '=', projectId)
    .execute();
  const stakeholder = (name: string) => rows.find((r) => r.name === name)?.id ?? null;
  const pm = { owner_id: people.pm.id, owner: people.pm.name };
  const tpm = { owner_id: people.tpm.id, owner: people.tpm.name };

  const plan = [
    {
      audience: 'Steering committee',
      stakeholder_id: stakeholder('Helen Marsh'),
      purpose: 'Executive status report and decisions',
      cadence: 'monthly',
      channel: 'meeting',
      detail_level: 'executive',
      ...pm,
      start_date: '2026-01-16',
      last_done_on: '2026-01-16',
    },
    {
      audience: 'Raj Patel',
      stakeholder_id: stakeholder('Raj Patel'),
      purpose: 'Business readiness and PM status report',
      cadence: 'fortnightly',
      channel: 'status report',
      detail_level: 'business',
      ...pm,
      start_date: '2026-01-09',
      last_done_on: '2026-01-23',
    },
    {
      audience: 'Ingrid Sørensen',
      stakeholder_id: stakeholder('Ingrid Sørensen'),
      purpose: 'Security review: threat model, pen-test findings',
      cadence: 'monthly',
      channel: 'security review',
      detail_level: 'technical',
      ...tpm,
      start_date: '2026-01-21',
      last_done_on: '2026-01-21',
    },
    {
      audience: 'Contact centre managers',
      stakeholder_id: stakeholder('Contact centre managers'),
      purpose: 'What changes for customers and when',
      cadence: 'monthly',
      channel: 'newsletter',
      detail_level: 'business',
      ...pm,
      start_date: '2026-01-30',
      last_done_on: '2026-01-30',
    },
    {
      audience: 'Core banking vendor account team',
      stakeholder_id: stakeholder('Core banking vendor account team'),
      purpose: 'Integration progress and blockers',
      cadence: 'weekly',
      channel: 'call',
      detail_level: 'technical',
      ...tpm,
      start_date: '2026-01-07',
      last_done_on: '2026-02-04',
    },
    {
      audience: 'Engineering team',
      stakeholder_id: null,
      purpose: 'Engineering status report: critical path, blockers, DORA',
      cadence: 'weekly',
      channel: 'report',
      detail_level: 'technical',
      ...tpm,
      start_date: '2026-01-09',
      last_done_on: '2026-02-06',
    },
    {
      audience: 'Project team',
      stakeholder_id: null,
      purpose: 'Daily stand-up',
      cadence: 'daily',
      channel: 'meeting',
      detail_level: 'technical',
      ...tpm,
      start_date: '2026-01-05',
      last_done_on: '2026-02-12',
    },
  ] as const;
  for (const entry of plan) await createCommunicationPlanEntry(db, ctx, { project_id: projectId, ...entry });

  // Scores 0–10 after each steering committee / review.
  const scores: [string, [string, number, string?][]][] = [
    [
      'Helen Marsh',
      [
        ['2026-01-16', 8],
        ['2026-01-30', 7],
        ['2026-02-13', 6, 'Worried about the identity-verification vendor delay'],
      ],
    ],
    [
      'Raj Patel',
      [
        ['2026-01-16', 6],
        ['2026-01-30', 6],
        ['2026-02-13', 7, 'Training plan for branch staff reassured him'],
      ],
    ],
    [
      'Ingrid Sørensen',
      [
        ['2026-01-21', 5, 'Wants the threat model before design sign-off'],
        ['2026-02-13', 6],
      ],
    ],
    [
      'Contact centre managers',
      [
        ['2026-01-30', 8],
        ['2026-02-13', 8],
      ],
    ],
    [
      'Core banking vendor account team',
      [
        ['2026-01-16', 7],
        ['2026-02-13', 7],
      ],
    ],
  ];
  for (const [name, history] of scores) {
    const id = stakeholder(name);
    if (id === null) continue;
    for (const [on, score, note] of history)
      await createSatisfactionScore(db, ctx, {
        project_id: projectId,
        stakeholder_id: id,
        score,
        scored_on: on,
        note: note ?? null,
      });
  }

  const standup = await createMeeting(db, ctx, {
    project_id: projectId,
    kind: 'standup',
    title: 'Daily stand-up',
    held_on: '2026-02-12',
    attendees: [people.tpm.name, people.architect.name, 'Channel team leads'],
    agenda: ['Yesterday', 'Today', 'Blockers'],
    notes:
      'Payments sandbox still without vendor credentials; API gateway spike finished; mobile team waiting on the design system tokens.',
    decisions: ['Mobile team starts on account screens with placeholder tokens'],
  });
  await createActionItem(db, ctx, {
    project_id: projectId,
    meeting_id: standup.id,
    text: 'Chase the core banking vendor for payments sandbox credentials',
    ...tpm,
    due_date: '2026-02-13',
  });
  await createActionItem(db, ctx, {
    project_id: projectId,
    meeting_id: standup.id,
    text: 'Publish the design system tokens for the mobile team',
    owner_id: people.architect.id,
    owner: people.architect.name,
    due_date: '2026-02-17',
  });

  const status = await createMeeting(db, ctx, {
    project_id: projectId,
    kind: 'status',
    title: 'Weekly status meeting',
    held_on: '2026-02-13',
    attendees: [people.pm.name, people.tpm.name, people.architect.name, 'Raj Patel'],
    agenda: [
      'Schedule and milestones',
      'Budget and earned value',
      'Top risks',
      'Change requests',
      'Decisions needed',
    ],
    notes:
      'Design approval on track. Identity-verification vendor contract two weeks late; strong-authentication work now drives the finish. Biometric login change request to steering committee.',
    decisions: [
      'Escalate the identity-verification contract to procurement',
      'Take the biometric login change request to the next steering committee',
    ],
  });
  await createActionItem(db, ctx, {
    project_id: projectId,
    meeting_id: status.id,
    text: 'Escalate the identity-verification vendor contract to procurement',
    ...pm,
    due_date: '2026-02-16',
  });
  await createActionItem(db, ctx, {
    project_id: projectId,
    meeting_id: status.id,
    text: 'Prepare the impact analysis of the biometric login change for the steering committee',
    ...pm,
    due_date: '2026-02-19',
  });
  await createActionItem(db, ctx, {
    project_id: projectId,
    meeting_id: status.id,
    text: 'Re-plan strong-authentication work around the vendor delay',
    ...tpm,
    due_date: '2026-02-18',
  });
}
