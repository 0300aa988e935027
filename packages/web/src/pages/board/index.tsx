// Board: work items as cards in one column per status. Drag a card to another column, or focus it
// and press Shift+←/→, to change its status (PATCH with If-Match; shown at once, rolled back on error).
import '../work-shared/work-pages.css';
import { Badge, Group, Paper, ScrollArea, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconLayoutKanban } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { describeError, sprints as sprintCollection, workItems } from '../../api/index.ts';
import type { WorkItem } from '../../api/types.ts';
import { useWorkspaceUsers } from '../../api/work-collections.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { PageSkeleton } from '../work-shared/PageSkeleton.tsx';
import { isCardItem, projectStatuses, statusColor, statusLabel } from '../work-shared/statuses.ts';
import { BoardCard } from './BoardCard.tsx';

const ALL = '__all';
const NONE = '__none';

export default function BoardPage() {
  const projectId = useProjectId();
  const list = workItems.useList(projectId);
  const sprintList = sprintCollection.useList(projectId);
  const users = useWorkspaceUsers();
  const patch = workItems.usePatch();
  const [sprint, setSprint] = useState<string>(ALL);
  const [assignee, setAssignee] = useState<string>(ALL);
  /** Moves shown before the server answers: id → status. */
  const [moves, setMoves] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const [overColumn, setOverColumn] = useState<string | null>(null);
  const focusAfterMove = useRef<string | null>(null);
  const chains = useRef(new Map<string, Promise<WorkItem | null>>());

  const userName = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.name])), [users.data]);
  const sprintName = useMemo(
    () => new Map((sprintList.data ?? []).map((s) => [s.id, s.name])),
    [sprintList.data],
  );
  const items = useMemo(
    () =>
      (list.data ?? [])
        .filter(isCardItem)
        .map((i) => (moves[i.id] ? { ...i, status: moves[i.id]! } : i))
        .filter((i) => sprint === ALL || (sprint === NONE ? !i.sprintId : i.sprintId === sprint))
        .filter((i) => assignee === ALL || (assignee === NONE ? !i.assigneeId : i.assigneeId === assignee)),
    [list.data, moves, sprint, assignee],
  );
  const statuses = useMemo(() => projectStatuses(list.data ?? []), [list.data]);

  useEffect(() => {
    const id = focusAfterMove.current;
    if (!id) return;
    focusAfterMove.current = null;
    document.querySelector<HTMLElement>(`[data-card-id="${id}"]`)?.focus();
  });

  if (list.isPending) return <PageSkeleton label="Loading the board" columns={5} />;
  if (list.isError)
    return <ErrorState error={list.error} what="the board" onRetry={() => void list.refetch()} />;

  const move = (item: WorkItem, status: string) => {
    const original = (list.data ?? []).find((i) => i.id === item.id);
    if (!original || status === item.status) return;
    setMoves((m) => ({ ...m, [item.id]: status }));
    setAnnouncement(`${item.key} moved to ${statusLabel(status)}`);
    // Moves of one card go one after another, each on the version the previous one saved.
    const previous = chains.current.get(item.id) ?? Promise.resolve(null);
    const next: Promise<WorkItem | null> = previous.then(async (saved) => {
      try {
        return await patch.mutateAsync({ row: saved ?? original, patch: { status } });
      } catch (error) {
        setAnnouncement(`${item.key} could not move: ${describeError(error)}`);
        return null;
      } finally {
        if (chains.current.get(item.id) === next) {
          chains.current.delete(item.id);
          setMoves((m) => {
            const rest = { ...m };
            delete rest[item.id];
            return rest;
          });
        }
      }
    });
    chains.current.set(item.id, next);
  };

  const onDrop = (status: string) => (e: DragEvent) => {
    e.preventDefault();
    setOverColumn(null);
    const id = e.dataTransfer.getData('text/plain');
    const item = items.find((i) => i.id === id);
    if (item) move(item, status);
  };

  const people = [...new Set((list.data ?? []).map((i) => i.assigneeId).filter((x): x is string => !!x))];
  const cards = (list.data ?? []).filter(isCardItem);

  return (
    <Stack gap="md">
      <PageHeader
        title="Board"
        description="Drag a card to change its status, or focus it and press Shift+← / Shift+→."
      >
        <Select
          label="Sprint"
          size="xs"
          w={200}
          value={sprint}
          onChange={(v) => setSprint(v ?? ALL)}
          allowDeselect={false}
          data={[
            { value: ALL, label: 'All sprints' },
            { value: NONE, label: 'Not in a sprint' },
            ...(sprintList.data ?? []).map((s) => ({
              value: s.id,
              label: `${s.name}${s.status === 'active' ? ' (active)' : ''}`,
            })),
          ]}
        />
        <Select
          label="Assignee"
          size="xs"
          w={180}
          value={assignee}
          onChange={(v) => setAssignee(v ?? ALL)}
          allowDeselect={false}
          data={[
            { value: ALL, label: 'Everyone' },
            { value: NONE, label: 'Unassigned' },
            ...people.map((id) => ({ value: id, label: userName.get(id) ?? 'Someone' })),
          ]}
        />
      </PageHeader>
      <VisuallyHidden aria-live="polite" role="status">
        {announcement}
      </VisuallyHidden>
      {cards.length === 0 ? (
        <Paper withBorder radius="lg">
          <EmptyState
            icon={IconLayoutKanban}
            title="No work items yet"
            description="Add tasks in the grid or the Gantt chart, or import a plan; they show here as cards by status."
          />
        </Paper>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <div
            className="tandem-board"
            style={{ gridTemplateColumns: `repeat(${statuses.length}, minmax(220px, 1fr))` }}
          >
            {statuses.map((status) => {
              const column = items.filter((i) => i.status === status);
              const points = column.reduce((sum, i) => sum + (i.storyPoints ?? 0), 0);
              return (
                <Paper
                  key={status}
                  withBorder
                  radius="lg"
                  p="xs"
                  component="section"
                  aria-label={`${statusLabel(status)} column`}
                  data-status={status}
                  bg={
                    overColumn === status
                      ? 'var(--mantine-color-default-hover)'
                      : 'var(--tandem-column-bg, var(--mantine-color-body))'
                  }
                  style={{ transition: 'background 120ms', minWidth: 0 }}
                  onDragOver={(e) => {
                    e.preventDefault();
                    e.dataTransfer.dropEffect = 'move';
                    if (overColumn !== status) setOverColumn(status);
                  }}
                  onDragLeave={() => setOverColumn((c) => (c === status ? null : c))}
                  onDrop={onDrop(status)}
                >
                  <Group justify="space-between" px={4} pb="xs">
                    <Group gap={6}>
                      <Badge color={statusColor(status)} variant="dot" size="lg" radius="sm" tt="none">
                        {statusLabel(status)}
                      </Badge>
                      <Text size="xs" c="dimmed" aria-label={`${column.length} items`}>
                        {column.length}
                      </Text>
                    </Group>
                    {points > 0 && (
                      <Text size="xs" c="dimmed">
                        {points} pts
                      </Text>
                    )}
                  </Group>
                  <Stack gap={8} role="list" mih={120} className="tandem-board-column">
                    {column.map((item) => (
                      <BoardCard
                        key={item.id}
                        item={item}
                        assignee={item.assigneeId ? (userName.get(item.assigneeId) ?? null) : null}
                        sprint={item.sprintId ? (sprintName.get(item.sprintId) ?? null) : null}
                        pending={item.id in moves}
                        onMove={(direction) => {
                          const next = statuses[statuses.indexOf(item.status) + direction];
                          if (!next) return;
                          focusAfterMove.current = item.id;
                          move(item, next);
                        }}
                      />
                    ))}
                    {column.length === 0 && (
                      <Text size="xs" c="dimmed" ta="center" py="lg">
                        Drop a card here
                      </Text>
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </div>
        </ScrollArea>
      )}
    </Stack>
  );
}
