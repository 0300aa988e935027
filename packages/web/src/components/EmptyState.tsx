import { Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconInbox, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Nothing to show yet: say why and what to do next. */
export function EmptyState({
  title,
  description,
  icon: IconComponent = IconInbox,
  action,
  compact = false,
}: {
  title: string;
  description?: ReactNode;
  icon?: Icon;
  action?: ReactNode;
  compact?: boolean;
}) {
  return (
    <Stack align="center" gap="xs" py={compact ? 'md' : 48} px="md" ta="center" role="status">
      <ThemeIcon variant="light" color="gray" size={compact ? 36 : 56} radius="xl">
        <IconComponent size={compact ? 18 : 28} stroke={1.5} />
      </ThemeIcon>
      <Title order={compact ? 4 : 3} size={compact ? 'h6' : 'h4'}>
        {title}
      </Title>
      {description && (
        <Text c="dimmed" size="sm" maw={440}>
          {description}
        </Text>
      )}
      {action}
    </Stack>
  );
}
