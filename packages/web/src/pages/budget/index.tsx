// Budget and EVM: the planned value S-curve against the budget, earned value and actual cost at
// the status date with the forecast to completion, and the indicators explained in plain words.
import { Badge, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCoin } from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';
import { useProject, useProjectSummary, workItems } from '../../api/index.ts';
import { baselines } from '../../api/work-collections.ts';
import { formatDate, formatMoney } from '../../app/format.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Panel } from '../../components/Panel.tsx';
import { BUDGET_LABEL, BUDGET_TONE, TONE_COLOR, indexTone } from '../../components/status.ts';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { PageSkeleton } from '../work-shared/PageSkeleton.tsx';
import { plannedCurve } from './s-curve.ts';

export default function BudgetPage() {
  const projectId = useProjectId();
  const project = useProject(projectId);
  const summary = useProjectSummary(projectId);
  const base = baselines.useList(projectId);
  const items = workItems.useList(projectId);
  const currency = project.data?.currency ?? null;
  const money = useCallback((n: number | null | undefined) => formatMoney(n, currency), [currency]);
  /** Whole amounts, never abbreviated (the headline figures). */
  const exact = (n: number | null | undefined) =>
    n === null || n === undefined
      ? '—'
      : new Intl.NumberFormat(undefined, {
          style: 'currency',
          currency: currency ?? 'USD',
          maximumFractionDigits: 0,
        }).format(n);
  const evm = summary.data?.evm ?? null;
  const baseline = useMemo(
    () => (base.data ?? []).find((b) => b.name === evm?.baseline) ?? base.data?.[0] ?? null,
    [base.data, evm?.baseline],
  );
  const curve = useMemo(
    () => (baseline && items.data ? plannedCurve(baseline, items.data) : null),
    [baseline, items.data],
  );

  const option = useMemo<EChartOption | null>(() => {
    if (!curve || !curve.dates.length) return null;
    const status = summary.data?.statusDate?.slice(0, 10) ?? null;
    const finish = summary.data?.schedule.finish.slice(0, 10) ?? null;
    const budget = project.data?.budget ?? null;
    const forecast =
      evm && status && finish && evm.eac !== null
        ? [
            [status, evm.ac],
            [finish, evm.eac],
          ]
        : [];
    return {
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => money(Number(v)) },
      xAxis: { type: 'time' },
      yAxis: {
        type: 'value',
        max: niceMax(Math.max(budget ?? 0, evm?.eac ?? 0, curve.total) * 1.04),
        axisLabel: { formatter: (v: number) => compact(v, currency) },
      },
      series: [
        {
          name: 'Planned value (PV)',
          type: 'line',
          smooth: true,
          symbol: 'none',
          lineStyle: { width: 3, color: '#4c6ef5' },
          itemStyle: { color: '#4c6ef5' },
          areaStyle: { color: 'rgba(76,110,245,0.08)' },
          data: curve.dates.map((d, i) => [d, curve.cumulative[i]]),
          markLine: {
            symbol: 'none',
            data: [
              ...(status
                ? [
                    {
                      xAxis: status,
                      label: { formatter: 'Status date' },
                      lineStyle: { color: '#868e96', type: 'dashed' },
                    },
                  ]
                : []),
              ...(budget
                ? [
                    {
                      yAxis: budget,
                      label: { formatter: `Budget ${compact(budget, currency)}`, position: 'insideEndTop' },
                      lineStyle: { color: '#e03131', type: 'dashed' },
                    },
                  ]
                : []),
            ],
          },
        },
        ...(evm && status
          ? [
              {
                name: 'Earned value (EV)',
                type: 'scatter',
                symbolSize: 14,
                itemStyle: { color: '#12b886' },
                data: [[status, evm.ev]],
              },
              {
                name: 'Actual cost (AC)',
                type: 'scatter',
                symbol: 'diamond',
                symbolSize: 16,
                itemStyle: { color: '#f59f00' },
                data: [[status, evm.ac]],
              },
              {
                name: 'Forecast (to EAC)',
                type: 'line',
                symbol: 'circle',
                symbolSize: 8,
                lineStyle: { type: 'dotted', width: 2, color: '#f59f00' },
                itemStyle: { color: '#f59f00' },
                data: forecast,
              },
            ]
          : []),
      ],
    };
  }, [curve, summary.data, evm, project.data, money, currency]);

  if (summary.isPending || base.isPending) return <PageSkeleton label="Loading the budget" />;
  if (summary.isError)
    return <ErrorState error={summary.error} what="the budget" onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const b = s.budget;

  const indicators = evm
    ? [
        {
          label: 'SPI',
          value: evm.spi?.toFixed(2) ?? '—',
          tone: indexTone(evm.spi),
          text:
            evm.spi === null
              ? 'Needs planned value.'
              : evm.spi >= 1
                ? `Work is ahead of plan: ${money(evm.ev)} earned against ${money(evm.pv)} planned.`
                : `For every ${money(1)} of work planned by now, ${money(evm.spi)} was done.`,
        },
        {
          label: 'CPI',
          value: evm.cpi?.toFixed(2) ?? '—',
          tone: indexTone(evm.cpi),
          text:
            evm.cpi === null
              ? 'Needs actual cost.'
              : evm.cpi >= 1
                ? `Each ${money(1)} spent delivered ${money(evm.cpi)} of work — under cost.`
                : `Each ${money(1)} spent delivered only ${money(evm.cpi)} of work — over cost.`,
        },
        {
          label: 'SV',
          value: money(evm.sv),
          tone: evm.sv >= 0 ? 'good' : 'warn',
          text: `Earned minus planned value${evm.scheduleVarianceDays !== null ? ` — about ${Math.abs(Math.round(evm.scheduleVarianceDays))} working days ${evm.scheduleVarianceDays < 0 ? 'behind' : 'ahead'}` : ''}.`,
        },
        {
          label: 'CV',
          value: money(evm.cv),
          tone: evm.cv >= 0 ? 'good' : 'bad',
          text: 'Earned value minus actual cost: negative means the work cost more than planned.',
        },
        {
          label: 'EAC',
          value: money(evm.eac),
          tone: evm.eac !== null && evm.eac > evm.bac ? 'bad' : 'good',
          text: `Estimate at completion: what the whole project will cost at today’s efficiency (budget at completion ${money(evm.bac)}).`,
        },
        {
          label: 'VAC',
          value: money(evm.vac),
          tone: (evm.vac ?? 0) >= 0 ? 'good' : 'bad',
          text: 'Variance at completion: BAC minus EAC — the expected overrun (negative) or saving.',
        },
        {
          label: 'TCPI',
          value: evm.tcpi?.toFixed(2) ?? '—',
          tone: evm.tcpi === null ? 'neutral' : evm.tcpi <= 1 ? 'good' : evm.tcpi <= 1.1 ? 'warn' : 'bad',
          text: 'To-complete performance index: the cost efficiency the remaining work needs to finish on budget.',
        },
      ]
    : [];

  return (
    <Stack gap="md">
      <PageHeader
        title="Budget and earned value"
        description={
          evm
            ? `Against “${evm.baseline}”, status date ${formatDate(s.statusDate)}`
            : 'Planned value, earned value and actual cost over time.'
        }
      >
        <Badge size="lg" variant="light" color={TONE_COLOR[BUDGET_TONE[b.state]]}>
          {BUDGET_LABEL[b.state]}
        </Badge>
      </PageHeader>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label="Budget" value={exact(b.budget)} />
        <Figure label="Spent to date (AC)" value={exact(b.actualCost)} />
        <Figure
          label="Forecast at completion"
          value={exact(b.forecast)}
          tone={b.state === 'over' ? 'red' : undefined}
        />
        <Figure label="Baseline cost (BAC)" value={exact(evm?.bac)} />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {b.reason}
      </Text>
      <Panel
        id="s-curve"
        title="S-curve"
        description="Cumulative planned value from the baseline; earned value and actual cost at the status date; dotted: the forecast to completion."
      >
        {option ? (
          <EChart
            option={option}
            height={360}
            label={`S-curve: planned value rising to ${money(curve?.total)}${evm ? `; at the status date PV ${money(evm.pv)}, EV ${money(evm.ev)}, AC ${money(evm.ac)}; forecast ${money(evm.eac)}` : ''}`}
          />
        ) : (
          <EmptyState
            compact
            icon={IconCoin}
            title="No planned value curve yet"
            description="Save a baseline with costed tasks (resource rates or fixed costs) to draw the S-curve."
          />
        )}
      </Panel>
      <Panel id="evm" title="Earned value indicators" description="Read the numbers in plain words.">
        {evm ? (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            {indicators.map((i) => (
              <Paper key={i.label} withBorder radius="md" p="sm">
                <Text size="xs" c="dimmed" fw={600}>
                  {i.label}
                </Text>
                <Text
                  size="xl"
                  fw={700}
                  c={i.tone === 'neutral' ? undefined : TONE_COLOR[i.tone as keyof typeof TONE_COLOR]}
                >
                  {i.value}
                </Text>
                <Text size="xs" c="dimmed">
                  {i.text}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        ) : (
          <EmptyState
            compact
            icon={IconCoin}
            title="No earned value yet"
            description={s.evmUnavailable ?? 'Earned value needs a baseline and a status date.'}
          />
        )}
      </Panel>
    </Stack>
  );
}

function Figure({ label, value, tone }: { label: string; value: string; tone?: string }) {
  return (
    <Paper withBorder radius="lg" p="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={tone}>
        {value}
      </Text>
    </Paper>
  );
}

/** A round axis maximum: 2.59M → 3M, 870k → 900k. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value)) / 2;
  return Math.ceil(value / step) * step;
}

/** Axis money: £2.4M, £500K. */
function compact(value: number, currency: string | null): string {
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: currency ?? 'USD',
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(value);
  } catch {
    return String(value);
  }
}
