/**
 * Live updates: a project's event stream receives each write in that project (and nothing from other
 * projects); on PostgreSQL, across processes through LISTEN/NOTIFY.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TandemApp } from '../app.ts';
import { TEST_DATABASE_URL, describeEngines } from '../db/test-engines.ts';
import { type TestWorkspace, call, json, testApp, testWorkspace } from '../http/testing.ts';
import { type ChangeEvent, type EventBus, InProcessEventBus } from './event-bus.ts';
import { MAX_PAYLOAD_BYTES, PgEventBus } from './pg-event-bus.ts';

/** Reads server-sent events from a streaming response, one at a time. */
function sseReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next(timeoutMs = 5000): Promise<{ event: string; data: unknown }> {
      const deadline = Date.now() + timeoutMs;
      while (true) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(':')) continue;
          const field = (name: string) =>
            block
              .split('\n')
              .find((l) => l.startsWith(`${name}:`))
              ?.slice(name.length + 1)
              .trim();
          return { event: field('event') ?? 'message', data: JSON.parse(field('data') ?? 'null') };
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no event in time');
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, fail) => setTimeout(() => fail(new Error('no event in time')), left)),
        ]);
        if (chunk.done) throw new Error('stream ended');
        buffer += chunk.value;
      }
    },
    close: () => reader.cancel(),
  };
}

describeEngines('live updates', (t) => {
  let w: TestWorkspace;
  let app: TandemApp;
  let other: TandemApp;
  const buses: EventBus[] = [];

  beforeAll(async () => {
    if (t.engine === 'postgres') {
      // Two API processes on one database, each with its own listening connection.
      const channel = `tandem_test_${randomBytes(4).toString('hex')}`;
      const a = await PgEventBus.connect({ connectionString: TEST_DATABASE_URL, channel });
      const b = await PgEventBus.connect({ connectionString: TEST_DATABASE_URL, channel });
      buses.push(a, b);
      app = testApp(t.db, t.engine, { events: a });
      other = testApp(t.db, t.engine, { events: b });
    } else {
      const bus = new InProcessEventBus();
      buses.push(bus);
      app = testApp(t.db, t.engine, { events: bus });
      other = app;
    }
    w = await testWorkspace(t.db);
  });

  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
  });

  it('streams each write in the project as an event with ids, never bodies', async () => {
    const stream = await call(other, 'GET', `/api/projects/${w.project.id}/events`, { as: w.actors.viewer });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = sseReader(stream);
    try {
      expect(await events.next()).toEqual({ event: 'ready', data: { projectId: w.project.id } });
      // A write in another project first: it must not arrive here.
      await json(app, 'POST', `/api/projects/${w.otherProject.id}/work-items`, {
        as: w.actors.owner,
        body: { name: 'Elsewhere' },
      });
      const { body: item } = await json(app, 'POST', `/api/projects/${w.project.id}/work-items`, {
        as: w.actors.pm,
        body: { name: 'Secret name', durationMinutes: 480 },
      });
      const created = await events.next();
      expect(created).toEqual({
        event: 'change',
        data: { entity: 'work-items', id: item.id, version: 1, action: 'created', at: expect.any(String) },
      });
      await json(app, 'PATCH', `/api/work-items/${item.id}`, {
        as: w.actors.pm,
        headers: { 'if-match': '"1"' },
        body: { name: 'Renamed' },
      });
      expect((await events.next()).data).toMatchObject({ id: item.id, version: 2, action: 'updated' });
      await json(app, 'DELETE', `/api/work-items/${item.id}`, {
        as: w.actors.pm,
        headers: { 'if-match': '"2"' },
      });
      expect((await events.next()).data).toMatchObject({ id: item.id, version: 2, action: 'deleted' });
    } finally {
      await events.close();
    }
  });

  it('is authorised like a read', async () => {
    expect(
      (await call(app, 'GET', `/api/projects/${w.otherProject.id}/events`, { as: w.actors.viewer })).status,
    ).toBe(404);
    expect((await call(app, 'GET', `/api/projects/${w.project.id}/events`)).status).toBe(401);
  });

  it('delivers a published event to subscribers of that project only', async () => {
    const bus = buses[buses.length - 1] as EventBus;
    const got: ChangeEvent[] = [];
    const stop = bus.subscribe('ws', 'p1', (e) => got.push(e));
    const event = (projectId: string): ChangeEvent => ({
      workspaceId: 'ws',
      projectId,
      entity: 'work-items',
      id: 'x',
      version: 1,
      action: 'created',
      at: new Date().toISOString(),
    });
    await (buses[0] as EventBus).publish(event('p2'));
    await (buses[0] as EventBus).publish(event('p1'));
    await expect.poll(() => got.length).toBe(1);
    expect(got[0]?.projectId).toBe('p1');
    stop();
  });

  // Only PostgreSQL's NOTIFY has a payload limit: the test exists for that engine alone.
  if (t.engine === 'postgres')
    it('refuses payloads NOTIFY cannot carry', async () => {
      const bus = buses[0] as EventBus;
      const huge = {
        workspaceId: 'ws',
        projectId: 'p',
        entity: 'x'.repeat(MAX_PAYLOAD_BYTES),
        id: 'x',
        version: 1,
        action: 'created' as const,
        at: '',
      };
      await expect(bus.publish(huge)).rejects.toThrow(/NOTIFY/);
    });
});
