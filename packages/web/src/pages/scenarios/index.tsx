// Scenarios: what-if copies of the plan (a key engineer's leave, added scope, an extra engineer)
// compared side by side with the live plan — dates, cost, critical path, P50/P80 — then promoted
// (applied to the live plan) or discarded.
import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, describeError, queryKeys } from '../../api/index.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ImpactTable } from '../governance/ImpactTable.tsx';
import { type Scenario, useProjectAction, useScenarios } from '../governance/governance-api.ts';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { PageSkeleton } from '../work-shared/PageSkeleton.tsx';

function ScenarioCard({ projectId, scenario }: { projectId: string; scenario: Scenario }) {
  const [problem, setProblem] = useState<string | null>(null);
  const handlers = {
    onError: (e: unknown) => setProblem(describeError(e)),
    onSuccess: () => setProblem(null),
  };
  const compare = useProjectAction(projectId, () =>
    api(`/api/scenarios/${scenario.id}/compare`, { method: 'POST', body: { iterations: 1000, seed: 1 } }),
  );
  const decide = useProjectAction(projectId, (action: 'promote' | 'discard') =>
    api(`/api/scenarios/${scenario.id}/${action}`, { method: 'POST', ifMatch: scenario.version }),
  );
  const result = scenario.comparison?.scenarios[0];
  return (
    <Paper withBorder radius="lg" p="md" data-testid={`scenario-${scenario.name}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {scenario.name}
          </Title>
          <Badge
            color={
              scenario.status === 'promoted' ? 'teal' : scenario.status === 'discarded' ? 'gray' : 'blue'
            }
          >
            {scenario.status}
          </Badge>
        </Group>
        {scenario.description && <Text size="sm">{scenario.description}</Text>}
        {scenario.comparison && result ? (
          <ImpactTable
            before={scenario.comparison.live}
            after={result.measures}
            delta={result.delta}
            beforeLabel="Live plan"
            afterLabel={scenario.name}
          />
        ) : (
          <Text size="sm" c="dimmed">
            Not compared yet.
          </Text>
        )}
        {scenario.status === 'open' && (
          <Group>
            <Button
              variant="light"
              loading={compare.isPending}
              onClick={() => compare.mutate(undefined, handlers)}
            >
              Compare with the live plan
            </Button>
            <Button color="teal" variant="subtle" onClick={() => decide.mutate('promote', handlers)}>
              Promote
            </Button>
            <Button color="gray" variant="subtle" onClick={() => decide.mutate('discard', handlers)}>
              Discard
            </Button>
          </Group>
        )}
        {problem && (
          <Alert color="red" title="Not done" role="alert">
            {problem}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** A new "leave" scenario: who is away and when. */
function NewLeaveScenario({ projectId }: { projectId: string }) {
  const resources = useResources(projectId);
  const [resourceId, setResourceId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const create = useProjectAction(projectId, () =>
    api(`/api/projects/${projectId}/scenarios`, {
      method: 'POST',
      body: {
        name: name.trim() || 'Leave',
        changeSet: [{ op: 'addLeave', resourceId, from, to }],
      },
    }),
  );
  return (
    <Paper withBorder radius="lg" p="md">
      <Group align="flex-end">
        <TextInput
          label="Scenario"
          placeholder="Key engineer on leave"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Select
          label="Who is away"
          data={(resources.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          value={resourceId}
          onChange={setResourceId}
          searchable
        />
        <TextInput
          type="date"
          label="From"
          value={from ?? ''}
          onChange={(e) => setFrom(e.currentTarget.value || null)}
        />
        <TextInput
          type="date"
          label="To"
          value={to ?? ''}
          onChange={(e) => setTo(e.currentTarget.value || null)}
        />
        <Button
          disabled={!resourceId || !from || !to}
          loading={create.isPending}
          onClick={() =>
            create.mutate(undefined, {
              onError: (e) => setProblem(describeError(e)),
              onSuccess: () => setProblem(null),
            })
          }
        >
          Add leave scenario
        </Button>
      </Group>
      {problem && (
        <Alert mt="sm" color="red" title="Not added" role="alert">
          {problem}
        </Alert>
      )}
    </Paper>
  );
}

function useResources(projectId: string) {
  return useQuery({
    queryKey: [...queryKeys.collection(projectId, 'resources'), 'scenario-picker'],
    queryFn: async ({ signal }) =>
      (
        await api<{ items: { id: string; name: string }[] }>(`/api/projects/${projectId}/resources`, {
          signal,
          query: { limit: 500 },
        })
      ).items,
  });
}

export default function ScenariosPage() {
  const projectId = useProjectId();
  const list = useScenarios(projectId);
  if (list.isPending) return <PageSkeleton label="Loading scenarios" columns={1} />;
  if (list.isError)
    return <ErrorState error={list.error} what="scenarios" onRetry={() => void list.refetch()} />;
  return (
    <Stack gap="md">
      <PageHeader
        title="Scenarios"
        description="What-if copies of the plan, compared side by side with the live plan, then promoted or discarded."
      />
      <NewLeaveScenario projectId={projectId} />
      {list.data.items.length === 0 ? (
        <EmptyState title="No scenarios" description="Add one above: who is away, and when." />
      ) : (
        list.data.items.map((s) => <ScenarioCard key={s.id} projectId={projectId} scenario={s} />)
      )}
    </Stack>
  );
}
