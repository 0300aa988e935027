import { Badge, Group, Paper, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { ErrorState } from '../../components/ErrorState.tsx';
import { formatBudget, formatObjective, formatRate } from './dora-format.ts';
import { useSloStatus } from './engineering-api.ts';
import type { Slo, SloStatus } from './engineering-types.ts';

const STATUS: Record<SloStatus['status'], { label: string; color: string }> = {
  healthy: { label: 'Healthy', color: 'teal' },
  at_risk: { label: 'At risk', color: 'orange' },
  exhausted: { label: 'Budget exhausted', color: 'red' },
  no_data: { label: 'No data yet', color: 'gray' },
};

/** Burning faster than 1× spends the budget before the window ends; 2× over the last day pages people. */
export function burnColor(rate: number): string {
  if (!Number.isFinite(rate)) return 'gray';
  return rate > 2 ? 'red' : rate > 1 ? 'orange' : 'teal';
}

export function budgetColor(remaining: number): string {
  return remaining <= 0 ? 'red' : remaining < 0.25 ? 'orange' : remaining < 0.5 ? 'yellow' : 'teal';
}

const fixed = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n >= 10 ? 0 : 1)}×` : '—');

/** One SLO: objective, uptime over its window, the error budget left (bar) and how fast it burns. */
export function SloCard({ projectId, slo }: { projectId: string; slo: Slo }) {
  const status = useSloStatus(projectId, slo.id);
  const s = status.data;
  const remaining = s && Number.isFinite(s.remaining) ? Math.max(0, Math.min(1, s.remaining)) : 0;
  const fast = s !== undefined && s.status !== 'no_data' && s.burnRateLastDay > 2;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-label={`SLO ${slo.name}`}
      data-slo-id={slo.id}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={600} size="sm">
            {slo.name}
          </Text>
          <Text size="xs" c="dimmed">
            {formatObjective(slo.objective)} over {slo.windowDays} days ·{' '}
            {slo.method === 'incidents' ? 'from incident downtime' : 'from measurements'}
            {slo.service ? ` · ${slo.service}` : ''}
          </Text>
        </div>
        {s && (
          <Badge color={STATUS[s.status].color} variant="light">
            {STATUS[s.status].label}
          </Badge>
        )}
      </Group>
      {status.isError ? (
        <ErrorState error={status.error} what="the SLO’s status" onRetry={() => void status.refetch()} />
      ) : !s ? (
        <Skeleton height={48} mt="sm" />
      ) : s.status === 'no_data' ? (
        <Text size="sm" c="dimmed" mt="sm">
          No measurements in the window yet.
        </Text>
      ) : (
        <Stack gap={6} mt="sm">
          <Group justify="space-between">
            <Text size="sm">
              Uptime <b className="tabular">{formatRate(s.uptime, 3)}</b>
            </Text>
            <Text size="sm">
              Error budget left{' '}
              <Text span fw={700} c={budgetColor(s.remaining)} className="tabular">
                {formatRate(Math.max(0, s.remaining))}
              </Text>
            </Text>
          </Group>
          <Progress
            value={Math.round(remaining * 1000) / 10}
            color={budgetColor(s.remaining)}
            size="lg"
            radius="xl"
            aria-label={`Error budget left for ${slo.name}`}
          />
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              Spent {formatBudget(s.spentMs)} of {formatBudget(s.budgetMs)}
            </Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                Burn rate
              </Text>
              <Badge size="sm" variant="light" color={burnColor(s.burnRate)} title="Over the window">
                {fixed(s.burnRate)}
              </Badge>
              <Badge
                size="sm"
                variant={fast ? 'filled' : 'light'}
                color={burnColor(s.burnRateLastDay)}
                title="Over the last day"
              >
                last day {fixed(s.burnRateLastDay)}
              </Badge>
              {fast && (
                <Text size="xs" c="red" fw={600}>
                  Burning fast
                </Text>
              )}
            </Group>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
