/**
 * Builds the Gantt benchmark pages (bench/gantt/index.html, `?lib=` picks the chart; each chart's code is
 * split into its own chunk) with Vite in production mode into bench/out/gantt/ (or bench/out/gantt-profile/,
 * unminified, for readable CPU profiles).
 *
 * `virtual:tandem-gantt` resolves to packages/web/src/gantt/index.ts, or to `export const Gantt = null`
 * while that file does not exist (the runner then skips our chart and says so).
 */
import { existsSync } from 'node:fs';
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

function tandemGantt(): Plugin {
  const id = 'virtual:tandem-gantt';
  const resolved = '\0' + id;
  return {
    name: 'tandem-gantt',
    resolveId: (source) => (source === id ? resolved : null),
    load: (source) =>
      source !== resolved
        ? null
        : tandemGanttLanded()
          ? `export { Gantt } from ${JSON.stringify(tandemGanttEntry)};`
          : 'export const Gantt = null;',
  };
}

/** Returns the output folder. */
export async function buildGanttPages({ profile = false }: { profile?: boolean } = {}): Promise<string> {
  const outDir = join(repoRoot, profile ? 'bench/out/gantt-profile' : 'bench/out/gantt');
  await build({
    root: here,
    base: './',
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react(), tandemGantt()],
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
