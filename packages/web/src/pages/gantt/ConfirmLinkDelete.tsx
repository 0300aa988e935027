// Delete (or Backspace) on a link selected in the chart asks first: the link, its type, and what happens.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../api/errors.ts';
import { LINK_TYPE_NAMES } from '../../gantt/index.ts';
import type { Dependency } from './gantt-api.ts';
import type { useLinkEdits } from './useLinkEdits.ts';

export function ConfirmLinkDelete({
  dep,
  fromName,
  toName,
  edits,
  onClose,
}: {
  dep: Dependency | null;
  fromName: string;
  toName: string;
  edits: ReturnType<typeof useLinkEdits>;
  onClose: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <Modal opened={dep !== null} onClose={close} title="Delete this link?" size="md">
      {dep !== null && (
        <Stack gap="sm">
          <Text size="sm">
            The {LINK_TYPE_NAMES[dep.type]} link from <b>{fromName}</b> to <b>{toName}</b> is deleted; the
            schedule is recomputed without it.
          </Text>
          {error !== null && (
            <Alert color="red" variant="light" title="The link was not deleted">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              data-autofocus
              loading={edits.remove.isPending}
              onClick={() =>
                edits.remove.mutate(dep, { onSuccess: close, onError: (e) => setError(describeError(e)) })
              }
            >
              Delete link
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
