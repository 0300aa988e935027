import { Badge, Group, Skeleton, Table, Text, Tooltip } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatDate } from '../../app/format.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Panel } from '../../components/Panel.tsx';
import { formatCoverage } from '../../app/format.ts';
import { RATING_COLOR, formatMinutes, formatRate } from './dora-format.ts';
import type { Dora, DoraKeys, EngineeringView, Rating } from './engineering-types.ts';

const STATUS_COLOR: Record<string, string> = { released: 'teal', in_progress: 'blue', planned: 'gray' };

function RatingBadge({ rating }: { rating: Rating | null }) {
  if (!rating)
    return (
      <Text size="xs" c="dimmed">
        not measured
      </Text>
    );
  return (
    <Badge size="sm" variant="light" color={RATING_COLOR[rating]}>
      {rating}
    </Badge>
  );
}

/** A key's value with its band as a small coloured dot and a tooltip. */
function KeyCell({ value, rating }: { value: string; rating: Rating | null }) {
  return (
    <Tooltip label={rating ? `${rating} band` : 'not measured'} withArrow>
      <Group gap={6} wrap="nowrap" tabIndex={0} style={{ width: 'fit-content' }}>
        <Badge
          size="xs"
          circle
          variant="filled"
          color={rating ? RATING_COLOR[rating] : 'gray'}
          aria-hidden
          styles={{ root: { minWidth: 8, width: 8, height: 8, padding: 0 } }}
        />
        <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
          {value}
          <span className="visually-hidden">{rating ? `, ${rating} band` : ', not measured'}</span>
        </Text>
      </Group>
    </Tooltip>
  );
}

function KeysCells({ keys }: { keys: DoraKeys | undefined }) {
  if (!keys)
    return (
      <Table.Td colSpan={5}>
        <Text size="xs" c="dimmed">
          No DORA figures
        </Text>
      </Table.Td>
    );
  return (
    <>
      <Table.Td>
        <KeyCell
          value={
            keys.deploymentFrequency.deployments === 0
              ? '0'
              : `${keys.deploymentFrequency.deployments} · ${keys.deploymentFrequency.bucket}`
          }
          rating={keys.deploymentFrequency.rating}
        />
      </Table.Td>
      <Table.Td>
        <KeyCell value={formatMinutes(keys.leadTime.medianMinutes)} rating={keys.leadTime.rating} />
      </Table.Td>
      <Table.Td>
        <KeyCell value={formatRate(keys.changeFailureRate.rate)} rating={keys.changeFailureRate.rating} />
      </Table.Td>
      <Table.Td>
        <KeyCell value={formatMinutes(keys.timeToRestore.medianMinutes)} rating={keys.timeToRestore.rating} />
      </Table.Td>
      <Table.Td>
        <RatingBadge rating={keys.rating} />
      </Table.Td>
    </>
  );
}

/**
 * Each release's four keys (over all its deployments) beside its engineering state (builds, failing
 * builds, production deployments, open incidents, coverage of the work feeding it).
 */
export function ReleasesTable({
  dora,
  view,
}: {
  dora: UseQueryResult<Dora>;
  view: UseQueryResult<EngineeringView>;
}) {
  const pending = dora.isPending || view.isPending;
  const error = dora.error ?? view.error;
  const keysById = new Map((dora.data?.releases ?? []).map((r) => [r.releaseId, r.keys]));
  const releases = view.data?.releases ?? [];
  return (
    <Panel
      id="releases"
      title="Releases"
      description="Four keys over each release’s deployments, and the state of the builds, deployments and incidents linked to it or its work"
    >
      {pending ? (
        <Skeleton height={160} radius="md" />
      ) : error ? (
        <ErrorState
          error={error}
          what="the releases’ engineering state"
          onRetry={() => {
            void dora.refetch();
            void view.refetch();
          }}
        />
      ) : releases.length === 0 ? (
        <EmptyState
          compact
          icon={IconRocket}
          title="No releases yet"
          description="Releases planned for the project show here with their four keys and build state."
        />
      ) : (
        <Table.ScrollContainer minWidth={1100}>
          <Table verticalSpacing="xs" aria-label="Releases" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th rowSpan={2} miw={220}>
                  Release
                </Table.Th>
                <Table.Th colSpan={5} ta="center">
                  Four keys
                </Table.Th>
                <Table.Th colSpan={5} ta="center">
                  Engineering state
                </Table.Th>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Deploys</Table.Th>
                <Table.Th>Lead time</Table.Th>
                <Table.Th>Change failure</Table.Th>
                <Table.Th>Time to restore</Table.Th>
                <Table.Th>Band</Table.Th>
                <Table.Th>Builds ok / failed</Table.Th>
                <Table.Th>Failing now</Table.Th>
                <Table.Th>Production deploys</Table.Th>
                <Table.Th>Open incidents</Table.Th>
                <Table.Th>Coverage</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {releases.map((r) => (
                <Table.Tr key={r.id} data-release-id={r.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {r.name}
                    </Text>
                    <Group gap={6}>
                      {r.tag && (
                        <Text size="xs" c="dimmed">
                          {r.tag}
                        </Text>
                      )}
                      <Badge size="xs" variant="light" color={STATUS_COLOR[r.status] ?? 'gray'}>
                        {r.status.replace(/_/g, ' ')}
                      </Badge>
                      {r.plannedDate && (
                        <Text size="xs" c="dimmed">
                          {formatDate(r.plannedDate)}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <KeysCells keys={keysById.get(r.id)} />
                  <Table.Td className="tabular">
                    {r.builds.succeeded} /{' '}
                    <Text span c={r.builds.failed > 0 ? 'red' : undefined} inherit>
                      {r.builds.failed}
                    </Text>
                  </Table.Td>
                  <Table.Td className="tabular">
                    {r.failingBuilds.length > 0 ? (
                      <Badge size="sm" color="red" variant="light" title="Builds failing now">
                        {r.failingBuilds.length}
                      </Badge>
                    ) : (
                      '0'
                    )}
                  </Table.Td>
                  <Table.Td className="tabular">
                    {r.deployments.production}
                    {r.deployments.lastProductionAt && (
                      <Text size="xs" c="dimmed">
                        last {formatDate(r.deployments.lastProductionAt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className="tabular">
                    {r.openIncidents.length > 0 ? (
                      <Badge size="sm" color="orange" variant="light" title="Open incidents">
                        {r.openIncidents.length}
                      </Badge>
                    ) : (
                      '0'
                    )}
                  </Table.Td>
                  <Table.Td className="tabular">{formatCoverage(r.coverage)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {releases.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          Four keys count the deployments tagged with the release, over the days it was deployed in; the
          engineering state counts the builds, deployments and incidents tagged with it, and the untagged ones
          linked to its work items.
        </Text>
      )}
    </Panel>
  );
}
