import { Group, Paper, Skeleton, Stack } from '@mantine/core';

/** A page loading: a toolbar and a few panels' worth of grey shapes. */
export function PageSkeleton({ label, columns = 1 }: { label: string; columns?: number }) {
  return (
    <Stack gap="md" aria-busy="true" aria-label={label}>
      <Group gap="sm">
        <Skeleton h={34} w={220} radius="md" />
        <Skeleton h={34} w={160} radius="md" />
      </Group>
      <Group align="stretch" grow wrap="nowrap">
        {Array.from({ length: columns }, (_, i) => (
          <Paper key={i} withBorder radius="lg" p="md">
            <Stack gap="sm">
              <Skeleton h={16} w="40%" />
              {Array.from({ length: 5 }, (_, j) => (
                <Skeleton key={j} h={44} radius="md" />
              ))}
            </Stack>
          </Paper>
        ))}
      </Group>
    </Stack>
  );
}
