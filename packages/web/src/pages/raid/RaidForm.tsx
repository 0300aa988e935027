import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, describeError, raidEntries } from '../../api/index.ts';
import type { RaidEntry } from '../../api/types.ts';
import { IMPACT_CHOICES, PROBABILITY_CHOICES } from './heat-map.ts';

export type RaidKind = RaidEntry['kind'];

export const KIND_LABEL: Record<RaidKind, string> = {
  risk: 'Risk',
  assumption: 'Assumption',
  issue: 'Issue',
  dependency: 'Dependency',
  decision: 'Decision',
};

const STATUSES = ['open', 'in_progress', 'monitoring', 'closed'];

interface Draft {
  title: string;
  description: string;
  category: string | null;
  owner: string;
  status: string;
  dueDate: string;
  probability: string | null;
  impact: string | null;
  responseStrategy: string | null;
  decision: string;
}

function draftOf(row: RaidEntry | null): Draft {
  const probability = row?.probability ?? null;
  return {
    title: row?.title ?? '',
    description: row?.description ?? '',
    category: row?.category ?? null,
    owner: row?.owner ?? '',
    status: row?.status ?? 'open',
    dueDate: row?.dueDate ?? '',
    probability: row ? (probability === null ? null : String(probability)) : '0.4',
    impact: row ? (row.impact === null ? null : String(row.impact)) : '3',
    responseStrategy: row?.responseStrategy ?? null,
    decision: (row as (RaidEntry & { decision?: string | null }) | null)?.decision ?? '',
  };
}

/** Create or edit one RAID entry; the server's field errors are shown on the fields. */
export function RaidForm({
  projectId,
  kind,
  row,
  opened,
  onClose,
}: {
  projectId: string;
  kind: RaidKind;
  row: RaidEntry | null;
  opened: boolean;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(row));
  const create = raidEntries.useCreate(projectId);
  const patch = raidEntries.usePatch();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (opened) {
      setDraft(draftOf(row));
      setError(null);
    }
  }, [opened, row]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);
  const isRisk = kind === 'risk';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: Partial<RaidEntry> & Record<string, unknown> = {
      title: draft.title.trim(),
      description: draft.description.trim() || null,
      category: draft.category as RaidEntry['category'],
      owner: draft.owner.trim() || null,
      status: draft.status,
      dueDate: draft.dueDate || null,
    };
    if (isRisk) {
      body.probability = draft.probability === null ? null : Number(draft.probability);
      body.impact = draft.impact === null ? null : Number(draft.impact);
      body.responseStrategy = draft.responseStrategy;
    }
    if (kind === 'decision') body.decision = draft.decision.trim() || null;
    const done = { onSuccess: onClose, onError: setError };
    if (row) {
      const changed = Object.fromEntries(
        Object.entries(body).filter(([k, v]) => (row as unknown as Record<string, unknown>)[k] !== v),
      );
      patch.mutate({ row, patch: changed as Partial<RaidEntry> }, done);
    } else create.mutate({ ...body, kind } as Partial<RaidEntry>, done);
  };

  const title = `${row ? 'Edit' : 'New'} ${KIND_LABEL[kind].toLowerCase()}`;
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" radius="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Title"
            required
            data-autofocus
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={fieldError('title')}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={draft.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={fieldError('description')}
          />
          {isRisk && (
            <SimpleGrid cols={3}>
              <Select
                label="Probability"
                data={
                  draft.probability === null || PROBABILITY_CHOICES.some((c) => c.value === draft.probability)
                    ? PROBABILITY_CHOICES
                    : [
                        ...PROBABILITY_CHOICES,
                        {
                          value: draft.probability,
                          label: `${Math.round(Number(draft.probability) * 100)}%`,
                        },
                      ]
                }
                value={draft.probability}
                onChange={(v) => set('probability', v)}
                error={fieldError('probability')}
              />
              <Select
                label="Impact"
                data={
                  draft.impact === null || IMPACT_CHOICES.some((c) => c.value === draft.impact)
                    ? IMPACT_CHOICES
                    : [...IMPACT_CHOICES, { value: draft.impact, label: draft.impact }]
                }
                value={draft.impact}
                onChange={(v) => set('impact', v)}
                error={fieldError('impact')}
              />
              <Select
                label="Response"
                data={['avoid', 'mitigate', 'transfer', 'accept', 'escalate']}
                value={draft.responseStrategy}
                onChange={(v) => set('responseStrategy', v)}
                clearable
              />
            </SimpleGrid>
          )}
          {kind === 'decision' && (
            <Textarea
              label="Decision"
              autosize
              minRows={2}
              value={draft.decision}
              onChange={(e) => set('decision', e.currentTarget.value)}
            />
          )}
          <SimpleGrid cols={4}>
            <Select
              label="Category"
              data={[
                { value: 'business', label: 'Business' },
                { value: 'technical', label: 'Technical' },
              ]}
              value={draft.category}
              onChange={(v) => set('category', v)}
              clearable
            />
            <TextInput
              label="Owner"
              value={draft.owner}
              onChange={(e) => set('owner', e.currentTarget.value)}
            />
            <Select
              label="Status"
              data={STATUSES.map((s) => ({ value: s, label: s.replace('_', ' ') }))}
              value={draft.status}
              onChange={(v) => set('status', v ?? 'open')}
              allowDeselect={false}
            />
            <TextInput
              label="Due date"
              type="date"
              value={draft.dueDate}
              onChange={(e) => set('dueDate', e.currentTarget.value)}
              error={fieldError('dueDate')}
            />
          </SimpleGrid>
          {error !== null && !(error instanceof ApiError && error.errors.length > 0) && (
            <Alert color="red" role="alert">
              {describeError(error)}
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || patch.isPending}>
              {row ? 'Save' : `Add ${KIND_LABEL[kind].toLowerCase()}`}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
