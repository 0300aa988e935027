/**
 * Imports, exports and calendar feeds through the HTTP API, on both engines: every MS Project
 * reference file (and TaskJuggler's export) imports, exports and re-imports to the same plan; CSV
 * round-trips; a Jira export lands in the right hierarchy and sprints; malformed files of each format
 * are refused with every problem and its location and change nothing; the feed parses with ical.js.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Project } from '@tandem/core';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataDir, requireData } from '../../../../formats/src/testing/shared-data.ts';
import type { TandemApp } from '../../app.ts';
import { describeEngines } from '../../db/test-engines.ts';
import { type ChangeEvent, InProcessEventBus } from '../../events/event-bus.ts';
import { loadPlan } from '../../repositories/plan-repository.ts';
import { createProjectMember } from '../../repositories/project-member-repository.ts';
import { createProject } from '../../repositories/project-repository.ts';
import { type Actor, type TestWorkspace, call, json, testApp, testWorkspace } from '../testing.ts';
import { IMPORT_BODY_LIMIT } from './import-routes.ts';

const JIRA = readFileSync(
  new URL('../../../../formats/src/jira/testdata/jira-issues-export.csv', import.meta.url),
  'utf8',
);
const DEMO = readFileSync(new URL('../../../../cli/demo/online-banking.yaml', import.meta.url), 'utf8');

const referenceFiles = () => [
  ...readdirSync(dataDir('mspdi'))
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => `mspdi/${f}`),
  ...readdirSync(dataDir('taskjuggler'))
    .filter((f) => f.endsWith('.xml'))
    .map((f) => `taskjuggler/${f}`),
];

/** The plan without what a project keeps of its own (its name). */
const planOf = (p: Project) => ({ ...p, name: '' });

describeEngines('imports, exports and calendar feeds', (t) => {
  let app: TandemApp;
  let w: TestWorkspace;
  const events: ChangeEvent[] = [];
  const bus = new InProcessEventBus();

  beforeAll(async () => {
    app = testApp(t.db, t.engine, { events: bus });
    w = await testWorkspace(t.db, 'Interop');
  });

  let n = 0;
  /** A new project where each test actor has their role (as in `w.project`). */
  const newProject = async (settings: { units?: Project['units'] } = {}) => {
    const project = await createProject(t.db, w.ctx, {
      name: `Import ${++n}`,
      start: '2026-03-02T08:00:00',
      ...settings,
    });
    for (const role of ['pm', 'tpm', 'member', 'viewer'] as const)
      await createProjectMember(t.db, w.ctx, {
        project_id: project.id,
        user_id: w.actors[role].user.id,
        role,
      });
    return project.id;
  };

  const upload = async (
    projectId: string,
    body: string | Uint8Array,
    options: { query?: string; type?: string; as?: Actor; wait?: boolean } = {},
  ) => {
    const response = await app.request(`/api/projects/${projectId}/imports${options.query ?? ''}`, {
      method: 'POST',
      headers: {
        authorization: (options.as ?? w.actors.pm).authorization,
        'content-type': options.type ?? 'application/octet-stream',
        ...(options.wait === false ? {} : { prefer: 'wait=60' }),
      },
      body,
    });
    const text = await response.text();
    return {
      status: response.status,
      body: JSON.parse(text) as Record<string, unknown>,
      headers: response.headers,
    };
  };

  const exportAs = async (projectId: string, format: string, as: Actor = w.actors.viewer) => {
    const response = await call(app, 'GET', `/api/projects/${projectId}/export?format=${format}`, { as });
    return { status: response.status, text: await response.text(), headers: response.headers };
  };

  const rowCounts = async (projectId: string) => {
    const count = async (
      table: 'work_items' | 'dependencies' | 'resources' | 'assignments' | 'calendars' | 'sprints',
    ) =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('workspace_id', '=', w.workspace.id)
            .where('project_id', '=', projectId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      workItems: await count('work_items'),
      dependencies: await count('dependencies'),
      resources: await count('resources'),
      assignments: await count('assignments'),
      calendars: await count('calendars'),
      sprints: await count('sprints'),
    };
  };

  describe('MSPDI reference files', () => {
    if (!requireData(dataDir('mspdi'))) return;
    it.each(referenceFiles())('%s imports, exports and re-imports to the same plan', async (file) => {
      const xml = readFileSync(dataDir(file));
      const first = await newProject();
      const imported = await upload(first, xml, {
        type: 'application/xml',
        query: `?fileName=${file.split('/')[1]}`,
      });
      expect(imported.status, JSON.stringify(imported.body).slice(0, 500)).toBe(200);
      expect(imported.body).toMatchObject({
        status: 'succeeded',
        format: 'mspdi',
        progress: 1,
        phase: 'done',
      });
      const plan = await loadPlan(t.db, w.workspace.id, first);
      expect(plan.tasks.length).toBe((imported.body.result as { workItems: number }).workItems);

      const exported = await exportAs(first, 'mspdi');
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="import-\d+\.xml"/);

      const second = await newProject();
      const again = await upload(second, exported.text, { query: '?format=mspdi' });
      expect(again.status, JSON.stringify(again.body).slice(0, 500)).toBe(200);
      expect(planOf(await loadPlan(t.db, w.workspace.id, second))).toEqual(planOf(plan));

      // Importing the export over the original changes nothing.
      const over = await upload(first, exported.text, { query: '?format=mspdi' });
      expect(over.body.result).toMatchObject({
        created: { workItems: 0, dependencies: 0 },
        deleted: { workItems: 0 },
      });
      expect(planOf(await loadPlan(t.db, w.workspace.id, first))).toEqual(planOf(plan));
    });
  });

  it('runs as a job: 202, then progress through parsing, validating and saving on the live stream', async () => {
    const projectId = await newProject();
    const unsubscribe = bus.subscribe(w.workspace.id, projectId, (e) => events.push(e));
    const queued = await upload(projectId, DEMO, { type: 'application/yaml', wait: false });
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ status: 'queued', progress: 0, format: 'yaml' });
    expect(queued.headers.get('location')).toBe(`/api/import-jobs/${String(queued.body.id)}`);
    let job = queued.body;
    for (let i = 0; i < 200 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 25));
      job = (await json(app, 'GET', `/api/import-jobs/${String(queued.body.id)}`, { as: w.actors.viewer }))
        .body;
    }
    unsubscribe();
    expect(job).toMatchObject({ status: 'succeeded', phase: 'done', progress: 1, errors: [] });
    expect((job.result as { created: { workItems: number } }).created.workItems).toBeGreaterThan(40);
    const jobEvents = events.filter((e) => e.entity === 'import-jobs' && e.id === queued.body.id);
    expect(jobEvents.map((e) => e.action)).toEqual(['created', 'updated', 'updated', 'updated', 'updated']);
    expect(jobEvents.map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
    expect(events.some((e) => e.entity === 'projects' && e.id === projectId)).toBe(true);
    const list = await json(app, 'GET', `/api/projects/${projectId}/imports`, { as: w.actors.viewer });
    expect((list.body.items as { id: string }[]).map((j) => j.id)).toEqual([queued.body.id]);
  });

  it('round-trips the task CSV, with kinds, statuses, sprints and labels', async () => {
    const source = await newProject();
    expect((await upload(source, DEMO, { type: 'application/yaml' })).status).toBe(200);
    const plan = await loadPlan(t.db, w.workspace.id, source);
    const csv = await exportAs(source, 'csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = csv.text.trim().split('\r\n');
    expect(lines).toHaveLength(plan.tasks.length + 1);

    // Into the same project: nothing changes.
    const same = await upload(source, csv.text, { type: 'text/csv' });
    expect(same.body.status).toBe('succeeded');
    expect(same.body.result).toMatchObject({
      created: { workItems: 0, dependencies: 0, assignments: 0 },
      deleted: { workItems: 0, dependencies: 0, assignments: 0 },
    });
    expect(await loadPlan(t.db, w.workspace.id, source)).toEqual(plan);

    // Edited in a spreadsheet: a renamed task, a new one after it, a sprint and a status.
    const table = parse(csv.text) as string[][];
    const header = table[0]!;
    const at = (name: string) => header.indexOf(name);
    const row = table[3]!;
    const id = row[at('ID')]!;
    row[at('Name')] = 'Renamed in Excel';
    row[at('Status')] = 'In Review';
    row[at('Sprint')] = 'Sprint 7';
    const added: Record<string, string> = {
      ID: 'new-task',
      'Outline Level': '1',
      Name: 'Added in Excel',
      Duration: '3 days',
      Predecessors: `${id}FS+1d`,
    };
    table.push(header.map((h) => added[h] ?? ''));
    const edited = stringify(table);
    const result = await upload(source, edited, { type: 'text/csv' });
    expect(result.body.status, JSON.stringify(result.body.errors)).toBe('succeeded');
    expect(result.body.result).toMatchObject({
      created: { workItems: 1, dependencies: 1 },
      deleted: { workItems: 0 },
      sprintsCreated: 1,
    });
    const after = await loadPlan(t.db, w.workspace.id, source);
    expect(after.tasks.find((t) => t.id === id)!.name).toBe('Renamed in Excel');
    expect(after.tasks.at(-1)).toMatchObject({ id: 'new-task', duration: { minutes: 1350, unit: 'day' } });
    expect(after.calendars).toEqual(plan.calendars);
    const item = await t.db
      .selectFrom('work_items')
      .innerJoin('sprints', (j) =>
        j
          .onRef('sprints.id', '=', 'work_items.sprint_id')
          .onRef('sprints.workspace_id', '=', 'work_items.workspace_id'),
      )
      .select(['work_items.status', 'sprints.name'])
      .where('work_items.workspace_id', '=', w.workspace.id)
      .where('work_items.project_id', '=', source)
      .where('work_items.key', '=', id)
      .executeTakeFirstOrThrow();
    expect(item).toEqual({ status: 'in_review', name: 'Sprint 7' });

    // Into an empty project with the same working day: the same tasks, links and assignments.
    const target = await newProject({ units: plan.units });
    expect((await upload(target, csv.text, { query: '?format=csv' })).body.status).toBe('succeeded');
    const copy = await loadPlan(t.db, w.workspace.id, target);
    const view = (p: Project) => ({
      tasks: p.tasks.map(({ id, name, parentId, duration, constraint, deadline }) => ({
        id,
        name,
        parentId,
        duration,
        constraint,
        deadline,
      })),
      links: p.links,
      assignments: p.assignments.map((a) => [
        a.taskId,
        p.resources.find((r) => r.id === a.resourceId)?.name,
        a.units,
      ]),
    });
    expect(view(copy)).toEqual(view(plan));
  });

  it('imports a Jira export into epics, stories and sub-tasks, with sprints and blocking links', async () => {
    const projectId = await newProject();
    const result = await upload(projectId, JIRA, { type: 'text/csv; charset=utf-8' });
    expect(result.status, JSON.stringify(result.body.errors)).toBe(200);
    expect(result.body).toMatchObject({ status: 'succeeded', format: 'jira-csv' });
    expect(result.body.result).toMatchObject({
      created: { workItems: 9, dependencies: 2, resources: 3 },
      sprintsCreated: 2,
    });
    const rows = await t.db
      .selectFrom('work_items')
      .leftJoin('work_items as parent', (j) =>
        j
          .onRef('parent.id', '=', 'work_items.parent_id')
          .onRef('parent.workspace_id', '=', 'work_items.workspace_id'),
      )
      .leftJoin('sprints', (j) =>
        j
          .onRef('sprints.id', '=', 'work_items.sprint_id')
          .onRef('sprints.workspace_id', '=', 'work_items.workspace_id'),
      )
      .select([
        'work_items.key',
        'work_items.type',
        'work_items.status',
        'parent.key as parent',
        'sprints.name as sprint',
        'work_items.story_points',
        'work_items.labels',
      ])
      .where('work_items.workspace_id', '=', w.workspace.id)
      .where('work_items.project_id', '=', projectId)
      .orderBy('work_items.key')
      .execute();
    expect(rows.map((r) => [r.key, r.type, r.parent, r.sprint, r.status])).toEqual([
      ['BANK-1', 'epic', null, null, 'in_progress'],
      ['BANK-2', 'epic', null, null, 'todo'],
      ['BANK-3', 'story', 'BANK-1', 'BANK Sprint 1', 'done'],
      ['BANK-4', 'story', 'BANK-1', 'BANK Sprint 2', 'in_progress'],
      ['BANK-5', 'subtask', 'BANK-4', 'BANK Sprint 2', 'in_progress'],
      ['BANK-6', 'story', 'BANK-1', 'BANK Sprint 2', 'todo'],
      ['BANK-7', 'story', 'BANK-2', null, 'todo'],
      ['BANK-8', 'task', 'BANK-1', 'BANK Sprint 1', 'done'],
      ['BANK-9', 'task', null, null, 'todo'],
    ]);
    expect(rows.find((r) => r.key === 'BANK-3')).toMatchObject({
      story_points: 5,
      labels: ['mobile', 'payments'],
    });
    const sprints = await json(app, 'GET', `/api/projects/${projectId}/sprints?sort=name`, {
      as: w.actors.viewer,
    });
    expect((sprints.body.items as { name: string; status: string }[]).map((s) => [s.name, s.status])).toEqual(
      [
        ['BANK Sprint 1', 'closed'],
        ['BANK Sprint 2', 'planned'],
      ],
    );
    const schedule = await json(app, 'GET', `/api/projects/${projectId}/schedule`, { as: w.actors.viewer });
    expect(schedule.status).toBe(200);
    // Re-importing the same export changes nothing and makes no new sprints.
    const again = await upload(projectId, JIRA, { query: '?format=jira-csv' });
    expect(again.body.result).toMatchObject({
      created: { workItems: 0 },
      updated: { workItems: 0 },
      sprintsCreated: 0,
    });
  });

  describe('malformed files: every problem with its location, nothing imported', () => {
    const bad: [string, string, string | Uint8Array, string[]][] = [
      [
        'truncated MSPDI',
        'mspdi',
        '<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task><UID>1</UID><Name>A',
        [''],
      ],
      ['MSPDI in UTF-16', 'mspdi', new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x50, 0x00]), ['byte 1']],
      [
        'MSPDI with bad dates and an unknown link target',
        'mspdi',
        `<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><StartDate>2026-01-05T08:00:00</StartDate><Tasks><Task><UID>1</UID><Name>A</Name><Duration>PT8H0M0S</Duration><ConstraintType>4</ConstraintType><ConstraintDate>2026-13-45T08:00:00</ConstraintDate></Task><Task><UID>2</UID><Name>B</Name><Duration>PT8H0M0S</Duration><Deadline>soon</Deadline><PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type></PredecessorLink></Task></Tasks></Project>`,
        [
          'Project/Tasks/Task[UID=1]/ConstraintDate',
          'Project/Tasks/Task[UID=2]/Deadline',
          'Project/Tasks/Task[UID=2]/PredecessorLink[1]/PredecessorUID',
        ],
      ],
      [
        'MSPDI with a link cycle',
        'mspdi',
        `<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><StartDate>2026-01-05T08:00:00</StartDate><Tasks><Task><UID>1</UID><Name>A</Name><Duration>PT8H0M0S</Duration><PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type></PredecessorLink></Task><Task><UID>2</UID><Name>B</Name><Duration>PT8H0M0S</Duration><PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task></Tasks></Project>`,
        ['Project/Tasks/Task[UID=1]/PredecessorLink[PredecessorUID=2]'],
      ],
      ['truncated CSV', 'csv', 'ID,Name,Duration\r\n1,Design,5d\r\n2,"Build the', ['line 3']],
      [
        'CSV in Latin-1',
        'csv',
        new Uint8Array([...new TextEncoder().encode('ID,Name\n1,Caf'), 0xe9, 0x0a]),
        ['line 2, column 6'],
      ],
      [
        'CSV with bad dates, an unknown link target and a cycle-free rest',
        'csv',
        'ID,Name,Duration,Deadline,Predecessors\n1,A,2d,2026-02-31,\n2,B,1d,,7FS\n3,C,5 weeks?,,2\n',
        ['line 2, column Deadline', 'line 3, column Predecessors'],
      ],
      ['CSV with a cycle', 'csv', 'ID,Name,Predecessors\n1,A,2\n2,B,1\n', ['line 2, column Predecessors']],
      [
        'Jira CSV with an unknown parent, an unknown link target and a bad due date',
        'jira-csv',
        'Summary,Issue key,Issue id,Issue Type,Parent,Due Date,Inward issue link (Blocks)\nA,X-1,1,Story,77,,X-9\nB,X-2,2,Story,,2026-02-30,\n',
        ['line 3, column Due Date', 'line 2, column Parent', 'line 2, column Inward issue link (Blocks)'],
      ],
      [
        'plan file with a cycle',
        'yaml',
        'version: 1\nproject: { name: P, start: 2026-01-05 }\ntasks:\n  - { id: a, name: A, duration: 1d, after: [b] }\n  - { id: b, name: B, duration: 1d, after: [a] }\n',
        ['tasks[0].after[0]'],
      ],
      [
        'plan file with bad values',
        'json',
        '{"version":1,"project":{"name":"P","start":"2026-01-05"},"tasks":[{"id":"a","name":"A","duration":"five days"}]}',
        ['tasks[0].duration'],
      ],
    ];

    it.each(bad)('%s', async (_name, format, body, paths) => {
      const projectId = await newProject();
      expect((await upload(projectId, DEMO, { type: 'application/yaml' })).status).toBe(200);
      const before = await rowCounts(projectId);
      const plan = await loadPlan(t.db, w.workspace.id, projectId);
      const result = await upload(projectId, body, { query: `?format=${format}` });
      expect(result.status, JSON.stringify(result.body)).toBe(422);
      expect(result.headers.get('content-type')).toBe('application/problem+json');
      expect(result.body).toMatchObject({ code: 'import_failed', status: 422 });
      const errors = result.body.errors as { path: string; message: string }[];
      if (paths[0] !== '') expect(errors.map((e) => e.path)).toEqual(paths);
      else expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e.message.length).toBeGreaterThan(5);
      const job = await json(app, 'GET', `/api/import-jobs/${(result.body.job as { id: string }).id}`, {
        as: w.actors.viewer,
      });
      expect(job.body).toMatchObject({ status: 'failed', errors });
      expect(await rowCounts(projectId)).toEqual(before);
      expect(await loadPlan(t.db, w.workspace.id, projectId)).toEqual(plan);
    });
  });

  it('refuses an unknown format (415), a file over 25 MiB (413) and members without plan rights (403)', async () => {
    const projectId = await newProject();
    const unknown = await upload(projectId, 'x', { type: 'application/pdf' });
    expect(unknown).toMatchObject({ status: 415, body: { code: 'unsupported_format' } });
    const huge = await upload(projectId, new Uint8Array(IMPORT_BODY_LIMIT + 1), { query: '?format=csv' });
    expect(huge).toMatchObject({ status: 413, body: { code: 'body_too_large' } });
    // Bigger than the API's usual 1 MiB is fine here.
    const big = `ID,Name,Notes\r\n${Array.from({ length: 3000 }, (_, i) => `${i + 1},Task ${i + 1},${'x'.repeat(400)}`).join('\r\n')}\r\n`;
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const bigResult = await upload(projectId, big, { type: 'text/csv' });
    expect(bigResult.status, JSON.stringify(bigResult.body.errors)).toBe(200);
    expect(bigResult.body).toMatchObject({
      status: 'succeeded',
      result: { created: { workItems: 3000 } },
    });
    expect((await upload(projectId, 'Name\nA\n', { type: 'text/csv', as: w.actors.member })).status).toBe(
      403,
    );
    expect((await upload(projectId, 'Name\nA\n', { type: 'text/csv', as: w.actors.viewer })).status).toBe(
      403,
    );
  });

  it('serves a token-protected iCalendar feed of every milestone and deadline', async () => {
    const projectId = await newProject();
    expect((await upload(projectId, DEMO, { type: 'application/yaml' })).status).toBe(200);
    const schedule = (await json(app, 'GET', `/api/projects/${projectId}/schedule`, { as: w.actors.viewer }))
      .body as {
      tasks: { id: string; milestone: boolean; summary: boolean }[];
    };
    const plan = await loadPlan(t.db, w.workspace.id, projectId);
    const milestones = schedule.tasks.filter((s) => s.milestone && !s.summary).map((s) => s.id);
    const deadlines = plan.tasks.filter((task) => task.deadline !== undefined).map((task) => task.id);

    expect(
      (
        await json(app, 'POST', `/api/projects/${projectId}/calendar-feeds`, {
          as: w.actors.member,
          body: {},
        })
      ).status,
    ).toBe(403);
    const created = await json(app, 'POST', `/api/projects/${projectId}/calendar-feeds`, {
      as: w.actors.tpm,
      body: { name: 'Bank milestones' },
    });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect(created.body.url).toBe(`http://localhost/api/feeds/${token}.ics`);
    const feed = created.body.calendarFeed as { id: string; prefix: string; version: number };
    expect(token.startsWith(feed.prefix)).toBe(true);

    const list = await json(app, 'GET', `/api/projects/${projectId}/calendar-feeds`, { as: w.actors.viewer });
    expect(JSON.stringify(list.body)).not.toContain(token);
    const stored = await t.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('id', '=', feed.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);

    const response = await app.request(`/api/feeds/${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Bank milestones');
    const uids = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).uid);
    expect(uids.filter((u) => u.startsWith('milestone-')).sort()).toEqual(
      milestones.map((id) => `milestone-${id}-${projectId}@tandem`).sort(),
    );
    expect(uids.filter((u) => u.startsWith('deadline-')).sort()).toEqual(
      deadlines.map((id) => `deadline-${id}-${projectId}@tandem`).sort(),
    );
    expect(milestones.length).toBeGreaterThan(3);

    // The same through the export route.
    const exported = await exportAs(projectId, 'ics');
    expect(exported.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(new ICAL.Component(ICAL.parse(exported.text)).getAllSubcomponents('vevent')).toHaveLength(
      uids.length,
    );

    // Unknown and revoked tokens: 404, the same answer.
    const unknown = await app.request(`/api/feeds/tdmcal_${'A'.repeat(43)}.ics`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'feed_not_found' });
    expect((await call(app, 'DELETE', `/api/calendar-feeds/${feed.id}`, { as: w.actors.tpm })).status).toBe(
      428,
    );
    const revoked = await call(app, 'DELETE', `/api/calendar-feeds/${feed.id}`, {
      as: w.actors.tpm,
      headers: { 'if-match': `"${feed.version}"` },
    });
    expect(revoked.status).toBe(204);
    expect((await app.request(`/api/feeds/${token}.ics`)).status).toBe(404);
    const after = await json(app, 'GET', `/api/projects/${projectId}/calendar-feeds`, {
      as: w.actors.viewer,
    });
    expect((after.body.items as { revokedAt: string | null }[])[0]!.revokedAt).not.toBeNull();
  });

  it('exports JSON and YAML plan files that import back to the same plan', async () => {
    const projectId = await newProject();
    expect((await upload(projectId, DEMO, { type: 'application/yaml' })).status).toBe(200);
    const plan = await loadPlan(t.db, w.workspace.id, projectId);
    for (const format of ['json', 'yaml']) {
      const file = await exportAs(projectId, format);
      expect(file.status).toBe(200);
      const target = await newProject();
      expect((await upload(target, file.text, { query: `?format=${format}` })).body.status).toBe('succeeded');
      expect(planOf(await loadPlan(t.db, w.workspace.id, target))).toEqual(planOf(plan));
    }
    expect((await exportAs(projectId, 'pdf')).status).toBe(400);
  });
});
