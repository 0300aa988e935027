import type { ReactNode } from 'react';
import {
  Badge,
  Card,
  Divider,
  Group,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconFlag, IconGitPullRequest, IconHandStop } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useProjectSummary } from '../../api/projects.ts';
import type { Project } from '../../api/types.ts';
import { formatDate, formatMoney, formatPercent } from '../../app/format.ts';
import { HealthBadge } from '../../components/HealthBadge.tsx';
import {
  BUDGET_LABEL,
  BUDGET_TONE,
  TONE_COLOR,
  varianceLabel,
  varianceTone,
} from '../../components/status.ts';

/** One project on the portfolio: health and its reason, next milestone, forecast finish, budget. */
export function ProjectCard({ project: p }: { project: Project }) {
  const summary = useProjectSummary(p.id);
  const s = summary.data;
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      renderRoot={(props) => <Link to="/projects/$projectId" params={{ projectId: p.id }} {...props} />}
      aria-label={`${p.name}: ${p.health ?? 'no'} health. Open project`}
      className="project-card"
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h4" lineClamp={1}>
              {p.name}
            </Title>
            <Group gap={6} mt={4}>
              {p.phase && (
                <Badge size="xs" variant="light" color="gray">
                  {p.phase}
                </Badge>
              )}
              {p.methodology && (
                <Badge size="xs" variant="outline" color="gray">
                  {p.methodology}
                </Badge>
              )}
            </Group>
          </div>
          <div style={{ flexShrink: 0 }}>
            <HealthBadge health={p.health} reason={p.healthReason} />
          </div>
        </Group>
        <Text size="sm" c="dimmed" lineClamp={2} mih={40}>
          {p.healthReason ?? 'No health reason recorded yet.'}
        </Text>
        {!s ? (
          <Skeleton h={92} radius="md" />
        ) : (
          <>
            <div>
              <Group justify="space-between" mb={4}>
                <Text size="xs" c="dimmed">
                  Complete
                </Text>
                <Text size="xs" fw={600} className="tabular">
                  {formatPercent(s.schedule.percentComplete)}
                </Text>
              </Group>
              <Progress value={s.schedule.percentComplete * 100} size="sm" aria-label="Percent complete" />
            </div>
            <SimpleGrid cols={3} spacing="md">
              <Fact label="Next milestone">
                {s.nextMilestone ? (
                  <>
                    <Text size="sm" fw={600} lineClamp={1} title={s.nextMilestone.name}>
                      {s.nextMilestone.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDate(s.nextMilestone.date)}{' '}
                      <Text span size="xs" c={TONE_COLOR[varianceTone(s.nextMilestone.varianceDays)]}>
                        · {varianceLabel(s.nextMilestone.varianceDays)}
                      </Text>
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    None open
                  </Text>
                )}
              </Fact>
              <Fact label="Forecast finish">
                <Text size="sm" fw={600}>
                  {formatDate(s.schedule.finish)}
                </Text>
                <Text size="xs" c={TONE_COLOR[varianceTone(s.schedule.finishVarianceDays)]}>
                  {varianceLabel(s.schedule.finishVarianceDays)}
                </Text>
              </Fact>
              <Fact label="Budget">
                <Tooltip label={s.budget.reason} multiline w={300}>
                  <Text size="sm" fw={600} className="tabular">
                    {formatMoney(s.budget.forecast ?? s.budget.budget, s.currency)}
                    <Text span size="xs" c="dimmed" fw={400}>
                      {s.budget.forecast !== null ? ' forecast' : ' budget'}
                    </Text>
                  </Text>
                </Tooltip>
                <Text size="xs" c={TONE_COLOR[BUDGET_TONE[s.budget.state]]}>
                  {BUDGET_LABEL[s.budget.state]}
                  {s.budget.forecast !== null && s.budget.budget
                    ? ` · of ${formatMoney(s.budget.budget, s.currency)}`
                    : ''}
                </Text>
              </Fact>
            </SimpleGrid>
            <Divider />
            <Group gap="lg">
              <Count icon={<IconAlertTriangle size={14} />} n={s.counts.openRisks} label="open risks" />
              <Count icon={<IconFlag size={14} />} n={s.counts.openIssues} label="open issues" />
              <Count
                icon={<IconGitPullRequest size={14} />}
                n={s.counts.openChangeRequests}
                label="change requests"
              />
              <Count icon={<IconHandStop size={14} />} n={s.counts.blockedWorkItems} label="blocked" />
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" mb={2}>
        {label}
      </Text>
      {children}
    </div>
  );
}

function Count({ icon, n, label }: { icon: ReactNode; n: number; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Text c="dimmed" component="span" style={{ display: 'flex' }} aria-hidden>
        {icon}
      </Text>
      <Text size="xs" className="tabular">
        <b>{n}</b>{' '}
        <Text span size="xs" c="dimmed">
          {label}
        </Text>
      </Text>
    </Group>
  );
}
