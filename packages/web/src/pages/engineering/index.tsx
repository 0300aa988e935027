// Engineering: the TPM's delivery signals beside the plan. DORA's four keys for a window (and a
// release), their trends, each release's keys and engineering state, what is broken now (one click
// to a RAID risk), the raw signals in tabs, and SLOs with their error budgets.
import { SimpleGrid, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useProjectId } from '../../app/use-project-id.ts';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { BrokenNowPanel } from './BrokenNowPanel.tsx';
import { DoraWindowControls } from './DoraWindowControls.tsx';
import { DEFAULT_WINDOW, type DoraWindow } from './dora-window.ts';
import { useDefaultDora, useDora, useEngineeringView, useWorkItemKeys } from './engineering-api.ts';
import { FourKeysPanel } from './FourKeysPanel.tsx';
import { ReleasesTable } from './ReleasesTable.tsx';
import { SignalTabs } from './SignalTabs.tsx';
import { SloPanel } from './SloPanel.tsx';
import { TrendsPanel } from './TrendsPanel.tsx';

export default function EngineeringPage() {
  const projectId = useProjectId();
  const [window, setWindow] = useState<DoraWindow>(DEFAULT_WINDOW);
  const base = useDefaultDora(projectId);
  const dora = useDora(projectId, window);
  const view = useEngineeringView(projectId);
  const keys = useWorkItemKeys(projectId);
  const releases = useMemo(
    () =>
      (view.data?.releases ?? []).map((r) => ({ id: r.id, name: r.tag ? `${r.name} (${r.tag})` : r.name })),
    [view.data],
  );
  const releaseNames = useMemo(() => new Map(releases.map((r) => [r.id, r.name])), [releases]);
  const releaseName = window.releaseId ? releaseNames.get(window.releaseId) : undefined;
  const windowLabel = `Last ${window.days} days${releaseName ? `, ${releaseName}` : ''}`;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Engineering"
        description="Delivery signals beside the plan: DORA’s four keys, builds, deployments, incidents and SLOs"
      >
        <DoraWindowControls value={window} onChange={setWindow} releases={releases} />
      </PageHeader>
      <FourKeysPanel projectId={projectId} dora={dora} windowLabel={windowLabel} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <BrokenNowPanel projectId={projectId} view={view} keys={keys} />
        <SloPanel projectId={projectId} />
      </SimpleGrid>
      <TrendsPanel projectId={projectId} dora={dora} />
      <ReleasesTable dora={base} view={view} />
      <SignalTabs projectId={projectId} keys={keys} releaseNames={releaseNames} />
    </Stack>
  );
}
