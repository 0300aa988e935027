import { Avatar, Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconDiamond } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import type { WorkItem } from '../../api/types.ts';
import { statusLabel } from '../work-shared/statuses.ts';

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** One work item on the board: draggable with the pointer, movable with Shift+←/→. */
export function BoardCard({
  item,
  assignee,
  sprint,
  pending,
  onMove,
}: {
  item: WorkItem;
  assignee: string | null;
  sprint: string | null;
  pending: boolean;
  onMove: (direction: -1 | 1) => void;
}) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.shiftKey) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      onMove(e.key === 'ArrowRight' ? 1 : -1);
    }
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      shadow="xs"
      tabIndex={0}
      draggable
      data-card-id={item.id}
      role="listitem"
      aria-label={`${item.key}: ${item.name}, ${statusLabel(item.status)}${assignee ? `, assigned to ${assignee}` : ''}${item.storyPoints !== null ? `, ${item.storyPoints} points` : ''}`}
      aria-keyshortcuts="Shift+ArrowLeft Shift+ArrowRight"
      aria-busy={pending}
      className="tandem-board-card"
      onKeyDown={onKeyDown}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', item.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      style={{ cursor: 'grab', opacity: pending ? 0.7 : 1 }}
    >
      <Group justify="space-between" gap={6} wrap="nowrap" mb={4}>
        <Text size="xs" c="dimmed" ff="monospace" truncate>
          {item.key}
        </Text>
        <Group gap={4} wrap="nowrap">
          {item.milestone || item.type === 'milestone' ? (
            <Tooltip label="Milestone">
              <IconDiamond size={14} color="var(--mantine-color-grape-6)" aria-label="Milestone" />
            </Tooltip>
          ) : null}
          {item.storyPoints !== null && (
            <Tooltip label="Story points">
              <Badge size="sm" variant="light" color="gray">
                {item.storyPoints}
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Group>
      <Text size="sm" fw={500} lineClamp={2}>
        {item.name}
      </Text>
      <Group justify="space-between" mt={8} gap={6} wrap="nowrap">
        <Group gap={4} wrap="wrap" style={{ minWidth: 0 }}>
          {item.labels.slice(0, 3).map((label) => (
            <Badge key={label} size="xs" variant="outline" color="indigo" radius="sm">
              {label}
            </Badge>
          ))}
          {sprint && (
            <Text size="xs" c="dimmed" truncate>
              {sprint}
            </Text>
          )}
        </Group>
        {assignee ? (
          <Tooltip label={assignee}>
            <Avatar size={24} radius="xl" color="indigo" variant="light" aria-hidden>
              {initials(assignee)}
            </Avatar>
          </Tooltip>
        ) : null}
      </Group>
    </Paper>
  );
}
