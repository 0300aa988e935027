// The newest webhook deliveries (polled): when, from which sender, which event, processed or failed
// (with the error) and how many signals it gave. A row opens the delivery (headers, body, parse).
import { Badge, Button, Group, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconInbox, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '../../api/index.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Panel } from '../../components/Panel.tsx';
import { DeliveryDrawer } from './DeliveryDrawer.tsx';
import { formatInstant } from '../../app/format.ts';
import { type HookConfig, useDeliveries } from './integrations-api.ts';
import { PROVIDERS } from './providers.tsx';

export function DeliveriesPanel({ projectId, hooks }: { projectId: string; hooks: HookConfig[] }) {
  const deliveries = useDeliveries(projectId, true);
  const client = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const hookName = (id: string) => hooks.find((h) => h.id === id)?.name ?? 'deleted webhook';
  const rows = deliveries.data ?? [];

  return (
    <Panel
      id="deliveries"
      title="Recent deliveries"
      description="The last 50 deliveries, newest first. Open one to see what was sent and what Tandem made of it, or to replay it."
      action={
        <Button
          size="xs"
          variant="default"
          leftSection={<IconRefresh size={14} />}
          onClick={() => {
            void deliveries.refetch();
            void client.invalidateQueries({ queryKey: queryKeys.collection(projectId, 'hook-configs') });
          }}
        >
          Refresh
        </Button>
      }
    >
      {deliveries.isError ? (
        <ErrorState
          error={deliveries.error}
          what="the deliveries"
          onRetry={() => void deliveries.refetch()}
        />
      ) : deliveries.isPending ? (
        <Text c="dimmed" size="sm">
          Loading deliveries…
        </Text>
      ) : rows.length === 0 ? (
        <EmptyState
          compact
          icon={IconInbox}
          title="Nothing received yet"
          description="Deliveries show here as soon as a configured tool sends one (GitHub sends a ping when the webhook is added)."
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={6} highlightOnHover aria-label="Recent deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Received</Table.Th>
                <Table.Th>Sender</Table.Th>
                <Table.Th>Event</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Signals</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Table.Tr key={d.id} data-testid="delivery-row">
                  <Table.Td>
                    <UnstyledButton
                      onClick={() => setOpen(d.id)}
                      aria-label={`Open the ${d.event} delivery of ${formatInstant(d.receivedAt, 'second')}`}
                    >
                      <Text size="sm" c="var(--mantine-primary-color-filled)" td="underline">
                        {formatInstant(d.receivedAt, 'second')}
                      </Text>
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{PROVIDERS[d.provider]?.label ?? d.provider}</Text>
                    <Text size="xs" c="dimmed">
                      {hookName(d.hookId)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {d.event}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Badge color={d.status === 'processed' ? 'teal' : 'red'} variant="light">
                        {d.status}
                      </Badge>
                      {d.error && (
                        <Tooltip label={d.error} multiline maw={420}>
                          <Text size="xs" c="red" lineClamp={1} maw={280}>
                            {d.error}
                          </Text>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{d.signalCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <DeliveryDrawer projectId={projectId} id={open} onClose={() => setOpen(null)} />
    </Panel>
  );
}
