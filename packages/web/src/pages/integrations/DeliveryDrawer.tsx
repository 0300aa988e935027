// One delivery: its stored headers (never the signature), the raw body (pretty JSON when it is JSON)
// and what it was parsed into; "Replay" parses the stored body again and applies it.
import { Alert, Badge, Button, Code, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { ErrorState } from '../../components/ErrorState.tsx';
import { formatInstant } from '../../app/format.ts';
import { useDelivery, useReplayDelivery } from './integrations-api.ts';
import { PROVIDERS } from './providers.tsx';
import { writeErrorMessage } from './write-error.ts';

function pretty(raw: string | undefined): string {
  if (raw === undefined) return '';
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    // GitHub's form encoding (payload=…) or not JSON at all: as it came.
    const payload = raw.startsWith('payload=') ? new URLSearchParams(raw).get('payload') : null;
    if (payload !== null) return pretty(payload);
    return raw;
  }
}

export function DeliveryDrawer({
  projectId,
  id,
  onClose,
}: {
  projectId: string;
  id: string | null;
  onClose: () => void;
}) {
  const delivery = useDelivery(projectId, id);
  const replay = useReplayDelivery(projectId);
  const d = delivery.data;

  return (
    <Drawer
      opened={id !== null}
      onClose={() => {
        replay.reset();
        onClose();
      }}
      position="right"
      size="xl"
      title={d ? `${PROVIDERS[d.provider]?.label ?? d.provider} · ${d.event}` : 'Delivery'}
    >
      {delivery.isError ? (
        <ErrorState error={delivery.error} what="the delivery" onRetry={() => void delivery.refetch()} />
      ) : !d ? (
        <Text c="dimmed">Loading…</Text>
      ) : (
        <Stack gap="md" data-testid="delivery-detail">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Group gap="xs">
                <Badge color={d.status === 'processed' ? 'teal' : 'red'} variant="light">
                  {d.status}
                </Badge>
                <Text size="sm">
                  {d.signalCount} signal{d.signalCount === 1 ? '' : 's'}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                Received {formatInstant(d.receivedAt, 'second')} · processed{' '}
                {formatInstant(d.processedAt, 'second')}
              </Text>
              <Text size="xs" c="dimmed">
                Delivery id <Code>{d.deliveryId}</Code>
              </Text>
            </Stack>
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              loading={replay.isPending}
              onClick={() => replay.mutate(d.id, { onSuccess: () => void delivery.refetch() })}
            >
              Replay
            </Button>
          </Group>
          {replay.isSuccess && (
            <Alert color="teal" title="Replayed" role="status">
              The stored body was parsed again and applied: {replay.data.status}, {replay.data.signalCount}{' '}
              signal
              {replay.data.signalCount === 1 ? '' : 's'}.
            </Alert>
          )}
          {replay.isError && (
            <Alert color="red" title="Replay failed" role="alert">
              {writeErrorMessage(replay.error, 'this delivery')}
            </Alert>
          )}
          {d.error && (
            <Alert color="red" title="Processing failed">
              {d.error}
            </Alert>
          )}
          <section aria-labelledby="delivery-headers">
            <Title order={3} size="h6" id="delivery-headers" mb={4}>
              Headers
            </Title>
            <Table withTableBorder fz="xs" verticalSpacing={4}>
              <Table.Tbody>
                {Object.entries(d.headers).map(([name, value]) => (
                  <Table.Tr key={name}>
                    <Table.Td ff="monospace" w="40%">
                      {name}
                    </Table.Td>
                    <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {value}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
          <section aria-labelledby="delivery-parsed">
            <Title order={3} size="h6" id="delivery-parsed" mb={4}>
              Parsed
            </Title>
            <Code block mah={320} style={{ overflow: 'auto' }} data-testid="delivery-parsed">
              {JSON.stringify(d.parsed ?? null, null, 2)}
            </Code>
          </section>
          <section aria-labelledby="delivery-body">
            <Title order={3} size="h6" id="delivery-body" mb={4}>
              Raw body
            </Title>
            <Code block mah={480} style={{ overflow: 'auto' }} data-testid="delivery-body">
              {pretty(d.rawBody)}
            </Code>
          </section>
        </Stack>
      )}
    </Drawer>
  );
}
