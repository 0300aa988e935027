import { SegmentedControl, Stack } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useProjectId } from '../../app/use-project-id.ts';
import type { Lens } from '../../app/routes.tsx';
import { PmLens } from './PmLens.tsx';
import { TpmLens } from './TpmLens.tsx';

/** Project overview: one plan through the PM lens or the TPM lens (`?lens=pm|tpm`, PM by default). */
export default function OverviewPage() {
  const projectId = useProjectId();
  const { lens = 'pm' } = useSearch({ strict: false }) as { lens?: Lens };
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
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
        w={{ base: '100%', xs: 280 }}
      />
      {lens === 'pm' ? <PmLens projectId={projectId} /> : <TpmLens projectId={projectId} />}
    </Stack>
  );
}
