// Import a plan file: MS Project XML (also ProjectLibre, GanttProject, TaskJuggler), a task CSV, Jira's
// CSV export or a Tandem plan file. The upload becomes a job; its progress shows until it ends with
// the counts or every problem. A refusal before the job (too large, unknown format, no right) shows
// the server's message.
import { Alert, Button, FileInput, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { IconFileImport, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError, describeError } from '../../api/index.ts';
import { Panel } from '../../components/Panel.tsx';
import { formatBytes } from './format-bytes.ts';
import { IMPORT_MAX_BYTES, type ImportFormat } from './integrations-api.ts';
import { ImportResult } from './ImportResult.tsx';
import { useImportJob } from './use-import-job.ts';

const FORMATS: { value: ImportFormat | 'auto'; label: string }[] = [
  { value: 'auto', label: 'Tell from the file name (.xml, .csv, .json, .yaml)' },
  { value: 'mspdi', label: 'MS Project XML (MS Project, ProjectLibre, GanttProject, TaskJuggler)' },
  { value: 'csv', label: 'Task CSV (a Jira export is recognised by its columns)' },
  { value: 'jira-csv', label: 'Jira issues CSV' },
  { value: 'json', label: 'Tandem plan file (JSON)' },
  { value: 'yaml', label: 'Tandem plan file (YAML)' },
];

const PHASE_LABEL = {
  queued: 'Waiting to start',
  parsing: 'Reading the file',
  validating: 'Checking the plan',
  saving: 'Saving',
  done: 'Done',
} as const;

export function ImportPanel({ projectId }: { projectId: string }) {
  const { state, start, reset } = useImportJob(projectId);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto');
  const tooLarge = file !== null && file.size > IMPORT_MAX_BYTES;
  const busy = state.kind === 'uploading' || state.kind === 'running';
  const job = state.kind === 'running' || state.kind === 'done' ? state.job : null;

  return (
    <Panel
      id="import"
      title="Import"
      description="Bring a plan in from MS Project, TaskJuggler, a spreadsheet or Jira. All or nothing; tasks are matched by key, so importing the same file again updates them in place."
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file && !tooLarge) void start(file, format);
        }}
      >
        <Stack gap="sm">
          <FileInput
            label="File"
            placeholder="Choose a .xml, .csv, .json or .yaml file"
            value={file}
            onChange={(f) => {
              setFile(f);
              reset();
            }}
            accept=".xml,.csv,.json,.yaml,.yml,application/xml,text/csv"
            clearable
            leftSection={<IconFileImport size={16} />}
            description={file ? `${formatBytes(file.size)} — at most 25 MB` : 'At most 25 MB'}
            error={
              tooLarge ? `This file is ${formatBytes(file.size)}: imports may be at most 25 MB.` : undefined
            }
            data-testid="import-file"
          />
          <Select
            label="Format"
            data={FORMATS}
            value={format}
            onChange={(v) => v && setFormat(v as ImportFormat | 'auto')}
            allowDeselect={false}
          />
          <Group>
            <Button
              type="submit"
              leftSection={<IconUpload size={16} />}
              disabled={!file || tooLarge}
              loading={busy}
            >
              Import
            </Button>
          </Group>
          {state.kind === 'uploading' && (
            <Text size="sm" c="dimmed" role="status">
              Uploading {state.fileName}…
            </Text>
          )}
          {job && (
            <div>
              <Group justify="space-between" mb={4}>
                <Text size="sm">{job.status === 'failed' ? 'Stopped' : PHASE_LABEL[job.phase]}</Text>
                <Text size="sm" c="dimmed">
                  {Math.round(job.progress * 100)}%
                </Text>
              </Group>
              <Progress
                value={job.progress * 100}
                color={job.status === 'failed' ? 'red' : job.status === 'succeeded' ? 'teal' : undefined}
                animated={busy}
                aria-label={`Import progress: ${PHASE_LABEL[job.phase]}`}
                data-testid="import-progress"
                data-phase={job.phase}
              />
            </div>
          )}
          {state.kind === 'done' && <ImportResult job={state.job} />}
          {state.kind === 'refused' && <ImportRefused error={state.error} />}
        </Stack>
      </form>
    </Panel>
  );
}

/** The upload was refused before any job: the server's reason, with what to do for the usual ones. */
function ImportRefused({ error }: { error: unknown }) {
  const status = error instanceof ApiError ? error.status : undefined;
  const title =
    status === 403
      ? 'You are not allowed to import into this project'
      : status === 415
        ? 'Tandem cannot tell this file’s format'
        : status === 413
          ? 'The file is too large'
          : error instanceof ApiError
            ? error.title
            : 'The import failed';
  return (
    <Alert color="red" role="alert" data-testid="import-refused" title={title}>
      {status === 415 && (
        <Text size="sm" mb={4}>
          Pick the format in the list above, or use a file ending in .xml, .csv, .json or .yaml.
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {describeError(error)}
      </Text>
      <Text size="sm" fw={500} mt={4}>
        Nothing was imported.
      </Text>
    </Alert>
  );
}
