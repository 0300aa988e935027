/**
 * One measured run of one chart: a fresh browser context (1280×800, UTC), the page for `lib` and `tasks`,
 * heap before init (after a full GC, via CDP), init → painted and settled, heap after paint, the scroll
 * through all rows, heap after scroll, and bars in view at five scroll positions.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { BenchGlobal, InitTimings } from './hooks.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
];
export const VIEWPORT = { width: 1280, height: 800 };

export type Lib = 'tandem' | 'svar' | 'dhtmlx';

export interface FrameStats {
  frames: number;
  median: number;
  p95: number;
  max: number;
  /** share of frames longer than one 60 Hz frame (16.7 ms, with 1 ms of timer slack) */
  over16: number;
  mean: number;
}

export interface RunResult {
  lib: Lib;
  label: string;
  tasks: number;
  links: number;
  init: InitTimings;
  scroll: FrameStats & { stepPx: number; scrollRange: number; totalMs: number };
  /** main-thread time per scrolled frame, ms (CDP Performance.getMetrics: all tasks, script, layout, style) */
  scrollCpu: { task: number; script: number; layout: number; style: number };
  /** JSHeapUsedSize after a full GC, bytes */
  heap: { beforeInit: number; afterPaint: number; afterScroll: number };
  /** bars in view at 10, 30, 50, 70 and 90 % of the scroll range (see ChartAdapter.barsInView) */
  barsInView: (number | null)[];
  pageErrors: string[];
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

export function frameStats(frames: readonly number[]): FrameStats {
  const sorted = [...frames].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    frames: sorted.length,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted[sorted.length - 1] ?? NaN,
    over16: sorted.length ? sorted.filter((f) => f > 17.7).length / sorted.length : NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
  };
}

/**
 * Chromium starts its zygote and renderers at nice 0 whatever the runner's niceness, in sessions of their
 * own; give every process under this one (browser, GPU, renderers) and their scheduling groups the
 * runner's priority, so that `nice -n -15 npm run bench:gantt`
 * (as root) shields the browser from other work on a shared machine. Linux only; silently does nothing
 * elsewhere or without the right to raise a priority.
 */
export function shareRunnerPriority(): void {
  let priority: number;
  const parents = new Map<number, number>();
  try {
    priority = getPriority();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // pid (comm) state ppid …: comm may hold spaces or parentheses, so read after the last ')'
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        parents.set(Number(entry), ppid);
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return;
  }
  for (const pid of parents.keys()) {
    let ancestor = parents.get(pid);
    while (ancestor !== undefined && ancestor > 1 && ancestor !== process.pid)
      ancestor = parents.get(ancestor);
    if (ancestor !== process.pid) continue;
    try {
      if (getPriority(pid) !== priority) setPriority(pid, priority);
      // Chromium's zygote starts new sessions: their scheduling groups need the priority too
      if (priority < 0) {
        const group = readFileSync(`/proc/${pid}/autogroup`, 'utf8');
        if (!group.includes(`nice ${priority}`)) writeFileSync(`/proc/${pid}/autogroup`, String(priority));
      }
    } catch {
      // not allowed, or gone
    }
  }
}

/**
 * With autogroup scheduling (Linux's default for desktop and container sessions) a process's nice value
 * only ranks it within its own session; other sessions' work competes as whole groups. When the runner was
 * started with a raised priority (`nice -n -15`, as root), raise its session group's too, and return how to
 * put it back. Does nothing otherwise.
 */
export function raiseSessionPriority(): () => void {
  const path = '/proc/self/autogroup';
  try {
    const nice = getPriority();
    const before = /nice (-?\d+)/.exec(readFileSync(path, 'utf8'))?.[1];
    if (nice >= 0 || before === undefined || Number(before) <= nice) return () => {};
    writeFileSync(path, String(nice));
    return () => {
      try {
        writeFileSync(path, before);
      } catch {
        // leave it
      }
    };
  } catch {
    return () => {};
  }
}

async function durations(cdp: CDPSession): Promise<Record<'task' | 'script' | 'layout' | 'style', number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string): number => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return {
    task: get('TaskDuration'),
    script: get('ScriptDuration'),
    layout: get('LayoutDuration'),
    style: get('RecalcStyleDuration'),
  };
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
  if (!used) throw new Error('CDP Performance.getMetrics gave no JSHeapUsedSize');
  return used.value;
}

export async function openPage(
  browser: Browser,
  baseUrl: string,
  lib: Lib,
  tasks: number,
  seed: number,
): Promise<{ page: Page; cdp: CDPSession; pageErrors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT, timezoneId: 'UTC', locale: 'en-US' });
  // nothing leaves the machine (fonts a theme would fetch from a CDN fail at once, the same in every run)
  await context.route(
    (url) => url.origin !== baseUrl,
    (route) => route.abort(),
  );
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // (requests off the machine are aborted on purpose: their "Failed to load resource" is not the chart's)
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      pageErrors.push(message.text());
  });
  shareRunnerPriority();
  await page.goto(`${baseUrl}/index.html?lib=${lib}&tasks=${tasks}&seed=${seed}`);
  await page.waitForFunction(() => (globalThis as BenchGlobal).__bench?.ready === true, undefined, {
    timeout: 60_000,
  });
  const error = await page.evaluate(() => (globalThis as BenchGlobal).__bench.error);
  if (error) throw new Error(`${lib} page failed: ${error}`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp, pageErrors, close: () => context.close() };
}

export async function measureRun(
  browser: Browser,
  baseUrl: string,
  lib: Lib,
  tasks: number,
  seed: number,
  stepPx?: number,
  /** a PNG of the chart at 90 % of the scroll range, after the measurements */
  screenshot?: string,
): Promise<RunResult> {
  const { page, cdp, pageErrors, close } = await openPage(browser, baseUrl, lib, tasks, seed);
  try {
    const hooks = await page.evaluate(() => ({
      label: (globalThis as BenchGlobal).__bench.label,
      tasks: (globalThis as BenchGlobal).__bench.tasks,
      links: (globalThis as BenchGlobal).__bench.links,
    }));
    const beforeInit = await heapUsed(cdp);
    const init = await page.evaluate(() => (globalThis as BenchGlobal).__bench.init());
    const afterPaint = await heapUsed(cdp);
    const before = await durations(cdp);
    const scroll = await page.evaluate((step) => (globalThis as BenchGlobal).__bench.scroll(step), stepPx);
    const after = await durations(cdp);
    const perFrame = (key: keyof typeof before): number => (after[key] - before[key]) / scroll.frames.length;
    const afterScroll = await heapUsed(cdp);
    const barsInView = await page.evaluate(() =>
      (globalThis as BenchGlobal).__bench.barsInView([0.1, 0.3, 0.5, 0.7, 0.9]),
    );
    if (screenshot) await page.screenshot({ path: screenshot });
    return {
      lib,
      ...hooks,
      init,
      scroll: {
        ...frameStats(scroll.frames),
        stepPx: scroll.stepPx,
        scrollRange: scroll.scrollRange,
        totalMs: scroll.total,
      },
      scrollCpu: {
        task: perFrame('task'),
        script: perFrame('script'),
        layout: perFrame('layout'),
        style: perFrame('style'),
      },
      heap: { beforeInit, afterPaint, afterScroll },
      barsInView,
      pageErrors,
    };
  } finally {
    await close();
  }
}
