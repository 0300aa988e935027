import { Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import type { Schedule } from '../../api/types.ts';
import { formatDate, formatShortDate, formatWorkDuration } from '../../app/format.ts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageLink } from '../../components/PageLink.tsx';
import { Panel } from '../../components/Panel.tsx';

/** Plan dates are wall-clock strings: read them as UTC so no time zone shifts a bar. */
const at = (local: string) => Date.parse(`${local.slice(0, 19)}Z`);

/** The chain of tasks that drives the finish date, as a compact timeline. */
export function CriticalPathPanel({
  projectId,
  schedule,
  minutesPerDay,
}: {
  projectId: string;
  schedule: Schedule;
  minutesPerDay: number;
}) {
  const tasks = useMemo(() => {
    const byId = new Map(schedule.tasks.map((t) => [t.id, t]));
    return schedule.criticalPath.flatMap((id) => {
      const t = byId.get(id);
      return t ? [t] : [];
    });
  }, [schedule]);

  const option = useMemo<EChartOption>(() => {
    const origin = tasks.length ? Math.min(...tasks.map((t) => at(t.start))) : 0;
    return {
      grid: { left: 8, right: 16, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const t = tasks[params[0]?.dataIndex ?? 0];
          if (!t) return '';
          const kind = t.milestone ? 'Milestone' : formatWorkDuration(t.durationMinutes, minutesPerDay);
          return `<b>${escapeHtml(t.name)}</b><br/>${formatDate(t.start)} → ${formatDate(t.finish)}<br/>${kind} · float ${formatWorkDuration(t.totalFloatMinutes, minutesPerDay)}`;
        },
      },
      xAxis: {
        type: 'value',
        min: 0,
        axisLabel: { formatter: (v: number) => formatShortDate(dayjs(origin + v).toISOString()) },
        splitLine: { lineStyle: { opacity: 0.4 } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: tasks.map((t) => (t.name.length > 42 ? `${t.name.slice(0, 40)}…` : t.name)),
        axisTick: { show: false },
        axisLabel: { fontSize: 11 },
      },
      series: [
        {
          type: 'bar',
          stack: 'span',
          itemStyle: { color: 'transparent' },
          data: tasks.map((t) => at(t.start) - origin),
          silent: true,
        },
        {
          type: 'bar',
          stack: 'span',
          barWidth: 10,
          data: tasks.map((t) => ({
            value: t.milestone ? 0 : Math.max(at(t.finish) - at(t.start), 3600_000),
            itemStyle: { color: '#fa5252', borderRadius: 3 },
          })),
        },
        {
          // Milestones as diamonds on their date.
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 12,
          itemStyle: { color: '#7048e8' },
          data: tasks.flatMap((t, i) => (t.milestone ? [[at(t.finish) - origin, i]] : [])),
          tooltip: { show: false },
          z: 3,
        },
      ],
    };
  }, [tasks, minutesPerDay]);

  return (
    <Panel
      id="critical-path"
      title="Critical path"
      description={`${tasks.length} tasks with no float drive the finish on ${formatDate(schedule.project.finish)}`}
      action={
        <PageLink projectId={projectId} page="gantt">
          Open Gantt
        </PageLink>
      }
    >
      {tasks.length === 0 ? (
        <EmptyState
          compact
          title="No critical path"
          description="Add tasks and links to the plan; the chain that drives the finish shows here."
        />
      ) : (
        <>
          <EChart
            option={option}
            height={Math.max(160, tasks.length * 22 + 40)}
            label={`Critical path: ${tasks.map((t) => t.name).join(', ')}`}
          />
          <Text size="xs" c="dimmed" mt={4}>
            Red bars are critical tasks, purple diamonds milestones. Hover for dates and float.
          </Text>
        </>
      )}
    </Panel>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
