// What the benchmark page exposes on `window.__bench` (page/main.tsx) and the runner calls (measure.ts).
// Types only: no DOM, no Node.

export interface InitTimings {
  /** ms in the synchronous init call itself */
  initCall: number;
  /** init call → the second requestAnimationFrame after it (the first frame after init has painted) */
  twoFrames: number;
  /** init call → the frame after the first frame in which bars are in the DOM */
  barsPainted: number | null;
  /** init call → our chart's onPainted (tandem only) */
  onPainted: number | null;
  /** init call → the last DOM mutation before 100 ms without one */
  lastMutation: number;
  /** init call → the second animation frame after that last mutation (its result painted) */
  settled: number;
  /** DOM elements under the chart once settled */
  elements: number;
  /** bars in view once settled (for a canvas chart: bands of coloured pixel rows) */
  bars: number | null;
}

export interface ScrollResult {
  /** rAF-to-rAF intervals while scrolling, ms */
  frames: number[];
  stepPx: number;
  scrollRange: number;
  /** time from the first scroll step to the frame showing the last rows */
  total: number;
}

export interface BenchHooks {
  ready: boolean;
  error: string | null;
  label: string;
  tasks: number;
  links: number;
  init(): Promise<InitTimings>;
  scroll(stepPx?: number): Promise<ScrollResult>;
  /** bars whose box meets the window, at fractions of the scroll range (after 2 frames at each) */
  barsInView(at: number[]): Promise<(number | null)[]>;
}

/** `globalThis` in the page, for the runner's page.evaluate callbacks */
export type BenchGlobal = typeof globalThis & { __bench: BenchHooks };
