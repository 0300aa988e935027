/**
 * End-to-end tests of the web app: the real server (`node --import tsx main.ts`, what `npm start` runs)
 * on a fresh scratch database, the production build of the app (built once, when its sources changed),
 * and Debian's Chromium driven by playwright-core.
 *
 *   describeBrowser('board', (t) => {
 *     it('moves a card', async () => {
 *       const page = await t.signedInPage();            // a new context, signed in as the demo owner
 *       await page.goto(`${t.server.url}/projects/${await t.projectId('Northbridge')}/board`);
 *       …
 *       await t.screenshot(page, 'board');              // packages/web/screenshots/board-light.png
 *     });
 *   });
 *
 * Every page opened through `t` fails its test on a console error or an uncaught page error (allow an
 * expected one, such as the 412 of a conflict, with `t.allowConsoleError(page, /412/)`). Without
 * /usr/bin/chromium the block is skipped with the reason outside CI and fails in CI.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../../../scripts/build-web.ts';
import { createScratchDatabase, type ScratchDatabase } from '../../../server/src/db/scratch-database.ts';
import { type ServerProcess, startServerProcess } from '../../../server/src/testing/server-process.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOTS = fileURLToPath(new URL('../../screenshots/', import.meta.url));
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';

export type ColorScheme = 'light' | 'dark';

export interface E2EServer {
  url: string;
  /** The one-time sign-in link the server printed at first start (valid once). */
  signInLink: string;
  ownerEmail: string;
  ownerPassword: string;
  log: string;
  stop(): Promise<void>;
}

/** Builds the app if needed and starts the real server on a new SQLite database; reads its banner. */
export async function startE2EServer(): Promise<E2EServer> {
  await ensureWebBuild();
  const scratch: ScratchDatabase = await createScratchDatabase('sqlite');
  const log = join(mkdtempSync(join(tmpdir(), 'tandem-e2e-')), 'server.log');
  let server: ServerProcess;
  try {
    // Generous: a loaded CI machine can take a while to compile and migrate.
    server = await startServerProcess(scratch, log, { env: { LOG_LEVEL: 'warn' }, timeoutMs: 120_000 });
  } catch (error) {
    await scratch.destroy();
    throw error;
  }
  const banner = readFileSync(log, 'utf8');
  const link = /(http:\/\/\S+\/auth\/link\/\S+)/.exec(banner)?.[1];
  const credentials = /or as (\S+) with the password (\S+) /.exec(banner);
  if (!link || !credentials) throw new Error(`the server printed no sign-in link:\n${banner}`);
  return {
    url: server.url,
    signInLink: link,
    ownerEmail: credentials[1]!,
    ownerPassword: credentials[2]!,
    log,
    stop: async () => {
      await server.stop();
      await scratch.destroy();
    },
  };
}

export function chromiumProblem(): string | undefined {
  return existsSync(CHROMIUM)
    ? undefined
    : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;
}

export interface BrowserTest {
  readonly server: E2EServer;
  readonly browser: Browser;
  /** A new browser context and page (1440×900), watched for console errors. */
  newPage(options?: { colorScheme?: ColorScheme; width?: number; height?: number }): Promise<Page>;
  /** A new page signed in as the demo owner with email and password (through the API, not the form). */
  signedInPage(options?: { colorScheme?: ColorScheme }): Promise<Page>;
  /** The id of the first project whose name contains `name`. */
  projectId(name: string): Promise<string>;
  /** Let one expected console error through on `page` (e.g. the 412 response of a conflict). */
  allowConsoleError(page: Page, pattern: RegExp): void;
  /** Saves the whole page (the window grown to its height) as screenshots/<name>-<scheme>.png. */
  screenshot(page: Page, name: string): Promise<string>;
}

interface Watched {
  page: Page;
  errors: string[];
  allowed: RegExp[];
}

/**
 * A block of browser tests sharing one server and one Chromium. Skipped outside CI without Chromium
 * (with the reason), failed in CI.
 */
export function describeBrowser(name: string, body: (t: BrowserTest) => void): void {
  const problem = chromiumProblem();
  if (problem && !inCi) {
    describe.skip(`${name} (skipped: ${problem})`, () => it('needs Chromium', () => {}));
    return;
  }
  // Browsers are slow on a busy CI machine: two minutes per test.
  describe(name, { timeout: 120_000 }, () => {
    let server: E2EServer | undefined;
    let browser: Browser | undefined;
    const contexts: BrowserContext[] = [];
    let watched: Watched[] = [];
    let cookieHeader: string | undefined;

    beforeAll(async () => {
      if (problem) throw new Error(`${problem}: browser tests must run in CI`);
      server = await startE2EServer();
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    }, 300_000);

    afterEach(async () => {
      const found = watched.flatMap((w) =>
        w.errors.filter((e) => {
          const i = w.allowed.findIndex((p) => p.test(e));
          if (i < 0) return true;
          w.allowed.splice(i, 1); // each allowance covers one message
          return false;
        }),
      );
      watched = [];
      for (const c of contexts.splice(0)) await c.close().catch(() => {});
      expect(found, 'console errors or page errors').toEqual([]);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    const t: BrowserTest = {
      get server() {
        if (!server) throw new Error('the server is not started');
        return server;
      },
      get browser() {
        if (!browser) throw new Error('Chromium is not started');
        return browser;
      },
      async newPage(options = {}) {
        const context = await t.browser.newContext({
          viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
          colorScheme: options.colorScheme ?? 'light',
          baseURL: t.server.url,
        });
        contexts.push(context);
        const page = await context.newPage();
        const w: Watched = { page, errors: [], allowed: [] };
        page.on('console', (m) => {
          if (m.type() === 'error') w.errors.push(`console: ${m.text()} (${m.location().url})`);
        });
        page.on('pageerror', (e) => w.errors.push(`page error: ${e.message}`));
        watched.push(w);
        return page;
      },
      async signedInPage(options = {}) {
        cookieHeader ??= await signInCookies(t.server);
        const page = await t.newPage(options);
        await page.context().addCookies(
          cookieHeader.split('; ').map((pair) => {
            const [cookieName, ...value] = pair.split('=');
            return { name: cookieName!, value: value.join('='), url: t.server.url };
          }),
        );
        return page;
      },
      async projectId(projectName) {
        cookieHeader ??= await signInCookies(t.server);
        const res = await fetch(`${t.server.url}/api/projects?limit=500`, {
          headers: { cookie: cookieHeader },
        });
        const body = (await res.json()) as { items: { id: string; name: string }[] };
        const found = body.items.find((p) => p.name.includes(projectName));
        if (!found) throw new Error(`no project named like ${projectName}`);
        return found.id;
      },
      allowConsoleError(page, pattern) {
        const w = watched.find((x) => x.page === page);
        if (!w) throw new Error('allowConsoleError: not a page of this test');
        w.allowed.push(pattern);
      },
      async screenshot(page, shotName) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        const scheme = await page.evaluate(() =>
          document.documentElement.getAttribute('data-mantine-color-scheme'),
        );
        const file = join(SCREENSHOTS, `${shotName}-${scheme ?? 'light'}.png`);
        const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
        // No hover tooltip or focus ring left over from the last click.
        await page.mouse.move(viewport.width / 2, viewport.height - 2);
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
        // Grow the window to the page so fixed parts (header, navigation) span the whole picture.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({
          width: viewport.width,
          height: Math.min(Math.max(height, viewport.height), 4000),
        });
        await page.waitForTimeout(300); // charts resize
        await page.screenshot({ path: file, animations: 'disabled' });
        await page.setViewportSize(viewport);
        return file;
      },
    };
    body(t);
  });
}

/** Signs in with email and password through the API: the session and CSRF cookies as a Cookie header. */
export async function signInCookies(server: E2EServer): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.ownerEmail, password: server.ownerPassword }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

/** A JSON request with the cookies of `page` (and its CSRF token), e.g. to change data behind the UI. */
export async function apiAs<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  ifMatch?: number,
): Promise<T> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'tandem_csrf')?.value;
  const res = await page.request.fetch(path, {
    method,
    headers: {
      ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
      ...(ifMatch !== undefined ? { 'If-Match': `"${ifMatch}"` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}

/** Switches the app's theme the way a user does (the header's toggle) and waits for it. */
export async function setColorScheme(page: Page, scheme: ColorScheme): Promise<void> {
  const current = await page.evaluate(() =>
    document.documentElement.getAttribute('data-mantine-color-scheme'),
  );
  if (current === scheme) return;
  await page
    .getByRole('button', { name: `Switch to ${scheme} theme` })
    .first()
    .click();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme')))
    .toBe(scheme);
}
