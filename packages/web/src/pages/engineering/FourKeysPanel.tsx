import { Badge, Group, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { IconActivityHeartbeat } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Panel } from '../../components/Panel.tsx';
import { Stat } from '../../components/Stat.tsx';
import { ConnectSignalsLink } from './ConnectSignalsLink.tsx';
import { RATING_COLOR, band, formatMinutes, formatRate, formatWindow, toneOf } from './dora-format.ts';
import type { Dora } from './engineering-types.ts';

const HINTS = {
  frequency:
    'How often the team deploys to production (Four Keys: daily when the median week has 3 deploying days, weekly, monthly, or yearly).',
  lead: 'Median time from a commit to the production deployment that shipped it. Elite: under a day.',
  failure:
    'Share of production deployments that caused an incident (by root cause or directly). Elite: 0–15%.',
  restore: 'Median time from an incident being opened to it being resolved. Elite: under a day.',
};

/** Whether a window has any signal at all. */
export function hasSignals(dora: Dora): boolean {
  const k = dora.keys;
  return (
    k.deploymentFrequency.deployments > 0 ||
    k.leadTime.count > 0 ||
    k.timeToRestore.count + k.timeToRestore.openIncidents > 0
  );
}

/** The headline: DORA's four keys for the chosen window, each with its band. */
export function FourKeysPanel({
  projectId,
  dora,
  windowLabel,
}: {
  projectId: string;
  dora: UseQueryResult<Dora>;
  windowLabel: string;
}) {
  const keys = dora.data?.keys;
  return (
    <Panel
      id="four-keys"
      title="Four keys"
      description={
        dora.data
          ? `${windowLabel}: ${formatWindow(dora.data.from, dora.data.to)} (DORA, Four Keys’ definitions)`
          : 'Deployment frequency, lead time for changes, change failure rate, time to restore'
      }
      action={
        keys?.rating ? (
          <Group gap={6} wrap="nowrap">
            <Text size="sm" c="dimmed">
              Overall
            </Text>
            <Badge color={RATING_COLOR[keys.rating]} variant="light" data-testid="overall-band">
              {keys.rating}
            </Badge>
          </Group>
        ) : undefined
      }
    >
      {dora.isPending ? (
        <Skeleton height={110} radius="md" />
      ) : dora.isError ? (
        <ErrorState error={dora.error} what="the DORA keys" onRetry={() => void dora.refetch()} />
      ) : !keys || !hasSignals(dora.data) ? (
        <EmptyState
          compact
          icon={IconActivityHeartbeat}
          title="No deployments, changes or incidents in this window"
          description={
            dora.data?.releaseId
              ? 'Nothing shipped for this release in the window: pick a longer window or all releases.'
              : 'Once GitHub, GitLab, your CI and alerting send webhooks, DORA’s four keys show here next to the schedule.'
          }
          action={dora.data?.releaseId ? undefined : <ConnectSignalsLink projectId={projectId} />}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <Stat
            label="Deployment frequency"
            value={keys.deploymentFrequency.bucket}
            detail={`${keys.deploymentFrequency.deployments} production deployments · ${band(keys.deploymentFrequency.rating)}`}
            tone={toneOf(keys.deploymentFrequency.rating)}
            hint={HINTS.frequency}
          />
          <Stat
            label="Lead time for changes"
            value={formatMinutes(keys.leadTime.medianMinutes)}
            detail={`median of ${keys.leadTime.count} changes · ${band(keys.leadTime.rating)}`}
            tone={toneOf(keys.leadTime.rating)}
            hint={HINTS.lead}
          />
          <Stat
            label="Change failure rate"
            value={formatRate(keys.changeFailureRate.rate)}
            detail={`${keys.changeFailureRate.failedDeployments} of ${keys.changeFailureRate.deployments} deployments · ${band(keys.changeFailureRate.rating)}`}
            tone={toneOf(keys.changeFailureRate.rating)}
            hint={HINTS.failure}
          />
          <Stat
            label="Time to restore"
            value={formatMinutes(keys.timeToRestore.medianMinutes)}
            detail={`median of ${keys.timeToRestore.count} incidents · ${keys.timeToRestore.openIncidents} open · ${band(keys.timeToRestore.rating)}`}
            tone={keys.timeToRestore.openIncidents > 0 ? 'bad' : toneOf(keys.timeToRestore.rating)}
            hint={HINTS.restore}
          />
        </SimpleGrid>
      )}
    </Panel>
  );
}
