// Resources: the team and its rates, and the workload per resource per week against capacity
// (stacked bars with the capacity line; over-allocated weeks in red).
import '../work-shared/work-pages.css';
import { Badge, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useProject, useSchedule, workItems } from '../../api/index.ts';
import { assignments, resources } from '../../api/work-collections.ts';
import { formatMoney, formatShortDate } from '../../app/format.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Panel } from '../../components/Panel.tsx';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { PageSkeleton } from '../work-shared/PageSkeleton.tsx';
import { computeWorkload } from './workload.ts';

const PALETTE = [
  '#4c6ef5',
  '#12b886',
  '#f59f00',
  '#7950f2',
  '#15aabf',
  '#e64980',
  '#82c91e',
  '#fd7e14',
  '#228be6',
  '#be4bdb',
];
const ALL = '__all';

export default function ResourcesPage() {
  const projectId = useProjectId();
  const project = useProject(projectId);
  const list = resources.useList(projectId);
  const assigned = assignments.useList(projectId);
  const items = workItems.useList(projectId);
  const schedule = useSchedule(projectId);
  const [focus, setFocus] = useState<string>(ALL);

  const workload = useMemo(
    () =>
      schedule.data && items.data && assigned.data && list.data
        ? computeWorkload(schedule.data.tasks, items.data, assigned.data, list.data)
        : null,
    [schedule.data, items.data, assigned.data, list.data],
  );
  const people = useMemo(() => (list.data ?? []).filter((r) => r.type === 'work'), [list.data]);

  const option = useMemo<EChartOption | null>(() => {
    if (!workload || !workload.weeks.length) return null;
    const shown = focus === ALL ? people : people.filter((r) => r.id === focus);
    const capacity = shown.reduce((s, r) => s + (r.maxUnits ?? 1), 0);
    const total = workload.weeks.map((_, i) =>
      shown.reduce((s, r) => s + (workload.load.get(r.id)?.[i] ?? 0), 0),
    );
    return {
      grid: { left: 8, right: 16, top: 36, bottom: 48, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => `${Number(v).toFixed(1)} FTE`,
      },
      dataZoom:
        workload.weeks.length > 30
          ? [
              {
                type: 'slider',
                height: 16,
                bottom: 8,
                start: 0,
                end: Math.min(100, (30 / workload.weeks.length) * 100),
              },
            ]
          : [],
      xAxis: {
        type: 'category',
        data: workload.weeks.map((w) => formatShortDate(w)),
        axisTick: { alignWithLabel: true },
      },
      yAxis: { type: 'value', name: 'People (FTE)', nameTextStyle: { align: 'left' } },
      series: [
        ...shown.map((r, i) => ({
          name: r.name,
          type: 'bar',
          stack: 'load',
          barMaxWidth: 28,
          itemStyle: { color: PALETTE[i % PALETTE.length] },
          data: (workload.load.get(r.id) ?? []).map((v, w) => ({
            value: v,
            itemStyle: total[w]! > capacity + 1e-9 && focus !== ALL ? { color: '#fa5252' } : undefined,
          })),
        })),
        {
          name: 'Capacity',
          type: 'line',
          step: 'middle',
          symbol: 'none',
          lineStyle: { type: 'dashed', width: 2, color: '#e03131' },
          itemStyle: { color: '#e03131' },
          data: workload.weeks.map(() => capacity),
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(250,82,82,0.10)' },
            data: total
              .map((t, w) => (t > capacity + 1e-9 ? [{ xAxis: w }, { xAxis: w }] : null))
              .filter((x) => x !== null),
          },
        },
      ],
    };
  }, [workload, people, focus]);

  if (list.isPending) return <PageSkeleton label="Loading resources" />;
  if (list.isError)
    return <ErrorState error={list.error} what="the resources" onRetry={() => void list.refetch()} />;
  const currency = project.data?.currency ?? null;
  const peak = (id: string) => Math.max(0, ...(workload?.load.get(id) ?? []));
  const overWeeks = (id: string, max: number) =>
    (workload?.load.get(id) ?? []).filter((v) => v > max + 1e-9).length;
  const taskCount = (id: string) => (assigned.data ?? []).filter((a) => a.resourceId === id).length;

  return (
    <Stack gap="md">
      <PageHeader
        title="Resources"
        description="Who does the work, at what rate, and how loaded each week is against capacity."
      />
      {list.data.length === 0 ? (
        <Paper withBorder radius="lg">
          <EmptyState
            icon={IconUsersGroup}
            title="No resources yet"
            description="Add people, materials and cost resources (or import a plan with them) and assign them to tasks to see the workload."
          />
        </Paper>
      ) : (
        <>
          <Panel
            id="workload"
            title="Workload by week"
            description="Assigned units on each task’s working days, averaged per week. Shaded weeks are over capacity."
            action={
              <Select
                size="xs"
                aria-label="Resource"
                w={220}
                value={focus}
                onChange={(v) => setFocus(v ?? ALL)}
                allowDeselect={false}
                data={[
                  { value: ALL, label: 'All people' },
                  ...people.map((r) => ({ value: r.id, label: r.name })),
                ]}
              />
            }
          >
            {schedule.isError ? (
              <ErrorState error={schedule.error} what="the schedule" />
            ) : !workload ? (
              <Text c="dimmed" size="sm" py="xl" ta="center">
                Loading the schedule…
              </Text>
            ) : option ? (
              <EChart
                option={option}
                height={340}
                label={`Workload per week; over capacity: ${
                  people
                    .filter((r) => overWeeks(r.id, r.maxUnits ?? 1) > 0)
                    .map((r) => `${r.name} (${overWeeks(r.id, r.maxUnits ?? 1)} weeks)`)
                    .join(', ') || 'nobody'
                }`}
              />
            ) : (
              <EmptyState
                compact
                title="Nothing assigned yet"
                description="Assign resources to tasks in the Gantt chart to see their workload."
              />
            )}
          </Panel>
          <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
            <Table className="tandem-work-table" highlightOnHover verticalSpacing="sm" aria-label="Resources">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Resource</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th ta="right">Capacity</Table.Th>
                  <Table.Th ta="right">Rate</Table.Th>
                  <Table.Th ta="right">Tasks</Table.Th>
                  <Table.Th ta="right">Peak week</Table.Th>
                  <Table.Th>Over-allocated</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((r) => {
                  const max = r.maxUnits ?? 1;
                  const over = overWeeks(r.id, max);
                  return (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {r.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {[r.groupName, r.role].filter(Boolean).join(' · ') || '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={r.type === 'work' ? 'indigo' : 'gray'}>
                          {r.type}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">{r.type === 'work' ? `${max} FTE` : '—'}</Table.Td>
                      <Table.Td ta="right">
                        {r.standardRate === null ? '—' : `${formatMoney(r.standardRate, currency)}/h`}
                      </Table.Td>
                      <Table.Td ta="right">{taskCount(r.id)}</Table.Td>
                      <Table.Td ta="right">
                        <Text
                          size="sm"
                          c={peak(r.id) > max ? 'red' : undefined}
                          fw={peak(r.id) > max ? 600 : undefined}
                        >
                          {r.type === 'work' ? `${peak(r.id).toFixed(1)} FTE` : '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {r.type !== 'work' ? (
                          '—'
                        ) : over ? (
                          <Badge color="red" variant="light">
                            {over} week{over === 1 ? '' : 's'}
                          </Badge>
                        ) : (
                          <Badge color="teal" variant="light">
                            Within capacity
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </Stack>
  );
}
