import { Badge, Group, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { IconActivityHeartbeat } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/http.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Panel } from '../../components/Panel.tsx';
import { Stat } from '../../components/Stat.tsx';

type Rating = 'elite' | 'high' | 'medium' | 'low';
interface DurationKey {
  /** The API gives medians in minutes. */
  medianMinutes: number | null;
  rating: Rating | null;
  count: number;
}
/** The part of `GET /api/projects/{id}/dora` this panel shows (core's `DoraKeys`). */
interface DoraSummary {
  from: string;
  to: string;
  keys: {
    deploymentFrequency: { bucket: string; deployments: number; rating: Rating };
    leadTime: DurationKey;
    changeFailureRate: {
      rate: number | null;
      failedDeployments: number;
      deployments: number;
      rating: Rating | null;
    };
    timeToRestore: DurationKey & { openIncidents: number };
    rating: Rating | null;
  };
}

const RATING_COLOR: Record<Rating, string> = { elite: 'teal', high: 'green', medium: 'yellow', low: 'red' };
const TONE: Record<Rating, 'good' | 'warn' | 'bad'> = {
  elite: 'good',
  high: 'good',
  medium: 'warn',
  low: 'bad',
};

function duration(minutes: number | null): string {
  if (minutes === null) return '—';
  const hours = minutes / 60;
  return hours < 48 ? `${hours.toFixed(hours < 10 ? 1 : 0)} h` : `${(hours / 24).toFixed(1)} days`;
}

function band(rating: Rating | null) {
  return rating ? `${rating} band` : 'not measured';
}

/** DORA's four keys from the project's engineering signals (webhooks), next to the schedule. */
export function EngineeringHealthPanel({ projectId }: { projectId: string }) {
  const dora = useQuery({
    queryKey: [...queryKeys.engineering(projectId), 'dora'],
    queryFn: () => api<DoraSummary>(`/api/projects/${projectId}/dora`),
  });
  const keys = dora.data?.keys;
  return (
    <Panel
      id="engineering-health"
      title="Engineering health"
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
              tone={TONE[keys.deploymentFrequency.rating]}
            />
            <Stat
              label="Lead time for changes"
              value={duration(keys.leadTime.medianMinutes)}
              detail={`median of ${keys.leadTime.count} changes · ${band(keys.leadTime.rating)}`}
              tone={keys.leadTime.rating ? TONE[keys.leadTime.rating] : 'neutral'}
            />
            <Stat
              label="Change failure rate"
              value={
                keys.changeFailureRate.rate === null
                  ? '—'
                  : `${Math.round(keys.changeFailureRate.rate * 100)}%`
              }
              detail={`${keys.changeFailureRate.failedDeployments} of ${keys.changeFailureRate.deployments} deployments · ${band(keys.changeFailureRate.rating)}`}
              tone={keys.changeFailureRate.rating ? TONE[keys.changeFailureRate.rating] : 'neutral'}
            />
            <Stat
              label="Time to restore"
              value={duration(keys.timeToRestore.medianMinutes)}
              detail={`${keys.timeToRestore.openIncidents} open incidents · ${band(keys.timeToRestore.rating)}`}
              tone={
                keys.timeToRestore.openIncidents > 0
                  ? 'bad'
                  : keys.timeToRestore.rating
                    ? TONE[keys.timeToRestore.rating]
                    : 'neutral'
              }
            />
          </SimpleGrid>
        </>
      )}
    </Panel>
  );
}
