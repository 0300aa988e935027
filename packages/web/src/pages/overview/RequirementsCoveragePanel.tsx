import { Group, RingProgress, Stack, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import type { Requirement } from '../../api/types.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLink } from '../../components/PageLink.tsx';
import { Panel } from '../../components/Panel.tsx';

export interface Coverage {
  total: number;
  linked: number;
  tested: number;
  byPriority: { priority: string; total: number; linked: number }[];
}

type Links = { workItemIds?: string[]; tests?: string[] } | null;

/** How many requirements are linked to work and to tests, overall and by priority. */
export function coverageOf(list: readonly Requirement[]): Coverage {
  const active = list.filter((r) => r.status !== 'rejected' && r.status !== 'withdrawn');
  const linked = (r: Requirement) => ((r.links as Links)?.workItemIds?.length ?? 0) > 0;
  const groups = new Map<string, { total: number; linked: number }>();
  for (const r of active) {
    const g = groups.get(r.priority ?? 'unset') ?? { total: 0, linked: 0 };
    g.total += 1;
    if (linked(r)) g.linked += 1;
    groups.set(r.priority ?? 'unset', g);
  }
  const order = ['must', 'should', 'could', 'wont', 'unset'];
  return {
    total: active.length,
    linked: active.filter(linked).length,
    tested: active.filter((r) => ((r.links as Links)?.tests?.length ?? 0) > 0).length,
    byPriority: [...groups.entries()]
      .map(([priority, g]) => ({ priority, ...g }))
      .sort((a, b) => order.indexOf(a.priority) - order.indexOf(b.priority)),
  };
}

export function RequirementsCoveragePanel({
  projectId,
  requirements,
  error,
}: {
  projectId: string;
  requirements: Requirement[] | undefined;
  error: unknown;
}) {
  const c = coverageOf(requirements ?? []);
  const pct = c.total ? Math.round((c.linked / c.total) * 100) : 0;
  return (
    <Panel
      id="requirements-coverage"
      title="Requirements coverage"
      action={
        <PageLink projectId={projectId} page="requirements">
          Requirements
        </PageLink>
      }
    >
      {error ? (
        <ErrorState error={error} what="the requirements" />
      ) : !requirements ? null : c.total === 0 ? (
        <EmptyState
          compact
          icon={IconChecklist}
          title="No requirements yet"
          description="Capture requirements and link them to work items to track coverage."
        />
      ) : (
        <Group wrap="nowrap" align="center" gap="lg">
          <RingProgress
            size={112}
            thickness={10}
            roundCaps
            sections={[{ value: pct, color: pct === 100 ? 'teal' : 'tandem' }]}
            label={
              <Text ta="center" fw={700} size="lg" className="tabular">
                {pct}%
              </Text>
            }
            aria-label={`${pct}% of requirements linked to work`}
          />
          <Stack gap={4} style={{ flex: 1 }}>
            <Text size="sm">
              <b>{c.linked}</b> of {c.total} linked to work items
            </Text>
            <Text size="sm">
              <b>{c.tested}</b> with tests
            </Text>
            {c.byPriority.map((g) => (
              <Text key={g.priority} size="xs" c="dimmed">
                {g.priority}: {g.linked}/{g.total} covered
              </Text>
            ))}
          </Stack>
        </Group>
      )}
    </Panel>
  );
}
