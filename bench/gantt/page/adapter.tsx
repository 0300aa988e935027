// What each chart's page module gives the benchmark page.
import type { GanttPlan } from '../data.ts';

export interface MountOptions {
  /** our chart's own "first paint with bars" callback; the peers have none */
  onPainted: () => void;
}

export interface ChartAdapter {
  /** the library and its version, for the report */
  label: string;
  /** turn the plan into the library's input (not timed: the data is ready before init) */
  prepare(plan: GanttPlan): void;
  /** the timed init call: synchronous, the chart's own init/render on `container` */
  mount(container: HTMLElement, options: MountOptions): void;
  /** whether the chart holds drawn bars (DOM elements, or a drawn canvas) */
  hasBars(container: HTMLElement): boolean;
  /** bars whose box meets the window (null: not countable) */
  barsInView(container: HTMLElement): number | null;
  /** the element whose scrollTop scrolls the rows */
  scroller(container: HTMLElement): HTMLElement;
}

/** The descendant that scrolls furthest vertically (overflow-y auto/scroll). */
export function findScroller(root: HTMLElement): HTMLElement {
  let best: HTMLElement | null = null;
  let bestRange = 0;
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    const range = el.scrollHeight - el.clientHeight;
    if (range <= bestRange) continue;
    const overflow = getComputedStyle(el).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') {
      best = el;
      bestRange = range;
    }
  }
  if (!best) throw new Error('no vertically scrolling element in the chart');
  return best;
}

/** hasBars and barsInView for a chart that draws each bar as a DOM element matching `selector`. */
export function domBars(selector: string): Pick<ChartAdapter, 'hasBars' | 'barsInView'> {
  return {
    hasBars: (container) => container.querySelector(selector) !== null,
    barsInView: (container) => {
      let inView = 0;
      for (const bar of container.querySelectorAll(selector)) {
        const box = bar.getBoundingClientRect();
        if (
          box.width > 0 &&
          box.bottom > 0 &&
          box.top < innerHeight &&
          box.right > 0 &&
          box.left < innerWidth
        )
          inView++;
      }
      return inView;
    },
  };
}
