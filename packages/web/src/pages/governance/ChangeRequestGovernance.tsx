// A change request's change control: its change set, the impact analysis (re-scheduled what-if copy
// of the plan), the PM's and TPM's sign-offs, and approval — applying the change and re-baselining.
import { Alert, Button, Checkbox, Code, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, describeError } from '../../api/index.ts';
import { formatDate } from '../../app/format.ts';
import { ImpactTable } from './ImpactTable.tsx';
import { SignOffList } from './SignOffList.tsx';
import { type GovernedChangeRequest, useChangeRequestSignOffs, useProjectAction } from './governance-api.ts';

const DECIDED = new Set(['approved', 'rejected', 'implemented', 'withdrawn']);

export function ChangeRequestGovernance({
  projectId,
  changeRequest: cr,
  currency,
}: {
  projectId: string;
  changeRequest: GovernedChangeRequest;
  currency?: string | null;
}) {
  const signOffs = useChangeRequestSignOffs(projectId, cr.id);
  const [apply, setApply] = useState(true);
  const [rebaseline, setRebaseline] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const onError = (e: unknown) => setProblem(describeError(e));
  const onSuccess = () => setProblem(null);
  const analyse = useProjectAction(projectId, () =>
    api(`/api/change-requests/${cr.id}/impact`, { method: 'POST', body: { iterations: 1000, seed: 1 } }),
  );
  const signOff = useProjectAction(projectId, (decision: 'approved' | 'rejected') =>
    api(`/api/change-requests/${cr.id}/sign-offs`, { method: 'POST', body: { decision } }),
  );
  const approve = useProjectAction(projectId, () =>
    api(`/api/change-requests/${cr.id}/approve`, {
      method: 'POST',
      ifMatch: cr.version,
      body: { apply, ...(rebaseline.trim() ? { rebaseline: rebaseline.trim() } : {}) },
    }),
  );
  const decided = DECIDED.has(cr.status);
  const impact = cr.impactAnalysis;

  return (
    <Paper withBorder radius="lg" p="md" data-testid={`cr-${cr.key}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {cr.key}: {cr.title}
          </Title>
          <Text size="sm" c="dimmed" data-testid="cr-status">
            {cr.status}
          </Text>
        </Group>
        {cr.changeSet.length > 0 ? (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              Changes to the plan
            </Text>
            {cr.changeSet.map((op, i) => (
              <Code key={i} block={false}>
                {op.op}{' '}
                {Object.entries(op)
                  .filter(([k]) => k !== 'op')
                  .map(([k, v]) => `${k}=${String(v)}`)
                  .join(' ')}
              </Code>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No plan changes recorded (scope or cost only).
          </Text>
        )}
        {impact ? (
          <>
            <ImpactTable
              before={impact.before}
              after={impact.after}
              delta={impact.delta}
              currency={currency ?? null}
            />
            <Text size="xs" c="dimmed">
              Analysed {formatDate(impact.at)}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            Not analysed yet.
          </Text>
        )}
        {!decided && (
          <Group>
            <Button
              variant="light"
              loading={analyse.isPending}
              onClick={() => analyse.mutate(undefined, { onError, onSuccess })}
            >
              Analyse impact
            </Button>
          </Group>
        )}
        <Text size="sm" fw={500}>
          Sign-offs
        </Text>
        {signOffs.data && (
          <SignOffList signOffs={signOffs.data.items} missing={decided ? [] : signOffs.data.missing} />
        )}
        {!decided && (
          <Group>
            <Button
              color="teal"
              variant="light"
              loading={signOff.isPending}
              onClick={() => signOff.mutate('approved', { onError, onSuccess })}
            >
              Sign off
            </Button>
            <Button
              color="red"
              variant="subtle"
              onClick={() => signOff.mutate('rejected', { onError, onSuccess })}
            >
              Reject
            </Button>
          </Group>
        )}
        {!decided && (
          <Group align="flex-end">
            <Checkbox
              label="Apply the change to the plan"
              checked={apply}
              onChange={(e) => setApply(e.currentTarget.checked)}
            />
            <TextInput
              label="New baseline (optional)"
              placeholder="e.g. After CR"
              value={rebaseline}
              onChange={(e) => setRebaseline(e.currentTarget.value)}
            />
            <Button
              loading={approve.isPending}
              onClick={() => approve.mutate(undefined, { onError, onSuccess })}
            >
              Approve
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
