// MS Project's "Task Dependency" dialog: From and To, Type, Lag; Delete, OK, Cancel. Opened by double-clicking a
// link (or Enter on a selected one) and from the toolbar's Links menu. OK writes only what changed; a refused
// change (422) shows the server's message and keeps the dialog open.
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { describeError } from '../../api/errors.ts';
import { LINK_TYPE_NAMES } from '../../gantt/index.ts';
import type { Dependency, DependencyType } from './gantt-api.ts';
import type { PlanUnits } from './gantt-data.ts';
import { lagLabel, linkPatch, parseLag } from './link-lag.ts';
import type { useLinkEdits } from './useLinkEdits.ts';

const TYPES = (['FS', 'SS', 'FF', 'SF'] as const).map((t) => ({
  value: t,
  label: `${LINK_TYPE_NAMES[t]} (${t})`,
}));

export interface LinkDialogProps {
  /** the link to edit; null: closed */
  dep: Dependency | null;
  fromName: string;
  toName: string;
  units: PlanUnits;
  readOnly: boolean;
  edits: ReturnType<typeof useLinkEdits>;
  onClose: () => void;
}

/** The server names fields by their API path: say "Lag" as the dialog does. */
function readable(error: unknown): string {
  return describeError(error).replace(/\blag(Minutes|Percent)\b/g, 'Lag');
}

export function LinkDialog(p: LinkDialogProps) {
  return (
    <Modal opened={p.dep !== null} onClose={p.onClose} title="Task Dependency" size="md">
      {p.dep !== null && <LinkForm key={p.dep.id} {...p} dep={p.dep} />}
    </Modal>
  );
}

function LinkForm({
  dep,
  fromName,
  toName,
  units,
  readOnly,
  edits,
  onClose,
}: LinkDialogProps & { dep: Dependency }) {
  // the link as it was opened: OK writes on its version, so a change made meanwhile is a conflict (412)
  const [base] = useState(dep);
  const [type, setType] = useState<DependencyType>(dep.type);
  const [lag, setLag] = useState(() => lagLabel(dep, units));
  const [lagError, setLagError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = edits.save.isPending || edits.remove.isPending;

  const submit = () => {
    const parsed = parseLag(lag, units);
    if (!parsed.ok) return setLagError(parsed.message);
    const patch = linkPatch(base, type, parsed.value);
    if (Object.keys(patch).length === 0) return onClose();
    setError(null);
    edits.save.mutate({ dep: base, patch }, { onSuccess: onClose, onError: (e) => setError(readable(e)) });
  };
  const remove = () => {
    setError(null);
    edits.remove.mutate(base, { onSuccess: onClose, onError: (e) => setError(readable(e)) });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Group gap="xl" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0, flex: 1 }}>
            <Text size="xs" c="dimmed">
              From
            </Text>
            <Text fw={600} data-testid="link-from">
              {fromName}
            </Text>
          </div>
          <div style={{ minWidth: 0, flex: 1 }}>
            <Text size="xs" c="dimmed">
              To
            </Text>
            <Text fw={600} data-testid="link-to">
              {toName}
            </Text>
          </div>
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Type"
            data={TYPES}
            value={type}
            onChange={(v) => v !== null && setType(v as DependencyType)}
            allowDeselect={false}
            disabled={readOnly}
            data-autofocus
          />
          <TextInput
            label="Lag"
            description="Working days; also 4h, 1w, 50%"
            value={lag}
            onChange={(e) => {
              setLag(e.currentTarget.value);
              setLagError(null);
            }}
            error={lagError}
            disabled={readOnly}
          />
        </Group>
        {error !== null && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title="The link was not changed"
          >
            {error}
          </Alert>
        )}
        <Group justify="space-between" mt="xs">
          <Button
            variant="light"
            color="red"
            leftSection={<IconTrash size={14} />}
            onClick={remove}
            loading={edits.remove.isPending}
            disabled={readOnly || edits.save.isPending}
          >
            Delete
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={edits.save.isPending} disabled={readOnly || busy}>
              OK
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
