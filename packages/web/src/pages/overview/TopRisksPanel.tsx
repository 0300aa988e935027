import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { raidEntries } from '../../api/collections.ts';
import type { RaidEntry } from '../../api/types.ts';
import { formatMoney, formatWorkDuration } from '../../app/format.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLink } from '../../components/PageLink.tsx';
import { Panel } from '../../components/Panel.tsx';
import { topRisks } from './risk-exposure.ts';

/** The open risks with the most exposure (probability × impact). */
export function TopRisksPanel({
  projectId,
  currency,
  minutesPerDay,
  title = 'Top risks',
  filter,
  emptyText = 'No open risks. Log risks in the RAID register to see the most exposed here.',
}: {
  projectId: string;
  currency: string | null;
  minutesPerDay: number;
  title?: string;
  filter?: (r: RaidEntry) => boolean;
  emptyText?: string;
}) {
  const raid = raidEntries.useList(projectId);
  const risks = raid.data ? topRisks(raid.data, 5, filter) : [];
  return (
    <Panel
      id={title.toLowerCase().replace(/\s+/g, '-')}
      title={title}
      action={
        <PageLink projectId={projectId} page="raid">
          RAID log
        </PageLink>
      }
    >
      {raid.isError ? (
        <ErrorState error={raid.error} what="the risks" />
      ) : raid.isPending ? null : risks.length === 0 ? (
        <EmptyState compact icon={IconShieldCheck} title="Nothing to worry about" description={emptyText} />
      ) : (
        <Stack gap="sm">
          {risks.map((r) => (
            <div key={r.id}>
              <Text size="sm" fw={500} lineClamp={2}>
                {r.title}
              </Text>
              <Group gap={6} mt={2}>
                {r.probability !== null && (
                  <Badge
                    size="xs"
                    variant="light"
                    color={r.probability >= 0.3 ? 'red' : r.probability >= 0.15 ? 'yellow' : 'gray'}
                  >
                    {Math.round(r.probability * 100)}%
                  </Badge>
                )}
                {r.scheduleImpact && (
                  <Text size="xs" c="dimmed">
                    +{formatWorkDuration(r.scheduleImpact.mostLikely, minutesPerDay)}
                  </Text>
                )}
                {r.costImpact && (
                  <Text size="xs" c="dimmed">
                    {formatMoney(r.costImpact.mostLikely, currency)}
                  </Text>
                )}
                {r.category && (
                  <Text size="xs" c="dimmed">
                    · {r.category}
                  </Text>
                )}
                {r.owner && (
                  <Text size="xs" c="dimmed">
                    · {r.owner}
                  </Text>
                )}
              </Group>
            </div>
          ))}
        </Stack>
      )}
    </Panel>
  );
}
