// ECharts options for the DORA trends, from the API's series (durations there are in ms; the charts
// show hours). Pure: unit-tested in trend-options.test.ts.
import dayjs from 'dayjs';
import type { EChartOption } from '../../components/EChart.tsx';
import { msToHours } from './dora-format.ts';
import type { Bucket, DoraSeriesPoint } from './engineering-types.ts';

const OK = '#12b886';
const FAILED = '#fa5252';
const LINE = '#4c6ef5';
const RESTORE = '#f59f00';
const GUIDE = '#868e96';

/** A period's label: its start as a plain date (the series' instants are UTC midnights). */
export function periodLabel(from: string, bucket: Bucket): string {
  const d = dayjs(from.slice(0, 10));
  return bucket === 'month' ? d.format('MMM YYYY') : d.format('D MMM');
}

const base = (labels: string[]) => ({
  grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
  tooltip: { trigger: 'axis' },
  xAxis: { type: 'category', data: labels, axisTick: { alignWithLabel: true } },
});

const guide = (value: number, label: string) => ({
  yAxis: value,
  label: { formatter: label, position: 'insideEndTop' },
  lineStyle: { color: GUIDE, type: 'dashed' },
});

export function deploymentsOption(series: readonly DoraSeriesPoint[], bucket: Bucket): EChartOption {
  const labels = series.map((p) => periodLabel(p.from, bucket));
  return {
    ...base(labels),
    legend: { top: 0 },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: 'Deployed cleanly',
        type: 'bar',
        stack: 'deployments',
        itemStyle: { color: OK },
        data: series.map((p) => Math.max(0, p.deployments - p.failedDeployments)),
      },
      {
        name: 'Caused a failure',
        type: 'bar',
        stack: 'deployments',
        itemStyle: { color: FAILED },
        data: series.map((p) => p.failedDeployments),
      },
    ],
  };
}

export function changeFailureOption(series: readonly DoraSeriesPoint[], bucket: Bucket): EChartOption {
  const labels = series.map((p) => periodLabel(p.from, bucket));
  return {
    ...base(labels),
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${String(v)}%`) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: 'Change failure rate',
        type: 'line',
        connectNulls: true,
        symbolSize: 7,
        itemStyle: { color: FAILED },
        data: series.map((p) =>
          p.changeFailureRate === null ? null : Math.round(p.changeFailureRate * 1000) / 10,
        ),
        markLine: { symbol: 'none', data: [guide(15, 'Elite ≤ 15%')] },
      },
    ],
  };
}

function hoursOption(
  series: readonly DoraSeriesPoint[],
  bucket: Bucket,
  name: string,
  pick: (p: DoraSeriesPoint) => number | null,
  color: string,
  type: 'line' | 'bar',
): EChartOption {
  const labels = series.map((p) => periodLabel(p.from, bucket));
  return {
    ...base(labels),
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${String(v)} h`) },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value} h' } },
    series: [
      {
        name,
        type,
        connectNulls: true,
        symbolSize: 7,
        barMaxWidth: 24,
        itemStyle: { color },
        data: series.map((p) => msToHours(pick(p))),
        markLine: { symbol: 'none', data: [guide(24, 'Elite < 1 day')] },
      },
    ],
  };
}

export const leadTimeOption = (series: readonly DoraSeriesPoint[], bucket: Bucket) =>
  hoursOption(series, bucket, 'Median lead time', (p) => p.leadTimeMedianMs, LINE, 'line');

export const restoreOption = (series: readonly DoraSeriesPoint[], bucket: Bucket) =>
  hoursOption(series, bucket, 'Median time to restore', (p) => p.timeToRestoreMedianMs, RESTORE, 'bar');

/** One line of text per chart, for people who do not see it. */
export function trendSummary(series: readonly DoraSeriesPoint[]) {
  const sum = (f: (p: DoraSeriesPoint) => number) => series.reduce((a, p) => a + f(p), 0);
  const deployments = sum((p) => p.deployments);
  const failed = sum((p) => p.failedDeployments);
  const incidents = sum((p) => p.incidents);
  const changes = sum((p) => p.changes);
  return { periods: series.length, deployments, failed, incidents, changes };
}
