// Change requests: the list, and the selected request's detail (impact, sign-offs, approval).
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconGitPullRequest, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ApiError, changeRequests, useProject } from '../../api/index.ts';
import { formatMoney, formatWorkDuration } from '../../app/format.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { PageSkeleton } from '../work-shared/PageSkeleton.tsx';
import '../work-shared/work-pages.css';
import { ChangeDetail } from './ChangeDetail.tsx';
import { CR_STATUS_COLOR, type ChangeRequestFull } from './governance.ts';

export default function ChangesPage() {
  const projectId = useProjectId();
  const project = useProject(projectId);
  const list = changeRequests.useList(projectId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  if (list.isPending) return <PageSkeleton label="Loading change requests" columns={2} />;
  if (list.isError)
    return <ErrorState error={list.error} what="the change requests" onRetry={() => void list.refetch()} />;
  const rows = list.data as ChangeRequestFull[];
  const selected = rows.find((r) => r.id === selectedId) ?? rows[0] ?? null;
  const perDay = project.data?.units.minutesPerDay ?? 480;

  return (
    <Stack gap="md">
      <PageHeader
        title="Change requests"
        description="Scope, schedule and cost changes: analysed, signed off by the PM and TPM, then applied."
      >
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          New change request
        </Button>
      </PageHeader>
      {rows.length === 0 ? (
        <Paper withBorder radius="lg">
          <EmptyState
            icon={IconGitPullRequest}
            title="No change requests"
            description="When someone asks for more scope, a later date or more money, record it here so its impact is analysed and signed off."
            action={<Button onClick={() => setCreating(true)}>Raise a change request</Button>}
          />
        </Paper>
      ) : (
        <div className="tandem-raid-layout">
          <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
            <Table
              className="tandem-work-table"
              highlightOnHover
              verticalSpacing="sm"
              aria-label="Change requests"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Request</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th ta="right">Schedule</Table.Th>
                  <Table.Th ta="right">Cost</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr
                    key={r.id}
                    bg={r.id === selected?.id ? 'var(--mantine-primary-color-light)' : undefined}
                  >
                    <Table.Td>
                      <Text
                        component="button"
                        type="button"
                        size="sm"
                        fw={500}
                        ta="left"
                        aria-current={r.id === selected?.id}
                        onClick={() => setSelectedId(r.id)}
                        style={{
                          background: 'none',
                          border: 0,
                          padding: 0,
                          cursor: 'pointer',
                          color: 'inherit',
                        }}
                      >
                        {r.title}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {r.key}
                        {r.requester ? ` · ${r.requester}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={CR_STATUS_COLOR[r.status] ?? 'gray'}>
                        {r.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">
                        {r.scheduleImpactMinutes === null
                          ? '—'
                          : `+${formatWorkDuration(r.scheduleImpactMinutes, perDay)}`}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{formatMoney(r.costImpactAmount, project.data?.currency)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          {selected && <ChangeDetail key={selected.id} projectId={projectId} cr={selected} />}
        </div>
      )}
      <NewChangeRequest
        projectId={projectId}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={setSelectedId}
      />
    </Stack>
  );
}

function NewChangeRequest({
  projectId,
  opened,
  onClose,
  onCreated,
}: {
  projectId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const create = changeRequests.useCreate(projectId);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [requester, setRequester] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        title: title.trim(),
        description: description.trim() || null,
        requester: requester.trim() || null,
        status: 'submitted',
      },
      {
        onSuccess: (row) => {
          onCreated(row.id);
          setTitle('');
          setDescription('');
          setRequester('');
          onClose();
        },
      },
    );
  };
  const fieldError = (p: string) =>
    create.error instanceof ApiError ? create.error.fieldMessage(p) : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title="New change request" radius="lg" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Title"
            required
            data-autofocus
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError('title')}
          />
          <Textarea
            label="What changes, and why"
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <TextInput
            label="Requested by"
            value={requester}
            onChange={(e) => setRequester(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Submit
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
