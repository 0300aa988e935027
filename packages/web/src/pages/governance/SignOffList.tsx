// Who signed off (or rejected), and whose sign-off is still missing.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { SignOff } from './governance-api.ts';

export function SignOffList({
  signOffs,
  missing,
}: {
  signOffs: SignOff[];
  missing: { role: string; reason: string }[];
}) {
  // The latest of each role counts.
  const latest = new Map<string, SignOff>();
  for (const s of signOffs) latest.set(s.role, s);
  return (
    <Stack gap={4} aria-label="Sign-offs">
      {[...latest.values()].map((s) => (
        <Group key={s.id} gap="xs">
          <Badge
            color={s.decision === 'approved' ? 'teal' : 'red'}
            leftSection={s.decision === 'approved' ? <IconCheck size={12} /> : <IconX size={12} />}
            variant="light"
          >
            {s.role.toUpperCase()} {s.decision}
          </Badge>
          {s.comment && (
            <Text size="sm" c="dimmed">
              {s.comment}
            </Text>
          )}
        </Group>
      ))}
      {missing
        .filter((m) => !latest.has(m.role))
        .map((m) => (
          <Badge key={m.role} color="gray" variant="outline">
            {m.reason}
          </Badge>
        ))}
    </Stack>
  );
}
