// Change control: the project's open change requests with their impact analysis, sign-offs and
// approval (ChangeRequestGovernance can also be mounted on the change-request list page).
import { Stack } from '@mantine/core';
import { useProject } from '../../api/index.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../work-shared/PageHeader.tsx';
import { PageSkeleton } from '../work-shared/PageSkeleton.tsx';
import { ChangeRequestGovernance } from './ChangeRequestGovernance.tsx';
import { useChangeRequests } from './governance-api.ts';

const OPEN = new Set(['draft', 'submitted']);

export default function ChangeControlPage() {
  const projectId = useProjectId();
  const project = useProject(projectId);
  const list = useChangeRequests(projectId);
  if (list.isPending) return <PageSkeleton label="Loading change requests" columns={1} />;
  if (list.isError)
    return <ErrorState error={list.error} what="change requests" onRetry={() => void list.refetch()} />;
  const items = [...list.data.items].sort((a, b) => Number(OPEN.has(b.status)) - Number(OPEN.has(a.status)));
  const currency = (project.data as { currency?: string | null } | undefined)?.currency ?? null;
  return (
    <Stack gap="md">
      <PageHeader
        title="Change control"
        description="Impact on a what-if copy of the plan, the PM's and TPM's sign-offs, approval and re-baseline."
      />
      {items.length === 0 ? (
        <EmptyState title="No change requests" description="Raise one on the change requests page." />
      ) : (
        items.map((cr) => (
          <ChangeRequestGovernance key={cr.id} projectId={projectId} changeRequest={cr} currency={currency} />
        ))
      )}
    </Stack>
  );
}
