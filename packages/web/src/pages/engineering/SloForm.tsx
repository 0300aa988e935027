import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../../api/index.ts';
import { useCreateSlo } from './engineering-api.ts';

/** A new SLO: name, objective in percent, window in days, and what it is measured from. */
export function SloForm({ projectId, onDone }: { projectId: string; onDone?: () => void }) {
  const create = useCreateSlo(projectId);
  const [name, setName] = useState('');
  const [objective, setObjective] = useState<number | string>(99.9);
  const [windowDays, setWindowDays] = useState<number | string>(30);
  const [method, setMethod] = useState<'incidents' | 'samples'>('incidents');
  const percent = Number(objective);
  const days = Number(windowDays);
  const valid =
    name.trim().length > 0 &&
    Number.isFinite(percent) &&
    percent > 0 &&
    percent < 100 &&
    Number.isInteger(days) &&
    days >= 1 &&
    days <= 365;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    create.mutate(
      { name: name.trim(), objective: Math.round(percent * 1000) / 100_000, windowDays: days, method },
      {
        onSuccess: () => {
          setName('');
          onDone?.();
        },
      },
    );
  };

  const error = create.error;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <form onSubmit={submit} aria-label="Add an SLO">
      <Stack gap="sm">
        {error && (
          <Alert
            color={forbidden ? 'gray' : 'red'}
            icon={forbidden ? <IconLock size={18} /> : undefined}
            title={forbidden ? 'You cannot add SLOs to this project' : 'Could not add the SLO'}
            role="alert"
          >
            {forbidden ? 'Adding an SLO needs plan rights (owner, admin, PM or TPM). ' : ''}
            {describeError(error)}
          </Alert>
        )}
        <TextInput
          label="Name"
          placeholder="Payments API availability"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={200}
        />
        <Group grow align="flex-start">
          <NumberInput
            label="Objective (%)"
            required
            min={50}
            max={99.999}
            step={0.1}
            decimalScale={3}
            value={objective}
            onChange={setObjective}
            error={Number.isFinite(percent) && percent > 0 && percent < 100 ? undefined : 'Between 0 and 100'}
          />
          <NumberInput
            label="Window (days)"
            required
            min={1}
            max={365}
            allowDecimal={false}
            value={windowDays}
            onChange={setWindowDays}
          />
          <Select
            label="Measured from"
            value={method}
            onChange={(v) => setMethod(v === 'samples' ? 'samples' : 'incidents')}
            data={[
              { value: 'incidents', label: 'Incidents' },
              { value: 'samples', label: 'Measurements' },
            ]}
            allowDeselect={false}
          />
        </Group>
        <Group justify="flex-end" gap="sm">
          {onDone && (
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          )}
          <Button
            type="submit"
            leftSection={<IconPlus size={16} />}
            loading={create.isPending}
            disabled={!valid}
          >
            Add SLO
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
