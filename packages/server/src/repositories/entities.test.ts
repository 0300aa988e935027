/**
 * Every tenant repository through the same checks: create/get/list/filter/update/delete, version
 * conflicts that overwrite nothing, audit entries, and workspace isolation.
 */
import { expect, it } from 'vitest';
import { describeEngines } from '../db/test-engines.ts';
import type { TenantTableName } from '../db/schema.ts';
import * as repos from './index.ts';
import { NotFoundError, VersionConflictError } from './errors.ts';
import { newProject, newWorkspace } from './testing.ts';
import type { Db, WriteContext } from './transaction.ts';

interface Fixture {
  projectId: string;
  userId: string;
  ctx: WriteContext;
}

type AnyRow = { id: string; version: number } & Record<string, unknown>;
interface Case {
  name: string;
  table: TenantTableName;
  entityType: string;
  create: (db: Db, ctx: WriteContext, input: never) => Promise<AnyRow>;
  get: (db: Db, ws: string, id: string) => Promise<AnyRow>;
  list: (db: Db, ws: string, f: Fixture, options: object) => Promise<repos.Page<AnyRow>>;
  update: (db: Db, ctx: WriteContext, id: string, v: number, patch: never) => Promise<AnyRow>;
  remove: (db: Db, ctx: WriteContext, id: string, v: number) => Promise<void>;
  input: (db: Db, f: Fixture) => Promise<object>;
  patch: object;
  /** A filter the created row matches, and one it does not. */
  filter: [object, object];
}

const inProject =
  <O>(list: (db: Db, ws: string, projectId: string, options: O) => Promise<repos.Page<never>>) =>
  (db: Db, ws: string, f: Fixture, options: object) =>
    list(db, ws, f.projectId, options as O) as Promise<repos.Page<AnyRow>>;
const inWorkspace =
  <O>(list: (db: Db, ws: string, options: O) => Promise<repos.Page<never>>) =>
  (db: Db, ws: string, _f: Fixture, options: object) =>
    list(db, ws, options as O) as Promise<repos.Page<AnyRow>>;

async function workItem(db: Db, f: Fixture, key: string) {
  return repos.createWorkItem(db, f.ctx, { project_id: f.projectId, name: key, key });
}
async function otherUser(db: Db) {
  const tag = Math.random().toString(36).slice(2);
  return repos.createUser(db, { email: `u-${tag}@example.test`, name: tag, password_hash: null });
}

const CASES: Case[] = [
  {
    name: 'projects',
    table: 'projects',
    entityType: 'project',
    create: repos.createProject as never,
    get: repos.getProject as never,
    list: inWorkspace(repos.listProjects as never),
    update: repos.updateProject as never,
    remove: repos.deleteProject as never,
    input: async () => ({ name: 'P', start: '2026-01-05T08:00:00', phase: 'planning', objectives: ['a'] }),
    patch: { phase: 'execution', budget: 10.5, health: 'green' },
    filter: [{ phase: 'planning' }, { phase: 'closed' }],
  },
  {
    name: 'work items',
    table: 'work_items',
    entityType: 'work_item',
    create: repos.createWorkItem as never,
    get: repos.getWorkItem as never,
    list: inProject(repos.listWorkItems as never),
    update: repos.updateWorkItem as never,
    remove: repos.deleteWorkItem as never,
    input: async (_db, f) => ({
      project_id: f.projectId,
      name: 'Build',
      type: 'story',
      track: 'technical',
      duration_minutes: 2400,
      estimate: { optimistic: 1, mostLikely: 2, pessimistic: 3 },
      labels: ['api', 'backend'],
      milestone: false,
      story_points: 5,
    }),
    patch: { status: 'in_progress', percent_complete: 50, labels: ['api'], milestone: true },
    filter: [{ track: 'technical', type: ['story', 'epic'], milestone: false }, { track: 'business' }],
  },
  {
    name: 'dependencies',
    table: 'dependencies',
    entityType: 'dependency',
    create: repos.createDependency as never,
    get: repos.getDependency as never,
    list: inProject(repos.listDependencies as never),
    update: repos.updateDependency as never,
    remove: repos.deleteDependency as never,
    input: async (db, f) => ({
      project_id: f.projectId,
      predecessor_id: (await workItem(db, f, 'p')).id,
      successor_id: (await workItem(db, f, 's')).id,
      type: 'SS',
      lag_minutes: -480,
      lag_elapsed: true,
    }),
    patch: { type: 'FF', lag_minutes: 0, lag_percent: 50 },
    filter: [{ type: 'SS' }, { type: 'SF' }],
  },
  {
    name: 'calendars',
    table: 'calendars',
    entityType: 'calendar',
    create: repos.createCalendar as never,
    get: repos.getCalendar as never,
    list: inProject(repos.listCalendars as never),
    update: repos.updateCalendar as never,
    remove: repos.deleteCalendar as never,
    input: async (_db, f) => ({
      project_id: f.projectId,
      key: 'night',
      name: 'Night shift',
      week: [[], [{ from: 1320, to: 1440 }], null, null, null, null, []],
    }),
    patch: { name: 'Nights', exceptions: [{ from: '2026-12-25', to: '2026-12-25', periods: [] }] },
    filter: [{ key: 'night' }, { key: 'day' }],
  },
  {
    name: 'resources',
    table: 'resources',
    entityType: 'resource',
    create: repos.createResource as never,
    get: repos.getResource as never,
    list: inProject(repos.listResources as never),
    update: repos.updateResource as never,
    remove: repos.deleteResource as never,
    input: async (_db, f) => ({
      project_id: f.projectId,
      name: 'Backend engineers',
      skills: ['go'],
      max_units: 4,
    }),
    patch: { standard_rate: 70, skills: ['go', 'sql'] },
    filter: [{ type: 'work' }, { type: 'material' }],
  },
  {
    name: 'assignments',
    table: 'assignments',
    entityType: 'assignment',
    create: repos.createAssignment as never,
    get: repos.getAssignment as never,
    list: inProject(repos.listAssignments as never),
    update: repos.updateAssignment as never,
    remove: repos.deleteAssignment as never,
    input: async (db, f) => ({
      project_id: f.projectId,
      work_item_id: (await workItem(db, f, 'w')).id,
      resource_id: (await repos.createResource(db, f.ctx, { project_id: f.projectId, name: 'R' })).id,
      units: 0.5,
    }),
    patch: { units: 1, work_minutes: 960 },
    filter: [{ key: null }, { key: 'x' }],
  },
  {
    name: 'baselines',
    table: 'baselines',
    entityType: 'baseline',
    create: repos.createBaseline as never,
    get: repos.getBaseline as never,
    list: inProject(repos.listBaselines as never),
    update: repos.updateBaseline as never,
    remove: repos.deleteBaseline as never,
    input: async (_db, f) => ({ project_id: f.projectId, name: 'Approved', snapshot: { x: { cost: 1 } } }),
    patch: { name: 'Approved v2' },
    filter: [{ name: 'Approved' }, { name: 'Other' }],
  },
  {
    name: 'sprints',
    table: 'sprints',
    entityType: 'sprint',
    create: repos.createSprint as never,
    get: repos.getSprint as never,
    list: inProject(repos.listSprints as never),
    update: repos.updateSprint as never,
    remove: repos.deleteSprint as never,
    input: async (_db, f) => ({ project_id: f.projectId, name: 'Sprint 1', start_date: '2026-02-02' }),
    patch: { status: 'active', capacity_points: 40 },
    filter: [{ status: 'planned' }, { status: 'closed' }],
  },
  {
    name: 'RAID entries',
    table: 'raid_entries',
    entityType: 'raid_entry',
    create: repos.createRaidEntry as never,
    get: repos.getRaidEntry as never,
    list: inProject(repos.listRaidEntries as never),
    update: repos.updateRaidEntry as never,
    remove: repos.deleteRaidEntry as never,
    input: async (_db, f) => ({
      project_id: f.projectId,
      kind: 'decision',
      title: 'Use an API gateway',
      context: 'Many channels',
      options: [{ name: 'Gateway', pros: ['one place'] }, { name: 'Direct' }],
      decision: 'Gateway',
    }),
    patch: { status: 'accepted', consequences: 'One more component' },
    filter: [{ kind: 'decision', status: 'open' }, { kind: 'risk' }],
  },
  {
    name: 'change requests',
    table: 'change_requests',
    entityType: 'change_request',
    create: repos.createChangeRequest as never,
    get: repos.getChangeRequest as never,
    list: inProject(repos.listChangeRequests as never),
    update: repos.updateChangeRequest as never,
    remove: repos.deleteChangeRequest as never,
    input: async (_db, f) => ({
      project_id: f.projectId,
      title: 'Add Apple Pay',
      schedule_impact_minutes: 4800,
      cost_impact_amount: 42000,
      approvals: [{ role: 'pm', decision: 'pending' }],
    }),
    patch: { status: 'approved', approvals: [{ role: 'pm', decision: 'approved' }], rebaseline: true },
    filter: [{ status: 'draft' }, { status: 'approved' }],
  },
  {
    name: 'stakeholders',
    table: 'stakeholders',
    entityType: 'stakeholder',
    create: repos.createStakeholder as never,
    get: repos.getStakeholder as never,
    list: inProject(repos.listStakeholders as never),
    update: repos.updateStakeholder as never,
    remove: repos.deleteStakeholder as never,
    input: async (_db, f) => ({
      project_id: f.projectId,
      name: 'Helen Marsh',
      influence: 5,
      interest: 4,
      detail_level: 'executive',
      communication: [{ cadence: 'monthly', channel: 'steering committee' }],
    }),
    patch: { attitude: 'supportive', satisfaction: [{ at: '2026-02-01', score: 4 }] },
    filter: [{ detail_level: 'executive' }, { detail_level: 'technical' }],
  },
  {
    name: 'requirements',
    table: 'requirements',
    entityType: 'requirement',
    create: repos.createRequirement as never,
    get: repos.getRequirement as never,
    list: inProject(repos.listRequirements as never),
    update: repos.updateRequirement as never,
    remove: repos.deleteRequirement as never,
    input: async (_db, f) => ({
      project_id: f.projectId,
      title: '2,000 logins a minute',
      kind: 'non_functional',
      category: 'performance',
      acceptance_criteria: ['p95 < 800 ms at 2,000 logins/min'],
    }),
    patch: { status: 'approved', links: { tests: ['perf-login'] } },
    filter: [{ kind: 'non_functional', category: 'performance' }, { kind: 'functional' }],
  },
  {
    name: 'releases',
    table: 'releases',
    entityType: 'release',
    create: repos.createRelease as never,
    get: repos.getRelease as never,
    list: inProject(repos.listReleases as never),
    update: repos.updateRelease as never,
    remove: repos.deleteRelease as never,
    input: async (_db, f) => ({
      project_id: f.projectId,
      name: 'MVP',
      tag: '1.0.0',
      environment: 'production',
      cutover_checklist: [{ item: 'DNS switched', done: false }],
    }),
    patch: {
      status: 'released',
      actual_date: '2026-11-21',
      cutover_checklist: [{ item: 'DNS switched', done: true }],
    },
    filter: [{ environment: 'production' }, { environment: 'staging' }],
  },
  {
    name: 'comments',
    table: 'comments',
    entityType: 'comment',
    create: repos.createComment as never,
    get: repos.getComment as never,
    list: inWorkspace(repos.listComments as never),
    update: repos.updateComment as never,
    remove: repos.deleteComment as never,
    input: async (db, f) => ({
      project_id: f.projectId,
      target_type: 'work_item',
      target_id: (await workItem(db, f, 'c')).id,
      author_id: f.userId,
      body: 'Blocked on the vendor',
    }),
    patch: { body: 'Unblocked' },
    filter: [{ target_type: 'work_item' }, { target_type: 'raid_entry' }],
  },
  {
    name: 'workspace members',
    table: 'workspace_members',
    entityType: 'workspace_member',
    create: repos.createWorkspaceMember as never,
    get: repos.getWorkspaceMember as never,
    list: inWorkspace(repos.listWorkspaceMembers as never),
    update: repos.updateWorkspaceMember as never,
    remove: repos.deleteWorkspaceMember as never,
    input: async (db) => ({ user_id: (await otherUser(db)).id, role: 'tpm' }),
    patch: { role: 'pm' },
    filter: [{ role: 'tpm' }, { role: 'viewer' }],
  },
  {
    name: 'project members',
    table: 'project_members',
    entityType: 'project_member',
    create: repos.createProjectMember as never,
    get: repos.getProjectMember as never,
    list: inProject(repos.listProjectMembers as never),
    update: repos.updateProjectMember as never,
    remove: repos.deleteProjectMember as never,
    input: async (db, f) => ({ project_id: f.projectId, user_id: (await otherUser(db)).id, role: 'member' }),
    patch: { role: 'viewer' },
    filter: [{ role: 'member' }, { role: 'pm' }],
  },
  {
    name: 'invitations',
    table: 'invitations',
    entityType: 'invitation',
    create: repos.createInvitation as never,
    get: repos.getInvitation as never,
    list: inWorkspace(repos.listInvitations as never),
    update: repos.updateInvitation as never,
    remove: repos.deleteInvitation as never,
    input: async (_db, f) => ({
      email: 'new@example.test',
      role: 'member',
      token_hash: `hash-${Math.random()}`,
      invited_by: f.userId,
      expires_at: '2099-01-01T00:00:00.000Z',
    }),
    patch: { role: 'viewer' },
    filter: [{ email: 'new@example.test' }, { email: 'other@example.test' }],
  },
  {
    name: 'API tokens',
    table: 'api_tokens',
    entityType: 'api_token',
    create: repos.createApiToken as never,
    get: repos.getApiToken as never,
    list: inWorkspace(repos.listApiTokens as never),
    update: repos.updateApiToken as never,
    remove: repos.deleteApiToken as never,
    input: async (_db, f) => ({
      user_id: f.userId,
      name: 'CI',
      prefix: 'tdm_ab12',
      token_hash: `h-${Math.random()}`,
    }),
    patch: { revoked_at: '2026-02-01T00:00:00.000Z' },
    filter: [{ user_id: null as unknown as string }, { user_id: 'nobody' }],
  },
];

describeEngines('every repository', (t) => {
  async function fixture(): Promise<Fixture> {
    const { ctx, user } = await newWorkspace(t.db);
    const project = await newProject(t.db, ctx);
    return { ctx, userId: user.id, projectId: project.id };
  }

  it.each(CASES)('$name: create, get, list, filter, update, delete', async (c) => {
    const f = await fixture();
    const input = await c.input(t.db, f);
    const created = await c.create(t.db, f.ctx, input as never);
    expect(created).toMatchObject({ ...input, workspace_id: f.ctx.workspaceId, version: 1 });
    expect(await c.get(t.db, f.ctx.workspaceId, created.id)).toEqual(created);

    const listed = await c.list(t.db, f.ctx.workspaceId, f, { limit: 500 });
    expect(listed.items.map((r) => r.id)).toContain(created.id);
    const [match, miss] =
      c.table === 'api_tokens' ? [{ user_id: f.userId }, { user_id: 'nobody' }] : c.filter;
    expect((await c.list(t.db, f.ctx.workspaceId, f, { filter: match })).items.map((r) => r.id)).toContain(
      created.id,
    );
    expect((await c.list(t.db, f.ctx.workspaceId, f, { filter: miss })).items.map((r) => r.id)).not.toContain(
      created.id,
    );

    const updated = await c.update(t.db, f.ctx, created.id, 1, c.patch as never);
    expect(updated).toMatchObject({ ...c.patch, version: 2, id: created.id });
    expect(await c.get(t.db, f.ctx.workspaceId, created.id)).toEqual(updated);

    await c.remove(t.db, f.ctx, created.id, 2);
    await expect(c.get(t.db, f.ctx.workspaceId, created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each(CASES)('$name: a stale version overwrites and deletes nothing', async (c) => {
    const f = await fixture();
    const created = await c.create(t.db, f.ctx, (await c.input(t.db, f)) as never);
    const updated = await c.update(t.db, f.ctx, created.id, 1, c.patch as never);
    const conflict = c.update(t.db, f.ctx, created.id, 1, c.patch as never);
    await expect(conflict).rejects.toBeInstanceOf(VersionConflictError);
    await expect(conflict).rejects.toMatchObject({ current: updated });
    await expect(c.remove(t.db, f.ctx, created.id, 1)).rejects.toBeInstanceOf(VersionConflictError);
    expect(await c.get(t.db, f.ctx.workspaceId, created.id)).toEqual(updated);
  });

  it('a work item updated from the row as read: audited with it, and refused when it is stale', async () => {
    const f = await fixture();
    const read = await repos.createWorkItem(t.db, f.ctx, { project_id: f.projectId, name: 'Read' });
    const updated = await repos.updateWorkItem(t.db, f.ctx, read.id, 1, { duration_minutes: 960 }, read);
    expect(updated).toMatchObject({ duration_minutes: 960, version: 2 });
    // The row read is version 1, but another write made it version 2 since: nothing is written.
    const stale = repos.updateWorkItem(t.db, f.ctx, read.id, 1, { duration_minutes: 60 }, read);
    await expect(stale).rejects.toMatchObject({ current: updated });
    expect(await repos.getWorkItem(t.db, f.ctx.workspaceId, read.id)).toEqual(updated);
    // A row read at another version than the one expected is read again.
    const again = await repos.updateWorkItem(t.db, f.ctx, read.id, 2, { duration_minutes: 120 }, read);
    const { items } = await repos.listAuditEntries(t.db, f.ctx.workspaceId, {
      entityId: read.id,
      direction: 'asc',
    });
    expect(items.map((e) => [e.action, e.before, e.after])).toEqual([
      ['create', null, read],
      ['update', read, updated],
      ['update', updated, again],
    ]);
  });

  it.each(CASES)('$name: every write is audited with before and after', async (c) => {
    const f = await fixture();
    const created = await c.create(t.db, f.ctx, (await c.input(t.db, f)) as never);
    const updated = await c.update(t.db, f.ctx, created.id, 1, c.patch as never);
    await c.remove(t.db, f.ctx, created.id, 2);
    const { items } = await repos.listAuditEntries(t.db, f.ctx.workspaceId, {
      entityType: c.entityType,
      entityId: created.id,
      direction: 'asc',
    });
    expect(items.map((e) => [e.action, e.actor_id])).toEqual([
      ['create', f.userId],
      ['update', f.userId],
      ['delete', f.userId],
    ]);
    const redact = (row: object) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k.endsWith('_hash') ? '[redacted]' : v]));
    expect(items[1]).toMatchObject({ before: redact(created), after: redact(updated) });
    expect(items[2]).toMatchObject({ before: redact(updated), after: null });
  });

  it.each(CASES)('$name: another workspace can neither see nor change the row', async (c) => {
    const f = await fixture();
    const other = await fixture();
    const created = await c.create(t.db, f.ctx, (await c.input(t.db, f)) as never);
    const ws = other.ctx.workspaceId;
    await expect(c.get(t.db, ws, created.id)).rejects.toBeInstanceOf(NotFoundError);
    // Even asked for the first workspace's project, the second workspace's lists hold only its own rows.
    const seen = (await c.list(t.db, ws, { ...other, projectId: f.projectId }, { limit: 500 })).items;
    expect(seen.map((r) => r.id)).not.toContain(created.id);
    expect(seen.every((r) => r.workspace_id === ws)).toBe(true);
    await expect(c.update(t.db, other.ctx, created.id, 1, c.patch as never)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(c.remove(t.db, other.ctx, created.id, 1)).rejects.toBeInstanceOf(NotFoundError);
    expect(await c.get(t.db, f.ctx.workspaceId, created.id)).toEqual(created);
  });
});
