// Webhooks in: one row per sender configuration (provider, repository, active, secret hint, last
// delivery), "Add webhook", (de)activate, rotate the secret (shown once) and delete after a confirm.
// Writes carry the row's version (If-Match); a 412 reloads the list and says so.
import { ActionIcon, Alert, Button, Code, Group, Switch, Table, Text, Tooltip } from '@mantine/core';
import { IconKey, IconPlus, IconTrash, IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Panel } from '../../components/Panel.tsx';
import { AddWebhookModal } from './AddWebhookModal.tsx';
import { ConfirmModal } from './ConfirmModal.tsx';
import { formatInstant } from '../../app/format.ts';
import {
  type HookConfig,
  type HookWithSecret,
  useDeleteHook,
  useHookConfigs,
  usePatchHook,
} from './integrations-api.ts';
import { PROVIDERS } from './providers.tsx';
import { SecretModal } from './SecretModal.tsx';
import { writeErrorMessage } from './write-error.ts';

export function WebhooksPanel({ projectId }: { projectId: string }) {
  const hooks = useHookConfigs(projectId);
  const patch = usePatchHook(projectId);
  const remove = useDeleteHook(projectId);
  const [adding, setAdding] = useState(false);
  const [revealed, setRevealed] = useState<{ hook: HookWithSecret; rotated: boolean } | null>(null);
  const [deleting, setDeleting] = useState<HookConfig | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const change = (hook: HookConfig, body: { active?: boolean; rotateSecret?: boolean }) => {
    setProblem(null);
    patch.mutate(
      { hook, patch: body },
      {
        onSuccess: (row) => {
          if (row.secret) setRevealed({ hook: { ...row, secret: row.secret }, rotated: true });
        },
        onError: (e) => setProblem(writeErrorMessage(e, `the webhook “${hook.name}”`)),
      },
    );
  };

  const rows = hooks.data ?? [];
  return (
    <Panel
      id="webhooks"
      title="Webhooks"
      description="Commits, pull requests, builds, deployments and alerts sent to Tandem by your tools: they feed DORA, CI health and incidents."
      action={
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
          Add webhook
        </Button>
      }
    >
      {problem && (
        <Alert color="red" mb="sm" withCloseButton onClose={() => setProblem(null)} role="alert">
          {problem}
        </Alert>
      )}
      {hooks.isError ? (
        <ErrorState error={hooks.error} what="the webhooks" onRetry={() => void hooks.refetch()} />
      ) : hooks.isPending ? (
        <Text c="dimmed" size="sm">
          Loading webhooks…
        </Text>
      ) : rows.length === 0 ? (
        <EmptyState
          compact
          icon={IconWebhook}
          title="No webhooks yet"
          description="Add one for GitHub, GitLab, Jenkins, CircleCI or your alerting, and paste its URL and secret there."
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" highlightOnHover aria-label="Webhooks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sender</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Repository</Table.Th>
                <Table.Th>Active</Table.Th>
                <Table.Th>Secret</Table.Th>
                <Table.Th>Last delivery</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((hook) => {
                const info = PROVIDERS[hook.provider];
                const Icon = info.icon;
                return (
                  <Table.Tr key={hook.id} data-testid={`hook-${hook.name}`}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Icon size={18} aria-hidden style={{ flexShrink: 0 }} />
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {info.label}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {hook.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={hook.repository ? undefined : 'dimmed'}>
                        {hook.repository ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        checked={hook.active}
                        onChange={(e) => change(hook, { active: e.currentTarget.checked })}
                        aria-label={`${hook.active ? 'Deactivate' : 'Activate'} ${hook.name}`}
                        label={hook.active ? 'Active' : 'Paused'}
                        size="sm"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Code title="The secret’s last four characters" style={{ whiteSpace: 'nowrap' }}>
                        ••••{hook.secretHint}
                      </Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={hook.lastDeliveryAt ? undefined : 'dimmed'}>
                        {hook.lastDeliveryAt ? formatInstant(hook.lastDeliveryAt, 'second') : 'Never'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label="Rotate secret">
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            onClick={() => change(hook, { rotateSecret: true })}
                            aria-label={`Rotate the secret of ${hook.name}`}
                            loading={
                              patch.isPending &&
                              patch.variables?.hook.id === hook.id &&
                              patch.variables.patch.rotateSecret
                            }
                          >
                            <IconKey size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label="Delete">
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => setDeleting(hook)}
                            aria-label={`Delete ${hook.name}`}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddWebhookModal
        projectId={projectId}
        opened={adding}
        onClose={() => setAdding(false)}
        onCreated={(hook) => setRevealed({ hook, rotated: false })}
      />
      <SecretModal
        hook={revealed?.hook ?? null}
        rotated={revealed?.rotated ?? false}
        onClose={() => setRevealed(null)}
      />
      <ConfirmModal
        opened={deleting !== null}
        title="Delete webhook?"
        confirmLabel="Delete webhook"
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const hook = deleting;
          remove.mutate(hook, {
            onSuccess: () => setDeleting(null),
            onError: (e) => {
              setDeleting(null);
              setProblem(writeErrorMessage(e, `the webhook “${hook.name}”`));
            },
          });
        }}
      >
        “{deleting?.name}” stops accepting deliveries at once, and its delivery log is deleted. The signals it
        brought in (deployments, CI runs, incidents) stay.
      </ConfirmModal>
    </Panel>
  );
}
