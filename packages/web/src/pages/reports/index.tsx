// Status reports: pick the audience and the status date, preview the HTML report, download it as
// Markdown or PDF. The server tells the same status three ways (executive, PM, engineering).
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, useProject } from '../../api/index.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { type Audience, type ReportFormat, downloadReport, fetchReport, reportUrl } from './report-api.ts';

const AUDIENCES: { value: Audience; label: string }[] = [
  { value: 'executive', label: 'Executive' },
  { value: 'pm', label: 'Project manager' },
  { value: 'engineering', label: 'Engineering' },
];

export default function ReportsPage() {
  const projectId = useProjectId();
  const project = useProject(projectId);
  const [audience, setAudience] = useState<Audience>('executive');
  const [date, setDate] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const projectDate =
    (project.data as { statusDate?: string | null } | undefined)?.statusDate?.slice(0, 10) ?? '';
  const statusDate = date ?? projectDate;
  const validDate = statusDate === '' || /^\d{4}-\d{2}-\d{2}$/.test(statusDate);
  const preview = useQuery({
    queryKey: ['project', projectId, 'reports', audience, statusDate],
    queryFn: async () => (await fetchReport(reportUrl(projectId, audience, 'html', statusDate))).text(),
    enabled: validDate && project.isSuccess,
    meta: { silent: true },
  });
  const download = (format: ReportFormat) => {
    setProblem(null);
    downloadReport(reportUrl(projectId, audience, format, statusDate)).catch((e: unknown) =>
      setProblem(describeError(e)),
    );
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="Status reports"
        description="One status, told for the boardroom, the project manager and the engineers. Reproducible for a status date."
      >
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() => download('md')}
            disabled={!validDate}
          >
            Markdown
          </Button>
          <Button
            leftSection={<IconDownload size={16} />}
            onClick={() => download('pdf')}
            disabled={!validDate}
          >
            PDF
          </Button>
        </Group>
      </PageHeader>
      <Paper withBorder radius="lg" p="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <div>
            <Text size="sm" fw={500} mb={4} id="report-audience-label">
              Audience
            </Text>
            <SegmentedControl
              aria-labelledby="report-audience-label"
              data={AUDIENCES}
              value={audience}
              onChange={(v) => setAudience(v as Audience)}
            />
          </div>
          <TextInput
            label="Status date"
            type="date"
            value={statusDate}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={validDate ? undefined : 'YYYY-MM-DD'}
            w={180}
          />
        </Group>
      </Paper>
      {problem && (
        <Alert color="red" title="Download failed">
          {problem}
        </Alert>
      )}
      {preview.isError && (
        <Alert color="red" title="Could not make the report">
          {describeError(preview.error)}
        </Alert>
      )}
      <Paper withBorder radius="lg" p={0} style={{ overflow: 'hidden' }}>
        {preview.data ? (
          <iframe
            title={`${AUDIENCES.find((a) => a.value === audience)?.label} report preview`}
            srcDoc={preview.data}
            sandbox=""
            data-testid="report-preview"
            style={{ width: '100%', height: '75vh', border: 0, background: '#fff' }}
          />
        ) : (
          <Text p="md" c="dimmed">
            {preview.isFetching ? 'Making the report…' : 'No report yet.'}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
