// Integrations: where the project meets other tools. Webhooks in (GitHub, GitLab, Jenkins, CircleCI,
// alerting) and their deliveries, a calendar feed to subscribe to, import from MS Project /
// TaskJuggler / CSV / Jira, and export of the plan. Webhooks, imports and feeds need the project's
// plan permission (PM, TPM, admin, owner): others see the feeds and the exports.
import { Alert, SimpleGrid, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useProjectId } from '../../app/use-project-id.ts';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { CalendarFeedPanel } from './CalendarFeedPanel.tsx';
import { DeliveriesPanel } from './DeliveriesPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { useHookConfigs } from './integrations-api.ts';
import { useCanPlan } from '../../api/project-access.ts';
import { WebhooksPanel } from './WebhooksPanel.tsx';

function PlannerPanels({ projectId }: { projectId: string }) {
  const hooks = useHookConfigs(projectId);
  return (
    <>
      <WebhooksPanel projectId={projectId} />
      <DeliveriesPanel projectId={projectId} hooks={hooks.data ?? []} />
    </>
  );
}

export default function IntegrationsPage() {
  const projectId = useProjectId();
  const canPlan = useCanPlan(projectId);

  return (
    <Stack gap="md">
      <PageHeader
        title="Integrations"
        description="Connect the project to your tools: webhooks from source control, CI and alerting; a calendar feed; import and export of the plan."
      />
      {canPlan === false && (
        <Alert color="gray" icon={<IconLock />} title="Read-only" role="status">
          Webhooks, imports and calendar feeds are managed by the project’s PM or TPM (or a workspace admin).
          You can export the plan and see the project’s calendar feeds.
        </Alert>
      )}
      {canPlan && <PlannerPanels projectId={projectId} />}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          {canPlan && <ImportPanel projectId={projectId} />}
          <ExportPanel projectId={projectId} />
        </Stack>
        <CalendarFeedPanel projectId={projectId} canPlan={canPlan === true} />
      </SimpleGrid>
    </Stack>
  );
}
