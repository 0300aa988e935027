/**
 * Serves the built web app (`packages/web/dist`, made by `npm start` / `npm run build -w @tandem/web`):
 * hashed assets with a year's immutable cache, other files for an hour, and `index.html` (no-cache,
 * with a Content-Security-Policy) for every other GET outside `/api` and `/auth` — the app's router
 * takes it from there. Text files are gzipped once and kept in memory. Without a build, `/` explains
 * how to make one.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

export const DEFAULT_WEB_APP_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Same origin only; inline styles because Mantine sets CSS variables and positions with style attributes. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map']);

interface LoadedFile {
  mtimeMs: number;
  body: Uint8Array;
  gzip: Uint8Array | undefined;
}

export function registerWebApp(app: Hono<AppEnv>, dir: string = DEFAULT_WEB_APP_DIR): void {
  const root = resolve(dir);
  const cache = new Map<string, LoadedFile>();

  /** A file under the build folder, or undefined (missing, a folder, or outside it). */
  const load = (relative: string): { file: LoadedFile; ext: string } | undefined => {
    const full = resolve(root, `.${relative}`);
    if (full !== root && !full.startsWith(root + sep)) return undefined;
    let mtimeMs: number;
    try {
      const stat = statSync(full);
      if (!stat.isFile()) return undefined;
      mtimeMs = stat.mtimeMs;
    } catch {
      return undefined;
    }
    const ext = extname(full).toLowerCase();
    let file = cache.get(full);
    if (!file || file.mtimeMs !== mtimeMs) {
      const body = readFileSync(full);
      file = {
        mtimeMs,
        body,
        gzip: COMPRESSIBLE.has(ext) && body.length > 1024 ? gzipSync(body) : undefined,
      };
      cache.set(full, file);
    }
    return { file, ext };
  };

  const send = (c: Context<AppEnv>, found: { file: LoadedFile; ext: string }, cacheControl: string) => {
    const headers: Record<string, string> = {
      'Content-Type': TYPES[found.ext] ?? 'application/octet-stream',
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
    };
    if (found.ext === '.html') {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
      headers['Referrer-Policy'] = 'same-origin';
      headers['X-Frame-Options'] = 'DENY';
    }
    let body = found.file.body;
    if (found.file.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      body = found.file.gzip;
      headers['Content-Encoding'] = 'gzip';
    }
    return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
  };

  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/') || path.startsWith('/auth/')) return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return next();
    }
    if (decoded.includes('\0')) return next();

    if (decoded !== '/' && decoded !== '/index.html') {
      const asset = load(decoded);
      if (asset) {
        const immutable = decoded.startsWith('/assets/');
        return send(c, asset, immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
      }
      // A missing hashed asset is a 404 (an old tab after a deploy), not the app's page.
      if (decoded.startsWith('/assets/') || extname(decoded) !== '') return next();
    }
    const index = load('/index.html');
    if (index) return send(c, index, 'no-cache');
    return c.html(NOT_BUILT, 200, { 'Cache-Control': 'no-store' });
  });
}

/**
 * A one-time link followed in a browser that fails (unknown, used or expired) lands on the app's
 * sign-in page with an explanation (`/sign-in?link=invalid`) instead of a JSON problem. API clients
 * (not asking for HTML) still get the problem.
 */
export const linkErrorsAsPages: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const wantsHtml = (c.req.header('accept') ?? '').includes('text/html');
  if (c.req.method === 'GET' && wantsHtml && c.res.status >= 400 && c.res.status < 500) {
    c.res = undefined; // drop the problem's headers
    c.res = new Response(null, { status: 303, headers: { Location: '/sign-in?link=invalid' } });
  }
};

const NOT_BUILT =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Tandem</title>' +
  '<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;line-height:1.5">' +
  '<h1>Tandem</h1><p>The server is running, but the web app has not been built. <code>npm start</code> builds it; ' +
  'or run <code>npm run build -w @tandem/web</code> and reload. Meanwhile, explore the API in the ' +
  '<a href="/api/docs">interactive API docs</a>.</p></body></html>';
