// The benchmark page: `?lib=tandem|svar|dhtmlx&tasks=N&seed=S`. Generates the plan, maps it to the chart's
// input, then waits for bench/gantt.ts to call the hooks on `window.__bench` (init, scroll, barsInView).
import { generateGanttPlan } from '../data.ts';
import type { BenchHooks } from '../hooks.ts';
import type { ChartAdapter } from './adapter.tsx';

declare global {
  interface Window {
    __bench: BenchHooks;
  }
}

const SETTLE_QUIET_MS = 100;
const SETTLE_TIMEOUT_MS = 60_000;

const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function loadAdapter(lib: string): Promise<ChartAdapter> {
  switch (lib) {
    case 'tandem':
      return (await import('./tandem.tsx')).adapter;
    case 'svar':
      return (await import('./svar.tsx')).adapter;
    case 'dhtmlx':
      return (await import('./dhtmlx.tsx')).adapter;
    default:
      throw new Error(`unknown ?lib=${lib} (tandem, svar or dhtmlx)`);
  }
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const lib = params.get('lib') ?? '';
  const tasks = Number(params.get('tasks') ?? '1000');
  const seed = Number(params.get('seed') ?? '1');
  const container = document.getElementById('chart');
  if (!container) throw new Error('no #chart');
  const adapter = await loadAdapter(lib);
  const plan = generateGanttPlan({ tasks, seed });
  adapter.prepare(plan);

  const hooks: BenchHooks = {
    ready: false,
    error: null,
    label: adapter.label,
    tasks: plan.tasks.length,
    links: plan.links.length,

    async init() {
      let lastMutation = -1;
      const observer = new MutationObserver(() => {
        lastMutation = performance.now();
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      let painted: number | null = null;
      // every animation frame's callback time from the init call on; the first frame whose DOM holds bars
      const frameTimes: number[] = [];
      let barsFrame: number | null = null;
      let recording = true;
      const record = (): void => {
        frameTimes.push(performance.now());
        if (barsFrame === null && adapter.hasBars(container)) barsFrame = frameTimes.length - 1;
        if (recording) requestAnimationFrame(record);
      };

      const t0 = performance.now();
      adapter.mount(container, { onPainted: () => (painted ??= performance.now()) });
      const returned = performance.now();
      // bars already there when the init call returns are painted by the first frame (index 0)
      if (adapter.hasBars(container)) barsFrame = 0;
      requestAnimationFrame(record);
      await frame();
      await frame();
      const twoFrames = performance.now();

      // bars painted: the frame after the first frame that had them
      const deadline = t0 + SETTLE_TIMEOUT_MS;
      while (performance.now() < deadline && (barsFrame === null || frameTimes.length < barsFrame + 2))
        await frame();
      // (bars there from the first frame on: painted by the time of the second rAF, as measured above)
      const barsPainted =
        barsFrame === null ? null : barsFrame === 0 ? twoFrames : (frameTimes[barsFrame + 1] ?? null);

      // settled: SETTLE_QUIET_MS without a mutation, then the second frame after the last mutation
      while (performance.now() < deadline) {
        const wait = Math.max(lastMutation, returned) + SETTLE_QUIET_MS - performance.now();
        if (wait <= 0) break;
        await sleep(wait);
      }
      observer.disconnect();
      const settledAt = Math.max(lastMutation, returned);
      while (frameTimes.filter((t) => t > settledAt).length < 2) await frame();
      recording = false;
      const settledPainted = frameTimes.filter((t) => t > settledAt)[1]!;
      return {
        initCall: returned - t0,
        twoFrames: twoFrames - t0,
        barsPainted: barsPainted === null ? null : barsPainted - t0,
        onPainted: painted === null ? null : painted - t0,
        lastMutation: settledAt - t0,
        settled: settledPainted - t0,
        elements: container.getElementsByTagName('*').length,
        bars: adapter.barsInView(container),
      };
    },

    async scroll(stepPx) {
      const scroller = adapter.scroller(container);
      const range = scroller.scrollHeight - scroller.clientHeight;
      const step = stepPx ?? scroller.clientHeight;
      scroller.scrollTop = 0;
      await frame();
      let last = await frame();
      const first = last;
      const frames: number[] = [];
      let y = 0;
      while (y < range) {
        y = Math.min(range, y + step);
        scroller.scrollTop = y;
        const now = await frame();
        frames.push(now - last);
        last = now;
      }
      // the frame that shows the last step
      const end = await frame();
      frames.push(end - last);
      return { frames, stepPx: step, scrollRange: range, total: end - first };
    },

    async barsInView(at) {
      const scroller = adapter.scroller(container);
      const range = scroller.scrollHeight - scroller.clientHeight;
      const counts: (number | null)[] = [];
      for (const fraction of at) {
        scroller.scrollTop = Math.round(range * fraction);
        // charts that render rows after the scroll (asynchronously) get up to half a second
        let inView: number | null = 0;
        const until = performance.now() + 500;
        do {
          await frame();
          await frame();
          inView = adapter.barsInView(container);
        } while (inView === 0 && performance.now() < until);
        counts.push(inView);
      }
      return counts;
    },
  };
  window.__bench = hooks;
  hooks.ready = true;
}

start().catch((error: unknown) => {
  window.__bench = {
    ready: true,
    error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
  } as BenchHooks;
});
