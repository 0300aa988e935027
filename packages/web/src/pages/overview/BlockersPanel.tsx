import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { RaidEntry, WorkItem } from '../../api/types.ts';
import { formatDate } from '../../app/format.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageLink } from '../../components/PageLink.tsx';
import { Panel } from '../../components/Panel.tsx';

/** What stops work: blocked work items, open issues and external dependencies. */
export function BlockersPanel({
  projectId,
  blocked,
  raid,
}: {
  projectId: string;
  blocked: WorkItem[];
  raid: RaidEntry[];
}) {
  const rows = [
    ...blocked.map((w) => ({ id: w.id, kind: 'blocked', title: w.name, detail: w.notes ?? w.key })),
    ...raid
      .filter((e) => e.kind === 'issue' || e.kind === 'dependency')
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        title: e.title,
        detail: [e.owner, e.dueDate ? `due ${formatDate(e.dueDate)}` : null].filter(Boolean).join(' · '),
      })),
  ];
  return (
    <Panel
      id="blockers"
      title="Blockers"
      action={
        <PageLink projectId={projectId} page="board">
          Board
        </PageLink>
      }
    >
      {rows.length === 0 ? (
        <EmptyState
          compact
          icon={IconCircleCheck}
          title="No blockers"
          description="Blocked work items, open issues and dependencies show here."
        />
      ) : (
        <Stack gap="sm">
          {rows.slice(0, 6).map((r) => (
            <div key={r.id}>
              <Group gap={6} wrap="nowrap">
                <Badge
                  size="xs"
                  variant="light"
                  color={r.kind === 'blocked' ? 'red' : r.kind === 'issue' ? 'orange' : 'grape'}
                >
                  {r.kind}
                </Badge>
                <Text size="sm" fw={500} lineClamp={1}>
                  {r.title}
                </Text>
              </Group>
              {r.detail && (
                <Text size="xs" c="dimmed" lineClamp={1} mt={2}>
                  {r.detail}
                </Text>
              )}
            </div>
          ))}
        </Stack>
      )}
    </Panel>
  );
}
