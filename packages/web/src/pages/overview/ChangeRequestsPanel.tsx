import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconGitPullRequest } from '@tabler/icons-react';
import { changeRequests } from '../../api/collections.ts';
import { formatMoney, formatWorkDuration } from '../../app/format.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLink } from '../../components/PageLink.tsx';
import { Panel } from '../../components/Panel.tsx';

const OPEN = new Set(['draft', 'submitted']);

/** Change requests waiting for a decision, with their impact and who still has to approve. */
export function ChangeRequestsPanel({
  projectId,
  currency,
  minutesPerDay,
}: {
  projectId: string;
  currency: string | null;
  minutesPerDay: number;
}) {
  const list = changeRequests.useList(projectId);
  const open = (list.data ?? []).filter((c) => OPEN.has(c.status));
  return (
    <Panel
      id="open-changes"
      title="Open change requests"
      action={
        <PageLink projectId={projectId} page="changes">
          All changes
        </PageLink>
      }
    >
      {list.isError ? (
        <ErrorState error={list.error} what="the change requests" />
      ) : list.isPending ? null : open.length === 0 ? (
        <EmptyState
          compact
          icon={IconGitPullRequest}
          title="No open change requests"
          description="Scope, schedule and cost changes waiting for a decision appear here."
        />
      ) : (
        <Stack gap="sm">
          {open.map((c) => {
            const pending = c.approvals
              .filter((a) => a.decision === 'pending')
              .map((a) => a.role.toUpperCase());
            return (
              <div key={c.id}>
                <Group gap={6} wrap="nowrap">
                  {c.key && (
                    <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {c.key}
                    </Text>
                  )}
                  <Text size="sm" fw={500} lineClamp={1}>
                    {c.title}
                  </Text>
                </Group>
                <Group gap={6} mt={2}>
                  <Badge size="xs" variant="light" color={c.status === 'submitted' ? 'blue' : 'gray'}>
                    {c.status}
                  </Badge>
                  {c.scheduleImpactMinutes ? (
                    <Text size="xs" c="dimmed">
                      +{formatWorkDuration(c.scheduleImpactMinutes, minutesPerDay)}
                    </Text>
                  ) : null}
                  {c.costImpactAmount ? (
                    <Text size="xs" c="dimmed">
                      +{formatMoney(c.costImpactAmount, currency)}
                    </Text>
                  ) : null}
                  {pending.length > 0 && (
                    <Text size="xs" c="yellow.8">
                      awaiting {pending.join(' and ')}
                    </Text>
                  )}
                </Group>
              </div>
            );
          })}
        </Stack>
      )}
    </Panel>
  );
}
