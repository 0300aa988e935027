import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.ts';
import { CONTENT_SECURITY_POLICY, linkErrorsAsPages, registerWebApp } from './web-app.ts';

const INDEX =
  '<!doctype html><html><body><div id="root"></div><script src="/assets/index-abc123.js"></script></body></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;

function appWith(dir: string) {
  const app = new Hono<AppEnv>();
  app.get('/api/ping', (c) => c.json({ ok: true }));
  registerWebApp(app, dir);
  app.notFound((c) => c.json({ status: 404 }, 404));
  return app;
}

describe('web app serving', () => {
  let dir: string;
  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'tandem-web-'));
    dir = join(root, 'dist');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), SCRIPT);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, 'secret.txt'), 'not for you');
  });

  it.each(['/', '/projects/123', '/projects/123/gantt?x=1', '/sign-in'])(
    'answers %s with index.html, no-cache and a CSP',
    async (path) => {
      const res = await appWith(dir).request(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    },
  );

  it('serves hashed assets for a year, gzipped when asked', async () => {
    const app = appWith(dir);
    const plain = await app.request('/assets/index-abc123.js');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toContain('text/javascript');
    expect(await plain.text()).toBe(SCRIPT);
    const gz = await app.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const bytes = new Uint8Array(await gz.arrayBuffer());
    expect(bytes.length).toBeLessThan(SCRIPT.length / 4);
    expect(gunzipSync(bytes).toString()).toBe(SCRIPT);
  });

  it('serves other files for an hour', async () => {
    const res = await appWith(dir).request('/favicon.svg');
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it.each([
    '/api/nope',
    '/api',
    '/auth/link/x',
    '/assets/gone-123.js',
    '/missing.png',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
  ])('leaves %s to the API (404), never to the app or outside the folder', async (path) => {
    const res = await appWith(dir).request(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('not for you');
  });

  it('lets API routes answer first', async () => {
    expect(await (await appWith(dir).request('/api/ping')).json()).toEqual({ ok: true });
  });

  it('explains how to build the app when there is no build', async () => {
    const res = await appWith(join(dir, 'does-not-exist')).request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm start');
  });

  it('sends a browser whose one-time link failed to the sign-in page; API clients get the problem', async () => {
    const app = new Hono<AppEnv>();
    app.use('/auth/link/*', linkErrorsAsPages);
    app.get('/auth/link/:token', (c) =>
      c.req.param('token') === 'good' ? c.redirect('/', 303) : c.json({ code: 'link_invalid' }, 404),
    );
    const html = { accept: 'text/html,application/xhtml+xml' };
    const failed = await app.request('/auth/link/used', { headers: html });
    expect([failed.status, failed.headers.get('location')]).toEqual([303, '/sign-in?link=invalid']);
    const ok = await app.request('/auth/link/good', { headers: html });
    expect(ok.headers.get('location')).toBe('/');
    const api = await app.request('/auth/link/used', { headers: { accept: 'application/json' } });
    expect(api.status).toBe(404);
  });
});
