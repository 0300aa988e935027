// Phase gates: Initiation → Planning → Execution → Testing → Deployment → Closed. Each gate shows the
// PM's and TPM's checklist of the phase, the technical criteria checked from data, the sign-offs,
// and what still stands in the way of passing it (each unmet criterion by name).
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useState } from 'react';
import { api, describeError } from '../../api/index.ts';
import { formatDate } from '../../app/format.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { SignOffList } from '../governance/SignOffList.tsx';
import { type Gate, useGates, useProjectAction } from '../governance/governance-api.ts';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { PageSkeleton } from '../work-shared/PageSkeleton.tsx';

const PHASES = ['initiation', 'planning', 'execution', 'testing', 'deployment', 'closed'];
const title = (phase: string) => phase.charAt(0).toUpperCase() + phase.slice(1);

function GateCard({
  projectId,
  gate,
  current,
  required,
}: {
  projectId: string;
  gate: Gate;
  current: boolean;
  required: string[];
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const handlers = {
    onError: (e: unknown) => setProblem(describeError(e)),
    onSuccess: () => setProblem(null),
  };
  const tick = useProjectAction(projectId, (item: { id: string; done: boolean }) =>
    api(`/api/phase-gates/${gate.id}`, {
      method: 'PATCH',
      ifMatch: gate.version,
      body: { checklist: [item] },
    }),
  );
  const signOff = useProjectAction(projectId, (decision: 'approved' | 'rejected') =>
    api(`/api/phase-gates/${gate.id}/sign-offs`, { method: 'POST', body: { decision } }),
  );
  const pass = useProjectAction(projectId, () =>
    api(`/api/phase-gates/${gate.id}/pass`, { method: 'POST', ifMatch: gate.version }),
  );
  const open = gate.status === 'open';
  const missing = required
    .filter((role) => !gate.signOffs.some((s) => s.role === role))
    .map((role) => ({ role, reason: `${role.toUpperCase()} sign-off missing` }));

  return (
    <Paper withBorder radius="lg" p="md" data-testid={`gate-${gate.phase}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {title(gate.phase)} gate
          </Title>
          {gate.status === 'passed' ? (
            <Badge color="teal">Passed {formatDate(gate.passedAt)}</Badge>
          ) : current ? (
            <Badge color="blue">Current phase</Badge>
          ) : (
            <Badge color="gray" variant="light">
              Not yet
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(['pm', 'tpm'] as const).map((role) => (
            <Stack key={role} gap={4}>
              <Text size="sm" fw={500}>
                {role === 'pm' ? 'Project Manager' : 'Technical Project Manager'}
              </Text>
              {gate.checklist
                .filter((i) => i.role === role)
                .map((item) => (
                  <Checkbox
                    key={item.id}
                    label={item.label}
                    checked={item.done}
                    disabled={!open || tick.isPending}
                    onChange={(e) => tick.mutate({ id: item.id, done: e.currentTarget.checked }, handlers)}
                  />
                ))}
            </Stack>
          ))}
        </SimpleGrid>
        {gate.evaluation.criteria.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Technical criteria
            </Text>
            {gate.evaluation.criteria.map((c) => (
              <Group key={c.id} gap="xs" wrap="nowrap">
                {c.met ? (
                  <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" />
                ) : (
                  <IconCircleX size={16} color="var(--mantine-color-red-6)" />
                )}
                <Text size="sm">
                  <b>{c.name}</b> — {c.detail}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        <SignOffList signOffs={gate.signOffs} missing={open && current ? missing : []} />
        {open && current && (
          <>
            {!gate.evaluation.canPass && (
              <Alert color="yellow" title="Before this gate can pass" data-testid="unmet">
                <List size="sm">
                  {gate.evaluation.unmet.map((u) => (
                    <List.Item key={`${u.kind}:${u.id}`}>
                      {u.name}: {u.reason}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Group>
              <Button
                color="teal"
                variant="light"
                loading={signOff.isPending}
                onClick={() => signOff.mutate('approved', handlers)}
              >
                Sign off gate
              </Button>
              <Button color="red" variant="subtle" onClick={() => signOff.mutate('rejected', handlers)}>
                Reject
              </Button>
              <Button
                loading={pass.isPending}
                disabled={!gate.evaluation.canPass}
                onClick={() => pass.mutate(undefined, handlers)}
              >
                Pass gate
              </Button>
            </Group>
          </>
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

export default function GatesPage() {
  const projectId = useProjectId();
  const gates = useGates(projectId);
  if (gates.isPending) return <PageSkeleton label="Loading the phase gates" columns={1} />;
  if (gates.isError)
    return <ErrorState error={gates.error} what="the phase gates" onRetry={() => void gates.refetch()} />;
  const { phase, items, requiredSignOffs } = gates.data;
  return (
    <Stack gap="md">
      <PageHeader
        title="Phase gates"
        description={`Each gate needs its checklist, its technical criteria and the sign-off of the ${requiredSignOffs.map((r) => r.toUpperCase()).join(' and ')}.`}
      />
      <Stepper active={PHASES.indexOf(phase)} size="sm" aria-label="Project phase">
        {PHASES.map((p) => (
          <Stepper.Step key={p} label={title(p)} />
        ))}
      </Stepper>
      {items.map((gate) => (
        <GateCard
          key={gate.id}
          projectId={projectId}
          gate={gate}
          current={gate.phase === phase}
          required={requiredSignOffs}
        />
      ))}
    </Stack>
  );
}
