import { Avatar, Badge, Group, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { stakeholders } from '../../api/collections.ts';
import { initials } from '../../app/UserMenu.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLink } from '../../components/PageLink.tsx';
import { Panel } from '../../components/Panel.tsx';

const CADENCE_ORDER = ['daily', 'weekly', 'fortnightly', 'biweekly', 'monthly', 'quarterly'];
const ATTITUDE_COLOR: Record<string, string> = {
  supportive: 'teal',
  neutral: 'gray',
  cautious: 'yellow',
  resistant: 'red',
};

/** Who to keep updated: the most influential and interested first, with how and how often. */
export function StakeholdersPanel({ projectId }: { projectId: string }) {
  const list = stakeholders.useList(projectId);
  const people = [...(list.data ?? [])]
    .sort(
      (a, b) =>
        (b.influence ?? 0) * (b.interest ?? 0) - (a.influence ?? 0) * (a.interest ?? 0) ||
        cadenceRank(a.communication[0]?.cadence) - cadenceRank(b.communication[0]?.cadence),
    )
    .slice(0, 5);
  return (
    <Panel
      id="stakeholders-to-update"
      title="Stakeholders to update"
      action={
        <PageLink projectId={projectId} page="stakeholders">
          Register
        </PageLink>
      }
    >
      {list.isError ? (
        <ErrorState error={list.error} what="the stakeholders" />
      ) : list.isPending ? null : people.length === 0 ? (
        <EmptyState
          compact
          icon={IconUsers}
          title="No stakeholders yet"
          description="Add stakeholders with their influence, interest and communication plan."
        />
      ) : (
        <Stack gap="sm">
          {people.map((s) => {
            const plan = s.communication[0];
            return (
              <Group key={s.id} gap="sm" wrap="nowrap">
                <Avatar size={32} radius="xl" color={ATTITUDE_COLOR[s.attitude ?? ''] ?? 'gray'}>
                  {initials(s.name)}
                </Avatar>
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500} lineClamp={1}>
                      {s.name}
                    </Text>
                    {s.attitude && (
                      <Badge size="xs" variant="dot" color={ATTITUDE_COLOR[s.attitude] ?? 'gray'}>
                        {s.attitude}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {plan
                      ? `${plan.cadence} ${plan.channel}${plan.owner ? ` · ${plan.owner}` : ''}`
                      : (s.title ?? 'No communication plan')}
                  </Text>
                </div>
                <Text size="xs" c="dimmed" className="tabular" title="Influence × interest">
                  {s.influence ?? '–'}×{s.interest ?? '–'}
                </Text>
              </Group>
            );
          })}
        </Stack>
      )}
    </Panel>
  );
}

function cadenceRank(cadence: string | undefined): number {
  const i = CADENCE_ORDER.indexOf(cadence ?? '');
  return i < 0 ? CADENCE_ORDER.length : i;
}
