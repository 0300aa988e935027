// Tandem's own Gantt (packages/web/src/gantt): day zoom, all rows expanded, links, critical path and
// baselines drawn. The module comes through `virtual:tandem-gantt` (see bench/gantt/build.ts), which is
// null until packages/web/src/gantt/index.ts exists.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Gantt } from 'virtual:tandem-gantt';
import type { GanttLink, GanttTask } from '../../../packages/web/src/gantt/types.ts';
import type { GanttPlan } from '../data.ts';
import { type ChartAdapter, findScroller } from './adapter.tsx';

let input: GanttPlan = { tasks: [], links: [] };
const collapsed: ReadonlySet<string> = new Set();

export const adapter: ChartAdapter = {
  label: 'tandem (packages/web/src/gantt)',
  prepare(plan) {
    input = plan;
  },
  mount(container, { onPainted }) {
    if (!Gantt) throw new Error('packages/web/src/gantt/index.ts does not exist yet');
    const Chart = Gantt;
    const tasks: readonly GanttTask[] = input.tasks;
    const links: readonly GanttLink[] = input.links;
    const root = createRoot(container);
    flushSync(() =>
      root.render(
        <div style={{ position: 'absolute', inset: 0 }}>
          <Chart
            tasks={tasks}
            links={links}
            zoom="day"
            collapsed={collapsed}
            showCriticalPath
            showBaseline
            readOnly
            onPainted={onPainted}
          />
        </div>,
      ),
    );
  },
  // bars and links are drawn on the chart canvas, in the same synchronous draw that sizes it
  hasBars: (container) =>
    (container.querySelector<HTMLCanvasElement>('[data-testid="gantt-chart"]')?.width ?? 0) > 0,
  barsInView: (container) => {
    const canvas = container.querySelector<HTMLCanvasElement>('[data-testid="gantt-chart"]');
    return canvas ? colouredBands(canvas) : 0;
  },
  scroller: (container) =>
    container.querySelector<HTMLElement>('.tgantt-scroller') ?? findScroller(container),
};

/**
 * Bars on the canvas, roughly: runs of consecutive pixel rows that hold at least 8 saturated (coloured)
 * pixels. Bars are coloured and separated by gaps; grid lines, text and plain links are grey.
 */
function colouredBands(canvas: HTMLCanvasElement): number {
  const ctx = canvas.getContext('2d');
  if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
  const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let bands = 0;
  let inBand = false;
  for (let y = 0; y < height; y++) {
    let coloured = 0;
    for (let x = 0, i = y * width * 4; x < width && coloured < 8; x++, i += 4) {
      const r = data[i]!;
      const g = data[i + 1]!;
      const b = data[i + 2]!;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured++;
    }
    const hit = coloured >= 8;
    if (hit && !inBand) bands++;
    inBand = hit;
  }
  return bands;
}
