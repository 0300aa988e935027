import { Badge, Group, Text } from '@mantine/core';

/** The keys of the work items a signal is linked to (critical-path ones in red). */
export function WorkItemKeys({
  ids,
  keys,
  critical = [],
}: {
  ids: readonly string[];
  keys: ReadonlyMap<string, string>;
  critical?: readonly string[];
}) {
  if (ids.length === 0)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={4} wrap="wrap">
      {ids.map((id) => (
        <Badge
          key={id}
          size="sm"
          variant="light"
          color={critical.includes(id) ? 'red' : 'gray'}
          tt="none"
          title={critical.includes(id) ? 'On the critical path' : undefined}
        >
          {keys.get(id) ?? 'unknown item'}
        </Badge>
      ))}
    </Group>
  );
}
