import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { answerConflict, usePendingConflict } from '../api/conflict-store.ts';

const HIDDEN = new Set(['version', 'createdAt', 'updatedAt', 'id', 'projectId']);

export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

function humanize(field: string): string {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Someone else changed a row while this user edited it (HTTP 412). Shows their values next to the user's,
 * and lets the user keep theirs or re-apply their own fields on top of the current version — the other
 * person's changes to other fields stay either way.
 */
export function ConflictDialog() {
  const conflict = usePendingConflict();
  if (!conflict) return null;
  const { what, action, mine, base, current } = conflict;
  const myFields = Object.keys(mine).filter((f) => !HIDDEN.has(f));
  // Only fields the user could see (the server may send bookkeeping ones the row's GET does not show).
  const theirFields = Object.keys(current).filter(
    (f) => !HIDDEN.has(f) && f in base && !myFields.includes(f) && !same(base[f], current[f]),
  );
  return (
    <Modal
      opened
      onClose={() => answerConflict('theirs')}
      title={
        <Group gap="xs">
          <IconGitMerge size={20} aria-hidden="true" />
          <Text fw={650}>
            Someone else changed this {action === 'delete' ? 'before you deleted it' : 'first'}
          </Text>
        </Group>
      }
      size="lg"
      closeOnClickOutside={false}
      aria-describedby="conflict-explanation"
    >
      <Stack gap="md">
        <Text size="sm" id="conflict-explanation">
          While you were {action === 'delete' ? 'looking at' : 'editing'} the {what}, another person saved a
          newer version. Nothing has been overwritten yet. Compare the two and choose which to keep.
        </Text>
        {action === 'update' && myFields.length > 0 && (
          <Table withTableBorder withColumnBorders verticalSpacing="xs" aria-label="Your changes and theirs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Field</Table.Th>
                <Table.Th>Their version (saved)</Table.Th>
                <Table.Th>Your change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {myFields.map((field) => (
                <Table.Tr key={field}>
                  <Table.Td fw={500}>{humanize(field)}</Table.Td>
                  <Table.Td data-testid={`theirs-${field}`}>{formatValue(current[field])}</Table.Td>
                  <Table.Td data-testid={`mine-${field}`}>{formatValue(mine[field])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {theirFields.length > 0 && (
          <Text size="sm" c="dimmed">
            They also changed {theirFields.map(humanize).join(', ').toLowerCase()}; those changes are kept
            either way.
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => answerConflict('theirs')} data-autofocus>
            {action === 'delete' ? 'Keep it' : 'Keep their version'}
          </Button>
          <Button color={action === 'delete' ? 'red' : undefined} onClick={() => answerConflict('mine')}>
            {action === 'delete' ? 'Delete anyway' : 'Apply my change on top'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
