import { Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One headline number with its label and a line of context (e.g. variance). */
export function Stat({
  label,
  value,
  detail,
  tone,
  icon,
  hint,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  /** Colours the detail line: good, warning, bad, or neutral. */
  tone?: 'good' | 'warn' | 'bad' | 'neutral';
  icon?: ReactNode;
  /** A longer explanation, shown on hover and read by screen readers. */
  hint?: string;
}) {
  const color = tone === 'good' ? 'teal' : tone === 'warn' ? 'yellow.8' : tone === 'bad' ? 'red' : 'dimmed';
  return (
    <Paper withBorder radius="lg" p="md" title={hint}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: '0.04em' }}>
          {label}
        </Text>
        {icon}
      </Group>
      <Text fw={700} size="xl" mt={4} className="tabular" lineClamp={1}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c={color} mt={2} lineClamp={2}>
          {detail}
        </Text>
      )}
      {hint && <span className="visually-hidden">{hint}</span>}
    </Paper>
  );
}
