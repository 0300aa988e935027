/**
 * Builds the Gantt benchmark pages (bench/gantt/index.html, `?lib=` picks the chart; each chart's code is
 * split into its own chunk) with Vite in production mode into bench/out/gantt/ (or bench/out/gantt-profile/,
 * unminified, for readable CPU profiles).
 *
 * `virtual:tandem-gantt` resolves to packages/web/src/gantt/index.ts of the working tree — or, with a git
 * ref, of that commit, exported with `git archive` into node_modules/.cache/bench-gantt-src/<commit>/ (so that someone's
 * uncommitted work in the shared checkout is not what gets measured) — or to `export const Gantt = null`
 * while that file does not exist (the runner then skips our chart and says so).
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
export const tandemGanttEntry = join(repoRoot, 'packages/web/src/gantt/index.ts');

export function tandemGanttLanded(): boolean {
  return existsSync(tandemGanttEntry);
}

export interface GanttSource {
  /** the index.ts the pages import our chart from, or null when there is none */
  entry: string | null;
  /** the commit it comes from, or 'working tree' (+ whether packages/web/src/gantt had uncommitted changes) */
  from: string;
}

/** Our chart's source: the working tree, or `ref` exported from git. */
export function ganttSource(ref?: string): GanttSource {
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  if (ref === undefined) {
    const dirty = git('status', '--porcelain', '--', 'packages/web/src/gantt') !== '';
    return {
      entry: tandemGanttLanded() ? tandemGanttEntry : null,
      from: `working tree at ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes in packages/web/src/gantt' : ''}`,
    };
  }
  const commit = git('rev-parse', '--short', `${ref}^{commit}`);
  // under node_modules: out of every tsconfig, linter and formatter, and react still resolves from the root
  const dir = join(repoRoot, 'node_modules/.cache/bench-gantt-src', commit);
  const entry = join(dir, 'packages/web/src/gantt/index.ts');
  if (!existsSync(entry)) {
    mkdirSync(dir, { recursive: true });
    try {
      execSync(`git archive ${commit} packages/web/src/gantt | tar -x -C ${JSON.stringify(dir)}`, {
        cwd: repoRoot,
      });
    } catch {
      return { entry: null, from: commit };
    }
  }
  return { entry: existsSync(entry) ? entry : null, from: commit };
}

function tandemGantt(entry: string | null): Plugin {
  const id = 'virtual:tandem-gantt';
  const resolved = '\0' + id;
  return {
    name: 'tandem-gantt',
    resolveId: (source) => (source === id ? resolved : null),
    load: (source) =>
      source !== resolved
        ? null
        : entry !== null
          ? `export { Gantt } from ${JSON.stringify(entry)};`
          : 'export const Gantt = null;',
  };
}

/** Returns the output folder. */
export async function buildGanttPages({
  profile = false,
  gantt = ganttSource(),
}: { profile?: boolean; gantt?: GanttSource } = {}): Promise<string> {
  const outDir = join(repoRoot, profile ? 'bench/out/gantt-profile' : 'bench/out/gantt');
  await build({
    root: here,
    base: './',
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react(), tandemGantt(gantt.entry)],
    build: {
      outDir,
      emptyOutDir: true,
      minify: !profile,
      sourcemap: profile,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
    },
  });
  return outDir;
}
