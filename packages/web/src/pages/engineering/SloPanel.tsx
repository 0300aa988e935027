import { Button, Skeleton, Stack } from '@mantine/core';
import { IconGauge, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Panel } from '../../components/Panel.tsx';
import { useCanPlan } from '../../api/project-access.ts';
import { useSlos } from './engineering-api.ts';
import { SloCard } from './SloCard.tsx';
import { SloForm } from './SloForm.tsx';

/** The project's SLOs with uptime and error budget; an "Add SLO" form for people who plan. */
export function SloPanel({ projectId }: { projectId: string }) {
  const slos = useSlos(projectId);
  // Only hides the form: the server decides, and its 403 shows in the form.
  const mayPlan = useCanPlan(projectId) === true;
  const [adding, setAdding] = useState(false);
  const list = slos.data ?? [];
  return (
    <Panel
      id="slos"
      title="Service level objectives"
      description="Uptime and error budget over each SLO’s rolling window"
      action={
        mayPlan && list.length > 0 && !adding ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAdding(true)}
          >
            Add SLO
          </Button>
        ) : undefined
      }
    >
      {slos.isPending ? (
        <Skeleton height={120} radius="md" />
      ) : slos.isError ? (
        <ErrorState error={slos.error} what="the SLOs" onRetry={() => void slos.refetch()} />
      ) : (
        <Stack gap="sm">
          {adding && <SloForm projectId={projectId} onDone={() => setAdding(false)} />}
          {list.length === 0 ? (
            <>
              <EmptyState
                compact
                icon={IconGauge}
                title="No SLOs yet"
                description="Set an objective (say 99.9% over 30 days) and Tandem tracks uptime and the error budget from incidents or measurements."
              />
              {mayPlan && !adding && <SloForm projectId={projectId} />}
            </>
          ) : (
            list.map((slo) => <SloCard key={slo.id} projectId={projectId} slo={slo} />)
          )}
        </Stack>
      )}
    </Panel>
  );
}
