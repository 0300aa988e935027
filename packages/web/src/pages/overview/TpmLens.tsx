import { SimpleGrid, Stack } from '@mantine/core';
import { raidEntries, requirements, workItems } from '../../api/collections.ts';
import { useSchedule } from '../../api/projects.ts';
import type { Project } from '../../api/types.ts';
import { formatDate, formatPercent } from '../../app/format.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Stat } from '../../components/Stat.tsx';
import { BlockersPanel } from './BlockersPanel.tsx';
import { CriticalPathPanel } from './CriticalPathPanel.tsx';
import { EngineeringHealthPanel } from './EngineeringHealthPanel.tsx';
import { LensSkeleton } from './LensSkeleton.tsx';
import { ReleasesPanel } from './ReleasesPanel.tsx';
import { RequirementsCoveragePanel, coverageOf } from './RequirementsCoveragePanel.tsx';
import { isOpen } from './risk-exposure.ts';
import { TopRisksPanel } from './TopRisksPanel.tsx';

/** The TPM lens: critical path, blockers, technical risks, requirements coverage, releases, engineering health. */
export function TpmLens({ project }: { project: Project }) {
  const schedule = useSchedule(project.id);
  const blocked = workItems.useList(project.id, { status: 'blocked' });
  const raid = raidEntries.useList(project.id);
  const reqs = requirements.useList(project.id);
  if (schedule.isPending) return <LensSkeleton />;
  if (schedule.isError)
    return <ErrorState error={schedule.error} what="the schedule" onRetry={() => void schedule.refetch()} />;
  const openRaid = (raid.data ?? []).filter(isOpen);
  const blockers =
    (blocked.data?.length ?? 0) +
    openRaid.filter((e) => e.kind === 'issue' || e.kind === 'dependency').length;
  const technical = openRaid.filter((e) => e.kind === 'risk' && e.category === 'technical').length;
  const coverage = coverageOf(reqs.data ?? []);
  const critical = schedule.data.criticalPath.length;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
        <Stat
          label="Critical path"
          value={`${critical} tasks`}
          detail={`Drives the finish on ${formatDate(schedule.data.project.finish)}`}
          tone="neutral"
        />
        <Stat
          label="Blockers"
          value={blocked.isPending || raid.isPending ? '…' : blockers}
          detail={blockers === 0 ? 'Nothing is blocked' : 'Blocked work, open issues and dependencies'}
          tone={blockers === 0 ? 'good' : blockers > 3 ? 'bad' : 'warn'}
        />
        <Stat
          label="Technical risks"
          value={raid.isPending ? '…' : technical}
          detail={technical === 0 ? 'None open' : 'Open risks in the technical category'}
          tone={technical === 0 ? 'good' : 'warn'}
        />
        <Stat
          label="Requirements coverage"
          value={
            reqs.isPending
              ? '…'
              : coverage.total === 0
                ? '—'
                : formatPercent(coverage.linked / coverage.total)
          }
          detail={
            coverage.total === 0
              ? 'No requirements yet'
              : `${coverage.linked} of ${coverage.total} linked to work · ${coverage.tested} with tests`
          }
          tone={coverage.total === 0 ? 'neutral' : coverage.linked === coverage.total ? 'good' : 'warn'}
        />
      </SimpleGrid>
      <CriticalPathPanel
        projectId={project.id}
        schedule={schedule.data}
        minutesPerDay={project.units.minutesPerDay}
      />
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
        <BlockersPanel projectId={project.id} blocked={blocked.data ?? []} raid={openRaid} />
        <TopRisksPanel
          projectId={project.id}
          currency={project.currency}
          minutesPerDay={project.units.minutesPerDay}
          title="Technical risks"
          filter={(r) => r.category === 'technical'}
          emptyText="No open technical risks."
        />
        <RequirementsCoveragePanel projectId={project.id} requirements={reqs.data} error={reqs.error} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ReleasesPanel projectId={project.id} />
        <EngineeringHealthPanel projectId={project.id} />
      </SimpleGrid>
    </Stack>
  );
}
