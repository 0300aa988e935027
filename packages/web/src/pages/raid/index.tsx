// RAID log: risks, assumptions, issues, dependencies and decisions in tabs; create/edit in a form;
// risks on the 5×5 probability × impact heat map, whose cells filter the list.
import '../work-shared/work-pages.css';
import { Badge, Button, Group, Paper, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconX } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { raidEntries } from '../../api/index.ts';
import type { RaidEntry } from '../../api/types.ts';
import { formatDate, formatPercent } from '../../app/format.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { PageSkeleton } from '../work-shared/PageSkeleton.tsx';
import { HeatMapPanel, type CellRef } from './HeatMapPanel.tsx';
import { KIND_LABEL, RaidForm, type RaidKind } from './RaidForm.tsx';

const KINDS: RaidKind[] = ['risk', 'assumption', 'issue', 'dependency', 'decision'];
const PLURAL: Record<RaidKind, string> = {
  risk: 'Risks',
  assumption: 'Assumptions',
  issue: 'Issues',
  dependency: 'Dependencies',
  decision: 'Decisions',
};

function scoreColor(score: number | null): string {
  if (score === null) return 'gray';
  return score >= 16 ? 'red' : score >= 10 ? 'orange' : score >= 5 ? 'yellow' : 'teal';
}

export default function RaidPage() {
  const projectId = useProjectId();
  const list = raidEntries.useList(projectId);
  const [kind, setKind] = useState<RaidKind>('risk');
  const [basis, setBasis] = useState<'inherent' | 'residual'>('inherent');
  const [cell, setCell] = useState<CellRef | null>(null);
  const [editing, setEditing] = useState<{ row: RaidEntry | null } | null>(null);
  const onSelect = useCallback((c: CellRef | null) => setCell(c), []);

  const rows = useMemo(() => {
    const ofKind = (list.data ?? []).filter((r) => r.kind === kind);
    const filtered = kind === 'risk' && cell ? ofKind.filter((r) => cell.riskIds.includes(r.id)) : ofKind;
    return filtered.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.title.localeCompare(b.title));
  }, [list.data, kind, cell]);

  if (list.isPending) return <PageSkeleton label="Loading the RAID log" columns={2} />;
  if (list.isError)
    return <ErrorState error={list.error} what="the RAID log" onRetry={() => void list.refetch()} />;
  const count = (k: RaidKind) => (list.data ?? []).filter((r) => r.kind === k).length;

  const table = (
    <Paper withBorder radius="lg" p={0} style={{ overflow: 'hidden' }}>
      {cell && kind === 'risk' && (
        <Group justify="space-between" px="md" py="xs" bg="var(--mantine-color-default-hover)">
          <Text size="sm">
            Showing risks in <b>{cell.label}</b>
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconX size={14} />}
            onClick={() => setCell(null)}
          >
            Clear filter
          </Button>
        </Group>
      )}
      {rows.length === 0 ? (
        <EmptyState
          icon={IconAlertTriangle}
          title={`No ${PLURAL[kind].toLowerCase()} yet`}
          description={`Record ${PLURAL[kind].toLowerCase()} as they come up so the team and stakeholders see them.`}
          action={
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ row: null })}>
              Add {KIND_LABEL[kind].toLowerCase()}
            </Button>
          }
        />
      ) : (
        <Table
          className="tandem-work-table"
          highlightOnHover
          verticalSpacing="sm"
          horizontalSpacing="md"
          aria-label={PLURAL[kind]}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Title</Table.Th>
              {kind === 'risk' && <Table.Th>Probability</Table.Th>}
              {kind === 'risk' && <Table.Th>Impact</Table.Th>}
              {kind === 'risk' && <Table.Th>Score</Table.Th>}
              <Table.Th>Owner</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text
                    component="button"
                    type="button"
                    size="sm"
                    fw={500}
                    ta="left"
                    onClick={() => setEditing({ row: r })}
                    style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', color: 'inherit' }}
                    aria-label={`Edit ${r.title}`}
                  >
                    {r.title}
                  </Text>
                  <Group gap={6}>
                    {r.key && (
                      <Text size="xs" c="dimmed" ff="monospace">
                        {r.key}
                      </Text>
                    )}
                    {r.category && (
                      <Text size="xs" c="dimmed">
                        {r.category}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                {kind === 'risk' && <Table.Td>{formatPercent(r.probability)}</Table.Td>}
                {kind === 'risk' && <Table.Td>{r.impact ?? '—'}</Table.Td>}
                {kind === 'risk' && (
                  <Table.Td>
                    <Badge color={scoreColor(r.score)} variant="light">
                      {r.score ?? '—'}
                    </Badge>
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm">{r.owner ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={r.status === 'closed' ? 'gray' : 'indigo'}>
                    {r.status.replace('_', ' ')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(r.dueDate)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );

  return (
    <Stack gap="md">
      <PageHeader title="RAID log" description="Risks, assumptions, issues, dependencies and decisions.">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ row: null })}>
          New {KIND_LABEL[kind].toLowerCase()}
        </Button>
      </PageHeader>
      <Tabs value={kind} onChange={(v) => v && setKind(v as RaidKind)} keepMounted={false}>
        <Tabs.List>
          {KINDS.map((k) => (
            <Tabs.Tab
              key={k}
              value={k}
              rightSection={
                <Badge size="xs" variant="light" color="gray">
                  {count(k)}
                </Badge>
              }
            >
              {PLURAL[k]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {kind === 'risk' ? (
        <div className="tandem-two-thirds">
          <div style={{ minWidth: 0 }}>{table}</div>
          <div style={{ minWidth: 0 }}>
            <HeatMapPanel
              projectId={projectId}
              basis={basis}
              onBasis={setBasis}
              selected={cell}
              onSelect={onSelect}
            />
          </div>
        </div>
      ) : (
        table
      )}
      <RaidForm
        projectId={projectId}
        kind={editing?.row?.kind ?? kind}
        row={editing?.row ?? null}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
