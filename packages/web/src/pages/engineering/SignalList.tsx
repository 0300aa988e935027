import { Button, Group, Skeleton, Table, Text } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ConnectSignalsLink } from './ConnectSignalsLink.tsx';
import { useSignalPages } from './engineering-api.ts';
import type { SignalKind, SignalRows } from './engineering-types.ts';

/** One signal list, newest first, 50 rows at a time, as a table. */
export function SignalList<K extends SignalKind>({
  projectId,
  kind,
  sort,
  label,
  headers,
  row,
  order,
  emptyIcon,
}: {
  projectId: string;
  kind: K;
  /** The API's sort field (descending). */
  sort: string;
  /** Plural, lower case: "deployments". */
  label: string;
  headers: string[];
  row: (item: SignalRows[K]) => ReactNode;
  /** Reorders the rows shown (e.g. CI runs by finish time; the API sorts them by arrival). */
  order?: (a: SignalRows[K], b: SignalRows[K]) => number;
  emptyIcon: Icon;
}) {
  const pages = useSignalPages(projectId, kind, sort);
  if (pages.isPending) return <Skeleton height={220} radius="md" mt="sm" />;
  if (pages.isError)
    return <ErrorState error={pages.error} what={`the ${label}`} onRetry={() => void pages.refetch()} />;
  const items = pages.data.pages.flatMap((p) => p.items);
  if (order) items.sort(order);
  if (items.length === 0)
    return (
      <EmptyState
        compact
        icon={emptyIcon}
        title={`No ${label} yet`}
        description={`${label[0]?.toUpperCase()}${label.slice(1)} arrive through webhooks from your tools.`}
        action={<ConnectSignalsLink projectId={projectId} />}
      />
    );
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="xs" highlightOnHover aria-label={label[0]?.toUpperCase() + label.slice(1)}>
          <Table.Thead>
            <Table.Tr>
              {headers.map((h) => (
                <Table.Th key={h}>{h || <span className="visually-hidden">Link</span>}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{items.map((item) => row(item))}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="xs">
        <Text size="xs" c="dimmed">
          {items.length} {label} shown{pages.hasNextPage ? ', newest first' : ''}
        </Text>
        {pages.hasNextPage && (
          <Button
            size="xs"
            variant="subtle"
            loading={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            Show more
          </Button>
        )}
      </Group>
    </>
  );
}
