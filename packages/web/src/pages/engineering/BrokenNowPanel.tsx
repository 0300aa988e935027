import { Badge, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconPlugConnected } from '@tabler/icons-react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import { api, queryKeys, useMe, type Page } from '../../api/index.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Panel } from '../../components/Panel.tsx';
import { ConnectSignalsLink } from './ConnectSignalsLink.tsx';
import { formatInstant } from '../../app/format.ts';
import { shortSha } from './dora-format.ts';
import { useFailedDeployments } from './engineering-api.ts';
import type { EngineeringView, Incident, SignalKind } from './engineering-types.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { RaiseRiskButton } from './RaiseRiskButton.tsx';
import { WorkItemKeys } from './WorkItemKeys.tsx';

function useOpenIncidents(projectId: string) {
  return useQuery({
    queryKey: [...queryKeys.collection(projectId, 'incidents'), 'open'],
    queryFn: ({ signal }) =>
      api<Page<Incident>>(`/api/projects/${projectId}/incidents`, {
        query: { state: 'open', sort: 'openedAt', direction: 'desc', limit: 100 },
        signal,
      }),
  });
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <div>
      <Group gap="xs" mb={6}>
        <Title order={3} size="h6">
          {title}
        </Title>
        <Badge size="sm" variant="light" color={count > 0 ? 'red' : 'gray'}>
          {count}
        </Badge>
      </Group>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          None.
        </Text>
      ) : (
        <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {children}
        </Stack>
      )}
    </div>
  );
}

function Row({ children, action }: { children: ReactNode; action: ReactNode }) {
  return (
    <Group
      component="li"
      justify="space-between"
      wrap="nowrap"
      gap="sm"
      py={8}
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Stack gap={2} style={{ minWidth: 0 }}>
        {children}
      </Stack>
      {action}
    </Group>
  );
}

/** Failing builds (critical-path ones flagged), failed deployments and open incidents, each a click from a RAID risk. */
export function BrokenNowPanel({
  projectId,
  view,
  keys,
}: {
  projectId: string;
  view: UseQueryResult<EngineeringView>;
  keys: ReadonlyMap<string, string>;
}) {
  const failedDeployments = useFailedDeployments(projectId);
  const incidents = useOpenIncidents(projectId);
  // Signals a risk was raised for in this visit: `${kind}:${id}` → the risk's key.
  const [raised, setRaised] = useState<Record<string, string>>({});
  // Viewers cannot raise RAID entries (the server would answer 403 to anyone else who cannot).
  const canRaise = useMe()?.role !== 'viewer';
  const riskButton = useCallback(
    (kind: SignalKind, signalId: string, what: string) =>
      canRaise && (
        <RaiseRiskButton
          projectId={projectId}
          kind={kind}
          signalId={signalId}
          what={what}
          raisedKey={raised[`${kind}:${signalId}`]}
          onRaised={(key) => setRaised((r) => ({ ...r, [`${kind}:${signalId}`]: key }))}
        />
      ),
    [projectId, raised, canRaise],
  );

  const pending = view.isPending || failedDeployments.isPending || incidents.isPending;
  const error = view.error ?? failedDeployments.error ?? incidents.error;
  const builds = view.data?.project.failingBuilds ?? [];
  const deployments = failedDeployments.data ?? [];
  const open = incidents.data?.items ?? [];
  const nothingYet =
    view.data !== undefined &&
    view.data.project.builds.total === 0 &&
    view.data.project.deployments.total === 0 &&
    open.length === 0 &&
    deployments.length === 0;

  return (
    <Panel
      id="broken-now"
      title="What is broken now"
      description="Builds still failing, deployments that failed with no success since, incidents still open"
    >
      {pending ? (
        <Skeleton height={200} radius="md" />
      ) : error ? (
        <ErrorState
          error={error}
          what="what is broken"
          onRetry={() => {
            void view.refetch();
            void failedDeployments.refetch();
            void incidents.refetch();
          }}
        />
      ) : nothingYet ? (
        <EmptyState
          compact
          icon={IconPlugConnected}
          title="No builds, deployments or incidents yet"
          description="Failing builds, failed deployments and open incidents show here once your tools send webhooks."
          action={<ConnectSignalsLink projectId={projectId} />}
        />
      ) : builds.length + deployments.length + open.length === 0 ? (
        <EmptyState
          compact
          icon={IconCircleCheck}
          title="Nothing is broken"
          description="Every build line’s latest run passed, no deployment is failing and no incident is open."
        />
      ) : (
        <Stack gap="md">
          <Section title="Failing builds" count={builds.length}>
            {builds.map((b) => (
              <Row key={b.id} action={riskButton('ci-runs', b.id, `build ${b.name}`)}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600} truncate>
                    {b.name}
                  </Text>
                  {b.criticalWorkItemIds.length > 0 && (
                    <Badge size="sm" color="red" variant="filled">
                      Critical path
                    </Badge>
                  )}
                  <ExternalLink url={b.url} what={`build ${b.name}`} />
                </Group>
                <WorkItemKeys ids={b.workItemIds} keys={keys} critical={b.criticalWorkItemIds} />
              </Row>
            ))}
          </Section>
          <Section title="Failed deployments" count={deployments.length}>
            {deployments.map((d) => (
              <Row key={d.id} action={riskButton('deployments', d.id, `deployment ${d.externalId}`)}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {d.environment}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {shortSha(d.sha)} · {formatInstant(d.deployedAt)}
                  </Text>
                  <ExternalLink url={d.url} provider={d.provider} what={`deployment ${d.externalId}`} />
                </Group>
                <WorkItemKeys ids={d.workItemIds} keys={keys} />
              </Row>
            ))}
          </Section>
          <Section title="Open incidents" count={open.length}>
            {open.map((i) => (
              <Row key={i.id} action={riskButton('incidents', i.id, `incident ${i.title}`)}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600} truncate>
                    {i.title}
                  </Text>
                  {i.severity && (
                    <Badge size="sm" variant="light" color={i.severity === 'critical' ? 'red' : 'orange'}>
                      {i.severity}
                    </Badge>
                  )}
                  <ExternalLink url={i.url} provider={i.provider} what={`incident ${i.title}`} />
                </Group>
                <Text size="xs" c="dimmed">
                  Opened {formatInstant(i.openedAt)}
                  {i.source ? ` · ${i.source}` : ''}
                </Text>
                <WorkItemKeys ids={i.workItemIds} keys={keys} />
              </Row>
            ))}
          </Section>
        </Stack>
      )}
    </Panel>
  );
}
