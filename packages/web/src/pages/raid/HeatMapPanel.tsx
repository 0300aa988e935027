import { Button, Group, SegmentedControl, Skeleton, Text } from '@mantine/core';
import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Panel } from '../../components/Panel.tsx';
import { RATING_COLOR, useHeatMap, type HeatMapCell } from './heat-map.ts';

const RATINGS = ['low', 'medium', 'high', 'critical'];

export interface CellRef {
  probabilityLevel: number;
  impactLevel: number;
  riskIds: string[];
  label: string;
}

/** Open risks on the 5×5 probability × impact matrix; a cell (chart or button) filters the list. */
export function HeatMapPanel({
  projectId,
  basis,
  onBasis,
  selected,
  onSelect,
}: {
  projectId: string;
  basis: 'inherent' | 'residual';
  onBasis: (b: 'inherent' | 'residual') => void;
  selected: CellRef | null;
  onSelect: (cell: CellRef | null) => void;
}) {
  const map = useHeatMap(projectId, basis);
  const cellLabel = (c: HeatMapCell) =>
    `${map.data?.probabilityLevels[c.probabilityLevel - 1] ?? c.probabilityLevel} × ${map.data?.impactLevels[c.impactLevel - 1] ?? c.impactLevel}`;

  const option = useMemo<EChartOption | null>(() => {
    const m = map.data;
    if (!m) return null;
    return {
      grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        formatter: (p: { data: { value: [number, number, number]; keys: string[]; rating: string } }) =>
          `${m.probabilityLevels[p.data.value[1]]} × ${m.impactLevels[p.data.value[0]]}<br/>${p.data.value[2]} risk(s) · ${p.data.rating}${p.data.keys.length ? `<br/>${p.data.keys.join(', ')}` : ''}`,
      },
      xAxis: {
        type: 'category',
        data: m.impactLevels,
        name: 'Impact',
        nameLocation: 'middle',
        nameGap: 28,
        splitArea: { show: false },
        axisTick: { show: false },
      },
      yAxis: {
        type: 'category',
        data: m.probabilityLevels,
        name: 'Probability',
        nameLocation: 'middle',
        nameGap: 88,
        axisTick: { show: false },
      },
      visualMap: {
        show: false,
        type: 'piecewise',
        dimension: 3,
        pieces: RATINGS.map((rating, i) => ({ value: i, color: RATING_COLOR[rating] })),
      },
      series: [
        {
          type: 'heatmap',
          data: m.cells.map((c) => {
            const isSelected =
              selected?.probabilityLevel === c.probabilityLevel && selected.impactLevel === c.impactLevel;
            return {
              value: [
                c.impactLevel - 1,
                c.probabilityLevel - 1,
                c.riskIds.length,
                Math.max(0, RATINGS.indexOf(c.rating)),
              ],
              keys: c.riskKeys,
              rating: c.rating,
              itemStyle: {
                opacity: c.riskIds.length ? 0.95 : 0.28,
                borderColor: isSelected ? '#4c63f0' : 'rgba(128,128,128,0.25)',
                borderWidth: isSelected ? 3 : 2,
                borderRadius: 6,
              },
            };
          }),
          label: {
            show: true,
            color: '#fff',
            fontWeight: 'bold',
            fontSize: 14,
            formatter: (p: { value: [number, number, number] }) => (p.value[2] ? String(p.value[2]) : ''),
          },
          emphasis: { itemStyle: { borderColor: '#4c63f0', borderWidth: 3 } },
        },
      ],
    };
  }, [map.data, selected]);

  const nonEmpty = (map.data?.cells ?? [])
    .filter((c) => c.riskIds.length > 0)
    .sort((a, b) => b.score - a.score);
  const toRef = (c: HeatMapCell): CellRef => ({
    probabilityLevel: c.probabilityLevel,
    impactLevel: c.impactLevel,
    riskIds: c.riskIds,
    label: cellLabel(c),
  });
  const onEvents = useMemo(
    () => ({
      click: (params: unknown) => {
        const p = params as { data?: { value: [number, number, number] } };
        if (!p.data || !map.data) return;
        const cell = map.data.cells.find(
          (c) => c.impactLevel === p.data!.value[0] + 1 && c.probabilityLevel === p.data!.value[1] + 1,
        );
        if (cell) onSelect(cell.riskIds.length ? toRef(cell) : null);
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [map.data, onSelect],
  );

  return (
    <Panel
      id="heat-map"
      title="Risk heat map"
      description="Open risks by probability × impact. Click a cell to filter the list."
    >
      <Group justify="flex-end" mb={4}>
        <SegmentedControl
          size="xs"
          aria-label="Scoring basis"
          value={basis}
          onChange={(v) => onBasis(v as 'inherent' | 'residual')}
          data={[
            { value: 'inherent', label: 'Inherent' },
            { value: 'residual', label: 'Residual' },
          ]}
        />
      </Group>
      {map.isPending ? (
        <Skeleton h={300} radius="md" />
      ) : map.isError ? (
        <ErrorState error={map.error} what="the heat map" onRetry={() => void map.refetch()} />
      ) : (
        <>
          <EChart
            option={option ?? {}}
            height={300}
            onEvents={onEvents}
            label={`Risk heat map: ${nonEmpty.length ? nonEmpty.map((c) => `${cellLabel(c)}: ${c.riskIds.length} (${c.riskKeys.join(', ')})`).join('; ') : 'no open risks'}`}
          />
          <Group gap={6} mt="xs" aria-label="Heat map cells with risks">
            {nonEmpty.map((c) => {
              const active =
                selected?.probabilityLevel === c.probabilityLevel && selected.impactLevel === c.impactLevel;
              return (
                <Button
                  key={`${c.probabilityLevel}-${c.impactLevel}`}
                  size="compact-xs"
                  variant={active ? 'filled' : 'light'}
                  color={
                    c.rating === 'critical' || c.rating === 'high'
                      ? 'red'
                      : c.rating === 'medium'
                        ? 'orange'
                        : 'teal'
                  }
                  aria-pressed={active}
                  onClick={() => onSelect(active ? null : toRef(c))}
                >
                  {cellLabel(c)} · {c.riskIds.length}
                </Button>
              );
            })}
            {map.data.unscored.length > 0 && (
              <Text size="xs" c="dimmed">
                {map.data.unscored.length} risk(s) without probability or impact are not on the map.
              </Text>
            )}
          </Group>
        </>
      )}
    </Panel>
  );
}
