import { ActionIcon, Avatar, Badge, Group, Menu, Text, Tooltip } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import type { Sprint, WorkItem } from '../../api/types.ts';
import { initials } from '../board/BoardCard.tsx';
import { statusColor, statusLabel } from '../work-shared/statuses.ts';

/** A backlog line: drag it to a sprint, or use its "Move to" menu. */
export function ItemRow({
  item,
  assignee,
  targets,
  onMove,
}: {
  item: WorkItem;
  assignee: string | null;
  targets: { id: string | null; label: string }[];
  onMove: (sprintId: string | null) => void;
}) {
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      px="sm"
      py={6}
      draggable
      data-item-id={item.id}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', item.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)', cursor: 'grab' }}
    >
      <Text size="xs" c="dimmed" ff="monospace" w={150} truncate>
        {item.key}
      </Text>
      <Text size="sm" style={{ flex: 1, minWidth: 0 }} truncate>
        {item.name}
      </Text>
      <Badge size="sm" variant="light" color={statusColor(item.status)} tt="none">
        {statusLabel(item.status)}
      </Badge>
      <Tooltip label="Story points">
        <Badge size="sm" variant="outline" color="gray" w={44}>
          {item.storyPoints ?? '–'}
        </Badge>
      </Tooltip>
      {assignee ? (
        <Tooltip label={assignee}>
          <Avatar size={24} radius="xl" color="indigo" variant="light" aria-hidden>
            {initials(assignee)}
          </Avatar>
        </Tooltip>
      ) : (
        <span style={{ width: 24 }} aria-hidden />
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Move ${item.key} to…`}>
            <IconArrowsExchange size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Move to</Menu.Label>
          {targets
            .filter((t) => t.id !== item.sprintId)
            .map((t) => (
              <Menu.Item key={t.id ?? 'backlog'} onClick={() => onMove(t.id)}>
                {t.label}
              </Menu.Item>
            ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

export type { Sprint };
