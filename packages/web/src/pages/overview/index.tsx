import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useProject } from '../../api/projects.ts';
import type { Lens } from '../../app/routes.tsx';
import { useProjectId } from '../../app/use-project-id.ts';
import { formatDate } from '../../app/format.ts';
import { PmLens } from './PmLens.tsx';
import { TpmLens } from './TpmLens.tsx';

/** Project overview: one plan through the PM lens or the TPM lens (`?lens=pm|tpm`, PM by default). */
export default function OverviewPage() {
  const projectId = useProjectId();
  const project = useProject(projectId);
  const { lens = 'pm' } = useSearch({ strict: false }) as { lens?: Lens };
  const navigate = useNavigate();
  if (!project.data) return null; // ProjectLayout shows loading and errors
  const p = project.data;
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <SegmentedControl
          aria-label="Lens"
          value={lens}
          onChange={(value) =>
            void navigate({
              to: '/projects/$projectId',
              params: { projectId },
              search: { lens: value as Lens },
            })
          }
          data={[
            { value: 'pm', label: 'PM lens' },
            { value: 'tpm', label: 'TPM lens' },
          ]}
          w={260}
        />
        <Text size="xs" c="dimmed">
          {lens === 'pm'
            ? 'Schedule, money, risk and people — for the boardroom.'
            : 'Critical path, blockers and delivery — for the engineers.'}
          {p.statusDate ? ` Status date ${formatDate(p.statusDate)}.` : ''}
        </Text>
      </Group>
      {lens === 'pm' ? <PmLens project={p} /> : <TpmLens project={p} />}
    </Stack>
  );
}
