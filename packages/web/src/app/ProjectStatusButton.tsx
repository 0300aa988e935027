import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { usePatchProject } from '../api/projects.ts';
import type { Health, Project } from '../api/types.ts';

const OPTIONS: { value: Health; label: string }[] = [
  { value: 'green', label: 'On track' },
  { value: 'amber', label: 'At risk' },
  { value: 'red', label: 'Off track' },
];

/**
 * "Update status": set the project's RAG health and its reason. The form keeps the version it was opened
 * on, so an edit made meanwhile by someone else is caught (412) and resolved in the conflict dialog.
 */
export function ProjectStatusButton({ project }: { project: Project }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={open}>
        Update status
      </Button>
      {opened && <StatusForm project={project} onClose={close} />}
    </>
  );
}

function StatusForm({ project, onClose }: { project: Project; onClose: () => void }) {
  // The row as it was when the form opened: the base of the edit (its version goes in If-Match).
  const [base] = useState(project);
  const [health, setHealth] = useState<Health>(base.health ?? 'green');
  const [reason, setReason] = useState(base.healthReason ?? '');
  const patch = usePatchProject();

  const save = () => {
    const changes: Partial<Project> = {};
    if (health !== base.health) changes.health = health;
    if (reason.trim() !== (base.healthReason ?? '')) changes.healthReason = reason.trim() || null;
    if (Object.keys(changes).length === 0) return onClose();
    patch.mutate(
      { project: base, patch: changes },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            title: 'Status updated',
            message: `${saved.name} is ${OPTIONS.find((o) => o.value === saved.health)?.label.toLowerCase() ?? 'updated'}.`,
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>Update project status</Text>} size="md">
      <Stack gap="md">
        <div>
          <Text size="sm" fw={500} mb={6} id="health-label">
            Health
          </Text>
          <SegmentedControl
            aria-labelledby="health-label"
            fullWidth
            value={health}
            onChange={(v) => setHealth(v as Health)}
            data={OPTIONS}
            color={health === 'green' ? 'teal' : health === 'amber' ? 'yellow' : 'red'}
          />
        </div>
        <Textarea
          label="Reason"
          description="One or two sentences for the steering committee: what drives the status."
          autosize
          minRows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={save} loading={patch.isPending}>
            Save status
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
