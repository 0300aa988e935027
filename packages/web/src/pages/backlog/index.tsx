// Backlog and sprints: the open sprints with their items (committed points against capacity), then
// the backlog. Move items by dragging them onto a sprint or with their "Move to" menu; start and
// complete sprints; create and edit them.
import { Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconListDetails, IconPencil, IconPlayerPlay, IconPlus, IconCheck } from '@tabler/icons-react';
import { useMemo, useState, type DragEvent } from 'react';
import { sprints as sprintCollection, workItems } from '../../api/index.ts';
import type { Sprint, WorkItem } from '../../api/types.ts';
import { useWorkspaceUsers } from '../../api/work-collections.ts';
import { formatDate } from '../../app/format.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { PageSkeleton } from '../work-shared/PageSkeleton.tsx';
import { isCardItem } from '../work-shared/statuses.ts';
import { ItemRow } from './ItemRow.tsx';
import { SprintForm } from './SprintForm.tsx';

const ORDER: Record<string, number> = { active: 0, planned: 1, closed: 2 };

export default function BacklogPage() {
  const projectId = useProjectId();
  const items = workItems.useList(projectId);
  const sprintList = sprintCollection.useList(projectId);
  const users = useWorkspaceUsers();
  const patchItem = workItems.usePatch();
  const patchSprint = sprintCollection.usePatch();
  const [editing, setEditing] = useState<{ row: Sprint | null } | null>(null);
  const [showClosed, setShowClosed] = useState(false);
  const [over, setOver] = useState<string | null>(null);
  const names = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.name])), [users.data]);

  if (items.isPending || sprintList.isPending) return <PageSkeleton label="Loading the backlog" />;
  if (items.isError)
    return <ErrorState error={items.error} what="the backlog" onRetry={() => void items.refetch()} />;
  if (sprintList.isError)
    return (
      <ErrorState error={sprintList.error} what="the sprints" onRetry={() => void sprintList.refetch()} />
    );

  const all = items.data.filter(isCardItem);
  const sprints = [...sprintList.data].sort(
    (a, b) =>
      (ORDER[a.status] ?? 1) - (ORDER[b.status] ?? 1) || (a.startDate ?? '').localeCompare(b.startDate ?? ''),
  );
  const visible = sprints.filter((s) => showClosed || s.status !== 'closed');
  const targets = [
    ...sprints
      .filter((s) => s.status !== 'closed')
      .map((s) => ({ id: s.id as string | null, label: s.name })),
    { id: null, label: 'Backlog' },
  ];
  const move = (item: WorkItem, sprintId: string | null) =>
    patchItem.mutate({ row: item, patch: { sprintId } });
  const drop = (sprintId: string | null) => (e: DragEvent) => {
    e.preventDefault();
    setOver(null);
    const item = all.find((i) => i.id === e.dataTransfer.getData('text/plain'));
    if (item && item.sprintId !== sprintId) move(item, sprintId);
  };
  const dropZone = (key: string, sprintId: string | null) => ({
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      if (over !== key) setOver(key);
    },
    onDragLeave: () => setOver((o) => (o === key ? null : o)),
    onDrop: drop(sprintId),
    style:
      over === key
        ? { outline: '2px dashed var(--mantine-primary-color-filled)', outlineOffset: 2 }
        : undefined,
  });
  const rows = (list: WorkItem[]) =>
    list.map((item) => (
      <ItemRow
        key={item.id}
        item={item}
        assignee={item.assigneeId ? (names.get(item.assigneeId) ?? null) : null}
        targets={targets}
        onMove={(sprintId) => move(item, sprintId)}
      />
    ));
  const backlog = all.filter((i) => !i.sprintId && i.status !== 'done');
  const hasActive = sprints.some((s) => s.status === 'active');

  return (
    <Stack gap="md">
      <PageHeader
        title="Backlog and sprints"
        description="Plan sprints against their capacity; drag items onto a sprint or use their menu."
      >
        {sprints.some((s) => s.status === 'closed') && (
          <Button variant="default" onClick={() => setShowClosed((v) => !v)}>
            {showClosed ? 'Hide closed sprints' : 'Show closed sprints'}
          </Button>
        )}
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ row: null })}>
          New sprint
        </Button>
      </PageHeader>
      {visible.map((sprint) => {
        const inSprint = all.filter((i) => i.sprintId === sprint.id);
        const committed = inSprint.reduce((s, i) => s + (i.storyPoints ?? 0), 0);
        const done = inSprint
          .filter((i) => i.status === 'done')
          .reduce((s, i) => s + (i.storyPoints ?? 0), 0);
        const capacity = sprint.capacityPoints;
        const over = capacity !== null && committed > capacity;
        return (
          <Paper
            key={sprint.id}
            withBorder
            radius="lg"
            component="section"
            aria-label={sprint.name}
            {...dropZone(sprint.id, sprint.id)}
          >
            <Group justify="space-between" p="md" pb="xs" align="flex-start" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Text fw={600}>{sprint.name}</Text>
                  <Badge
                    size="sm"
                    variant={sprint.status === 'active' ? 'filled' : 'light'}
                    color={
                      sprint.status === 'active' ? 'teal' : sprint.status === 'closed' ? 'gray' : 'indigo'
                    }
                  >
                    {sprint.status}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {formatDate(sprint.startDate)} – {formatDate(sprint.finishDate)}
                  </Text>
                </Group>
                {sprint.goal && (
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    Goal: {sprint.goal}
                  </Text>
                )}
              </div>
              <Group gap="xs" wrap="nowrap">
                <Stack gap={2} w={190}>
                  <Text size="xs" c={over ? 'red' : 'dimmed'} ta="right">
                    {committed} committed{capacity !== null ? ` of ${capacity} pts` : ' pts'}
                    {done ? ` · ${done} done` : ''}
                  </Text>
                  <Progress.Root
                    size="sm"
                    aria-label={`${sprint.name}: ${committed} of ${capacity ?? '?'} points committed`}
                  >
                    <Progress.Section
                      value={capacity ? Math.min(100, (done / capacity) * 100) : 0}
                      color="teal"
                    />
                    <Progress.Section
                      value={capacity ? Math.min(100, ((committed - done) / capacity) * 100) : 0}
                      color={over ? 'red' : 'indigo'}
                    />
                  </Progress.Root>
                </Stack>
                {sprint.status === 'planned' && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPlayerPlay size={14} />}
                    disabled={hasActive}
                    title={hasActive ? 'Complete the active sprint first' : undefined}
                    onClick={() => patchSprint.mutate({ row: sprint, patch: { status: 'active' } })}
                  >
                    Start sprint
                  </Button>
                )}
                {sprint.status === 'active' && (
                  <Button
                    size="xs"
                    variant="light"
                    color="teal"
                    leftSection={<IconCheck size={14} />}
                    onClick={() => {
                      // Unfinished items go back to the backlog, as in Jira.
                      for (const i of inSprint.filter((x) => x.status !== 'done')) move(i, null);
                      patchSprint.mutate({ row: sprint, patch: { status: 'closed' } });
                    }}
                  >
                    Complete sprint
                  </Button>
                )}
                <Button
                  size="xs"
                  variant="subtle"
                  color="gray"
                  leftSection={<IconPencil size={14} />}
                  onClick={() => setEditing({ row: sprint })}
                  aria-label={`Edit ${sprint.name}`}
                >
                  Edit
                </Button>
              </Group>
            </Group>
            {inSprint.length ? (
              <div>{rows(inSprint)}</div>
            ) : (
              <Text size="sm" c="dimmed" ta="center" p="md">
                Drag items here, or use an item’s “Move to” menu, to plan this sprint.
              </Text>
            )}
          </Paper>
        );
      })}
      <Paper withBorder radius="lg" component="section" aria-label="Backlog" {...dropZone('backlog', null)}>
        <Group justify="space-between" p="md" pb="xs">
          <Text fw={600}>Backlog</Text>
          <Text size="xs" c="dimmed">
            {backlog.length} items · {backlog.reduce((s, i) => s + (i.storyPoints ?? 0), 0)} pts
          </Text>
        </Group>
        {backlog.length ? (
          <div>{rows(backlog)}</div>
        ) : (
          <EmptyState
            compact
            icon={IconListDetails}
            title="The backlog is empty"
            description="Everything open is planned into a sprint."
          />
        )}
      </Paper>
      <SprintForm
        projectId={projectId}
        row={editing?.row ?? null}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
