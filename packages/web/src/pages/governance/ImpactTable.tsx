// Before / after / delta of a what-if: finish, cost, P50/P80 and the critical path's changes.
import { Badge, Group, Table, Text } from '@mantine/core';
import { formatDate, formatMoney } from '../../app/format.ts';
import type { Delta, Measures } from './governance-api.ts';

const signed = (x: number, unit = '') => `${x > 0 ? '+' : ''}${Math.round(x * 10) / 10}${unit}`;

export function ImpactTable({
  before,
  after,
  delta,
  beforeLabel = 'Live plan',
  afterLabel = 'With the change',
  currency,
}: {
  before: Measures;
  after: Measures;
  delta: Delta;
  beforeLabel?: string;
  afterLabel?: string;
  currency?: string | null;
}) {
  const deltaColor = (x: number) => (x > 0 ? 'red' : x < 0 ? 'teal' : 'gray');
  return (
    <Table withTableBorder striped aria-label="Impact analysis">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th>{beforeLabel}</Table.Th>
          <Table.Th>{afterLabel}</Table.Th>
          <Table.Th>Change</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr>
          <Table.Td>Finish</Table.Td>
          <Table.Td>{formatDate(before.finish)}</Table.Td>
          <Table.Td>{formatDate(after.finish)}</Table.Td>
          <Table.Td>
            <Badge color={deltaColor(delta.finishWorkingDays)} variant="light" data-testid="delta-finish">
              {signed(delta.finishWorkingDays, ' d')}
            </Badge>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>Cost</Table.Td>
          <Table.Td>{formatMoney(before.cost, currency)}</Table.Td>
          <Table.Td>{formatMoney(after.cost, currency)}</Table.Td>
          <Table.Td>
            <Badge color={deltaColor(delta.cost)} variant="light" data-testid="delta-cost">
              {delta.cost > 0 ? '+' : ''}
              {formatMoney(delta.cost, currency)}
            </Badge>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>P50 finish</Table.Td>
          <Table.Td>{formatDate(before.p50.date)}</Table.Td>
          <Table.Td>{formatDate(after.p50.date)}</Table.Td>
          <Table.Td>{signed(delta.p50WorkingDays, ' d')}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>P80 finish</Table.Td>
          <Table.Td>{formatDate(before.p80.date)}</Table.Td>
          <Table.Td>{formatDate(after.p80.date)}</Table.Td>
          <Table.Td>
            <Badge color={deltaColor(delta.p80WorkingDays)} variant="light" data-testid="delta-p80">
              {signed(delta.p80WorkingDays, ' d')}
            </Badge>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>Critical path</Table.Td>
          <Table.Td>{before.criticalPath.length} tasks</Table.Td>
          <Table.Td>{after.criticalPath.length} tasks</Table.Td>
          <Table.Td>
            <Group gap={4}>
              {delta.criticalPathAdded.map((id) => (
                <Badge key={`+${id}`} color="red" variant="outline" size="sm">
                  +{id}
                </Badge>
              ))}
              {delta.criticalPathRemoved.map((id) => (
                <Badge key={`-${id}`} color="teal" variant="outline" size="sm">
                  −{id}
                </Badge>
              ))}
              {delta.criticalPathAdded.length + delta.criticalPathRemoved.length === 0 && (
                <Text size="sm" c="dimmed">
                  unchanged
                </Text>
              )}
            </Group>
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
