// The colours the canvas draws with, read from the chart's CSS variables (so light/dark and app overrides apply).

export interface ChartTheme {
  bg: string;
  fg: string;
  muted: string;
  line: string;
  lineStrong: string;
  rowAlt: string;
  weekend: string;
  headerBg: string;
  selected: string;
  bar: string;
  barProgress: string;
  critical: string;
  criticalProgress: string;
  summary: string;
  milestone: string;
  baseline: string;
  link: string;
  today: string;
  status: string;
  ghost: string;
  focus: string;
  font: string;
}

const VARS: Record<keyof ChartTheme, string> = {
  bg: '--tg-bg',
  fg: '--tg-fg',
  muted: '--tg-muted',
  line: '--tg-line',
  lineStrong: '--tg-line-strong',
  rowAlt: '--tg-row-alt',
  weekend: '--tg-weekend',
  headerBg: '--tg-header-bg',
  selected: '--tg-selected',
  bar: '--tg-bar',
  barProgress: '--tg-bar-progress',
  critical: '--tg-critical',
  criticalProgress: '--tg-critical-progress',
  summary: '--tg-summary',
  milestone: '--tg-milestone',
  baseline: '--tg-baseline',
  link: '--tg-link',
  today: '--tg-today',
  status: '--tg-status',
  ghost: '--tg-ghost',
  focus: '--tg-focus',
  font: '--tg-font',
};

export function readChartTheme(el: Element): ChartTheme {
  const style = getComputedStyle(el);
  const theme = {} as ChartTheme;
  for (const key of Object.keys(VARS) as (keyof ChartTheme)[]) {
    theme[key] = style.getPropertyValue(VARS[key]).trim() || '#888';
  }
  return theme;
}
