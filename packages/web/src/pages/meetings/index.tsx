// Meetings: stand-ups, status meetings and gate reviews with their notes and decisions, and the
// action items they agreed — each of which can become a work item of the plan in one click.
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../api/index.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import {
  type ActionItem,
  type Meeting,
  actionItems,
  meetings,
  useConvertActionItem,
} from './meetings-api.ts';

const KINDS = [
  { value: 'standup', label: 'Stand-up' },
  { value: 'status', label: 'Status meeting' },
  { value: 'gate_review', label: 'Gate review' },
];

function NewMeeting({ projectId }: { projectId: string }) {
  const create = meetings.useCreate(projectId);
  const [kind, setKind] = useState('standup');
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [notes, setNotes] = useState('');
  return (
    <Paper withBorder radius="lg" p="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          New meeting
        </Title>
        <Group grow align="flex-start">
          <Select
            label="Kind"
            data={KINDS}
            value={kind}
            allowDeselect={false}
            onChange={(v) => v && setKind(v)}
          />
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <TextInput
            label="Date"
            type="date"
            value={heldOn}
            onChange={(e) => setHeldOn(e.currentTarget.value)}
          />
        </Group>
        <Textarea
          label="Notes"
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group>
          <Button
            disabled={!title.trim() || !heldOn}
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                { kind: kind as Meeting['kind'], title, heldOn, notes: notes || null },
                { onSuccess: () => (setTitle(''), setNotes('')) },
              )
            }
          >
            Add meeting
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ActionItems({
  projectId,
  meeting,
  items,
}: {
  projectId: string;
  meeting: Meeting;
  items: ActionItem[];
}) {
  const create = actionItems.useCreate(projectId);
  const convert = useConvertActionItem(projectId);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        Action items
      </Text>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          None.
        </Text>
      )}
      {items.map((item) => (
        <Group key={item.id} justify="space-between" wrap="nowrap" data-testid="action-item">
          <Text size="sm">
            {item.text}
            {item.owner ? ` — ${item.owner}` : ''}
            {item.dueDate ? ` (due ${item.dueDate})` : ''}
          </Text>
          {item.status === 'converted' ? (
            <Badge color="teal" variant="light">
              Work item
            </Badge>
          ) : (
            <Button
              size="compact-sm"
              variant="light"
              loading={convert.isPending && convert.variables?.id === item.id}
              onClick={() => {
                setProblem(null);
                convert.mutate(item, { onError: (e) => setProblem(describeError(e)) });
              }}
            >
              Make a work item
            </Button>
          )}
        </Group>
      ))}
      {problem && <Alert color="red">{problem}</Alert>}
      <Group gap="xs">
        <TextInput
          aria-label={`New action item for ${meeting.title}`}
          placeholder="New action item"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          size="sm"
          variant="default"
          disabled={!text.trim()}
          onClick={() => create.mutate({ meetingId: meeting.id, text }, { onSuccess: () => setText('') })}
        >
          Add
        </Button>
      </Group>
    </Stack>
  );
}

export default function MeetingsPage() {
  const projectId = useProjectId();
  const list = meetings.useList(projectId);
  const items = actionItems.useList(projectId);
  if (list.isError) return <ErrorState error={list.error} what="meetings" />;
  const rows = [...(list.data ?? [])].sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  return (
    <Stack gap="md">
      <PageHeader
        title="Meetings"
        description="Stand-ups, status meetings and gate reviews, and what they agreed."
      />
      <NewMeeting projectId={projectId} />
      {list.isSuccess && rows.length === 0 && <EmptyState title="No meetings yet" />}
      {rows.map((m) => (
        <Paper key={m.id} withBorder radius="lg" p="md" data-testid={`meeting-${m.title}`}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3} size="h5">
                {m.title}
              </Title>
              <Group gap="xs">
                <Badge variant="light">{KINDS.find((k) => k.value === m.kind)?.label ?? m.kind}</Badge>
                <Text size="sm" c="dimmed">
                  {m.heldOn}
                </Text>
              </Group>
            </Group>
            {m.agenda.length > 0 && <Text size="sm">Agenda: {m.agenda.join(' · ')}</Text>}
            {m.notes && <Text size="sm">{m.notes}</Text>}
            {m.decisions.length > 0 && (
              <Text size="sm">
                <b>Decisions:</b> {m.decisions.join('; ')}
              </Text>
            )}
            <ActionItems
              projectId={projectId}
              meeting={m}
              items={(items.data ?? []).filter((i) => i.meetingId === m.id)}
            />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
