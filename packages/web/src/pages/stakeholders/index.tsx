// Stakeholders: the register (influence, interest, attitude, how we communicate, satisfaction) and
// the influence × interest grid.
import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { ApiError, stakeholders } from '../../api/index.ts';
import type { Stakeholder } from '../../api/types.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Panel } from '../../components/Panel.tsx';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { PageSkeleton } from '../work-shared/PageSkeleton.tsx';
import '../work-shared/work-pages.css';
import { QUADRANT, quadrantOf } from './quadrant.ts';

const ATTITUDE_COLOR: Record<string, string> = {
  supportive: 'teal',
  champion: 'teal',
  neutral: 'gray',
  resistant: 'red',
  sceptical: 'orange',
};
const DOT: Record<string, string> = { teal: '#12b886', gray: '#868e96', red: '#fa5252', orange: '#fd7e14' };

export default function StakeholdersPage() {
  const projectId = useProjectId();
  const list = stakeholders.useList(projectId);
  const [editing, setEditing] = useState<{ row: Stakeholder | null } | null>(null);

  const option = useMemo<EChartOption>(() => {
    const rows = (list.data ?? []).filter((s) => s.influence !== null && s.interest !== null);
    // Several people on one point: fan them out a little so each is visible.
    const seen = new Map<string, number>();
    const data = rows.map((s) => {
      const key = `${s.interest}:${s.influence}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const angle = n * 2.1;
      const r = n === 0 ? 0 : 0.18;
      return {
        name: s.name,
        value: [s.interest! + r * Math.cos(angle), s.influence! + r * Math.sin(angle)],
        label: { position: s.interest! >= 4 ? 'left' : 'right' },
        itemStyle: { color: DOT[ATTITUDE_COLOR[s.attitude ?? ''] ?? 'gray'] },
      };
    });
    return {
      grid: { left: 48, right: 16, top: 16, bottom: 44 },
      tooltip: { trigger: 'item', formatter: (p: { name: string }) => p.name },
      xAxis: {
        type: 'value',
        min: 0.5,
        max: 5.5,
        interval: 1,
        name: 'Interest',
        nameLocation: 'middle',
        nameGap: 28,
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        min: 0.5,
        max: 5.5,
        interval: 1,
        name: 'Influence',
        nameLocation: 'middle',
        nameGap: 30,
        splitLine: { show: false },
      },
      series: [
        {
          type: 'scatter',
          symbolSize: 16,
          data,
          label: {
            show: true,
            position: 'right',
            formatter: (p: { name: string }) => (p.name.length > 22 ? `${p.name.slice(0, 21)}…` : p.name),
            fontSize: 11,
          },
          markArea: {
            silent: true,
            label: { position: 'insideTopLeft', fontSize: 11, opacity: 0.7 },
            data: [
              [
                {
                  name: 'Keep satisfied',
                  xAxis: 0.5,
                  yAxis: 5.5,
                  itemStyle: { color: 'rgba(253,126,20,0.07)' },
                },
                { xAxis: 2.5, yAxis: 2.5 },
              ],
              [
                {
                  name: 'Manage closely',
                  xAxis: 2.5,
                  yAxis: 5.5,
                  itemStyle: { color: 'rgba(250,82,82,0.08)' },
                },
                { xAxis: 5.5, yAxis: 2.5 },
              ],
              [
                { name: 'Monitor', xAxis: 0.5, yAxis: 2.5, itemStyle: { color: 'rgba(134,142,150,0.06)' } },
                { xAxis: 2.5, yAxis: 0.5 },
              ],
              [
                {
                  name: 'Keep informed',
                  xAxis: 2.5,
                  yAxis: 2.5,
                  itemStyle: { color: 'rgba(76,110,245,0.07)' },
                },
                { xAxis: 5.5, yAxis: 0.5 },
              ],
            ],
          },
        },
      ],
    };
  }, [list.data]);

  if (list.isPending) return <PageSkeleton label="Loading stakeholders" columns={2} />;
  if (list.isError)
    return <ErrorState error={list.error} what="the stakeholders" onRetry={() => void list.refetch()} />;
  const rows = [...list.data].sort(
    (a, b) => (b.influence ?? 0) + (b.interest ?? 0) - (a.influence ?? 0) - (a.interest ?? 0),
  );

  return (
    <Stack gap="md">
      <PageHeader
        title="Stakeholders"
        description="Who cares about this project, how much say they have, and how we keep them informed."
      >
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ row: null })}>
          Add stakeholder
        </Button>
      </PageHeader>
      {rows.length === 0 ? (
        <Paper withBorder radius="lg">
          <EmptyState
            icon={IconUsers}
            title="No stakeholders yet"
            description="List the people and groups the project affects, with their influence and interest, to plan who hears what and when."
            action={<Button onClick={() => setEditing({ row: null })}>Add the first stakeholder</Button>}
          />
        </Paper>
      ) : (
        <div className="tandem-two-thirds">
          <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
            <Table
              className="tandem-work-table"
              highlightOnHover
              verticalSpacing="sm"
              aria-label="Stakeholder register"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Stakeholder</Table.Th>
                  <Table.Th title="Influence / interest, 1–5">Infl. / int.</Table.Th>
                  <Table.Th>Approach</Table.Th>
                  <Table.Th>Attitude</Table.Th>
                  <Table.Th>Communication</Table.Th>
                  <Table.Th>Satisf.</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((s) => {
                  const q = quadrantOf(s.influence, s.interest);
                  const last = s.satisfaction.at(-1);
                  return (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <Text
                          component="button"
                          type="button"
                          size="sm"
                          fw={500}
                          ta="left"
                          onClick={() => setEditing({ row: s })}
                          style={{
                            background: 'none',
                            border: 0,
                            padding: 0,
                            cursor: 'pointer',
                            color: 'inherit',
                          }}
                          aria-label={`Edit ${s.name}`}
                        >
                          {s.name}
                        </Text>
                        {s.title && (
                          <Text size="xs" c="dimmed">
                            {s.title}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text
                          size="sm"
                          aria-label={`Influence ${s.influence ?? 'unknown'}, interest ${s.interest ?? 'unknown'}`}
                        >
                          {s.influence ?? '—'} / {s.interest ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {q ? (
                          <Badge variant="light" color={QUADRANT[q].color} title={QUADRANT[q].advice}>
                            {QUADRANT[q].label}
                          </Badge>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td>
                        {s.attitude ? (
                          <Badge variant="dot" color={ATTITUDE_COLOR[s.attitude] ?? 'gray'} tt="none">
                            {s.attitude}
                          </Badge>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">
                          {s.communication
                            .map((c) => `${c.cadence} ${c.channel}${c.owner ? ` (${c.owner})` : ''}`)
                            .join('; ') || '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{last ? `${last.score} / 5` : '—'}</Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
          <Panel
            title="Influence and interest"
            description="Colour shows attitude: green supportive, grey neutral, red resistant."
          >
            <EChart
              option={option}
              height={380}
              label={`Influence and interest grid: ${rows.map((s) => `${s.name} influence ${s.influence ?? '?'}, interest ${s.interest ?? '?'}`).join('; ')}`}
            />
          </Panel>
        </div>
      )}
      <StakeholderForm
        projectId={projectId}
        row={editing?.row ?? null}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}

function StakeholderForm({
  projectId,
  row,
  opened,
  onClose,
}: {
  projectId: string;
  row: Stakeholder | null;
  opened: boolean;
  onClose: () => void;
}) {
  const create = stakeholders.useCreate(projectId);
  const patch = stakeholders.usePatch();
  const [draft, setDraft] = useState<{
    name: string;
    title: string;
    influence: number | string;
    interest: number | string;
    attitude: string | null;
  }>({
    name: '',
    title: '',
    influence: 3,
    interest: 3,
    attitude: null,
  });
  const [error, setError] = useState<unknown>(null);
  const [openedFor, setOpenedFor] = useState<string | null | undefined>(undefined);
  if (opened && openedFor !== (row?.id ?? null)) {
    setOpenedFor(row?.id ?? null);
    setDraft({
      name: row?.name ?? '',
      title: row?.title ?? '',
      influence: row?.influence ?? 3,
      interest: row?.interest ?? 3,
      attitude: row?.attitude ?? null,
    });
    setError(null);
  }
  const close = () => {
    setOpenedFor(undefined);
    onClose();
  };
  const fieldError = (p: string) => (error instanceof ApiError ? error.fieldMessage(p) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: Partial<Stakeholder> = {
      name: draft.name.trim(),
      title: draft.title.trim() || null,
      influence: draft.influence === '' ? null : Number(draft.influence),
      interest: draft.interest === '' ? null : Number(draft.interest),
      attitude: draft.attitude,
    };
    const done = { onSuccess: close, onError: setError };
    if (row) {
      const changed = Object.fromEntries(
        Object.entries(body).filter(([k, v]) => (row as unknown as Record<string, unknown>)[k] !== v),
      );
      patch.mutate({ row, patch: changed }, done);
    } else create.mutate(body, done);
  };
  return (
    <Modal opened={opened} onClose={close} title={row ? `Edit ${row.name}` : 'Add stakeholder'} radius="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Name"
            required
            data-autofocus
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            error={fieldError('name')}
          />
          <TextInput
            label="Role or team"
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
          />
          <SimpleGrid cols={3}>
            <NumberInput
              label="Influence (1–5)"
              min={1}
              max={5}
              value={draft.influence}
              onChange={(v) => setDraft({ ...draft, influence: v })}
              error={fieldError('influence')}
            />
            <NumberInput
              label="Interest (1–5)"
              min={1}
              max={5}
              value={draft.interest}
              onChange={(v) => setDraft({ ...draft, interest: v })}
              error={fieldError('interest')}
            />
            <Select
              label="Attitude"
              data={['supportive', 'neutral', 'resistant']}
              value={draft.attitude}
              onChange={(v) => setDraft({ ...draft, attitude: v })}
              clearable
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || patch.isPending}>
              {row ? 'Save' : 'Add'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
