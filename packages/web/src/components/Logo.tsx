import { Group, Text } from '@mantine/core';

/** Two linked rings: one plan, two lenses. */
export function Logo({ size = 26 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="var(--mantine-primary-color-filled)" />
        <circle cx="12.5" cy="16" r="6" fill="none" stroke="#fff" strokeWidth="3" />
        <circle cx="19.5" cy="16" r="6" fill="none" stroke="#fff" strokeWidth="3" opacity="0.7" />
      </svg>
      <Text fw={750} size="lg" style={{ letterSpacing: '-0.02em' }}>
        Tandem
      </Text>
    </Group>
  );
}
