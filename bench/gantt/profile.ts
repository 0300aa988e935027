/**
 * Where a chart spends its time: one run of init and one of the scroll under a Chrome trace
 * (devtools.timeline: script, style, layout, paint, GC) and the V8 CPU profiler, on an unminified build.
 * Writes the trace and the .cpuprofile files to bench/out/ (open them in Chrome DevTools → Performance)
 * and returns the top costs: trace events by self time on the page's main thread, and JS functions by
 * self time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { BenchGlobal } from './hooks.ts';
import { type Lib, openPage } from './measure.ts';

export interface Cost {
  name: string;
  ms: number;
}
export interface PhaseProfile {
  wallMs: number;
  /** main-thread trace events by self time (children's time taken out) */
  events: Cost[];
  /** style recalcs and layouts forced by script (run inside a JS call rather than by the frame) */
  forced: { count: number; ms: number };
  /** JS functions by self time, "name (file:line)" */
  functions: Cost[];
  /** self time by script file */
  files: Cost[];
}
export interface ChartProfile {
  lib: Lib;
  tasks: number;
  init: PhaseProfile;
  scroll: PhaseProfile;
  files: string[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

const top = (totals: Map<string, number>, count: number): Cost[] =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10 }));

/** Self time of complete ('X') events on the renderer's main thread, by event name. */
export function traceSelfTimes(events: readonly TraceEvent[], count = 15): Cost[] {
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  if (!main) return [];
  const slices = events
    .filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const totals = new Map<string, number>();
  const stack: { end: number; name: string; self: number }[] = [];
  const pop = (): void => {
    const done = stack.pop()!;
    totals.set(done.name, (totals.get(done.name) ?? 0) + done.self / 1000);
  };
  for (const slice of slices) {
    const end = slice.ts + slice.dur!;
    while (stack.length && stack[stack.length - 1]!.end <= slice.ts) pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.self -= Math.min(slice.dur!, parent.end - slice.ts);
    stack.push({ end, name: slice.name, self: slice.dur! });
  }
  while (stack.length) pop();
  return top(totals, count);
}

const SCRIPT = new Set([
  'FunctionCall',
  'EventDispatch',
  'FireAnimationFrame',
  'TimerFire',
  'v8.callFunction',
]);

/** Style recalcs and layouts on the main thread that ran inside script: forced synchronous layouts. */
export function forcedLayouts(events: readonly TraceEvent[]): { count: number; ms: number } {
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  if (!main) return { count: 0, ms: 0 };
  const slices = events
    .filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: TraceEvent[] = [];
  let count = 0;
  let us = 0;
  for (const slice of slices) {
    while (stack.length && stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur! <= slice.ts)
      stack.pop();
    if (
      (slice.name === 'Layout' || slice.name === 'UpdateLayoutTree') &&
      stack.some((e) => SCRIPT.has(e.name))
    ) {
      count++;
      us += slice.dur!;
    }
    stack.push(slice);
  }
  return { count, ms: Math.round(us / 100) / 10 };
}

/** Self time by function and by file from a V8 CPU profile. */
export function cpuSelfTimes(profile: CpuProfile, count = 20): { functions: Cost[]; files: Cost[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url ? url.replace(/^https?:\/\/[^/]+\//, '') : '';
    const name = file ? `${functionName || '(anonymous)'} (${file}:${lineNumber + 1})` : functionName;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    const fileKey = file || functionName;
    files.set(fileKey, (files.get(fileKey) ?? 0) + ms);
  });
  return { functions: top(functions, count), files: top(files, 10) };
}

async function profilePhase(
  browser: Browser,
  cdp: CDPSession,
  page: Page,
  run: () => Promise<unknown>,
  outBase: string,
): Promise<PhaseProfile & { written: string[] }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'],
  });
  await cdp.send('Profiler.start');
  const t0 = performance.now();
  await run();
  const wallMs = performance.now() - t0;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const trace = await browser.stopTracing();
  const tracePath = `${outBase}.trace.json`;
  const cpuPath = `${outBase}.cpuprofile`;
  writeFileSync(tracePath, trace);
  writeFileSync(cpuPath, JSON.stringify(profile));
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  return {
    wallMs: Math.round(wallMs),
    events: traceSelfTimes(parsed.traceEvents),
    forced: forcedLayouts(parsed.traceEvents),
    ...cpuSelfTimes(profile),
    written: [tracePath, cpuPath],
  };
}

export async function profileChart(
  browser: Browser,
  baseUrl: string,
  lib: Lib,
  tasks: number,
  seed: number,
  outDir: string,
): Promise<ChartProfile> {
  const { page, cdp, close } = await openPage(browser, baseUrl, lib, tasks, seed);
  try {
    const base = join(outDir, `gantt-profile-${lib}-${tasks}`);
    const init = await profilePhase(
      browser,
      cdp,
      page,
      () => page.evaluate(() => (globalThis as BenchGlobal).__bench.init()),
      `${base}-init`,
    );
    const scroll = await profilePhase(
      browser,
      cdp,
      page,
      () => page.evaluate(() => (globalThis as BenchGlobal).__bench.scroll()),
      `${base}-scroll`,
    );
    const { written: a, ...initProfile } = init;
    const { written: b, ...scrollProfile } = scroll;
    return { lib, tasks, init: initProfile, scroll: scrollProfile, files: [...a, ...b] };
  } finally {
    await close();
  }
}
