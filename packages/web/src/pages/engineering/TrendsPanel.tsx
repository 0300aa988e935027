import { Paper, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Panel } from '../../components/Panel.tsx';
import { ConnectSignalsLink } from './ConnectSignalsLink.tsx';
import type { Dora } from './engineering-types.ts';
import { hasSignals } from './FourKeysPanel.tsx';
import {
  changeFailureOption,
  deploymentsOption,
  leadTimeOption,
  restoreOption,
  trendSummary,
} from './trend-options.ts';

function Chart({ title, caption, option }: { title: string; caption: string; option: EChartOption }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Title order={3} size="h6">
        {title}
      </Title>
      <Text size="xs" c="dimmed" mb={4}>
        {caption}
      </Text>
      <EChart option={option} height={220} label={`${title}: ${caption}`} />
    </Paper>
  );
}

/** The four keys over time, one chart each, per day, week or month of the window. */
export function TrendsPanel({ projectId, dora }: { projectId: string; dora: UseQueryResult<Dora> }) {
  const data = dora.data;
  const charts = useMemo(() => {
    if (!data) return null;
    const { series, bucket } = data;
    return {
      deployments: deploymentsOption(series, bucket),
      failure: changeFailureOption(series, bucket),
      lead: leadTimeOption(series, bucket),
      restore: restoreOption(series, bucket),
      summary: trendSummary(series),
    };
  }, [data]);
  const per = data?.bucket ?? 'week';
  return (
    <Panel id="trends" title="Trends" description={`The four keys per ${per} of the window`}>
      {dora.isPending ? (
        <Skeleton height={240} radius="md" />
      ) : dora.isError ? (
        <ErrorState error={dora.error} what="the DORA trends" onRetry={() => void dora.refetch()} />
      ) : !charts || !hasSignals(dora.data) ? (
        <EmptyState
          compact
          icon={IconChartLine}
          title="No trend to draw yet"
          description={
            data?.releaseId
              ? 'Nothing shipped for this release in the window.'
              : 'Deployments, changes and incidents from your tools fill these charts.'
          }
          action={data?.releaseId ? undefined : <ConnectSignalsLink projectId={projectId} />}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Chart
            title={`Deployments per ${per}`}
            caption={`${charts.summary.deployments} production deployments, ${charts.summary.failed} caused a failure`}
            option={charts.deployments}
          />
          <Chart
            title="Change failure rate"
            caption={`Share of each ${per}’s deployments that caused an incident`}
            option={charts.failure}
          />
          <Chart
            title="Lead time for changes (median, hours)"
            caption={`${charts.summary.changes} changes shipped in the window`}
            option={charts.lead}
          />
          <Chart
            title="Time to restore (median, hours)"
            caption={`${charts.summary.incidents} incidents opened in the window`}
            option={charts.restore}
          />
        </SimpleGrid>
      )}
    </Panel>
  );
}
