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
  return ids;
}
