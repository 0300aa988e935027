// SVAR React Gantt (MIT core): default columns and Willow theme, day scale, all summaries open, links shown.
// Critical path and baselines are PRO features there, so they are not drawn.
import '@svar-ui/react-gantt/all.css';
import { Gantt, Willow } from '@svar-ui/react-gantt';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { type SvarLink, type SvarTask, toSvar } from '../data.ts';
import { type ChartAdapter, domBars, findScroller } from './adapter.tsx';

// The theme wrapper must fill the window, or the chart grows to all rows and virtualises nothing.
const style = document.createElement('style');
style.textContent = '#chart .wx-willow-theme { height: 100%; }';
document.head.append(style);

let input: { tasks: SvarTask[]; links: SvarLink[] } = { tasks: [], links: [] };
const scales = [
  { unit: 'month', step: 1, format: '%F %Y' },
  { unit: 'day', step: 1, format: '%j' },
];

export const adapter: ChartAdapter = {
  label: '@svar-ui/react-gantt',
  prepare(plan) {
    input = toSvar(plan);
  },
  mount(container) {
    const root = createRoot(container);
    flushSync(() =>
      root.render(
        <Willow fonts={false}>
          <Gantt tasks={input.tasks} links={input.links} scales={scales} cellWidth={24} readonly />
        </Willow>,
      ),
    );
  },
  ...domBars('.wx-bar'),
  scroller: findScroller,
};
