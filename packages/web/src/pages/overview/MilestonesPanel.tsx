import { Fragment } from 'react';
import { Badge, Group, ScrollArea, Table, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconDiamond } from '@tabler/icons-react';
import { type MilestoneEngineeringState, useEngineeringState } from '../../api/engineering-state.ts';
import { describeError } from '../../api/errors.ts';
import type { ProjectSummary } from '../../api/types.ts';
import { formatDate } from '../../app/format.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { EngineeringStatePopover } from '../../components/EngineeringStatePopover.tsx';
import { PageLink } from '../../components/PageLink.tsx';
import { Panel } from '../../components/Panel.tsx';
import { TONE_COLOR, varianceLabel, varianceTone } from '../../components/status.ts';

/** Milestones with their baseline and forecast dates, the next one highlighted; under each, the
 * engineering state of the work that feeds it (builds, deployments, incidents, coverage). */
export function MilestonesPanel({ projectId, summary }: { projectId: string; summary: ProjectSummary }) {
  const engineering = useEngineeringState(projectId);
  const stateOf = new Map<string, MilestoneEngineeringState>(
    (engineering.data?.milestones ?? []).map((m) => [m.key, m]),
  );
  return (
    <Panel
      id="milestones"
      title="Milestones"
      description={
        summary.statusDate ? `Forecast as of the status date, ${formatDate(summary.statusDate)}` : undefined
      }
      action={
        <PageLink projectId={projectId} page="gantt">
          Open Gantt
        </PageLink>
      }
    >
      {summary.milestones.length === 0 ? (
        <EmptyState
          compact
          icon={IconDiamond}
          title="No milestones"
          description="Mark key dates as milestones in the plan to track them here."
        />
      ) : (
        <ScrollArea.Autosize mah={520} type="auto">
          {engineering.isError && (
            <Text size="xs" c="dimmed" mb={4}>
              Engineering state unavailable: {describeError(engineering.error)}
            </Text>
          )}
          <Table verticalSpacing={6} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Milestone</Table.Th>
                <Table.Th>Baseline</Table.Th>
                <Table.Th>Forecast</Table.Th>
                <Table.Th>Variance</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.milestones.map((m) => {
                const next = summary.nextMilestone?.key === m.key;
                const state = stateOf.get(m.key);
                const bg = next ? 'var(--mantine-primary-color-light)' : undefined;
                return (
                  <Fragment key={m.key}>
                    <Table.Tr
                      bg={bg}
                      aria-current={next ? 'step' : undefined}
                      data-milestone={m.key}
                      style={state ? { borderBottom: 'none' } : undefined}
                    >
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          {m.done ? (
                            <ThemeIcon size={18} radius="xl" color="teal" variant="light" aria-label="Done">
                              <IconCircleCheck size={14} />
                            </ThemeIcon>
                          ) : (
                            <ThemeIcon
                              size={18}
                              radius="xl"
                              color={m.critical ? 'red' : 'gray'}
                              variant="light"
                              aria-label={m.critical ? 'Critical' : 'Open'}
                            >
                              <IconDiamond size={12} />
                            </ThemeIcon>
                          )}
                          <Text size="sm" lineClamp={1} fw={next ? 600 : 400}>
                            {m.name}
                          </Text>
                          {next && (
                            <Badge size="xs" variant="filled" title="The next open milestone">
                              Next
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                          {formatDate(m.baselineDate)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                          {formatDate(m.date)}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {m.done ? (
                          <Text size="xs" c="dimmed">
                            done
                          </Text>
                        ) : (
                          <Text size="xs" fw={600} c={TONE_COLOR[varianceTone(m.varianceDays)]}>
                            {varianceLabel(m.varianceDays)}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {state && (
                      <Table.Tr bg={bg} data-milestone-engineering={m.key}>
                        <Table.Td colSpan={4} pt={0} pl={34}>
                          <EngineeringStatePopover state={state} name={m.name} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Panel>
  );
}
