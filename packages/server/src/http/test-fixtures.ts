/**
 * One row of every project entity, created through the API, so tests have an id of each kind in a
 * given project. `extraUserId` is a workspace member used for the project-membership row (so that no
 * test actor becomes a member of a project by accident).
 */
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
  return ids;
}
