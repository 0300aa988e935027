/**
 * Issue 6 acceptance: every GitHub payload of `@octokit/webhooks-examples` for the listed events, and
 * GitLab's documented push, merge request, pipeline and deployment examples
 * (`packages/formats/src/signals/gitlab-examples/`), are accepted with a correct signature and refused
 * (401, nothing stored) with a wrong or missing one. Deliveries are deduplicated by delivery id and
 * replayable. Both engines.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, expect, it } from 'vitest';
import type { TandemApp } from '../../app.ts';
import { describeEngines } from '../../db/test-engines.ts';
import { type TestWorkspace, call, json, testApp, testWorkspace } from '../testing.ts';

const EVENTS = [
  'push',
  'pull_request',
  'deployment',
  'deployment_status',
  'workflow_run',
  'workflow_job',
  'check_run',
  'check_suite',
  'release',
  'issues',
];
const require = createRequire(import.meta.url);
const definitions = require('@octokit/webhooks-examples') as { name: string; examples: unknown[] }[];
const GITHUB = definitions
  .filter((d) => EVENTS.includes(d.name))
  .flatMap((d) => d.examples.map((example, i) => ({ event: d.name, i, body: JSON.stringify(example) })));

const GITLAB = (
  [
    ['push', 'Push Hook'],
    ['merge_request', 'Merge Request Hook'],
    ['pipeline', 'Pipeline Hook'],
    ['deployment', 'Deployment Hook'],
  ] as const
).map(([file, header]) => ({
  file,
  header,
  body: readFileSync(
    new URL(`../../../../formats/src/signals/gitlab-examples/${file}.json`, import.meta.url),
    'utf8',
  ),
}));

const sign = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describeEngines('webhooks in: acceptance', (t) => {
  let app: TandemApp;
  let w: TestWorkspace;
  let github: { id: string; secret: string };
  let gitlab: { id: string; secret: string };

  const count = async (table: 'hook_deliveries' | 'changes' | 'deployments' | 'ci_runs' | 'incidents') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workspace_id', '=', w.workspace.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const everything = async () =>
    Promise.all((['hook_deliveries', 'changes', 'deployments', 'ci_runs', 'incidents'] as const).map(count));

  beforeAll(async () => {
    app = testApp(t.db, t.engine);
    w = await testWorkspace(t.db);
    const make = async (provider: string) => {
      const r = await json(app, 'POST', `/api/projects/${w.project.id}/hook-configs`, {
        as: w.actors.tpm,
        body: { provider, name: provider },
      });
      expect(r.status).toBe(201);
      return { id: r.body.id as string, secret: r.body.secret as string };
    };
    github = await make('github');
    gitlab = await make('gitlab');
  });

  it('has examples for every listed GitHub event', () => {
    expect(new Set(GITHUB.map((g) => g.event))).toEqual(new Set(EVENTS));
    expect(GITHUB.length).toBeGreaterThan(100);
  });

  it.each(GITHUB.map((g) => [`${g.event} #${g.i}`, g] as const))('GitHub %s', async (_name, g) => {
    const url = `/api/hooks/github/${github.id}`;
    const headers = { 'content-type': 'application/json', 'x-github-event': g.event };
    const before = await everything();
    for (const signature of [
      undefined,
      sign('wrong secret', g.body),
      sign(github.secret, `${g.body} `),
      'sha256=',
    ]) {
      const r = await call(app, 'POST', url, {
        raw: g.body,
        headers: {
          ...headers,
          'x-github-delivery': `bad-${g.event}-${g.i}`,
          ...(signature ? { 'x-hub-signature-256': signature } : {}),
        },
      });
      expect(r.status).toBe(401);
    }
    expect(await everything()).toEqual(before);

    const delivery = `gh-${g.event}-${g.i}`;
    const ok = await json(app, 'POST', url, {
      raw: g.body,
      headers: {
        ...headers,
        'x-github-delivery': delivery,
        'x-hub-signature-256': sign(github.secret, g.body),
      },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(202);
    expect(ok.body).toMatchObject({ duplicate: false, event: g.event });
    const again = await json(app, 'POST', url, {
      raw: g.body,
      headers: {
        ...headers,
        'x-github-delivery': delivery,
        'x-hub-signature-256': sign(github.secret, g.body),
      },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, deliveryId: ok.body.deliveryId });
  });

  it.each(GITLAB.map((g) => [g.file, g] as const))('GitLab %s', async (file, g) => {
    const url = `/api/hooks/gitlab/${gitlab.id}`;
    const before = await everything();
    for (const token of [undefined, 'wrong', `${gitlab.secret}x`, ''])
      expect(
        (
          await call(app, 'POST', url, {
            raw: g.body,
            headers: {
              'content-type': 'application/json',
              'x-gitlab-event': g.header,
              ...(token !== undefined ? { 'x-gitlab-token': token } : {}),
            },
          })
        ).status,
      ).toBe(401);
    expect(await everything()).toEqual(before);
    const headers = {
      'content-type': 'application/json',
      'x-gitlab-event': g.header,
      'x-gitlab-token': gitlab.secret,
      'x-gitlab-event-uuid': `gl-${file}`,
    };
    const ok = await json(app, 'POST', url, { raw: g.body, headers });
    expect(ok.status, JSON.stringify(ok.body)).toBe(202);
    expect(ok.body.event).toBe(file);
    expect(ok.body.signals).toBeGreaterThan(0);
    expect((await json(app, 'POST', url, { raw: g.body, headers })).body).toMatchObject({ duplicate: true });
  });

  it('stored the GitLab examples raw and parsed, and made their signals', async () => {
    const deliveries = await json(
      app,
      'GET',
      `/api/projects/${w.project.id}/hook-deliveries?provider=gitlab`,
      {
        as: w.actors.tpm,
      },
    );
    expect((deliveries.body.items as { event: string }[]).map((d) => d.event).sort()).toEqual([
      'deployment',
      'merge_request',
      'pipeline',
      'push',
    ]);
    const one = await json(
      app,
      'GET',
      `/api/hook-deliveries/${(deliveries.body.items as { id: string }[])[0]!.id}`,
      {
        as: w.actors.tpm,
      },
    );
    expect(one.body.rawBody).toContain('"object_kind"');
    expect(one.body.parsed).toMatchObject({ provider: 'gitlab' });
    expect(one.body.headers).not.toHaveProperty('x-gitlab-token');
    const deployments = await json(app, 'GET', `/api/projects/${w.project.id}/deployments?provider=gitlab`, {
      as: w.actors.viewer,
    });
    expect(deployments.body.items).toEqual([
      expect.objectContaining({
        environment: 'staging',
        status: 'success',
        sha: '279484c09fbe69ededfced8c1bb6e6d24616b468',
      }),
    ]);
  });

  it('an unknown or inactive hook, or the wrong provider, is refused like a bad signature', async () => {
    const body = '{"zen":"x"}';
    const headers = { 'x-github-event': 'ping', 'x-hub-signature-256': sign(github.secret, body) };
    expect((await call(app, 'POST', `/api/hooks/github/no-such-hook`, { raw: body, headers })).status).toBe(
      401,
    );
    expect((await call(app, 'POST', `/api/hooks/gitlab/${github.id}`, { raw: body, headers })).status).toBe(
      401,
    );
    const ok = await call(app, 'POST', `/api/hooks/github?hook=${github.id}`, { raw: body, headers });
    expect(ok.status).toBe(202);
  });

  it('a signed body that is not JSON is a 400 and stores nothing', async () => {
    const before = await everything();
    const body = '{not json';
    const r = await json(app, 'POST', `/api/hooks/github/${github.id}`, {
      raw: body,
      headers: { 'x-github-event': 'push', 'x-hub-signature-256': sign(github.secret, body) },
    });
    expect(r.status).toBe(400);
    expect(await everything()).toEqual(before);
  });

  it('the secret is shown once, and never in reads, lists or the audit log', async () => {
    const read = await json(app, 'GET', `/api/hook-configs/${github.id}`, { as: w.actors.pm });
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    expect(read.body.url).toBe(`/api/hooks/github/${github.id}`);
    const history = await call(app, 'GET', `/api/projects/${w.project.id}/history`, { as: w.actors.owner });
    expect(await history.text()).not.toContain(github.secret);
    const list = await call(app, 'GET', `/api/projects/${w.project.id}/hook-configs`, { as: w.actors.pm });
    expect(await list.text()).not.toContain(github.secret);
    // Viewers and members cannot see hooks or deliveries.
    expect((await call(app, 'GET', `/api/hook-configs/${github.id}`, { as: w.actors.member })).status).toBe(
      403,
    );
  });

  it('replays a delivery: parses the stored body again', async () => {
    const deliveries = await json(
      app,
      'GET',
      `/api/projects/${w.project.id}/hook-deliveries?event=push&provider=github`,
      {
        as: w.actors.tpm,
      },
    );
    const id = (deliveries.body.items as { id: string }[])[0]!.id;
    const before = await everything();
    const replayed = await json(app, 'POST', `/api/hook-deliveries/${id}/replay`, { as: w.actors.tpm });
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ id, status: 'processed', version: 2 });
    // Idempotent: signals are upserted, nothing is added.
    expect(await everything()).toEqual(before);
  });

  it('rotating the secret turns the old one away', async () => {
    const hook = await json(app, 'POST', `/api/projects/${w.project.id}/hook-configs`, {
      as: w.actors.pm,
      body: { provider: 'circleci', name: 'CircleCI' },
    });
    const body = JSON.stringify({
      type: 'workflow-completed',
      id: 'ev-1',
      workflow: { id: 'w', name: 'build', status: 'success' },
    });
    const send = (secret: string, id: string) =>
      call(app, 'POST', `/api/hooks/circleci/${hook.body.id as string}`, {
        raw: body.replace('ev-1', id),
        headers: {
          'circleci-signature': `v1=${createHmac('sha256', secret).update(body.replace('ev-1', id)).digest('hex')}`,
        },
      });
    expect((await send(hook.body.secret as string, 'ev-1')).status).toBe(202);
    const rotated = await json(app, 'PATCH', `/api/hook-configs/${hook.body.id as string}`, {
      as: w.actors.pm,
      body: { rotateSecret: true },
      headers: { 'if-match': '"1"' },
    });
    expect(rotated.status).toBe(200);
    expect((await send(hook.body.secret as string, 'ev-2')).status).toBe(401);
    expect((await send(rotated.body.secret as string, 'ev-3')).status).toBe(202);
  });
});
