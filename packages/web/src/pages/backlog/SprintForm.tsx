import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, describeError, sprints } from '../../api/index.ts';
import type { Sprint } from '../../api/types.ts';

/** Create or edit a sprint: name, goal, dates and capacity in points. */
export function SprintForm({
  projectId,
  row,
  opened,
  onClose,
}: {
  projectId: string;
  row: Sprint | null;
  opened: boolean;
  onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [goal, setGoal] = useState('');
  const [startDate, setStart] = useState('');
  const [finishDate, setFinish] = useState('');
  const [capacity, setCapacity] = useState<number | string>('');
  const [error, setError] = useState<unknown>(null);
  const create = sprints.useCreate(projectId);
  const patch = sprints.usePatch();
  useEffect(() => {
    if (!opened) return;
    setName(row?.name ?? '');
    setGoal(row?.goal ?? '');
    setStart(row?.startDate ?? '');
    setFinish(row?.finishDate ?? '');
    setCapacity(row?.capacityPoints ?? '');
    setError(null);
  }, [opened, row]);
  const fieldError = (p: string) => (error instanceof ApiError ? error.fieldMessage(p) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: Partial<Sprint> = {
      name: name.trim(),
      goal: goal.trim() || null,
      startDate: startDate || null,
      finishDate: finishDate || null,
      capacityPoints: capacity === '' ? null : Number(capacity),
    };
    const done = { onSuccess: onClose, onError: setError };
    if (row) {
      const changed = Object.fromEntries(
        Object.entries(body).filter(([k, v]) => (row as unknown as Record<string, unknown>)[k] !== v),
      );
      patch.mutate({ row, patch: changed }, done);
    } else create.mutate({ ...body, status: 'planned' }, done);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={row ? `Edit ${row.name}` : 'New sprint'} radius="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Name"
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError('name')}
          />
          <Textarea
            label="Goal"
            autosize
            minRows={2}
            value={goal}
            onChange={(e) => setGoal(e.currentTarget.value)}
          />
          <SimpleGrid cols={3}>
            <TextInput
              label="Start"
              type="date"
              value={startDate}
              onChange={(e) => setStart(e.currentTarget.value)}
              error={fieldError('startDate')}
            />
            <TextInput
              label="Finish"
              type="date"
              value={finishDate}
              onChange={(e) => setFinish(e.currentTarget.value)}
              error={fieldError('finishDate')}
            />
            <NumberInput
              label="Capacity (points)"
              min={0}
              value={capacity}
              onChange={setCapacity}
              error={fieldError('capacityPoints')}
            />
          </SimpleGrid>
          {error !== null && !(error instanceof ApiError && error.errors.length > 0) && (
            <Alert color="red" role="alert">
              {describeError(error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || patch.isPending}>
              {row ? 'Save' : 'Create sprint'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
