import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import type { EngineeringState } from '../api/engineering-state.ts';
import {
  coverageTone,
  criticalFailingBuilds,
  hasEngineeringSignals,
  incidentsTone,
  plural,
} from './engineering-state.ts';
import { TONE_COLOR } from './status.ts';
import { formatCoverage, formatInstant } from '../app/format.ts';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The full engineering state: failing builds (critical path marked), open incidents, last deploy, coverage. */
export function EngineeringStateDetail({ state }: { state: EngineeringState }) {
  if (!hasEngineeringSignals(state))
    return (
      <Text size="sm" c="dimmed">
        No engineering signals linked: no builds, deployments or incidents mention this work yet.
      </Text>
    );
  const { builds, deployments } = state;
  const critical = criticalFailingBuilds(state).length;
  return (
    <Stack gap="sm" data-engineering-detail>
      {critical > 0 && (
        <Text size="sm" fw={600} c="red">
          Builds failing on the critical path: {critical}
        </Text>
      )}
      <Section title="Builds">
        <Text size="sm" className="tabular">
          {builds.total === 0
            ? 'No builds yet.'
            : `${plural(builds.total, 'build')}: ${builds.succeeded} succeeded, ${builds.failed} failed${builds.running > 0 ? `, ${builds.running} running` : ''}.`}
          {builds.lastAt &&
            ` Latest ${formatInstant(builds.lastAt)} (${(builds.lastStatus ?? 'unknown').replace('_', ' ')}).`}
        </Text>
        {state.failingBuilds.length === 0 ? (
          builds.total > 0 && (
            <Text size="sm" c={TONE_COLOR.good}>
              Nothing failing now.
            </Text>
          )
        ) : (
          <>
            <Text size="sm" c="red" fw={500}>
              Failing now: {state.failingBuilds.length}
            </Text>
            <List size="sm" spacing={2} aria-label="Failing builds">
              {state.failingBuilds.map((b) => (
                <List.Item key={b.id}>
                  <Group gap={6} wrap="nowrap">
                    {b.url ? (
                      <Anchor href={b.url} target="_blank" rel="noreferrer" size="sm">
                        {b.name} <IconExternalLink size={12} aria-label="(opens in a new tab)" />
                      </Anchor>
                    ) : (
                      <Text size="sm">{b.name}</Text>
                    )}
                    {b.criticalWorkItemIds.length > 0 && (
                      <Badge size="xs" color="red" variant="filled" title="Touches work on the critical path">
                        Critical path
                      </Badge>
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Section>
      <Section title="Deployments">
        <Text size="sm" className="tabular">
          {deployments.production > 0
            ? `Last shipped to production ${formatInstant(deployments.lastProductionAt)}. ${plural(deployments.production, 'production deployment')}, ${plural(deployments.total, 'deployment')} in all.`
            : deployments.total > 0
              ? `Not in production yet; ${plural(deployments.total, 'deployment')}${deployments.lastEnvironment ? `, the latest to ${deployments.lastEnvironment}` : ''}.`
              : 'No deployments yet.'}
        </Text>
      </Section>
      <Section title="Open incidents">
        {state.openIncidents.length === 0 ? (
          <Text size="sm" c={TONE_COLOR.good}>
            None open.
          </Text>
        ) : (
          <List size="sm" spacing={2} aria-label="Open incidents">
            {state.openIncidents.map((i) => (
              <List.Item key={i.id}>
                <Group gap={6} wrap="nowrap" align="baseline">
                  <Text size="sm" c={TONE_COLOR[incidentsTone([i])]} fw={500}>
                    {i.title}
                  </Text>
                  {i.severity && (
                    <Badge size="xs" variant="light" color={TONE_COLOR[incidentsTone([i])]} tt="none">
                      {i.severity}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  opened {formatInstant(i.openedAt)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section title="Test coverage">
        <Text size="sm" c={state.coverage === null ? 'dimmed' : TONE_COLOR[coverageTone(state.coverage)]}>
          {state.coverage === null
            ? 'Not reported.'
            : `${formatCoverage(state.coverage)} (latest build that reported it)`}
        </Text>
      </Section>
      {state.workItemIds.length > 0 && (
        <Text size="xs" c="dimmed">
          From the signals of {plural(state.workItemIds.length, 'linked work item')}.
        </Text>
      )}
    </Stack>
  );
}
