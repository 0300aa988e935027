// DHTMLX Gantt (MIT community edition): default grid and look, day scale, all summaries open, links shown.
// Critical path and baselines are PRO features there, so they are not drawn.
import 'dhtmlx-gantt/codebase/dhtmlxgantt.css';
import { gantt } from 'dhtmlx-gantt';
import { type DhtmlxLink, type DhtmlxTask, toDhtmlx } from '../data.ts';
import { type ChartAdapter, domBars } from './adapter.tsx';

let input: { data: DhtmlxTask[]; links: DhtmlxLink[] } = { data: [], links: [] };

export const adapter: ChartAdapter = {
  label: 'dhtmlx-gantt',
  prepare(plan) {
    input = toDhtmlx(plan);
  },
  mount(container) {
    gantt.config.scales = [
      { unit: 'month', step: 1, format: '%F %Y' },
      { unit: 'day', step: 1, format: '%j' },
    ];
    gantt.config.min_column_width = 24;
    gantt.config.readonly = true;
    gantt.init(container);
    gantt.parse(input);
  },
  ...domBars('.gantt_task_line'),
  // the rows scroll with DHTMLX's own vertical scrollbar cell
  scroller: (container) => {
    const el = container.querySelector<HTMLElement>('.gantt_ver_scroll');
    if (!el) throw new Error('DHTMLX: no .gantt_ver_scroll');
    return el;
  },
};
