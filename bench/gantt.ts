/**
 * `npm run bench:gantt`: the Gantt chart in Chromium — ours (packages/web/src/gantt), SVAR React Gantt and
 * DHTMLX Gantt on the same generated plan (bench/gantt/data.ts), 1,000 and 10,000 tasks. For each
 * (chart, size), `--runs` fresh browser contexts each measure
 *
 *   - init → painted: performance.now() right before the init call (React root.render in flushSync,
 *     gantt.init + gantt.parse) to the second requestAnimationFrame after it; to the frame after the first
 *     frame with bars in the DOM; and to the last DOM mutation before 100 ms of quiet ("settled");
 *   - scrolling through all rows, one viewport per frame: rAF-to-rAF frame times (median, p95, max,
 *     share over 16.7 ms);
 *   - JS heap used (CDP, after a full GC) before init, after paint and after the scroll;
 *
 * and the medians are printed and written to bench/out/gantt-results.json. See "Gantt in the browser"
 * in BENCHMARKS.md.
 *
 * Options: --libs tandem,svar,dhtmlx   --sizes 1000,10000   --runs N (default 5)   --seed N (default 1)
 *          --step PX (scroll step; default one viewport)   --no-build (reuse bench/out/gantt/)
 *          --gantt-ref REF (measure our chart as committed at REF, e.g. HEAD, not the working tree)
 *          --profile (instead: trace + CPU-profile one run per --libs × --sizes, unminified build,
 *          files in bench/out/, top costs printed and written to bench/out/gantt-profile.json)
 *   CHROMIUM_PATH: the browser (default /usr/bin/chromium)
 * On a shared machine run it as `nice -n -15 npm run bench:gantt` (root): the browser's processes and the
 * session's scheduling group then get that priority too (see shareRunnerPriority, raiseSessionPriority).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildGanttPages, ganttSource, repoRoot } from './gantt/build.ts';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  type Lib,
  measureRun,
  raiseSessionPriority,
  type RunResult,
  VIEWPORT,
} from './gantt/measure.ts';
import { type ChartProfile, profileChart } from './gantt/profile.ts';
import { serveStatic } from './gantt/serve.ts';

const { values } = parseArgs({
  options: {
    libs: { type: 'string', default: 'tandem,svar,dhtmlx' },
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    step: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'gantt-ref': { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});

const LIBS: readonly Lib[] = ['tandem', 'svar', 'dhtmlx'];
const libs = values.libs.split(',').map((s) => s.trim()) as Lib[];
for (const lib of libs)
  if (!LIBS.includes(lib)) throw new Error(`--libs: unknown chart "${lib}" (${LIBS.join(', ')})`);
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
for (const size of sizes)
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`--sizes: "${values.sizes}" is not a list of positive integers`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs: "${values.runs}" is not a positive integer`);
const seed = Number(values.seed);
const stepPx = values.step === undefined ? undefined : Number(values.step);

const gantt = ganttSource(values['gantt-ref']);
const activeLibs = libs.filter((lib) => {
  if (lib !== 'tandem' || gantt.entry !== null) return true;
  process.stderr.write(`skipping tandem: packages/web/src/gantt/index.ts does not exist (${gantt.from})\n`);
  return false;
});
if (activeLibs.includes('tandem')) process.stderr.write(`our Gantt: ${gantt.from}\n`);

const outDir = join(repoRoot, 'bench/out');
mkdirSync(outDir, { recursive: true });
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (x: number | null): string => (x === null || Number.isNaN(x) ? '—' : x.toFixed(x < 100 ? 1 : 0));
const mb = (bytes: number): string => (bytes / 1_048_576).toFixed(1);
const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();

process.stderr.write(values['no-build'] ? 'reusing the built pages…\n' : 'building the pages (vite)…\n');
const pagesDir = values['no-build']
  ? join(outDir, values.profile ? 'gantt-profile' : 'gantt')
  : await buildGanttPages({ profile: values.profile, gantt });
const server = await serveStatic(pagesDir);
const restorePriority = raiseSessionPriority();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cpus: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  chromium: browser.version(),
  node: process.version,
  loadAverageAtStart: loadavg(),
  viewport: VIEWPORT,
};
const ganttFrom = gantt.from;

try {
  if (values.profile) {
    const profiles: ChartProfile[] = [];
    for (const tasks of sizes)
      for (const lib of activeLibs) {
        process.stderr.write(`profiling ${lib}, ${tasks} tasks…\n`);
        const profile = await profileChart(browser, server.url, lib, tasks, seed, outDir);
        profiles.push(profile);
        for (const phase of ['init', 'scroll'] as const) {
          const p = profile[phase];
          console.log(`\n${lib} ${tasks} tasks — ${phase} (${p.wallMs} ms wall)`);
          console.log('  main thread, self time:  ' + p.events.map((e) => `${e.name} ${e.ms}`).join(' · '));
          console.log(`  forced style/layout:     ${p.forced.count} times, ${p.forced.ms} ms`);
          console.log('  by file:                 ' + p.files.map((e) => `${e.name} ${e.ms}`).join(' · '));
          for (const f of p.functions.slice(0, 12)) console.log(`  ${ms(f.ms).padStart(7)} ms  ${f.name}`);
        }
        console.log(`  files: ${profile.files.join(', ')}`);
      }
    writeFileSync(
      join(outDir, 'gantt-profile.json'),
      JSON.stringify({ commit, ganttFrom, date: new Date().toISOString(), machine, profiles }, null, 2),
    );
  } else {
    const results: (RunResult & { loadAverage: number })[] = [];
    for (const tasks of sizes)
      for (let run = 1; run <= runs; run++)
        for (const lib of activeLibs) {
          process.stderr.write(`${lib}, ${tasks} tasks, run ${run}/${runs}… `);
          const screenshot = run === 1 ? join(outDir, `gantt-${lib}-${tasks}.png`) : undefined;
          const result = await measureRun(browser, server.url, lib, tasks, seed, stepPx, screenshot);
          results.push({ ...result, loadAverage: loadavg()[0]! });
          process.stderr.write(
            `painted ${ms(result.init.barsPainted)} ms, settled ${ms(result.init.settled)} ms, ` +
              `scroll median ${ms(result.scroll.median)} ms\n`,
          );
        }

    const summary = sizes.flatMap((tasks) =>
      activeLibs.map((lib) => {
        const rs = results.filter((r) => r.lib === lib && r.init && r.tasks === tasks);
        const pick = (f: (r: RunResult) => number | null): number =>
          median(rs.map(f).filter((x) => x !== null));
        return {
          lib,
          label: rs[0]?.label ?? lib,
          tasks,
          links: rs[0]?.links ?? 0,
          runs: rs.length,
          initCall: pick((r) => r.init.initCall),
          twoFrames: pick((r) => r.init.twoFrames),
          barsPainted: pick((r) => r.init.barsPainted),
          onPainted: pick((r) => r.init.onPainted),
          settled: pick((r) => r.init.settled),
          elements: pick((r) => r.init.elements),
          scrollFrames: pick((r) => r.scroll.frames),
          scrollMedian: pick((r) => r.scroll.median),
          scrollP95: pick((r) => r.scroll.p95),
          scrollMax: pick((r) => r.scroll.max),
          scrollOver16: pick((r) => r.scroll.over16),
          scrollTaskPerFrame: pick((r) => r.scrollCpu.task),
          scrollScriptPerFrame: pick((r) => r.scrollCpu.script),
          scrollLayoutPerFrame: pick((r) => r.scrollCpu.layout + r.scrollCpu.style),
          heapBefore: pick((r) => r.heap.beforeInit),
          heapPaintGrowth: pick((r) => r.heap.afterPaint - r.heap.beforeInit),
          heapScrollGrowth: pick((r) => r.heap.afterScroll - r.heap.afterPaint),
          minBarsInView: (() => {
            const counts = rs.flatMap((r) => r.barsInView).filter((n) => n !== null);
            return counts.length ? Math.min(...counts) : null;
          })(),
          pageErrors: [...new Set(rs.flatMap((r) => r.pageErrors))],
          loadAverage: [Math.min(...rs.map((r) => r.loadAverage)), Math.max(...rs.map((r) => r.loadAverage))],
        };
      }),
    );

    console.log(
      `\nGantt in Chromium ${machine.chromium}, ${VIEWPORT.width}×${VIEWPORT.height}, medians of ${runs} runs ` +
        `(commit ${commit}; our chart: ${ganttFrom})\n`,
    );
    console.table(
      summary.map((s) => ({
        chart: s.lib,
        tasks: s.tasks,
        'init call ms': ms(s.initCall),
        '2 rAF ms': ms(s.twoFrames),
        'bars painted ms': ms(s.barsPainted),
        'onPainted ms': ms(s.onPainted),
        'settled ms': ms(s.settled),
        'DOM nodes': s.elements,
        'scroll frames': s.scrollFrames,
        'frame median ms': ms(s.scrollMedian),
        'frame p95 ms': ms(s.scrollP95),
        'frame max ms': ms(s.scrollMax),
        '> 16.7 ms': `${Math.round(s.scrollOver16 * 100)} %`,
        'main thread ms/frame': ms(s.scrollTaskPerFrame),
        'script ms/frame': ms(s.scrollScriptPerFrame),
        'style+layout ms/frame': ms(s.scrollLayoutPerFrame),
        'heap +paint MB': mb(s.heapPaintGrowth),
        'heap +scroll MB': mb(s.heapScrollGrowth),
        'bars in view (min)': s.minBarsInView ?? 'canvas',
        'load avg': s.loadAverage.map((x) => x.toFixed(1)).join('–'),
      })),
    );
    for (const s of summary)
      if (s.pageErrors.length)
        process.stderr.write(
          `${s.lib} ${s.tasks}: console errors: ${s.pageErrors.slice(0, 3).join(' | ')}\n`,
        );
    const file = join(outDir, 'gantt-results.json');
    writeFileSync(
      file,
      JSON.stringify(
        {
          commit,
          ganttFrom,
          date: new Date().toISOString(),
          options: { ...values, runs, seed, stepPx },
          machine,
          summary,
          results,
        },
        null,
        2,
      ),
    );
    process.stderr.write(`wrote ${file}\n`);
  }
} finally {
  await browser.close();
  await server.close();
  restorePriority();
}
