/**
 * One row of every project entity, created through the API, so tests have an id of each kind in a
 * given project. `extraUserId` is a workspace member used for the project-membership row (so that no
 * test actor becomes a member of a project by accident).
 */
import { createHmac } from 'node:crypto';
import type { TandemApp } from '../app.ts';
import { type Actor, json } from './testing.ts';

const WEEK = [
  [],
  [{ from: 480, to: 1020 }],
  [{ from: 480, to: 1020 }],
  [{ from: 480, to: 1020 }],
  [{ from: 480, to: 1020 }],
  [{ from: 480, to: 1020 }],
  [],
];

export type FixtureIds = Record<string, string>;

export async function createFixtures(
  app: TandemApp,
  as: Actor,
  projectId: string,
  options: { extraUserId: string; label?: string },
): Promise<FixtureIds> {
  const label = options.label ?? 'Fixture';
  const ids: FixtureIds = {};
  const create = async (path: string, collection: string, body: unknown) => {
    const { status, body: created } = await json(app, 'POST', `/api/projects/${projectId}/${collection}`, {
      as,
      body,
    });
    if (status !== 201) throw new Error(`fixture ${path}: ${status} ${JSON.stringify(created)}`);
    ids[path] = created.id as string;
    return created.id as string;
  };
  const first = await create('work-items', 'work-items', { name: `${label} task`, durationMinutes: 480 });
  ids['work-items:second'] = await create('work-items', 'work-items', {
    name: `${label} second task`,
    durationMinutes: 960,
  });
  ids['work-items'] = first;
  await create('dependencies', 'dependencies', {
    predecessorId: first,
    successorId: ids['work-items:second'],
  });
  await create('calendars', 'calendars', { name: `${label} calendar`, week: WEEK });
  await create('resources', 'resources', { name: `${label} engineer` });
  await create('assignments', 'assignments', { workItemId: first, resourceId: ids.resources });
  await create('baselines', 'baselines', { name: `${label} baseline` });
  await create('sprints', 'sprints', { name: `${label} sprint` });
  await create('raid-entries', 'raid', { kind: 'risk', title: `${label} risk`, probability: 0.3 });
  await create('change-requests', 'change-requests', { title: `${label} change` });
  await create('stakeholders', 'stakeholders', { name: `${label} sponsor` });
  await create('requirements', 'requirements', { title: `${label} requirement` });
  await create('releases', 'releases', { name: `${label} release` });
  await create('communication-plan-entries', 'communication-plan-entries', {
    audience: `${label} steering committee`,
    stakeholderId: ids.stakeholders,
    cadence: 'weekly',
    channel: 'email',
    startDate: '2026-01-05',
  });
  await create('satisfaction-scores', 'satisfaction-scores', {
    stakeholderId: ids.stakeholders,
    score: 7,
    scoredOn: '2026-01-30',
  });
  await create('meetings', 'meetings', { kind: 'standup', title: `${label} stand-up`, heldOn: '2026-01-06' });
  await create('action-items', 'action-items', { meetingId: ids.meetings, text: `${label} follow up` });
  await create('comments', 'comments', {
    targetType: 'work_item',
    targetId: first,
    body: `${label} comment`,
  });
  await create('project-members', 'members', { userId: options.extraUserId, role: 'viewer' });
  // Governance (issue 7): a scenario, and the project's phase gates (made on first read).
  await create('scenarios', 'scenarios', {
    name: `${label} scenario`,
    changeSet: [{ op: 'setDuration', taskId: first, durationMinutes: 960 }],
  });
  const gates = await json(app, 'GET', `/api/projects/${projectId}/gates`, { as });
  ids['phase-gates'] = (gates.body.items as { id: string }[])[0]?.id ?? '';
  // Imports and calendar feeds (issue 6): a finished import job (a file with no tasks: refused,
  // so the plan above is untouched) and a calendar feed.
  const imported = await json(app, 'POST', `/api/projects/${projectId}/imports?format=csv`, {
    as,
    raw: 'ID,Name\r\n',
    headers: { 'content-type': 'text/csv', prefer: 'wait=30' },
  });
  if (imported.status !== 422)
    throw new Error(`fixture import-jobs: ${imported.status} ${JSON.stringify(imported.body)}`);
  ids['import-jobs'] = (imported.body.job as { id: string }).id;
  const feed = await json(app, 'POST', `/api/projects/${projectId}/calendar-feeds`, {
    as,
    body: { name: `${label} feed` },
  });
  if (feed.status !== 201)
    throw new Error(`fixture calendar-feeds: ${feed.status} ${JSON.stringify(feed.body)}`);
  ids['calendar-feeds'] = (feed.body.calendarFeed as { id: string }).id;
  // Engineering signals (issue 6 §2–4): a GitHub hook, one signed delivery through it, an SLO.
  const hook = await json(app, 'POST', `/api/projects/${projectId}/hook-configs`, {
    as,
    body: { provider: 'github', name: `${label} GitHub` },
  });
  if (hook.status !== 201)
    throw new Error(`fixture hook-configs: ${hook.status} ${JSON.stringify(hook.body)}`);
  ids['hook-configs'] = hook.body.id as string;
  const delivery = JSON.stringify({
    ref: 'refs/heads/main',
    after: 'a1b2c3d',
    commits: [],
    repository: { full_name: 'x/y' },
  });
  const received = await json(app, 'POST', `/api/hooks/github/${hook.body.id as string}`, {
    raw: delivery,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-github-delivery': `fixture-${projectId}`,
      'x-hub-signature-256': `sha256=${createHmac('sha256', hook.body.secret as string)
        .update(delivery)
        .digest('hex')}`,
    },
  });
  if (received.status !== 202)
    throw new Error(`fixture hook-deliveries: ${received.status} ${JSON.stringify(received.body)}`);
  ids['hook-deliveries'] = received.body.deliveryId as string;
  await create('slos', 'slos', { name: `${label} availability`, objective: 0.995 });
  return ids;
}
