// Export the plan: MS Project XML (with the schedule's dates), the task CSV, iCalendar (milestones and
// deadlines), or a Tandem plan file. Saved under the server's file name.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { downloadFile } from '../../api/download.ts';
import { describeError } from '../../api/index.ts';
import { Panel } from '../../components/Panel.tsx';
import { type ExportFormat, exportUrl } from './integrations-api.ts';

const EXPORTS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'mspdi', label: 'MS Project XML', hint: 'MS Project, ProjectLibre, GanttProject' },
  { format: 'csv', label: 'CSV', hint: 'Excel, Google Sheets' },
  { format: 'ics', label: 'iCalendar', hint: 'Milestones and deadlines, once' },
  { format: 'json', label: 'JSON', hint: 'Tandem plan file' },
  { format: 'yaml', label: 'YAML', hint: 'Tandem plan file' },
];

export function ExportPanel({ projectId }: { projectId: string }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const download = (format: ExportFormat) => {
    setBusy(format);
    setProblem(null);
    setSaved(null);
    downloadFile(exportUrl(projectId, format), `plan.${format}`)
      .then(setSaved)
      .catch((e: unknown) => setProblem(describeError(e)))
      .finally(() => setBusy(null));
  };

  return (
    <Panel id="export" title="Export" description="The plan as a file, with the current schedule's dates.">
      <Stack gap="sm">
        <Group gap="xs">
          {EXPORTS.map((e) => (
            <Button
              key={e.format}
              variant="default"
              leftSection={<IconDownload size={16} />}
              loading={busy === e.format}
              onClick={() => download(e.format)}
              title={e.hint}
            >
              {e.label}
            </Button>
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          MS Project XML opens in MS Project, ProjectLibre and GanttProject; JSON and YAML import back into
          Tandem unchanged.
        </Text>
        {saved && (
          <Text size="sm" role="status">
            Saved {saved}.
          </Text>
        )}
        {problem && (
          <Alert color="red" role="alert" title="Export failed">
            {problem}
          </Alert>
        )}
      </Stack>
    </Panel>
  );
}
