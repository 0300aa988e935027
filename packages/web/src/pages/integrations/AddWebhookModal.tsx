// "Add webhook": the sender, a name, the repository (GitHub/GitLab) and, optionally, one's own secret.
// On success the parent shows the one-time secret panel.
import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, describeError } from '../../api/index.ts';
import { type HookProvider, type HookWithSecret, useCreateHook } from './integrations-api.ts';
import { PROVIDERS, PROVIDER_ORDER } from './providers.tsx';

const OPTIONS = PROVIDER_ORDER.map((p) => ({ value: p, label: PROVIDERS[p].label }));

export function AddWebhookModal({
  projectId,
  opened,
  onClose,
  onCreated,
}: {
  projectId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (hook: HookWithSecret) => void;
}) {
  const create = useCreateHook(projectId);
  const [provider, setProvider] = useState<HookProvider>('github');
  const [name, setName] = useState('');
  const [repository, setRepository] = useState('');
  const [secret, setSecret] = useState('');
  const info = PROVIDERS[provider];
  const error = create.error;
  const field = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);
  const secretTooShort = secret !== '' && secret.length < 16;
  const defaultName = `${info.label}${info.hasRepository && repository.trim() ? ` — ${repository.trim()}` : ''}`;

  const close = () => {
    create.reset();
    setName('');
    setRepository('');
    setSecret('');
    onClose();
  };
  const submit = () => {
    if (secretTooShort) return;
    create.mutate(
      {
        provider,
        name: name.trim() || defaultName,
        ...(info.hasRepository && repository.trim() ? { repository: repository.trim() } : {}),
        ...(secret ? { secret } : {}),
      },
      {
        onSuccess: (hook) => {
          close();
          onCreated(hook);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Add webhook" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Select
            label="Sender"
            data={OPTIONS}
            value={provider}
            onChange={(v) => v && setProvider(v as HookProvider)}
            allowDeselect={false}
            data-autofocus
          />
          <Text size="xs" c="dimmed">
            {info.gives}. Authenticated by {info.auth}.
          </Text>
          <TextInput
            label="Name"
            placeholder={defaultName}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={field('name')}
            maxLength={200}
          />
          {info.hasRepository && (
            <TextInput
              label="Repository"
              description={
                provider === 'github'
                  ? 'owner/name, as in the repository’s URL'
                  : 'group/project, as in the project’s URL'
              }
              placeholder={provider === 'github' ? 'acme/payments' : 'acme/platform/payments'}
              value={repository}
              onChange={(e) => setRepository(e.currentTarget.value)}
              error={field('repository')}
              maxLength={300}
            />
          )}
          <PasswordInput
            label="Own secret (optional)"
            description="Leave empty and Tandem makes a strong random one. At least 16 characters."
            value={secret}
            onChange={(e) => setSecret(e.currentTarget.value)}
            error={secretTooShort ? 'At least 16 characters' : field('secret')}
            autoComplete="new-password"
          />
          {error && !field('name') && !field('repository') && !field('secret') && (
            <Alert
              color="red"
              title={
                error instanceof ApiError && error.status === 403
                  ? 'Not allowed'
                  : 'Could not add the webhook'
              }
            >
              {describeError(error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add webhook
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
