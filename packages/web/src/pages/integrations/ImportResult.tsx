// The end of an import: the counts of what was created, updated and deleted, or every problem with its
// location (line and column for CSV, element path for MS Project XML) and the promise that nothing
// was imported.
import { Alert, Code, List, ScrollArea, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import type { ImportJob } from './integrations-api.ts';

const KIND_LABEL: Record<string, string> = {
  workItems: 'Tasks',
  dependencies: 'Dependencies',
  calendars: 'Calendars',
  resources: 'Resources',
  assignments: 'Assignments',
  baselines: 'Baselines',
  risks: 'Risks',
};

function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

export function ImportResult({ job }: { job: ImportJob }) {
  if (job.status === 'failed')
    return (
      <Alert
        color="red"
        icon={<IconAlertCircle />}
        title={`${job.errors.length} problem${job.errors.length === 1 ? '' : 's'} in ${job.fileName ?? 'the file'}: nothing was imported`}
        data-testid="import-problems"
        role="alert"
      >
        <Text size="sm" mb="xs">
          The import is all or nothing: fix these in the file and import it again.
        </Text>
        <ScrollArea.Autosize mah={360} type="auto">
          <Table fz="sm" verticalSpacing={4} aria-label="Import problems" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="30%">Where</Table.Th>
                <Table.Th>Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {job.errors.map((p, i) => (
                <Table.Tr key={`${p.path}-${i}`}>
                  <Table.Td style={{ verticalAlign: 'top', wordBreak: 'break-word' }}>
                    <Code>{p.path}</Code>
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>
                    {p.message}
                    {valueText(p.value) && (
                      <Text
                        size="xs"
                        ff="monospace"
                        c="dimmed"
                        lineClamp={2}
                        style={{ wordBreak: 'break-all' }}
                      >
                        {valueText(p.value)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Alert>
    );

  const result = job.result;
  const kinds = result
    ? Object.keys(KIND_LABEL).filter(
        (k) => (result.created[k] ?? 0) + (result.updated[k] ?? 0) + (result.deleted[k] ?? 0) > 0,
      )
    : [];
  return (
    <Alert
      color="teal"
      icon={<IconCircleCheck />}
      title={`Imported ${job.fileName ?? 'the file'}: ${result?.workItems ?? 0} tasks in the plan`}
      data-testid="import-result"
      role="status"
    >
      {kinds.length > 0 && (
        <Table fz="sm" verticalSpacing={2} maw={480} aria-label="Import counts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right">Created</Table.Th>
              <Table.Th ta="right">Updated</Table.Th>
              <Table.Th ta="right">Deleted</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kinds.map((k) => (
              <Table.Tr key={k}>
                <Table.Td>{KIND_LABEL[k]}</Table.Td>
                <Table.Td ta="right">{result?.created[k] ?? 0}</Table.Td>
                <Table.Td ta="right">{result?.updated[k] ?? 0}</Table.Td>
                <Table.Td ta="right">{result?.deleted[k] ?? 0}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result && result.sprintsCreated > 0 && (
        <Text size="sm" mt="xs">
          {result.sprintsCreated} sprint{result.sprintsCreated === 1 ? '' : 's'} created.
        </Text>
      )}
      {job.warnings.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">
            Warnings
          </Text>
          <List size="sm">
            {job.warnings.map((w, i) => (
              <List.Item key={`${i}-${w}`}>{w}</List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
