import { Group, SimpleGrid, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { ProjectSummary } from '../../api/types.ts';
import { formatMoney, formatPercent } from '../../app/format.ts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Panel } from '../../components/Panel.tsx';

/** PV, EV and AC to date against BAC and the forecast (EAC), as bars, with the numbers beside them. */
export function EarnedValuePanel({ summary }: { summary: ProjectSummary }) {
  const evm = summary.evm;
  const currency = summary.currency;
  const option = useMemo<EChartOption | null>(() => {
    if (!evm) return null;
    const rows = [
      { name: 'Budget at completion (BAC)', value: evm.bac, color: '#868e96' },
      {
        name: 'Forecast (EAC)',
        value: evm.eac ?? 0,
        color: (evm.eac ?? 0) > evm.bac ? '#fa5252' : '#12b886',
      },
      { name: 'Planned value (PV)', value: evm.pv, color: '#7386fb' },
      { name: 'Earned value (EV)', value: evm.ev, color: '#4c63f0' },
      { name: 'Actual cost (AC)', value: evm.ac, color: '#f59f00' },
    ];
    return {
      grid: { left: 8, right: 72, top: 4, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'item',
        valueFormatter: (v: unknown) => formatMoney(Number(v), currency),
      },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.name),
        axisTick: { show: false },
        axisLine: { show: false },
      },
      series: [
        {
          type: 'bar',
          barWidth: 14,
          data: rows.map((r) => ({
            value: r.value,
            itemStyle: { color: r.color, borderRadius: [0, 4, 4, 0] },
          })),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number }) => formatMoney(p.value, currency),
          },
        },
      ],
    };
  }, [evm, currency]);

  return (
    <Panel
      id="earned-value"
      title="Budget and earned value"
      description={evm ? `Against “${evm.baseline}” at the status date` : undefined}
    >
      {!evm || !option ? (
        <EmptyState
          compact
          icon={IconChartBar}
          title="No earned value yet"
          description={summary.evmUnavailable ?? 'Earned value needs a baseline and a status date.'}
        />
      ) : (
        <>
          <EChart
            option={option}
            height={210}
            label={`Earned value: PV ${formatMoney(evm.pv, currency)}, EV ${formatMoney(evm.ev, currency)}, AC ${formatMoney(evm.ac, currency)}, BAC ${formatMoney(evm.bac, currency)}`}
          />
          <SimpleGrid cols={4} mt="sm" spacing="xs">
            <Metric label="SPI" value={evm.spi?.toFixed(2) ?? '—'} />
            <Metric label="CPI" value={evm.cpi?.toFixed(2) ?? '—'} />
            <Metric label="TCPI" value={evm.tcpi?.toFixed(2) ?? '—'} />
            <Metric label="% complete" value={formatPercent(summary.schedule.percentComplete)} />
          </SimpleGrid>
        </>
      )}
    </Panel>
  );
}

function Metric({ label, value }: { label: string; value: string }) {
  return (
    <Group gap={6} justify="center">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={650} className="tabular">
        {value}
      </Text>
    </Group>
  );
}
