/**
 * `ensureWebBuild()`: builds the web app (packages/web → packages/web/dist) unless the build there was
 * made from the same sources. The sources' hash (files under packages/web except dist, tests, e2e,
 * screenshots and dot-folders, plus package-lock.json) is kept in dist/.build-hash. Concurrent callers (test workers)
 * wait for one build through a lock folder. Run directly by `npm start` before the server;
 * `npx tsx scripts/build-web.ts --report` also prints the bundle's chunks with raw and gzip sizes.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
export const WEB_DIR = join(REPO, 'packages/web');
export const WEB_DIST = join(WEB_DIR, 'dist');
const HASH_FILE = join(WEB_DIST, '.build-hash');
const LOCK_DIR = join(WEB_DIR, '.build-lock');
const SKIP_DIRS = new Set(['node_modules', 'dist', 'screenshots', 'e2e']);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) sourceFiles(join(dir, entry.name), out);
    } else if (!/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.md')) {
      out.push(join(dir, entry.name));
    }
  }
  return out;
}

/** Hash of everything the bundle is made from. */
export function webSourceHash(): string {
  const hash = createHash('sha256');
  const files = sourceFiles(WEB_DIR).sort();
  const lock = join(REPO, 'package-lock.json');
  if (existsSync(lock)) files.push(lock);
  for (const file of files) {
    hash.update(relative(REPO, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function isCurrent(hash: string): boolean {
  return (
    existsSync(join(WEB_DIST, 'index.html')) &&
    existsSync(HASH_FILE) &&
    readFileSync(HASH_FILE, 'utf8') === hash
  );
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      // A crashed build leaves its lock: take it over after two minutes.
      const age = Date.now() - (statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() - started > 300_000)
        throw new Error(`web build: ${LOCK_DIR} is held for over 5 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

export interface WebBuildResult {
  built: boolean;
  ms: number;
}

export async function ensureWebBuild(
  options: { log?: (line: string) => void } = {},
): Promise<WebBuildResult> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  if (isCurrent(webSourceHash())) return { built: false, ms: Date.now() - started };
  return withLock(async () => {
    const hash = webSourceHash(); // again: another process may have just built it
    if (isCurrent(hash)) return { built: false, ms: Date.now() - started };
    log('Building the web app (its sources changed)…');
    const { build } = await import('vite');
    await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
    writeFileSync(HASH_FILE, hash);
    const ms = Date.now() - started;
    log(`Web app built in ${(ms / 1000).toFixed(1)} s.`);
    return { built: true, ms };
  });
}

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The built bundle's files (JS and CSS), largest first, with raw and gzip sizes. */
export function bundleReport(): BundleFile[] {
  const assets = join(WEB_DIST, 'assets');
  return readdirSync(assets)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => {
      const body = readFileSync(join(assets, f));
      return { file: f, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/** The report as a Markdown table (for BENCHMARKS.md). */
export function bundleReportMarkdown(files: BundleFile[]): string {
  const kb = (n: number) => (n / 1024).toFixed(1);
  const rows = files.map(
    (f) => `| ${f.file.replace(/-[\w-]{8}\./, '.')} | ${kb(f.bytes)} | ${kb(f.gzipBytes)} |`,
  );
  const total = files.reduce((a, f) => ({ bytes: a.bytes + f.bytes, gzip: a.gzip + f.gzipBytes }), {
    bytes: 0,
    gzip: 0,
  });
  return [
    '| chunk | raw KiB | gzip KiB |',
    '| ----- | ------: | -------: |',
    ...rows,
    `| **total** | **${kb(total.bytes)}** | **${kb(total.gzip)}** |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureWebBuild({ log: (line) => console.log(line) }).then(
    (result) => {
      if (!result.built) console.log('Web app is up to date.');
      if (process.argv.includes('--report')) console.log(bundleReportMarkdown(bundleReport()));
    },
    (error: unknown) => {
      console.error('The web app failed to build:', error);
      process.exit(1);
    },
  );
}
