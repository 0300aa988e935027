import { SimpleGrid, Skeleton, Stack } from '@mantine/core';

export function LensSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading">
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
        {[1, 2, 3, 4].map((i) => (
          <Skeleton key={i} h={96} radius="lg" />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Skeleton h={300} radius="lg" />
        <Skeleton h={300} radius="lg" />
      </SimpleGrid>
    </Stack>
  );
}
