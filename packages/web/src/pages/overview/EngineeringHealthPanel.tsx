import { Badge, Group, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { IconActivityHeartbeat } from '@tabler/icons-react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLink } from '../../components/PageLink.tsx';
import { Panel } from '../../components/Panel.tsx';
import { Stat } from '../../components/Stat.tsx';
import {
  RATING_COLOR,
  band,
  formatMinutes as duration,
  formatRate,
  toneOf,
} from '../engineering/dora-format.ts';
import { useDefaultDora } from '../engineering/engineering-api.ts';

/** DORA's four keys from the project's engineering signals (webhooks), next to the schedule. */
export function EngineeringHealthPanel({ projectId }: { projectId: string }) {
  const dora = useDefaultDora(projectId);
  const keys = dora.data?.keys;
  return (
    <Panel
      id="engineering-health"
      title="Engineering health"
      action={
        <PageLink projectId={projectId} page="engineering">
          Engineering page
        </PageLink>
      }
      description={
        dora.data
          ? `DORA four keys, ${dora.data.from.slice(0, 10)} to ${dora.data.to.slice(0, 10)}`
          : 'Deployment frequency, lead time, change failure rate, time to restore'
      }
    >
      {dora.isPending ? (
        <Skeleton height={140} radius="md" />
      ) : dora.isError ? (
        <ErrorState error={dora.error} what="the DORA keys" onRetry={() => void dora.refetch()} />
      ) : !keys || keys.deploymentFrequency.deployments === 0 ? (
        <EmptyState
          compact
          icon={IconActivityHeartbeat}
          title="No engineering signals yet"
          description="Connect GitHub, GitLab, your CI and alerting through webhooks: deployments, builds and incidents then show here as DORA's four keys next to the schedule."
        />
      ) : (
        <>
          {keys.rating && (
            <Group gap="xs" mb="sm">
              <Text size="sm">Overall</Text>
              <Badge color={RATING_COLOR[keys.rating]} variant="light">
                {keys.rating}
              </Badge>
            </Group>
          )}
          <SimpleGrid cols={2} spacing="sm">
            <Stat
              label="Deployment frequency"
              value={keys.deploymentFrequency.bucket}
              detail={`${keys.deploymentFrequency.deployments} deployments · ${band(keys.deploymentFrequency.rating)}`}
              tone={toneOf(keys.deploymentFrequency.rating)}
            />
            <Stat
              label="Lead time for changes"
              value={duration(keys.leadTime.medianMinutes)}
              detail={`median of ${keys.leadTime.count} changes · ${band(keys.leadTime.rating)}`}
              tone={toneOf(keys.leadTime.rating)}
            />
            <Stat
              label="Change failure rate"
              value={formatRate(keys.changeFailureRate.rate)}
              detail={`${keys.changeFailureRate.failedDeployments} of ${keys.changeFailureRate.deployments} deployments · ${band(keys.changeFailureRate.rating)}`}
              tone={toneOf(keys.changeFailureRate.rating)}
            />
            <Stat
              label="Time to restore"
              value={duration(keys.timeToRestore.medianMinutes)}
              detail={`${keys.timeToRestore.openIncidents} open incidents · ${band(keys.timeToRestore.rating)}`}
              tone={keys.timeToRestore.openIncidents > 0 ? 'bad' : toneOf(keys.timeToRestore.rating)}
            />
          </SimpleGrid>
        </>
      )}
    </Panel>
  );
}
