/**
 * A report chart as an SVG string, drawn by ECharts' server-side renderer (no browser, no DOM).
 * Animation is off and the size is fixed, so the same chart gives the same SVG.
 */
import type { ChartSpec } from '@tandem/core';
import * as echarts from 'echarts';

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 300;

const PALETTE = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c'];

export function chartSvg(spec: ChartSpec, width = CHART_WIDTH, height = CHART_HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: 'Helvetica, Arial, sans-serif' },
      title: { text: spec.title, left: 'center', textStyle: { fontSize: 13, fontWeight: 'bold' } },
      legend: { bottom: 0, data: spec.series.map((s) => s.name) },
      grid: { left: 70, right: 20, top: 40, bottom: spec.kind === 'bar' ? 70 : 50 },
      xAxis: {
        type: 'category',
        data: spec.categories,
        axisLabel: {
          fontSize: 10,
          ...(spec.kind === 'bar' ? { interval: 0, rotate: 20, width: 90, overflow: 'truncate' } : {}),
        },
      },
      yAxis: { type: 'value', name: spec.unit ?? '', axisLabel: { fontSize: 10 } },
      series: spec.series.map((s) => ({
        name: s.name,
        type: spec.kind,
        data: s.values,
        ...(spec.kind === 'line' ? { showSymbol: false, connectNulls: false } : { barMaxWidth: 36 }),
      })),
    });
    return stableClassNames(chart.renderToSVGString(), JSON.stringify(spec));
  } finally {
    chart.dispose();
  }
}

/**
 * ECharts numbers its SVG class names with a process-wide counter (`zr4-cls-15`), so the same chart
 * drawn twice differs. Rename them from a hash of the chart's content and their order of appearance:
 * stable for the same chart, distinct between charts on one page.
 */
function stableClassNames(svg: string, content: string): string {
  let hash = 2166136261;
  for (let i = 0; i < content.length; i++) hash = Math.imul(hash ^ content.charCodeAt(i), 16777619);
  const prefix = `c${(hash >>> 0).toString(36)}`;
  const names = new Map<string, string>();
  return svg.replace(/zr\d+-[a-z]+-?\d*/g, (name) => {
    let renamed = names.get(name);
    if (!renamed) names.set(name, (renamed = `${prefix}-${names.size}`));
    return renamed;
  });
}
