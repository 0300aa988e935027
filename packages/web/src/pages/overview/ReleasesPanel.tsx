import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { releases } from '../../api/collections.ts';
import { useEngineeringState } from '../../api/engineering-state.ts';
import { describeError } from '../../api/errors.ts';
import { formatDate } from '../../app/format.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { EngineeringStatePopover } from '../../components/EngineeringStatePopover.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Panel } from '../../components/Panel.tsx';

const STATUS_COLOR: Record<string, string> = {
  planned: 'gray',
  in_progress: 'blue',
  released: 'teal',
  rolled_back: 'red',
  cancelled: 'gray',
};

/** Upcoming and recent releases with their cutover readiness and engineering state. */
export function ReleasesPanel({ projectId }: { projectId: string }) {
  const list = releases.useList(projectId);
  const engineering = useEngineeringState(projectId);
  const stateOf = new Map((engineering.data?.releases ?? []).map((r) => [r.id, r]));
  const rows = [...(list.data ?? [])].sort((a, b) =>
    (a.plannedDate ?? '9999').localeCompare(b.plannedDate ?? '9999'),
  );
  return (
    <Panel id="releases" title="Releases">
      {list.isError ? (
        <ErrorState error={list.error} what="the releases" />
      ) : list.isPending ? null : rows.length === 0 ? (
        <EmptyState
          compact
          icon={IconRocket}
          title="No releases planned"
          description="Plan releases with their cutover checklist and rollback plan."
        />
      ) : (
        <Stack gap="md">
          {engineering.isError && (
            <Text size="xs" c="dimmed">
              Engineering state unavailable: {describeError(engineering.error)}
            </Text>
          )}
          {rows.map((r) => {
            const done = r.cutoverChecklist.filter((c) => c.done).length;
            const total = r.cutoverChecklist.length;
            const state = stateOf.get(r.id);
            return (
              <div key={r.id} data-release={r.id}>
                <Group justify="space-between" wrap="nowrap">
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} lineClamp={1}>
                      {r.name}
                    </Text>
                    {r.tag && (
                      <Text size="xs" c="dimmed" ff="monospace">
                        {r.tag}
                      </Text>
                    )}
                  </Group>
                  <Group gap={6} wrap="nowrap">
                    <Text size="xs" c="dimmed" className="tabular">
                      {formatDate(r.actualDate ?? r.plannedDate)}
                    </Text>
                    <Badge size="xs" variant="light" color={STATUS_COLOR[r.status] ?? 'gray'}>
                      {r.status.replace('_', ' ')}
                    </Badge>
                  </Group>
                </Group>
                {total > 0 && (
                  <Group gap="xs" mt={4} wrap="nowrap">
                    <Progress
                      value={(done / total) * 100}
                      size="xs"
                      style={{ flex: 1 }}
                      aria-label={`Cutover checklist ${done} of ${total}`}
                    />
                    <Text size="xs" c="dimmed" className="tabular">
                      {done}/{total} cutover checks
                    </Text>
                  </Group>
                )}
                {state && (
                  <div style={{ marginTop: 6 }}>
                    <EngineeringStatePopover state={state} name={r.name} />
                  </div>
                )}
              </div>
            );
          })}
        </Stack>
      )}
    </Panel>
  );
}
