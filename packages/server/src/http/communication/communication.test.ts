import { SEED_PROFILES, findJargon } from '@tandem/core';
import { pdftoppmUnavailable, renderPdfPages } from '../../../../formats/src/testing/pdf-pages.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TandemApp } from '../../app.ts';
import { describeEngines } from '../../db/test-engines.ts';
import { seedDemoWorkspace } from '../../seed/seed-demo-workspace.ts';
import { type Actor, type TestWorkspace, call, json, testApp, testWorkspace, tokenFor } from '../testing.ts';

const hashPassword = async (p: string) => `test-hash:${p}`;

describeEngines('communication, meetings, reports and the advisor', (t) => {
  let app: TandemApp;
  let w: TestWorkspace;
  let demo: { actor: Actor; bankingId: string };

  beforeAll(async () => {
    app = testApp(t.db, t.engine);
    const seeded = await seedDemoWorkspace(t.db, { hashPassword, ownerPassword: 'x'.repeat(16) });
    if (!seeded) throw new Error('seed did not run');
    demo = {
      actor: {
        role: 'owner',
        user: seeded.owner,
        authorization: `Bearer ${await tokenFor(t.db, seeded.workspace.id, seeded.owner)}`,
      },
      bankingId: seeded.projects.banking.id,
    };
    w = await testWorkspace(t.db, 'Comms');
  });

  const url = (path: string) => `/api/projects/${w.project.id}/${path}`;

  it('keeps a communication plan and says what is due in a week', async () => {
    const pm = w.actors.pm;
    const sponsor = await json(app, 'POST', url('stakeholders'), {
      as: pm,
      body: { name: 'Sponsor', influence: 5, interest: 4, detailLevel: 'executive' },
    });
    const weekly = await json(app, 'POST', url('communication-plan-entries'), {
      as: pm,
      body: {
        audience: 'Sponsor',
        stakeholderId: sponsor.body.id,
        cadence: 'weekly',
        channel: 'email',
        startDate: '2026-02-02',
        lastDoneOn: '2026-02-02',
        ownerId: pm.user.id,
      },
    });
    expect(weekly.status).toBe(201);
    const monthly = await json(app, 'POST', url('communication-plan-entries'), {
      as: pm,
      body: { audience: 'Board', cadence: 'monthly', channel: 'report', startDate: '2026-01-14' },
    });
    expect(monthly.status).toBe(201);

    const due = await json(app, 'GET', url('communications/due?week=2026-02-11'), { as: w.actors.viewer });
    expect(due.status).toBe(200);
    expect(due.body.weekStart).toBe('2026-02-09');
    const items = due.body.items as { dueOn: string; overdue: boolean; entry: { audience: string } }[];
    expect(items.map((i) => [i.entry.audience, i.dueOn, i.overdue])).toEqual([
      ['Board', '2026-01-14', true],
      ['Sponsor', '2026-02-09', false],
      ['Board', '2026-02-14', false],
    ]);

    // Done: the next one moves on.
    await json(app, 'PATCH', `/api/communication-plan-entries/${monthly.body.id}`, {
      as: pm,
      body: { lastDoneOn: '2026-02-14' },
      headers: { 'if-match': '"1"' },
    });
    const after = await json(app, 'GET', url('communications/due?week=2026-02-11'), { as: pm });
    const entries = after.body.entries as { audience: string; nextDue: string }[];
    expect(entries.find((e) => e.audience === 'Board')?.nextDue).toBe('2026-03-14');

    // Bad input names the field; a stakeholder of another project is refused.
    const bad = await json(app, 'POST', url('communication-plan-entries'), {
      as: pm,
      body: { audience: 'X', cadence: 'hourly', channel: 'email', startDate: '2026-02-30' },
    });
    expect(bad.status).toBe(422);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'cadence',
      'startDate',
    ]);
    const foreign = await json(app, 'POST', `/api/projects/${w.otherProject.id}/communication-plan-entries`, {
      as: w.actors.owner,
      body: {
        audience: 'X',
        cadence: 'weekly',
        channel: 'email',
        startDate: '2026-02-02',
        stakeholderId: sponsor.body.id,
      },
    });
    expect(foreign.status).toBe(422);
    expect(await json(app, 'GET', url('communications/due?week=soon'), { as: pm })).toMatchObject({
      status: 400,
    });
  });

  it('places stakeholders on the grid and tracks satisfaction over time', async () => {
    const pm = w.actors.pm;
    const cfo = await json(app, 'POST', url('stakeholders'), {
      as: pm,
      body: { name: 'CFO', influence: 5, interest: 2 },
    });
    const ops = await json(app, 'POST', url('stakeholders'), {
      as: pm,
      body: { name: 'Ops', influence: 2, interest: 5 },
    });
    for (const [id, score, on] of [
      [cfo.body.id, 6, '2026-01-10'],
      [ops.body.id, 8, '2026-01-10'],
      [cfo.body.id, 9, '2026-02-10'],
    ] as const)
      expect(
        (
          await json(app, 'POST', url('satisfaction-scores'), {
            as: pm,
            body: { stakeholderId: id, score, scoredOn: on },
          })
        ).status,
      ).toBe(201);
    const tooHigh = await json(app, 'POST', url('satisfaction-scores'), {
      as: pm,
      body: { stakeholderId: cfo.body.id, score: 11, scoredOn: '2026-01-10' },
    });
    expect(tooHigh.status).toBe(422);
    // A member may read but not score.
    expect(
      (
        await json(app, 'POST', url('satisfaction-scores'), {
          as: w.actors.member,
          body: { stakeholderId: cfo.body.id, score: 1, scoredOn: '2026-01-10' },
        })
      ).status,
    ).toBe(403);

    const grid = await json(app, 'GET', url('stakeholder-grid'), { as: w.actors.viewer });
    const quadrants = grid.body.quadrants as {
      quadrant: string;
      stakeholders: { name: string; latestSatisfaction: number | null }[];
    }[];
    const of = (q: string) => quadrants.find((x) => x.quadrant === q)!.stakeholders.map((s) => s.name);
    expect(of('keep_satisfied')).toContain('CFO');
    expect(of('keep_informed')).toContain('Ops');
    expect(quadrants.flatMap((q) => q.stakeholders).find((s) => s.name === 'CFO')?.latestSatisfaction).toBe(
      9,
    );

    const trend = await json(app, 'GET', url('satisfaction-trend'), { as: pm });
    expect(trend.body.points).toEqual([
      { on: '2026-01-10', average: 7, stakeholders: 2 },
      { on: '2026-02-10', average: 8.5, stakeholders: 2 },
    ]);
  });

  it('records meetings and turns an action item into a work item, once', async () => {
    const member = w.actors.member;
    const meeting = await json(app, 'POST', url('meetings'), {
      as: member,
      body: {
        kind: 'standup',
        title: 'Stand-up',
        heldOn: '2026-02-12',
        agenda: ['Blockers'],
        decisions: ['Ship it'],
      },
    });
    expect(meeting.status).toBe(201);
    expect(meeting.body).toMatchObject({ agenda: ['Blockers'], decisions: ['Ship it'], attendees: [] });
    const item = await json(app, 'POST', url('action-items'), {
      as: member,
      body: {
        meetingId: meeting.body.id,
        text: 'Fix the flaky build',
        ownerId: member.user.id,
        dueDate: '2026-02-16',
      },
    });
    expect(item.status).toBe(201);
    expect(item.body).toMatchObject({ status: 'open', workItemId: null });
    // The work item id is the server's to set.
    expect(
      (
        await json(app, 'PATCH', `/api/action-items/${item.body.id}`, {
          as: member,
          body: { workItemId: 'x' },
          headers: { 'if-match': '"1"' },
        })
      ).status,
    ).toBe(422);

    const path = `/api/action-items/${item.body.id}/convert`;
    expect((await json(app, 'POST', path, { as: member, body: {} })).status).toBe(428);
    expect(
      (await json(app, 'POST', path, { as: w.actors.viewer, body: {}, headers: { 'if-match': '"1"' } }))
        .status,
    ).toBe(403);
    const converted = await json(app, 'POST', path, { as: member, body: {}, headers: { 'if-match': '"1"' } });
    expect(converted.status).toBe(201);
    const workItem = converted.body.workItem as Record<string, unknown>;
    expect(workItem).toMatchObject({
      name: 'Fix the flaky build',
      assigneeId: member.user.id,
      deadline: '2026-02-16T17:00:00',
      projectId: w.project.id,
    });
    expect(String(workItem.notes)).toContain('Stand-up');
    expect(converted.body.actionItem).toMatchObject({
      status: 'converted',
      workItemId: workItem.id,
      version: 2,
    });
    const read = await json(app, 'GET', `/api/work-items/${String(workItem.id)}`, { as: member });
    expect(read.status).toBe(200);
    expect(
      (await json(app, 'POST', path, { as: member, body: {}, headers: { 'if-match': '"2"' } })).status,
    ).toBe(409);
    // The schedule still computes with the new task in it.
    expect((await json(app, 'GET', `/api/projects/${w.project.id}/schedule`, { as: member })).status).toBe(
      200,
    );
    // Deleting the work item stays possible; the action item keeps its text.
    expect(
      (
        await json(app, 'DELETE', `/api/work-items/${String(workItem.id)}`, {
          as: w.actors.pm,
          headers: { 'if-match': '"1"' },
        })
      ).status,
    ).toBe(204);
  });

  it('advises on the four seed scenarios, each reason naming a profile field', async () => {
    const expected = {
      deepTechnologySquad: 'tpm',
      largeProgramme: 'pm_tpm',
      itInfrastructureRollout: 'it_pm',
      pmWithInHouseExperts: 'pm',
    } as const;
    for (const [name, option] of Object.entries(expected)) {
      const profile = SEED_PROFILES[name as keyof typeof SEED_PROFILES];
      const res = await json(app, 'POST', '/api/advisor', { as: w.actors.viewer, body: { profile } });
      expect(res.status).toBe(200);
      expect(res.body.recommendation).toBe(option);
      for (const r of res.body.reasons as { fields: string[] }[])
        for (const f of r.fields) expect(Object.keys(profile)).toContain(f);
      const options = res.body.options as {
        option: string;
        cost: { annual: number; lines: { source: string }[] };
      }[];
      expect(options.every((o) => o.cost.lines.every((l) => l.source.length > 0))).toBe(true);
      expect(res.body.figuresNote).toMatch(/disagree/);
    }
    const bad = await json(app, 'POST', '/api/advisor', {
      as: w.actors.viewer,
      body: { profile: { ...SEED_PROFILES.largeProgramme, teamSize: 0 } },
    });
    expect(bad.status).toBe(422);
    expect((bad.body.errors as { path: string }[])[0]?.path).toBe('profile.teamSize');
    expect(
      (await json(app, 'POST', '/api/advisor', { body: { profile: SEED_PROFILES.largeProgramme } })).status,
    ).toBe(401);
  });

  it('advises for a project from a derived profile, then from a saved one', async () => {
    const derived = await json(app, 'GET', `/api/projects/${demo.bankingId}/advice`, { as: demo.actor });
    expect(derived.status).toBe(200);
    expect(derived.body.profileSource).toBe('derived');
    expect(Object.keys(derived.body.derivedFrom as object).sort()).toEqual(
      Object.keys(derived.body.profile as object).sort(),
    );
    const saved = await json(app, 'PUT', `/api/projects/${demo.bankingId}/advice/profile`, {
      as: demo.actor,
      body: { profile: SEED_PROFILES.largeProgramme },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ profileSource: 'saved', advice: { recommendation: 'pm_tpm' } });
    const cleared = await json(app, 'PUT', `/api/projects/${demo.bankingId}/advice/profile`, {
      as: demo.actor,
      body: { profile: null },
    });
    expect(cleared.body.profileSource).toBe('derived');
  });

  describe('status reports of the demo project', () => {
    const get = (audience: string, format: string, statusDate = '2026-02-13') =>
      call(
        app,
        'GET',
        `/api/projects/${demo.bankingId}/reports/${audience}?format=${format}&statusDate=${statusDate}`,
        {
          as: demo.actor,
        },
      );

    it('tells the executive story without jargon, and the engineers the critical path and DORA', async () => {
      const exec = await (await get('executive', 'md')).text();
      const pm = await (await get('pm', 'md')).text();
      const eng = await (await get('engineering', 'md')).text();
      const words = (md: string) => md.replace(/\(data:image[^)]*\)/g, '');
      expect(findJargon(words(exec))).toEqual([]);
      for (const heading of [
        'Overall status',
        'Key dates',
        'Budget and value delivered',
        'Top risks',
        'Decisions needed',
      ])
        expect(exec).toContain(`## ${heading}`);
      expect(exec).toContain('Add Apple Pay and Google Pay provisioning');
      expect(eng).toContain('## Critical path');
      expect(eng).toContain('## DORA four keys');
      expect(eng).toContain('## Technical risks');
      expect(pm).toContain('SPI');
      expect(pm).toContain('## Change requests');
      expect(pm).toContain('## Stakeholder satisfaction');
      expect(exec).not.toEqual(pm);
    });

    it('is reproducible for a status date, in HTML, Markdown and PDF', async () => {
      const html = await get('engineering', 'html');
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const text = await html.text();
      expect(text).toContain('<svg');
      expect(text).toBe(await (await get('engineering', 'html')).text());
      expect(await (await get('executive', 'md', '2026-03-13')).text()).not.toBe(
        await (await get('executive', 'md')).text(),
      );

      const pdf = await get('executive', 'pdf');
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-disposition')).toMatch(
        /attachment; filename=".*-executive-2026-02-13\.pdf"/,
      );
      const bytes = new Uint8Array(await pdf.arrayBuffer());
      const again = new Uint8Array(await (await get('executive', 'pdf')).arrayBuffer());
      expect(Buffer.from(bytes).equals(Buffer.from(again))).toBe(true);
      if (pdftoppmUnavailable() === null) {
        const pages = renderPdfPages(bytes);
        expect(pages.length).toBeGreaterThan(0);
        expect(pages[0]!.ink).toBeGreaterThan(0.01);
      }
    });

    it('refuses bad audiences, formats and dates with a clear error', async () => {
      expect((await get('board', 'html')).status).toBe(400);
      expect((await get('pm', 'docx')).status).toBe(400);
      expect((await get('pm', 'md', '2026-02-31')).status).toBe(400);
      // A project without a status date needs one.
      const res = await json(app, 'GET', `/api/projects/${w.project.id}/reports/pm`, { as: w.actors.viewer });
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body)).toContain('statusDate');
    });
  });
});
