// Requirements: functional and non-functional (by category), priority, acceptance criteria and
// traceability to work items — how many are covered by work, and how much of that work is done.
import '../work-shared/work-pages.css';
import {
  Badge,
  Group,
  List,
  Paper,
  Progress,
  RingProgress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { requirements, workItems } from '../../api/index.ts';
import type { Requirement } from '../../api/types.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { PageSkeleton } from '../work-shared/PageSkeleton.tsx';
import { statusColor } from '../work-shared/statuses.ts';

type Req = Requirement & {
  acceptanceCriteria?: string[];
  category?: string | null;
  description?: string | null;
};

const PRIORITY_COLOR: Record<string, string> = { must: 'red', should: 'orange', could: 'blue', wont: 'gray' };

export default function RequirementsPage() {
  const projectId = useProjectId();
  const list = requirements.useList(projectId);
  const items = workItems.useList(projectId);
  const [kind, setKind] = useState('all');
  const byId = useMemo(() => new Map((items.data ?? []).map((i) => [i.id, i])), [items.data]);

  if (list.isPending) return <PageSkeleton label="Loading requirements" />;
  if (list.isError)
    return <ErrorState error={list.error} what="the requirements" onRetry={() => void list.refetch()} />;
  const all = list.data as Req[];
  const isNfr = (r: Req) => r.kind !== null && r.kind !== 'functional';
  const rows = all.filter((r) => kind === 'all' || (kind === 'nfr' ? isNfr(r) : !isNfr(r)));
  const linked = (r: Req) =>
    (r.links?.workItemIds ?? []).map((id) => byId.get(id)).filter((x) => x !== undefined);
  const covered = all.filter((r) => linked(r).length > 0).length;
  const delivered = (r: Req) => {
    const l = linked(r);
    return l.length ? l.filter((i) => i.status === 'done').length / l.length : 0;
  };
  const coverage = all.length ? covered / all.length : 0;
  const doneShare = all.length ? all.reduce((s, r) => s + delivered(r), 0) / all.length : 0;

  return (
    <Stack gap="md">
      <PageHeader
        title="Requirements"
        description="What the product must do and how well, traced to the work that delivers it."
      >
        <SegmentedControl
          aria-label="Requirement type"
          size="xs"
          value={kind}
          onChange={setKind}
          data={[
            { value: 'all', label: `All (${all.length})` },
            { value: 'functional', label: 'Functional' },
            { value: 'nfr', label: 'Non-functional' },
          ]}
        />
      </PageHeader>
      {all.length === 0 ? (
        <Paper withBorder radius="lg">
          <EmptyState
            icon={IconChecklist}
            title="No requirements yet"
            description="Import them with the plan or add them through the API; each can link to the work items that deliver it."
          />
        </Paper>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Paper withBorder radius="lg" p="md">
              <Group>
                <RingProgress
                  size={72}
                  thickness={8}
                  roundCaps
                  sections={[{ value: coverage * 100, color: coverage >= 0.9 ? 'teal' : 'orange' }]}
                  label={
                    <Text ta="center" size="xs" fw={700}>
                      {Math.round(coverage * 100)}%
                    </Text>
                  }
                  aria-label={`Traceability coverage ${Math.round(coverage * 100)}%`}
                />
                <div>
                  <Text fw={600}>Traceability coverage</Text>
                  <Text size="sm" c="dimmed">
                    {covered} of {all.length} requirements have linked work
                  </Text>
                </div>
              </Group>
            </Paper>
            <Paper withBorder radius="lg" p="md">
              <Group>
                <RingProgress
                  size={72}
                  thickness={8}
                  roundCaps
                  sections={[{ value: doneShare * 100, color: 'indigo' }]}
                  label={
                    <Text ta="center" size="xs" fw={700}>
                      {Math.round(doneShare * 100)}%
                    </Text>
                  }
                  aria-label={`Delivered ${Math.round(doneShare * 100)}%`}
                />
                <div>
                  <Text fw={600}>Delivered</Text>
                  <Text size="sm" c="dimmed">
                    Share of linked work items done
                  </Text>
                </div>
              </Group>
            </Paper>
            <Paper withBorder radius="lg" p="md">
              <Text fw={600}>By type</Text>
              <Text size="sm" c="dimmed">
                {all.filter((r) => !isNfr(r)).length} functional · {all.filter(isNfr).length} non-functional
              </Text>
              <Text size="sm" c={all.length - covered ? 'red' : 'dimmed'} mt={4}>
                {all.length - covered
                  ? `${all.length - covered} without linked work`
                  : 'Every requirement is traced'}
              </Text>
            </Paper>
          </SimpleGrid>
          <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
            <Table className="tandem-work-table" verticalSpacing="sm" aria-label="Requirements">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>Key</Table.Th>
                  <Table.Th>Requirement and acceptance criteria</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Priority</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Linked work</Table.Th>
                  <Table.Th w={140}>Done</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const l = linked(r);
                  const d = delivered(r);
                  return (
                    <Table.Tr key={r.id} style={{ verticalAlign: 'top' }}>
                      <Table.Td>
                        <Text size="xs" ff="monospace" c="dimmed">
                          {r.key ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {r.title}
                        </Text>
                        {(r.acceptanceCriteria ?? []).length > 0 && (
                          <List size="xs" c="dimmed" mt={4} withPadding>
                            {(r.acceptanceCriteria ?? []).map((a) => (
                              <List.Item key={a}>{a}</List.Item>
                            ))}
                          </List>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={isNfr(r) ? 'grape' : 'indigo'} tt="none">
                          {isNfr(r)
                            ? `NFR${r.category ? ` · ${r.category}` : r.kind && r.kind !== 'non_functional' ? ` · ${r.kind}` : ''}`
                            : 'Functional'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {r.priority ? (
                          <Badge variant="outline" color={PRIORITY_COLOR[r.priority] ?? 'gray'}>
                            {r.priority}
                          </Badge>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.status}</Text>
                      </Table.Td>
                      <Table.Td>
                        {l.length ? (
                          <Group gap={4}>
                            {l.map((i) => (
                              <Tooltip key={i.id} label={`${i.name} — ${i.status}`}>
                                <Badge
                                  size="sm"
                                  variant="light"
                                  color={statusColor(i.status)}
                                  tt="none"
                                  ff="monospace"
                                >
                                  {i.key}
                                </Badge>
                              </Tooltip>
                            ))}
                          </Group>
                        ) : (
                          <Text size="xs" c="red">
                            Not traced
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Progress
                          value={d * 100}
                          size="sm"
                          color="teal"
                          aria-label={`${r.key ?? r.title}: ${Math.round(d * 100)}% of linked work done`}
                        />
                        <Text size="xs" c="dimmed" mt={2}>
                          {Math.round(d * 100)}%
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </Stack>
  );
}
