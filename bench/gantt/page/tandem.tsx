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
  barsInView: () => null,
  scroller: (container) =>
    container.querySelector<HTMLElement>('.tgantt-scroller') ?? findScroller(container),
};
