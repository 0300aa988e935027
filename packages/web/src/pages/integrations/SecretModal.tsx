// The one-time view of a webhook's secret (after "Add webhook" or "Rotate secret"): the payload URL,
// the secret, and how to set the sender up. Closing it is the last chance to copy the secret.
import { Alert, Button, Code, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CopyField } from './CopyField.tsx';
import type { HookWithSecret } from './integrations-api.ts';
import { PROVIDERS, setupSteps } from './providers.tsx';

export function SecretModal({
  hook,
  rotated,
  onClose,
}: {
  hook: HookWithSecret | null;
  rotated: boolean;
  onClose: () => void;
}) {
  const url = hook ? `${window.location.origin}${hook.url}` : '';
  const setup = hook ? setupSteps(hook.provider, url, hook.secret) : { steps: [] };
  const provider = hook ? PROVIDERS[hook.provider] : undefined;
  return (
    <Modal
      opened={hook !== null}
      onClose={onClose}
      size="xl"
      title={rotated ? `New secret for ${hook?.name ?? ''}` : `Webhook ${hook?.name ?? ''} is ready`}
      closeOnClickOutside={false}
    >
      {hook && provider && (
        <Stack gap="md" data-testid="hook-secret-panel">
          <Alert color="yellow" icon={<IconAlertTriangle />} title="Copy the secret now">
            This is the only time Tandem shows it.{' '}
            {rotated
              ? 'The old secret stopped working: update it at the sender.'
              : 'If it is lost, rotate the secret and configure the new one.'}
          </Alert>
          <CopyField label="Payload URL" value={url} testId="hook-url" />
          <CopyField
            label="Secret"
            value={hook.secret}
            testId="hook-secret"
            description={`${provider.label} proves each delivery with it: ${provider.auth}.`}
          />
          <div>
            <Text fw={600} size="sm" mb={4}>
              Set up {provider.label}
            </Text>
            <List type="ordered" size="sm" spacing={4}>
              {setup.steps.map((step) => (
                <List.Item key={step}>{step}</List.Item>
              ))}
            </List>
            {setup.snippet && (
              <Code block mt="sm" style={{ whiteSpace: 'pre', overflowX: 'auto' }}>
                {setup.snippet}
              </Code>
            )}
          </div>
          <Group justify="flex-end">
            <Button onClick={onClose}>I have saved the secret</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
