import { Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card: the building block of dashboards and pages. */
export function Panel({
  title,
  description,
  action,
  children,
  padding = 'lg',
  id,
}: {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  padding?: string | number;
  id?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <Paper withBorder radius="lg" p={padding} component="section" aria-labelledby={headingId} id={id}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <div>
          <Title order={2} size="h5" id={headingId}>
            {title}
          </Title>
          {description && (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {action}
      </Group>
      {children}
    </Paper>
  );
}
